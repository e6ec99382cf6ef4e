/* The entries of the CNI plugins: a link named bridge, host-local or
 * loopback (or `nsip cni-bridge` ...) is that plugin. Its words are the
 * spec's environment and stdin, never its arguments, which a runtime does
 * not pass (the reference plugins ignore them too). */
#include "applets.h"
#include "cni_plugins.h"

int cni_loopback_main(struct ctx *c, int argc, char **argv)
{
	(void)c, (void)argc, (void)argv;
	return cni_skel_run(&cni_loopback_plugin);
}

int cni_host_local_main(struct ctx *c, int argc, char **argv)
{
	(void)c, (void)argc, (void)argv;
	return cni_skel_run(&cni_host_local_plugin);
}

int cni_portmap_main(struct ctx *c, int argc, char **argv)
{
	(void)c, (void)argc, (void)argv;
	return cni_skel_run(&cni_portmap_plugin);
}

int cni_bridge_main(struct ctx *c, int argc, char **argv)
{
	(void)c, (void)argc, (void)argv;
	return cni_skel_run(&cni_bridge_plugin);
}
