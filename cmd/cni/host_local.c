/* The host-local IPAM plugin: an address from each range set of the ipam
 * config, kept in the reference's store (common/cni/hl_store) so that the
 * reference host-local and nsip's can share one; DEL frees them. */
#include <stdio.h>
#include <string.h>

#include "cni/cni_json.h"
#include "cni/cni_result.h"
#include "cni/hl_range.h"
#include "cni/hl_store.h"
#include "cni_plugins.h"

/* What the reference takes and nsip does not (yet): refused, never ignored. */
static int refuse_unsupported(const struct cni_call *call, struct cni_err *e)
{
	static const char *const keys[] = { "ips", "resolvConf" };
	const json_t *ipam = call->conf.ipam;
	const json_t *args = json_object_get(call->conf.root, "args");
	const json_t *rc = json_object_get(call->conf.root, "runtimeConfig");

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (json_object_get(ipam, keys[i]))
			return cni_fail(e, CNI_E_FIELD, "host-local: ipam \"%s\" is not "
					"supported by nsip yet", keys[i]);
	if (json_object_get(json_object_get(args, "cni"), "ips") ||
	    json_object_get(rc, "ips"))
		return cni_fail(e, CNI_E_FIELD, "host-local: requested \"ips\" are not "
				"supported by nsip yet");
	if (call->env.args && (strstr(call->env.args, "IP=") == call->env.args ||
			       strstr(call->env.args, ";IP=")))
		return cni_fail(e, CNI_E_FIELD, "host-local: CNI_ARGS IP= is not "
				"supported by nsip yet");
	return 0;
}

struct hl_call {
	struct hl_ranges ranges;
	const char *data_dir;
	struct hl_store store;
};

static int prepare(struct cni_call *call, struct hl_call *h, struct cni_err *e)
{
	const json_t *dd;

	if (!call->conf.ipam)
		return cni_fail(e, CNI_E_GENERIC, "IPAM config missing 'ipam' key");
	if (refuse_unsupported(call, e) < 0 ||
	    hl_ranges_parse(call->conf.ipam, &h->ranges, e) < 0)
		return -1;
	dd = json_object_get(call->conf.ipam, "dataDir");
	if (dd && (!json_is_string(dd) || !json_string_length(dd)))
		return cni_fail(e, CNI_E_DECODE, "host-local: dataDir is not a path");
	h->data_dir = dd ? json_string_value(dd) : NULL;
	return hl_store_open(&h->store, h->data_dir, call->conf.name, e);
}

/* One address from set, as the reference's allocator picks it. */
static int allocate(struct hl_call *h, size_t idx, const struct cni_env *env,
		    struct cni_ip *ip, struct cni_err *e)
{
	const struct hl_rangeset *set = &h->ranges.sets[idx];
	struct cni_ip_addr held[CNI_RES_IPS], last, cand;
	size_t n = hl_store_held(&h->store, env->containerid, env->ifname, held,
				 CNI_RES_IPS);
	struct hl_iter it;
	const struct hl_range *r;
	char a[CNI_ADDR_STRLEN];

	for (size_t i = 0; i < n; i++)
		if (hl_rangeset_find(set, &held[i]))
			return cni_fail(e, CNI_E_GENERIC, "failed to allocate for range %zu: "
					"%s has been allocated to %s, duplicate allocation "
					"is not allowed", idx,
					cni_addr_format(&held[i], a, sizeof(a)), env->containerid);
	hl_iter_init(&it, set, hl_store_last(&h->store, idx, &last) ? &last : NULL);
	while ((r = hl_iter_next(&it, &cand))) {
		int got = hl_store_reserve(&h->store, env->containerid, env->ifname,
					   &cand, idx, e);

		if (got < 0)
			return -1;
		if (got) {
			ip->addr = cand;
			ip->gw = r->gw;
			ip->iface = -1;
			return 0;
		}
	}
	return cni_fail(e, CNI_E_GENERIC, "failed to allocate for range %zu: no IP "
			"addresses available in range set: %s", idx,
			hl_rangeset_format(set, a, sizeof(a)));
}

static int add(struct cni_call *call, struct cni_err *e)
{
	struct hl_call h = { .store.lock_fd = -1 };
	struct cni_result r;
	int rc = prepare(call, &h, e);

	cni_result_init(&r);
	for (size_t i = 0; rc == 0 && i < h.ranges.n; i++)
		if (allocate(&h, i, &call->env, &r.ips[r.n_ips], e) < 0)
			rc = -1;
		else
			r.n_ips++;
	if (rc == 0)
		rc = cni_result_routes(json_object_get(call->conf.ipam, "routes"), &r, e);
	if (rc == 0 && cni_result_print(&r, call->conf.version, stdout) < 0)
		rc = cni_fail(e, CNI_E_IO, "failed to write the result");
	if (rc < 0 && r.n_ips) {
		/* nothing left behind: what this call reserved goes again */
		struct cni_err ignored;

		hl_store_release(&h.store, call->env.containerid, call->env.ifname,
				 &ignored);
	}
	hl_store_close(&h.store);
	cni_result_free(&r);
	return rc;
}

static int del(struct cni_call *call, struct cni_err *e)
{
	struct hl_call h = { .store.lock_fd = -1 };
	int rc = prepare(call, &h, e);

	if (rc == 0)
		rc = hl_store_release(&h.store, call->env.containerid, call->env.ifname, e);
	hl_store_close(&h.store);
	return rc;
}

/* The addresses this container holds are still on file. */
static int check(struct cni_call *call, struct cni_err *e)
{
	struct hl_call h = { .store.lock_fd = -1 };
	struct cni_ip_addr held[CNI_RES_IPS];
	int rc = prepare(call, &h, e);

	if (rc == 0 && !hl_store_held(&h.store, call->env.containerid, call->env.ifname,
				      held, CNI_RES_IPS))
		rc = cni_fail(e, CNI_E_GENERIC, "host-local: Failed to find address "
			      "added by container %s", call->env.containerid);
	hl_store_close(&h.store);
	return rc;
}

static bool still_attached(const char *id, const char *ifname, void *data)
{
	return cni_attachment_listed(data, id, ifname);
}

/* GC: the addresses of attachments the runtime no longer has are freed. */
static int gc(struct cni_call *call, struct cni_err *e)
{
	struct hl_call h = { .store.lock_fd = -1 };
	const json_t *valid;
	int rc = cni_conf_attachments(&call->conf, &valid, e);

	if (rc == 0)
		rc = prepare(call, &h, e);
	if (rc == 0)
		rc = hl_store_gc(&h.store, still_attached, (void *)valid, e);
	hl_store_close(&h.store);
	return rc;
}

const struct cni_plugin cni_host_local_plugin = {
	"host-local", add, del, check, gc, NULL,
};
