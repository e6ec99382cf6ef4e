/* A geneve device's data under `ip -d link`, in iproute2's order and
 * names. */
#include "print/link_kinds.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

static const struct nl_policy geneve_policy[IFLA_GENEVE_MAX + 1] = {
	[IFLA_GENEVE_ID] = { MNL_TYPE_U32, 0 },
	[IFLA_GENEVE_REMOTE] = { MNL_TYPE_BINARY, 4 },
	[IFLA_GENEVE_TTL] = { MNL_TYPE_U8, 0 },
	[IFLA_GENEVE_TOS] = { MNL_TYPE_U8, 0 },
	[IFLA_GENEVE_PORT] = { MNL_TYPE_U16, 0 },
	[IFLA_GENEVE_REMOTE6] = { MNL_TYPE_BINARY, 16 },
	[IFLA_GENEVE_UDP_CSUM] = { MNL_TYPE_U8, 0 },
	[IFLA_GENEVE_UDP_ZERO_CSUM6_TX] = { MNL_TYPE_U8, 0 },
	[IFLA_GENEVE_UDP_ZERO_CSUM6_RX] = { MNL_TYPE_U8, 0 },
	[IFLA_GENEVE_LABEL] = { MNL_TYPE_U32, 0 },
	[IFLA_GENEVE_TTL_INHERIT] = { MNL_TYPE_U8, 0 },
	[IFLA_GENEVE_DF] = { MNL_TYPE_U8, 0 },
};

/* A unicast remote; the kernel's empty or multicast ones are not shown. */
static void print_remote(struct out *o, const struct nlattr *const *tb)
{
	static const unsigned char zero[16];
	char buf[INET6_ADDRSTRLEN];
	const unsigned char *a;

	if (tb[IFLA_GENEVE_REMOTE]) {
		a = mnl_attr_get_payload(tb[IFLA_GENEVE_REMOTE]);
		if (memcmp(a, zero, 4))
			out_str(o, "remote", "remote %s ", inet_ntop(AF_INET, a, buf, sizeof(buf)));
	} else if (tb[IFLA_GENEVE_REMOTE6]) {
		a = mnl_attr_get_payload(tb[IFLA_GENEVE_REMOTE6]);
		if (memcmp(a, zero, 16) && a[0] != 0xff)
			out_str(o, "remote6", "remote %s ", inet_ntop(AF_INET6, a, buf, sizeof(buf)));
	}
}

static void print_ttl_tos_df(struct out *o, const struct nlattr *const *tb)
{
	static const char *const df[] = { "unset", "set", "inherit" };
	unsigned int tos = tb[IFLA_GENEVE_TOS] ? mnl_attr_get_u8(tb[IFLA_GENEVE_TOS]) : 0;
	char buf[16];

	if (tb[IFLA_GENEVE_TTL_INHERIT] && mnl_attr_get_u8(tb[IFLA_GENEVE_TTL_INHERIT])) {
		out_text(o, "ttl inherit ");
	} else if (tb[IFLA_GENEVE_TTL]) {
		unsigned int ttl = mnl_attr_get_u8(tb[IFLA_GENEVE_TTL]);
		if (ttl || o->json)
			out_uint(o, "ttl", "ttl %u ", ttl);
		else
			out_text(o, "ttl auto ");
	}
	if (tos == 1 && !o->json) {
		out_text(o, "tos inherit ");
	} else if (tos) {
		snprintf(buf, sizeof(buf), "%#x", tos);
		out_str(o, "tos", "tos %s ", buf);
	}
	if (tb[IFLA_GENEVE_DF]) {
		unsigned int v = mnl_attr_get_u8(tb[IFLA_GENEVE_DF]);
		if (v < 3)
			out_str(o, "df", v ? "df %s " : NULL, df[v]);
	}
}

/* "udpcsum" or "noudpcsum" in text, true or false in JSON. */
static void print_csum(struct out *o, const struct nlattr *a, const char *key,
		       const char *word)
{
	char text[32];

	if (!a)
		return;
	bool on = mnl_attr_get_u8(a);
	snprintf(text, sizeof(text), "%s%s ", on ? "" : "no", word);
	out_bool(o, key, NULL, on);
	out_text(o, text);
}

int geneve_print(struct out *o, const struct nlattr *data,
		 const struct link_print_opts *opts)
{
	const struct nlattr *tb[IFLA_GENEVE_MAX + 1];
	char buf[16];

	(void)opts;
	if (nl_parse_nested(data, geneve_policy, IFLA_GENEVE_MAX, tb) < 0)
		return -1;
	if (tb[IFLA_GENEVE_COLLECT_METADATA])
		out_bool(o, "external", "external ", true);
	if (tb[IFLA_GENEVE_ID])
		out_uint(o, "id", "id %u ", mnl_attr_get_u32(tb[IFLA_GENEVE_ID]));
	print_remote(o, tb);
	print_ttl_tos_df(o, tb);
	if (tb[IFLA_GENEVE_LABEL] && mnl_attr_get_u32(tb[IFLA_GENEVE_LABEL])) {
		snprintf(buf, sizeof(buf), "%#x", ntohl(mnl_attr_get_u32(tb[IFLA_GENEVE_LABEL])));
		out_str(o, "label", "flowlabel %s ", buf);
	}
	if (tb[IFLA_GENEVE_PORT])
		out_uint(o, "port", "dstport %u ", ntohs(mnl_attr_get_u16(tb[IFLA_GENEVE_PORT])));
	print_csum(o, tb[IFLA_GENEVE_UDP_CSUM], "udp_csum", "udpcsum");
	print_csum(o, tb[IFLA_GENEVE_UDP_ZERO_CSUM6_TX], "udp_zero_csum6_tx", "udp6zerocsumtx");
	print_csum(o, tb[IFLA_GENEVE_UDP_ZERO_CSUM6_RX], "udp_zero_csum6_rx", "udp6zerocsumrx");
	if (tb[IFLA_GENEVE_INNER_PROTO_INHERIT])
		out_bool(o, "inner_proto_inherit", "innerprotoinherit ", true);
	return 0;
}
