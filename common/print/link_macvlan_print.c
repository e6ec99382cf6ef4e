/* The data of macvlan, macvtap, ipvlan, ipvtap and vrf devices (and of
 * a vrf's ports) under `ip -d link`, in iproute2's order and names. */
#include "print/link_kinds.h"

#include <stdio.h>
#include <linux/if_link.h>

static const struct nl_policy macvlan_policy[IFLA_MACVLAN_MAX + 1] = {
	[IFLA_MACVLAN_MODE] = { MNL_TYPE_U32, 0 },
	[IFLA_MACVLAN_FLAGS] = { MNL_TYPE_U16, 0 },
	[IFLA_MACVLAN_MACADDR_COUNT] = { MNL_TYPE_U32, 0 },
	[IFLA_MACVLAN_MACADDR_DATA] = { MNL_TYPE_NESTED, 0 },
	[IFLA_MACVLAN_BC_QUEUE_LEN] = { MNL_TYPE_U32, 0 },
	[IFLA_MACVLAN_BC_QUEUE_LEN_USED] = { MNL_TYPE_U32, 0 },
};

static const char *macvlan_mode_name(uint32_t mode)
{
	switch (mode) {
	case MACVLAN_MODE_PRIVATE: return "private";
	case MACVLAN_MODE_VEPA: return "vepa";
	case MACVLAN_MODE_BRIDGE: return "bridge";
	case MACVLAN_MODE_PASSTHRU: return "passthru";
	case MACVLAN_MODE_SOURCE: return "source";
	default: return "unknown";
	}
}

/* A source-mode device's allowed senders: text after "remotes (N)", and
 * a JSON array; entries that are not 6-byte addresses are skipped. */
static void print_macaddrs(struct out *o, const struct nlattr *list)
{
	const struct nlattr *a;

	out_arr_begin(o, "macaddr_data");
	mnl_attr_for_each_nested(a, list) {
		if (mnl_attr_get_type(a) != IFLA_MACVLAN_MACADDR ||
		    mnl_attr_get_payload_len(a) < 6)
			continue;
		const unsigned char *m = mnl_attr_get_payload(a);
		char buf[18];
		snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
			 m[0], m[1], m[2], m[3], m[4], m[5]);
		out_elem_str(o, "%s ", buf);
	}
	out_arr_end(o);
}

int macvlan_print(struct out *o, const struct nlattr *data,
		  const struct link_print_opts *opts)
{
	const struct nlattr *tb[IFLA_MACVLAN_MAX + 1];

	(void)opts;
	if (nl_parse_nested(data, macvlan_policy, IFLA_MACVLAN_MAX, tb) < 0)
		return -1;
	if (!tb[IFLA_MACVLAN_MODE])
		return 0;
	uint32_t mode = mnl_attr_get_u32(tb[IFLA_MACVLAN_MODE]);
	out_str(o, "mode", "mode %s ", macvlan_mode_name(mode));
	unsigned int flags = tb[IFLA_MACVLAN_FLAGS] ?
		mnl_attr_get_u16(tb[IFLA_MACVLAN_FLAGS]) : 0;
	if (flags & MACVLAN_FLAG_NOPROMISC)
		out_bool(o, "nopromisc", "nopromisc ", true);
	if (flags & MACVLAN_FLAG_NODST)
		out_bool(o, "nodst", "nodst ", true);
	if (tb[IFLA_MACVLAN_BC_QUEUE_LEN])
		out_uint(o, "bcqueuelen", "bcqueuelen %u ",
			 mnl_attr_get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN]));
	if (tb[IFLA_MACVLAN_BC_QUEUE_LEN_USED])
		out_uint(o, "usedbcqueuelen", "usedbcqueuelen %u ",
			 mnl_attr_get_u32(tb[IFLA_MACVLAN_BC_QUEUE_LEN_USED]));
	if (mode != MACVLAN_MODE_SOURCE || !tb[IFLA_MACVLAN_MACADDR_COUNT])
		return 0;
	/* ip prints the count as a signed number */
	out_int(o, "macaddr_count", "remotes (%d) ",
		(int)mnl_attr_get_u32(tb[IFLA_MACVLAN_MACADDR_COUNT]));
	if (tb[IFLA_MACVLAN_MACADDR_DATA])
		print_macaddrs(o, tb[IFLA_MACVLAN_MACADDR_DATA]);
	return 0;
}

static const struct nl_policy ipvlan_policy[IFLA_IPVLAN_MAX + 1] = {
	[IFLA_IPVLAN_MODE] = { MNL_TYPE_U16, 0 },
	[IFLA_IPVLAN_FLAGS] = { MNL_TYPE_U16, 0 },
};

/* The mode's text begins with a blank, as ip's does ("ipvlan  mode l2"). */
int ipvlan_print(struct out *o, const struct nlattr *data,
		 const struct link_print_opts *opts)
{
	static const char *const modes[] = {
		[IPVLAN_MODE_L2] = "l2", [IPVLAN_MODE_L3] = "l3", [IPVLAN_MODE_L3S] = "l3s",
	};
	const struct nlattr *tb[IFLA_IPVLAN_MAX + 1];

	(void)opts;
	if (nl_parse_nested(data, ipvlan_policy, IFLA_IPVLAN_MAX, tb) < 0)
		return -1;
	if (tb[IFLA_IPVLAN_MODE]) {
		unsigned int mode = mnl_attr_get_u16(tb[IFLA_IPVLAN_MODE]);
		out_str(o, "mode", " mode %s ",
			mode < sizeof(modes) / sizeof(modes[0]) ? modes[mode] : "unknown");
	}
	if (tb[IFLA_IPVLAN_FLAGS]) {
		unsigned int flags = mnl_attr_get_u16(tb[IFLA_IPVLAN_FLAGS]);
		if (flags & IPVLAN_F_PRIVATE)
			out_bool(o, "private", "private ", true);
		else if (flags & IPVLAN_F_VEPA)
			out_bool(o, "vepa", "vepa ", true);
		else
			out_bool(o, "bridge", "bridge ", true);
	}
	return 0;
}

/* A vrf's table, and the same for a port of one (IFLA_VRF_PORT_TABLE). */
static int vrf_table_print(struct out *o, const struct nlattr *data, uint16_t attr)
{
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, data) {
		if (mnl_attr_get_type(a) != attr)
			continue;
		if (mnl_attr_validate(a, MNL_TYPE_U32) < 0)
			return -1;
		out_uint(o, "table", "table %u ", mnl_attr_get_u32(a));
	}
	return 0;
}

int vrf_print(struct out *o, const struct nlattr *data,
	      const struct link_print_opts *opts)
{
	(void)opts;
	return vrf_table_print(o, data, IFLA_VRF_TABLE);
}

int vrf_slave_print(struct out *o, const struct nlattr *data,
		    const struct link_print_opts *opts)
{
	(void)opts;
	return vrf_table_print(o, data, IFLA_VRF_PORT_TABLE);
}
