#include "print/link_details.h"
#include "print/link_kinds.h"
#include "print/link_names.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

typedef int kind_print_fn(struct out *o, const struct nlattr *data,
			  const struct link_print_opts *opts);

/* Kinds with data iproute2 prints; other kinds print their name only. */
static const struct {
	const char *kind;
	kind_print_fn *print;
} kind_printers[] = {
	{ "bridge", bridge_print }, { "bridge_slave", bridge_slave_print },
	{ "vxlan", vxlan_print }, { "macvlan", macvlan_print },
	{ "macvtap", macvlan_print }, { "ipvlan", ipvlan_print },
	{ "ipvtap", ipvlan_print }, { "vrf", vrf_print },
	{ "vrf_slave", vrf_slave_print }, { "bond", bond_print },
	{ "bond_slave", bond_slave_print }, { "geneve", geneve_print },
	{ "vlan", vlan_print }, { "tun", tun_print },
};

static kind_print_fn *printer_of(const char *kind)
{
	for (size_t i = 0; i < sizeof(kind_printers) / sizeof(kind_printers[0]); i++)
		if (!strcmp(kind, kind_printers[i].kind))
			return kind_printers[i].print;
	return NULL;
}

/* "    KIND " then the kind's data in an object of its own. A kind with a
 * printer gets the object even when the kernel sent no data. */
static void print_kind(struct out *o, const char *kind, const char *suffix,
		       const struct nlattr *data, const char *kind_key,
		       const char *data_key, const struct link_print_opts *opts)
{
	char full[64];
	kind_print_fn *print;

	snprintf(full, sizeof(full), "%s%s", kind, suffix);
	out_nl(o);
	out_str(o, kind_key, NULL, kind);
	out_str(o, NULL, "    %s ", full);
	if (!(print = printer_of(full)))
		return;
	out_obj_begin(o, data_key);
	if (data)
		print(o, data, opts);
	out_obj_end(o);
}

static const struct nl_policy info_policy[IFLA_INFO_MAX + 1] = {
	[IFLA_INFO_KIND] = { MNL_TYPE_NUL_STRING, 0 },
	[IFLA_INFO_DATA] = { MNL_TYPE_NESTED, 0 },
	[IFLA_INFO_SLAVE_KIND] = { MNL_TYPE_NUL_STRING, 0 },
	[IFLA_INFO_SLAVE_DATA] = { MNL_TYPE_NESTED, 0 },
};

static void print_linkinfo(struct out *o, const struct nlattr *linkinfo,
			   const struct link_print_opts *opts)
{
	const struct nlattr *info[IFLA_INFO_MAX + 1];

	if (nl_parse_nested(linkinfo, info_policy, IFLA_INFO_MAX, info) < 0)
		return;
	out_obj_begin(o, "linkinfo");
	if (info[IFLA_INFO_KIND])
		print_kind(o, mnl_attr_get_str(info[IFLA_INFO_KIND]), "",
			   info[IFLA_INFO_DATA], "info_kind", "info_data", opts);
	if (info[IFLA_INFO_SLAVE_KIND])
		print_kind(o, mnl_attr_get_str(info[IFLA_INFO_SLAVE_KIND]), "_slave",
			   info[IFLA_INFO_SLAVE_DATA], "info_slave_kind",
			   "info_slave_data", opts);
	out_obj_end(o);
}

static const struct nl_policy inet6_policy[IFLA_INET6_MAX + 1] = {
	[IFLA_INET6_ADDR_GEN_MODE] = { MNL_TYPE_U8, 0 },
};

/* The IPv6 address generation mode, from the AF_INET6 part of the
 * per-family data. */
static void print_addrgenmode(struct out *o, const struct nlattr *af_spec)
{
	static const char *const modes[] = {
		"eui64", "none", "stable_secret", "random"
	};
	const struct nlattr *a, *tb[IFLA_INET6_MAX + 1];
	char buf[8];

	mnl_attr_for_each_nested(a, af_spec) {
		if (mnl_attr_get_type(a) != AF_INET6 ||
		    nl_parse_nested(a, inet6_policy, IFLA_INET6_MAX, tb) < 0 ||
		    !tb[IFLA_INET6_ADDR_GEN_MODE])
			continue;
		unsigned int mode = mnl_attr_get_u8(tb[IFLA_INET6_ADDR_GEN_MODE]);
		if (mode < sizeof(modes) / sizeof(modes[0]))
			snprintf(buf, sizeof(buf), "%s", modes[mode]);
		else
			snprintf(buf, sizeof(buf), "%#.2x", mode);
		out_str(o, "inet6_addr_gen_mode", "addrgenmode %s ", buf);
	}
}

/* Counters and limits, in iproute2's order around the kind. */
struct u32_field {
	uint16_t attr;
	const char *json, *fmt;
};

static const struct u32_field before_kind[] = {
	{ IFLA_PROMISCUITY, "promiscuity", " promiscuity %u " },
	{ IFLA_ALLMULTI, "allmulti", " allmulti %u " },
	{ IFLA_MIN_MTU, "min_mtu", "minmtu %u " },
	{ IFLA_MAX_MTU, "max_mtu", "maxmtu %u " },
};

static const struct u32_field after_kind[] = {
	{ IFLA_NUM_TX_QUEUES, "num_tx_queues", "numtxqueues %u " },
	{ IFLA_NUM_RX_QUEUES, "num_rx_queues", "numrxqueues %u " },
	{ IFLA_GSO_MAX_SIZE, "gso_max_size", "gso_max_size %u " },
	{ IFLA_GSO_MAX_SEGS, "gso_max_segs", "gso_max_segs %u " },
	{ IFLA_TSO_MAX_SIZE, "tso_max_size", "tso_max_size %u " },
	{ IFLA_TSO_MAX_SEGS, "tso_max_segs", "tso_max_segs %u " },
	{ IFLA_GRO_MAX_SIZE, "gro_max_size", "gro_max_size %u " },
};

static void print_u32s(struct out *o, const struct link_msg *m,
		       const struct u32_field *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (m->tb[t[i].attr])
			out_uint(o, t[i].json, t[i].fmt,
				 mnl_attr_get_u32(m->tb[t[i].attr]));
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

void link_print_details(struct out *o, const struct link_msg *m,
			const struct link_print_opts *opts)
{
	print_u32s(o, m, before_kind, N(before_kind));
	if (m->tb[IFLA_LINKINFO])
		print_linkinfo(o, m->tb[IFLA_LINKINFO], opts);
	if (opts->show_mode && m->tb[IFLA_AF_SPEC])
		print_addrgenmode(o, m->tb[IFLA_AF_SPEC]);
	print_u32s(o, m, after_kind, N(after_kind));
}
