/* The portmap plugin (chained): the container's ports published on the
 * host's local addresses through DNAT, hairpin and host connections
 * masqueraded (snat), prevResult passed on as the reference prints it. */
#include <stdio.h>

#include "cni_plugins.h"
#include "portmap_conf.h"
#include "portmap_localnet.h"
#include "cni/cni_result.h"

static int pass_on(const struct cni_call *call, struct cni_err *e)
{
	struct cni_result r;
	int rc;

	cni_result_init(&r);
	rc = cni_result_parse(call->conf.prev, &r, e);
	if (rc == 0 && cni_result_print(&r, call->conf.version, stdout) < 0)
		rc = cni_fail(e, CNI_E_IO, "failed to write the result");
	cni_result_free(&r);
	return rc;
}

static int add(struct cni_call *call, struct cni_err *e)
{
	struct pm_spec s;
	bool has_ctr;

	if (portmap_conf_parse(call, &s, &has_ctr, e) < 0)
		return -1;
	if (!call->conf.prev)
		return cni_fail(e, CNI_E_GENERIC, "must be called as chained plugin");
	if (has_ctr && (portmap_localnet(&s, e) < 0 || cni_portmap_add(&s, e) < 0))
		return -1;
	return pass_on(call, e);
}

/* Whatever the config says now, the container's rules go: DEL is
 * idempotent and leaves nothing of an earlier ADD. */
static int del(struct cni_call *call, struct cni_err *e)
{
	struct pm_spec s;
	bool has_ctr;

	if (portmap_conf_parse(call, &s, &has_ctr, e) < 0)
		return -1;
	return cni_portmap_del(call->conf.name, call->env.containerid, e);
}

static int check(struct cni_call *call, struct cni_err *e)
{
	struct pm_spec s;
	bool has_ctr;
	int there;

	if (portmap_conf_parse(call, &s, &has_ctr, e) < 0)
		return -1;
	if (!call->conf.prev)
		return cni_fail(e, CNI_E_GENERIC, "must be called as chained plugin");
	if (!has_ctr)
		return 0;
	there = cni_portmap_exists(call->conf.name, call->env.containerid, e);
	if (there == 0)
		return cni_fail(e, CNI_E_GENERIC, "portmap: the DNAT rules of container "
				"\"%s\" are missing", call->env.containerid);
	return there < 0 ? -1 : 0;
}

static bool still_attached(const char *id, void *data)
{
	return cni_attachment_listed(data, id, NULL);
}

/* GC: the rules of the network's containers the runtime no longer has. */
static int gc(struct cni_call *call, struct cni_err *e)
{
	const json_t *valid;

	if (cni_conf_attachments(&call->conf, &valid, e) < 0)
		return -1;
	return cni_portmap_gc(call->conf.name, still_attached, (void *)valid, e);
}

/* STATUS: always ready (its table is made on the first ADD). */
const struct cni_plugin cni_portmap_plugin = { "portmap", add, del, check, gc, NULL };
