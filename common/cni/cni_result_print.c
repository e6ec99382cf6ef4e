/* A result in the shape of each version: 0.1.0/0.2.0's ip4 and ip6,
 * 0.3.x/0.4.0's ips with a version, 1.0.0's without. Keys in the order of
 * the reference's Go structs. */
#include "cni/cni_result.h"

#include <string.h>

#include "cni/cni_json.h"
#include "cni/cni_version.h"

static json_t *addr_json(const struct cni_ip_addr *a)
{
	char buf[CNI_ADDR_STRLEN];

	return json_string(cni_addr_format(a, buf, sizeof(buf)));
}

static json_t *route_json(const struct cni_route *rt)
{
	json_t *o = json_object();

	json_object_set_new(o, "dst", addr_json(&rt->dst));
	if (rt->gw.family)
		json_object_set_new(o, "gw", addr_json(&rt->gw));
	return o;
}

static json_t *ifaces_json(const struct cni_result *r)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->n_ifaces; i++) {
		const struct cni_iface *f = &r->ifaces[i];
		json_t *o = json_object();

		json_object_set_new(o, "name", json_string(f->name));
		if (f->mac[0])
			json_object_set_new(o, "mac", json_string(f->mac));
		if (f->sandbox)
			json_object_set_new(o, "sandbox", json_string(f->sandbox));
		json_array_append_new(a, o);
	}
	return a;
}

static json_t *ips_json(const struct cni_result *r, bool with_version)
{
	json_t *a = json_array();

	for (size_t i = 0; i < r->n_ips; i++) {
		const struct cni_ip *ip = &r->ips[i];
		json_t *o = json_object();

		if (with_version)
			json_object_set_new(o, "version",
					    json_string(ip->addr.family == AF_INET ? "4" : "6"));
		if (ip->iface >= 0)
			json_object_set_new(o, "interface", json_integer(ip->iface));
		json_object_set_new(o, "address", addr_json(&ip->addr));
		if (ip->gw.family)
			json_object_set_new(o, "gateway", addr_json(&ip->gw));
		json_array_append_new(a, o);
	}
	return a;
}

static void put_current(json_t *j, const struct cni_result *r, bool with_version)
{
	if (r->n_ifaces)
		json_object_set_new(j, "interfaces", ifaces_json(r));
	if (r->n_ips)
		json_object_set_new(j, "ips", ips_json(r, with_version));
	if (r->n_routes) {
		json_t *a = json_array();

		for (size_t i = 0; i < r->n_routes; i++)
			json_array_append_new(a, route_json(&r->routes[i]));
		json_object_set_new(j, "routes", a);
	}
}

/* 0.2.0: the first address of each family, with the routes of its family. */
static json_t *ip_020(const struct cni_result *r, int family)
{
	json_t *o, *routes;
	size_t i;

	for (i = 0; i < r->n_ips && r->ips[i].addr.family != family; i++)
		;
	if (i == r->n_ips)
		return NULL;
	o = json_object();
	json_object_set_new(o, "ip", addr_json(&r->ips[i].addr));
	if (r->ips[i].gw.family)
		json_object_set_new(o, "gateway", addr_json(&r->ips[i].gw));
	routes = json_array();
	for (size_t k = 0; k < r->n_routes; k++)
		if (r->routes[k].dst.family == family)
			json_array_append_new(routes, route_json(&r->routes[k]));
	if (json_array_size(routes))
		json_object_set(o, "routes", routes);
	json_decref(routes);
	return o;
}

int cni_result_print(const struct cni_result *r, const char *version, FILE *f)
{
	return cni_result_print_form(r, version, cni_version_form(version), f);
}

int cni_result_print_form(const struct cni_result *r, const char *version,
			  enum cni_form form, FILE *f)
{
	json_t *j = json_object();
	int rc;

	if (!j)
		return -1;
	json_object_set_new(j, "cniVersion", json_string(version));
	if (form == CNI_FORM_020) {
		json_t *v4 = ip_020(r, AF_INET), *v6 = ip_020(r, AF_INET6);

		if (v4)
			json_object_set_new(j, "ip4", v4);
		if (v6)
			json_object_set_new(j, "ip6", v6);
	} else {
		put_current(j, r, form == CNI_FORM_040);
	}
	json_object_set_new(j, "dns", r->dns ? json_incref(r->dns) : json_object());
	rc = cni_json_print(j, f);
	json_decref(j);
	return rc;
}
