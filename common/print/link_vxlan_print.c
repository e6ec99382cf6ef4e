/* A vxlan's data under `ip -d link`, in iproute2's order and names. */
#include "print/link_kinds.h"
#include "nl/link_lookup.h"
#include "print/link_names.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

static const struct nl_policy vxlan_policy[IFLA_VXLAN_MAX + 1] = {
	[IFLA_VXLAN_ID] = { MNL_TYPE_U32, 0 },
	[IFLA_VXLAN_GROUP] = { MNL_TYPE_BINARY, 4 },
	[IFLA_VXLAN_GROUP6] = { MNL_TYPE_BINARY, 16 },
	[IFLA_VXLAN_LOCAL] = { MNL_TYPE_BINARY, 4 },
	[IFLA_VXLAN_LOCAL6] = { MNL_TYPE_BINARY, 16 },
	[IFLA_VXLAN_LINK] = { MNL_TYPE_U32, 0 },
	[IFLA_VXLAN_PORT_RANGE] = { MNL_TYPE_BINARY, sizeof(struct ifla_vxlan_port_range) },
	[IFLA_VXLAN_PORT] = { MNL_TYPE_U16, 0 },
	[IFLA_VXLAN_LEARNING] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_PROXY] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_RSC] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_L2MISS] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_L3MISS] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_COLLECT_METADATA] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_TOS] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_TTL] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_TTL_INHERIT] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_DF] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_LABEL] = { MNL_TYPE_U32, 0 },
	[IFLA_VXLAN_AGEING] = { MNL_TYPE_U32, 0 },
	[IFLA_VXLAN_LIMIT] = { MNL_TYPE_U32, 0 },
	[IFLA_VXLAN_UDP_CSUM] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_UDP_ZERO_CSUM6_TX] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_UDP_ZERO_CSUM6_RX] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_REMCSUM_TX] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_REMCSUM_RX] = { MNL_TYPE_U8, 0 },
	[IFLA_VXLAN_GBP] = { MNL_TYPE_FLAG, 0 },
	[IFLA_VXLAN_GPE] = { MNL_TYPE_FLAG, 0 },
	[IFLA_VXLAN_VNIFILTER] = { MNL_TYPE_U8, 0 },
};

static bool flag_set(const struct nlattr *const *tb, int attr)
{
	return tb[attr] && mnl_attr_get_u8(tb[attr]);
}

/* group (multicast) or remote; the JSON keys say which family. */
static void print_remote(struct out *o, const struct nlattr *const *tb)
{
	char buf[INET6_ADDRSTRLEN];
	const unsigned char *a;

	if (tb[IFLA_VXLAN_GROUP]) {
		a = mnl_attr_get_payload(tb[IFLA_VXLAN_GROUP]);
		if (!a[0] && !a[1] && !a[2] && !a[3])
			return;
		inet_ntop(AF_INET, a, buf, sizeof(buf));
		if ((a[0] & 0xf0) == 0xe0)
			out_str(o, "group", "group %s ", buf);
		else
			out_str(o, "remote", "remote %s ", buf);
	} else if (tb[IFLA_VXLAN_GROUP6]) {
		static const unsigned char zero[16];
		a = mnl_attr_get_payload(tb[IFLA_VXLAN_GROUP6]);
		if (!memcmp(a, zero, 16))
			return;
		inet_ntop(AF_INET6, a, buf, sizeof(buf));
		if (a[0] == 0xff)
			out_str(o, "group6", "group %s ", buf);
		else
			out_str(o, "remote6", "remote %s ", buf);
	}
}

static void print_local(struct out *o, const struct nlattr *const *tb)
{
	static const unsigned char zero[16];
	char buf[INET6_ADDRSTRLEN];
	const unsigned char *a;

	if (tb[IFLA_VXLAN_LOCAL]) {
		a = mnl_attr_get_payload(tb[IFLA_VXLAN_LOCAL]);
		if (memcmp(a, zero, 4))
			out_str(o, "local", "local %s ", inet_ntop(AF_INET, a, buf, sizeof(buf)));
	} else if (tb[IFLA_VXLAN_LOCAL6]) {
		a = mnl_attr_get_payload(tb[IFLA_VXLAN_LOCAL6]);
		if (memcmp(a, zero, 16))
			out_str(o, "local6", "local %s ", inet_ntop(AF_INET6, a, buf, sizeof(buf)));
	}
}

static void print_ports(struct out *o, const struct nlattr *const *tb)
{
	if (tb[IFLA_VXLAN_PORT_RANGE]) {
		struct ifla_vxlan_port_range r;
		memcpy(&r, mnl_attr_get_payload(tb[IFLA_VXLAN_PORT_RANGE]), sizeof(r));
		out_obj_begin(o, "port_range");
		out_uint(o, "low", "srcport %u ", ntohs(r.low));
		out_uint(o, "high", "%u ", ntohs(r.high));
		out_obj_end(o);
	}
	if (tb[IFLA_VXLAN_PORT])
		out_uint(o, "port", "dstport %u ", ntohs(mnl_attr_get_u16(tb[IFLA_VXLAN_PORT])));
	if (tb[IFLA_VXLAN_LEARNING]) {
		bool learning = mnl_attr_get_u8(tb[IFLA_VXLAN_LEARNING]);
		out_bool(o, "learning", NULL, learning);
		out_bool(o, NULL, "nolearning ", !learning);
	}
}

static void print_ttl_tos(struct out *o, const struct nlattr *const *tb)
{
	unsigned int tos = tb[IFLA_VXLAN_TOS] ? mnl_attr_get_u8(tb[IFLA_VXLAN_TOS]) : 0;

	if (tos == 1 && !o->json)
		out_text(o, "tos inherit ");
	else if (tos) {
		char buf[8];
		snprintf(buf, sizeof(buf), "%#x", tos);
		out_str(o, "tos", "tos %s ", buf);
	}
	if (flag_set(tb, IFLA_VXLAN_TTL_INHERIT)) {
		out_text(o, "ttl inherit ");
	} else if (tb[IFLA_VXLAN_TTL]) {
		unsigned int ttl = mnl_attr_get_u8(tb[IFLA_VXLAN_TTL]);
		if (ttl || o->json)
			out_uint(o, "ttl", "ttl %u ", ttl);
		else
			out_text(o, "ttl auto ");
	}
	if (tb[IFLA_VXLAN_DF]) {
		static const char *const df[] = { "unset", "set", "inherit" };
		unsigned int v = mnl_attr_get_u8(tb[IFLA_VXLAN_DF]);
		if (v < 3)
			out_str(o, "df", v ? "df %s " : NULL, df[v]);
	}
}

static void print_limits(struct out *o, const struct nlattr *const *tb)
{
	if (tb[IFLA_VXLAN_LABEL] && mnl_attr_get_u32(tb[IFLA_VXLAN_LABEL])) {
		char buf[16];
		snprintf(buf, sizeof(buf), "%#x", ntohl(mnl_attr_get_u32(tb[IFLA_VXLAN_LABEL])));
		out_str(o, "label", "flowlabel %s ", buf);
	}
	if (tb[IFLA_VXLAN_AGEING]) {
		unsigned int age = mnl_attr_get_u32(tb[IFLA_VXLAN_AGEING]);
		out_uint(o, "ageing", age ? "ageing %u " : "ageing none ", age);
	}
	if (tb[IFLA_VXLAN_LIMIT] && mnl_attr_get_u32(tb[IFLA_VXLAN_LIMIT]))
		out_uint(o, "limit", "maxaddr %u ", mnl_attr_get_u32(tb[IFLA_VXLAN_LIMIT]));
}

/* Checksum settings print in both states: "udpcsum" or "noudpcsum". */
static void print_csum(struct out *o, const struct nlattr *const *tb, int attr,
		       const char *key, const char *word)
{
	char fmt[32];

	if (!tb[attr])
		return;
	bool on = mnl_attr_get_u8(tb[attr]);
	snprintf(fmt, sizeof(fmt), "%s%s ", on ? "" : "no", word);
	out_bool(o, key, NULL, on);
	out_text(o, fmt);
}

static void print_flags(struct out *o, const struct nlattr *const *tb)
{
	if (flag_set(tb, IFLA_VXLAN_PROXY))
		out_bool(o, "proxy", "proxy ", true);
	if (flag_set(tb, IFLA_VXLAN_RSC))
		out_bool(o, "rsc", "rsc ", true);
	if (flag_set(tb, IFLA_VXLAN_L2MISS))
		out_bool(o, "l2miss", "l2miss ", true);
	if (flag_set(tb, IFLA_VXLAN_L3MISS))
		out_bool(o, "l3miss", "l3miss ", true);
}

int vxlan_print(struct out *o, const struct nlattr *data,
		const struct link_print_opts *opts)
{
	const struct nlattr *tb[IFLA_VXLAN_MAX + 1];
	char name[32];

	if (nl_parse_nested(data, vxlan_policy, IFLA_VXLAN_MAX, tb) < 0)
		return -1;
	if (flag_set(tb, IFLA_VXLAN_COLLECT_METADATA))
		out_bool(o, "external", "external ", true);
	if (flag_set(tb, IFLA_VXLAN_VNIFILTER))
		out_bool(o, "vnifilter", "vnifilter", true);
	if (tb[IFLA_VXLAN_ID])
		out_uint(o, "id", "id %u ", mnl_attr_get_u32(tb[IFLA_VXLAN_ID]));
	print_remote(o, tb);
	print_local(o, tb);
	if (tb[IFLA_VXLAN_LINK] && mnl_attr_get_u32(tb[IFLA_VXLAN_LINK]))
		out_str(o, "link", "dev %s ",
			link_name_or_ifn(opts->names, (int)mnl_attr_get_u32(tb[IFLA_VXLAN_LINK]),
					 name, sizeof(name)));
	print_ports(o, tb);
	print_flags(o, tb);
	print_ttl_tos(o, tb);
	print_limits(o, tb);
	print_csum(o, tb, IFLA_VXLAN_UDP_CSUM, "udp_csum", "udpcsum");
	print_csum(o, tb, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, "udp_zero_csum6_tx", "udp6zerocsumtx");
	print_csum(o, tb, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, "udp_zero_csum6_rx", "udp6zerocsumrx");
	if (flag_set(tb, IFLA_VXLAN_REMCSUM_TX))
		out_bool(o, "remcsum_tx", "remcsumtx ", true);
	if (flag_set(tb, IFLA_VXLAN_REMCSUM_RX))
		out_bool(o, "remcsum_rx", "remcsumrx ", true);
	if (tb[IFLA_VXLAN_GBP])
		out_bool(o, "gbp", "gbp ", true);
	if (tb[IFLA_VXLAN_GPE])
		out_bool(o, "gpe", "gpe ", true);
	return 0;
}
