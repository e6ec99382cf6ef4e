/* Reading results (an IPAM plugin's answer) and the parts configs share
 * with them: routes and DNS. */
#include "cni/cni_result.h"

#include <stdio.h>
#include <string.h>

#include "cni/cni_json.h"

void cni_result_init(struct cni_result *r)
{
	memset(r, 0, sizeof(*r));
}

void cni_result_free(struct cni_result *r)
{
	json_decref(r->dns);
	r->dns = NULL;
}

/* An optional address member: 0 (absent or read), -1 malformed. */
static int member_addr(const json_t *o, const char *key, bool with_prefix,
		       struct cni_ip_addr *a, struct cni_err *e)
{
	const json_t *v = json_object_get(o, key);

	memset(a, 0, sizeof(*a));
	if (!v)
		return 0;
	if (!json_is_string(v) || !cni_addr_parse(json_string_value(v), with_prefix, a))
		return cni_fail(e, CNI_E_DECODE, "invalid %s address in result: %s",
				key, json_is_string(v) ? json_string_value(v) : "(not a string)");
	return 0;
}

int cni_result_routes(const json_t *routes, struct cni_result *r, struct cni_err *e)
{
	size_t i;
	const json_t *rt;

	if (!routes)
		return 0;
	if (!json_is_array(routes))
		return cni_fail(e, CNI_E_DECODE, "routes is not an array");
	json_array_foreach(routes, i, rt) {
		struct cni_route *to = &r->routes[r->n_routes];

		if (r->n_routes == CNI_RES_ROUTES)
			return cni_fail(e, CNI_E_CONFIG, "more than %d routes", CNI_RES_ROUTES);
		if (!json_is_object(rt) || !json_object_get(rt, "dst"))
			return cni_fail(e, CNI_E_DECODE, "a route without dst");
		if (member_addr(rt, "dst", true, &to->dst, e) < 0 ||
		    member_addr(rt, "gw", false, &to->gw, e) < 0)
			return -1;
		cni_addr_mask(&to->dst);
		r->n_routes++;
	}
	return 0;
}

static int put_ip(const json_t *o, const char *key, struct cni_result *r,
		  struct cni_err *e)
{
	struct cni_ip *ip = &r->ips[r->n_ips];
	const json_t *n = json_object_get(o, "interface");

	if (r->n_ips == CNI_RES_IPS)
		return cni_fail(e, CNI_E_DECODE, "more than %d addresses", CNI_RES_IPS);
	if (!json_object_get(o, key))
		return cni_fail(e, CNI_E_DECODE, "an address without %s in result", key);
	if (member_addr(o, key, true, &ip->addr, e) < 0 ||
	    member_addr(o, "gateway", false, &ip->gw, e) < 0)
		return -1;
	ip->iface = json_is_integer(n) ? (int)json_integer_value(n) : -1;
	r->n_ips++;
	return 0;
}

/* 0.1.0/0.2.0: {"ip4": {"ip", "gateway", "routes"}, "ip6": {...}}. */
static int parse_020(const json_t *j, struct cni_result *r, struct cni_err *e)
{
	static const char *const keys[] = { "ip4", "ip6" };

	for (size_t k = 0; k < 2; k++) {
		const json_t *o = json_object_get(j, keys[k]);

		if (!o)
			continue;
		if (!json_is_object(o) || put_ip(o, "ip", r, e) < 0 ||
		    cni_result_routes(json_object_get(o, "routes"), r, e) < 0)
			return json_is_object(o) ? -1 :
				cni_fail(e, CNI_E_DECODE, "%s is not an object", keys[k]);
	}
	return 0;
}

static int parse_ifaces(const json_t *a, struct cni_result *r, struct cni_err *e)
{
	const json_t *o;
	size_t i;

	if (!a)
		return 0;
	if (!json_is_array(a))
		return cni_fail(e, CNI_E_DECODE, "interfaces is not an array");
	json_array_foreach(a, i, o) {
		struct cni_iface *f = &r->ifaces[r->n_ifaces];
		const char *name = cni_json_str(o, "name"), *mac = cni_json_str(o, "mac");

		if (r->n_ifaces == CNI_RES_IFACES)
			return cni_fail(e, CNI_E_DECODE, "more than %d interfaces",
					CNI_RES_IFACES);
		if (!name || strlen(name) >= sizeof(f->name) ||
		    (mac && strlen(mac) >= sizeof(f->mac)))
			return cni_fail(e, CNI_E_DECODE, "an interface without a valid name");
		snprintf(f->name, sizeof(f->name), "%s", name);
		snprintf(f->mac, sizeof(f->mac), "%s", mac ? mac : "");
		f->sandbox = cni_json_str(o, "sandbox");
		r->n_ifaces++;
	}
	return 0;
}

int cni_result_parse(const json_t *j, struct cni_result *r, struct cni_err *e)
{
	const json_t *ips = json_object_get(j, "ips"), *ip;
	size_t i;

	if (!json_is_object(j))
		return cni_fail(e, CNI_E_DECODE, "the result is not a JSON object");
	if (cni_result_dns(json_object_get(j, "dns"), r, e) < 0 ||
	    parse_ifaces(json_object_get(j, "interfaces"), r, e) < 0)
		return -1;
	if (!ips)
		return parse_020(j, r, e);
	if (!json_is_array(ips))
		return cni_fail(e, CNI_E_DECODE, "ips is not an array");
	json_array_foreach(ips, i, ip) {
		if (!json_is_object(ip))
			return cni_fail(e, CNI_E_DECODE, "an address that is not an object");
		if (put_ip(ip, "address", r, e) < 0)
			return -1;
	}
	return cni_result_routes(json_object_get(j, "routes"), r, e);
}

static int copy_strings(const json_t *from, const char *key, json_t *to,
			struct cni_err *e)
{
	const json_t *a = json_object_get(from, key), *v;
	json_t *copy;
	size_t i;

	if (!a)
		return 0;
	if (!json_is_array(a))
		return cni_fail(e, CNI_E_DECODE, "dns %s is not an array", key);
	json_array_foreach(a, i, v)
		if (!json_is_string(v))
			return cni_fail(e, CNI_E_DECODE, "dns %s holds a non-string", key);
	if (json_array_size(a)) {
		copy = json_deep_copy(a);
		json_object_set_new(to, key, copy);
	}
	return 0;
}

int cni_result_dns(const json_t *d, struct cni_result *r, struct cni_err *e)
{
	json_t *o;
	const json_t *dom;

	if (!d || json_is_null(d))
		return 0;
	if (!json_is_object(d))
		return cni_fail(e, CNI_E_DECODE, "dns is not an object");
	o = json_object();
	dom = json_object_get(d, "domain");
	if (copy_strings(d, "nameservers", o, e) < 0 ||
	    (dom && !json_is_string(dom) &&
	     cni_fail(e, CNI_E_DECODE, "dns domain is not a string") < 0)) {
		json_decref(o);
		return -1;
	}
	if (dom && json_string_length(dom))
		json_object_set_new(o, "domain", json_deep_copy(dom));
	if (copy_strings(d, "search", o, e) < 0 || copy_strings(d, "options", o, e) < 0) {
		json_decref(o);
		return -1;
	}
	json_decref(r->dns);
	r->dns = o;
	return 0;
}
