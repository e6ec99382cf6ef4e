/* The portmap plugin's config. */
#include "portmap_conf.h"

#include <netinet/in.h>
#include <string.h>
#include <strings.h>

#include "cni/cni_json.h"
#include "cni/cni_result.h"

#define PARSE_ERR "failed to parse config: "

/* What Go's decoder calls a JSON value of the wrong type. */
static const char *go_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING: return "string";
	case JSON_TRUE: case JSON_FALSE: return "bool";
	case JSON_ARRAY: return "array";
	case JSON_OBJECT: return "object";
	default: return "number";
	}
}

/* An int member of a mapping (0 when absent, as Go leaves it). */
static int port_of(const json_t *m, const char *key, long long *v, struct cni_err *e)
{
	const json_t *p = json_object_get(m, key);

	*v = 0;
	if (!p || json_is_null(p))
		return 0;
	if (!json_is_integer(p))
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "failed to parse network "
				"configuration: json: cannot unmarshal %s into Go struct field "
				"PortMapEntry.runtimeConfig.portMappings.%s of type int",
				go_kind(p), key);
	*v = json_integer_value(p);
	return 0;
}

/* Keys of the reference's portmap that nsip does not implement yet. */
static int refuse(const json_t *root, struct cni_err *e)
{
	static const char *const keys[] = {
		"masqAll", "markMasqBit", "externalSetMarkChain", "conditionsV4",
		"conditionsV6",
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const json_t *v = json_object_get(root, keys[i]);

		if (v && !json_is_null(v) && !json_is_false(v) &&
		    !(json_is_array(v) && json_array_size(v) == 0))
			return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "portmap: \"%s\" is "
					"not supported by nsip yet", keys[i]);
	}
	return 0;
}

/* One entry of portMappings into s (an IPv6 hostIP is the IPv6 rules'
 * business, as in the reference: left out of the IPv4 ones). */
static int mapping(const json_t *m, struct pm_spec *s, struct cni_err *e)
{
	struct pm_mapping *pm = &s->map[s->n_map];
	const char *proto = cni_json_str(m, "protocol"), *hip = cni_json_str(m, "hostIP");
	long long hp, cp;

	if (!json_is_object(m))
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "failed to parse network "
				"configuration: json: cannot unmarshal %s into Go struct field "
				"RuntimeConfig.runtimeConfig.portMappings of type main.PortMapEntry",
				go_kind(m));
	if (port_of(m, "hostPort", &hp, e) < 0 || port_of(m, "containerPort", &cp, e) < 0)
		return -1;
	if (cp <= 0 || cp > 65535)
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "Invalid container port number: %lld", cp);
	if (hp <= 0 || hp > 65535)
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "Invalid host port number: %lld", hp);
	memset(pm, 0, sizeof(*pm));
	pm->host_port = (uint16_t)hp;
	pm->ctr_port = (uint16_t)cp;
	if (proto && !strcasecmp(proto, "tcp"))
		pm->proto = IPPROTO_TCP;
	else if (proto && !strcasecmp(proto, "udp"))
		pm->proto = IPPROTO_UDP;
	else
		return cni_fail(e, CNI_E_GENERIC, "unable to setup DNAT: protocol \"%s\": "
				"nsip maps only tcp and udp ports", proto ? proto : "");
	if (hip && *hip && !cni_addr_parse(hip, false, &pm->host_ip))
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "invalid hostIP \"%s\"", hip);
	if (pm->host_ip.family == AF_INET6)
		return 0;
	if (s->n_map == PM_MAPPINGS_MAX)
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "more than %d port mappings",
				PM_MAPPINGS_MAX);
	s->n_map++;
	return 0;
}

/* The container's first IPv4 address in prevResult, on CNI_IFNAME in the
 * sandbox (or on no named interface), as the reference picks it. */
static int container_addr(const struct cni_call *call, struct pm_spec *s, bool *has_ctr,
			  struct cni_err *e)
{
	struct cni_result r;
	int rc;

	cni_result_init(&r);
	rc = cni_result_parse(call->conf.prev, &r, e);
	for (size_t i = 0; rc == 0 && !*has_ctr && i < r.n_ips; i++) {
		const struct cni_ip *ip = &r.ips[i];

		if (ip->iface >= 0 && (size_t)ip->iface < r.n_ifaces &&
		    (strcmp(r.ifaces[ip->iface].name, call->env.ifname) ||
		     !r.ifaces[ip->iface].sandbox || !*r.ifaces[ip->iface].sandbox))
			continue;
		if (ip->addr.family == AF_INET) {
			s->ctr = ip->addr;
			*has_ctr = true;
		} else {
			rc = cni_fail(e, CNI_E_FIELD, "portmap: IPv6 port mappings are not "
				      "supported by nsip yet");
		}
	}
	cni_result_free(&r);
	return rc;
}

int portmap_conf_parse(const struct cni_call *call, struct pm_spec *s, bool *has_ctr,
		       struct cni_err *e)
{
	const json_t *rc = json_object_get(call->conf.root, "runtimeConfig");
	const json_t *maps = json_is_object(rc) ? json_object_get(rc, "portMappings") : NULL;
	const json_t *m;
	size_t i;

	memset(s, 0, sizeof(*s));
	*has_ctr = false;
	s->network = call->conf.name;
	s->id = call->env.containerid;
	s->snat = true;
	if (cni_json_bool(call->conf.root, "snat", &s->snat) < 0)
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "failed to parse network "
				"configuration: json: cannot unmarshal %s into Go struct field "
				"PortMapConf.snat of type bool",
				go_kind(json_object_get(call->conf.root, "snat")));
	if (!json_object_get(call->conf.root, "snat"))
		s->snat = true;
	if (refuse(call->conf.root, e) < 0)
		return -1;
	if (maps && !json_is_null(maps) && !json_is_array(maps))
		return cni_fail(e, CNI_E_GENERIC, PARSE_ERR "failed to parse network "
				"configuration: json: cannot unmarshal %s into Go struct field "
				"RuntimeConfig.runtimeConfig.portMappings of type []main.PortMapEntry",
				go_kind(maps));
	json_array_foreach(maps, i, m)
		if (mapping(m, s, e) < 0)
			return -1;
	if (!call->conf.prev || !s->n_map)
		return 0;
	return container_addr(call, s, has_ctr, e);
}
