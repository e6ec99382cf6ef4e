/* The bridge plugin's config. */
#include "bridge_conf.h"

#include <net/if.h>
#include <string.h>

#include "cni/cni_json.h"

/* Keys of the reference's bridge that nsip does not implement yet: a
 * config that asks for them is refused, never half done. */
static int refuse(const json_t *root, struct cni_err *e)
{
	static const char *const flags[] = {
		"macspoofchk", "vlanTrunk",
		"preserveDefaultVlan",
	};
	const json_t *vlan = json_object_get(root, "vlan");

	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
		const json_t *v = json_object_get(root, flags[i]);

		if (v && !json_is_false(v) && !json_is_null(v))
			return cni_fail(e, CNI_E_FIELD, "bridge: \"%s\" is not supported "
					"by nsip yet", flags[i]);
	}
	if (vlan && !(json_is_integer(vlan) && json_integer_value(vlan) == 0))
		return cni_fail(e, CNI_E_FIELD, "bridge: \"vlan\" is not supported by nsip yet");
	return 0;
}

static int flag(const json_t *root, const char *key, bool *v, struct cni_err *e)
{
	if (cni_json_bool(root, key, v) < 0)
		return cni_fail(e, CNI_E_DECODE, "failed to load netconf: %s is not a boolean",
				key);
	return 0;
}

int bridge_conf_parse(const struct cni_conf *c, struct bridge_conf *b,
		      struct cni_err *e)
{
	const json_t *mtu = json_object_get(c->root, "mtu");
	const json_t *name = json_object_get(c->root, "bridge");

	memset(b, 0, sizeof(*b));
	if (refuse(c->root, e) < 0 ||
	    flag(c->root, "isGateway", &b->is_gw, e) < 0 ||
	    flag(c->root, "isDefaultGateway", &b->is_default_gw, e) < 0 ||
	    flag(c->root, "hairpinMode", &b->hairpin, e) < 0 ||
	    flag(c->root, "promiscMode", &b->promisc, e) < 0 ||
	    flag(c->root, "enabledad", &b->enable_dad, e) < 0 ||
	    flag(c->root, "ipMasq", &b->ip_masq, e) < 0 ||
	    flag(c->root, "forceAddress", &b->force_addr, e) < 0)
		return -1;
	if (b->is_default_gw)
		b->is_gw = true;   /* a default gateway is a gateway */
	if (name && (!json_is_string(name) || json_string_length(name) >= IFNAMSIZ ||
		     strpbrk(json_string_value(name), "/: \t\n")))
		return cni_fail(e, CNI_E_DECODE, "failed to load netconf: bad bridge name");
	b->bridge = name && json_string_length(name) ? json_string_value(name) : "cni0";
	if (mtu && (!json_is_integer(mtu) || json_integer_value(mtu) < 0 ||
		    json_integer_value(mtu) > 65535))
		return cni_fail(e, CNI_E_DECODE, "failed to load netconf: bad mtu");
	b->mtu = mtu ? (unsigned int)json_integer_value(mtu) : 0;
	b->ipam_type = c->ipam ? cni_json_str(c->ipam, "type") : NULL;
	if (b->ipam_type && !*b->ipam_type)
		b->ipam_type = NULL;
	b->dns = json_object_get(c->root, "dns");
	return 0;
}
