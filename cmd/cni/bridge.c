/* placeholder, replaced below */
#include "cni_plugins.h"

static int nothing(struct cni_call *call, struct cni_err *e)
{
	(void)call;
	return cni_fail(e, CNI_E_GENERIC, "bridge: not yet");
}

const struct cni_plugin cni_bridge_plugin = { "bridge", nothing, nothing, nothing };
