/* One rule, its fields in ip's order: priority, selectors, then what the
 * rule does. Each field is one description for text and JSON alike. */
#include "print/rule_print.h"
#include "base/inet.h"
#include "nl/route_names.h"
#include "base/ipproto.h"
#include "print/route_print.h"

#include <endian.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <linux/rtnetlink.h>

/* FROM or TO: the address and its length unless it is a host's; a length
 * without an address is written "0/N", no source at all "all". */
static void print_prefix(struct out *o, const struct rule_msg *m, bool src)
{
	const struct nlattr *a = m->tb[src ? FRA_SRC : FRA_DST];
	unsigned int len = src ? m->frh->src_len : m->frh->dst_len;
	const char *key = src ? "src" : "dst", *lenkey = src ? "srclen" : "dstlen";
	char buf[64];

	if (a) {
		out_text(o, src ? "from " : " to ");
		out_str(o, key, "%s", route_addr_str(m->frh->family, a, buf, sizeof(buf)));
		if ((int)len != inet_family_bits(m->frh->family))
			out_uint(o, lenkey, "/%u", len);
	} else if (len) {
		out_str(o, key, src ? "from %s" : " to %s", "0");
		out_uint(o, lenkey, "/%u", len);
	} else if (src) {
		out_str(o, key, "from %s", "all");
	}
}

/* ip writes marks with "%#x": 0 stays "0". */
static void print_hex(struct out *o, const char *key, const char *fmt, uint32_t v)
{
	char buf[16];

	snprintf(buf, sizeof(buf), "%#x", v);
	out_str(o, key, fmt, buf);
}

static void print_mark(struct out *o, const struct rule_msg *m)
{
	if (!m->tb[FRA_FWMARK] && !m->tb[FRA_FWMASK])
		return;
	print_hex(o, "fwmark", " fwmark %s", rule_msg_u32(m, FRA_FWMARK));
	if (m->tb[FRA_FWMASK] && rule_msg_u32(m, FRA_FWMASK) != 0xFFFFFFFF)
		print_hex(o, "fwmask", "/%s", rule_msg_u32(m, FRA_FWMASK));
}

static void print_devs(struct out *o, const struct rule_msg *m)
{
	if (m->tb[FRA_IIFNAME]) {
		out_str(o, "iif", " iif %s", mnl_attr_get_str(m->tb[FRA_IIFNAME]));
		if (m->frh->flags & FIB_RULE_IIF_DETACHED)
			out_null(o, "iif_detached", " [detached]");
	}
	if (m->tb[FRA_OIFNAME]) {
		out_str(o, "oif", " oif %s", mnl_attr_get_str(m->tb[FRA_OIFNAME]));
		if (m->frh->flags & FIB_RULE_OIF_DETACHED)
			out_null(o, "oif_detached", " [detached]");
	}
	if (m->tb[FRA_L3MDEV] && mnl_attr_get_u8(m->tb[FRA_L3MDEV]))
		out_null(o, "l3mdev", " lookup [l3mdev-table]");
}

static void print_port_range(struct out *o, const struct nlattr *a, const char *key)
{
	struct fib_rule_port_range r;
	char k_start[16], k_end[16], fmt[16];

	memcpy(&r, mnl_attr_get_payload(a), sizeof(r));
	snprintf(fmt, sizeof(fmt), " %s %%u", key);
	if (r.start == r.end) {
		out_uint(o, key, fmt, r.start);
		return;
	}
	snprintf(k_start, sizeof(k_start), "%s_start", key);
	snprintf(k_end, sizeof(k_end), "%s_end", key);
	out_uint(o, k_start, fmt, r.start);
	out_uint(o, k_end, "-%u", r.end);
}

/* An IP protocol by name, or with -N as ip writes an unnamed one. */
static const char *ipproto_num(unsigned int proto, bool numeric, char *buf,
			       size_t len)
{
	if (!numeric)
		return ipproto_name(proto, buf, len);
	snprintf(buf, len, "ipproto-%u", proto);
	return buf;
}

static void print_match_extras(struct out *o, const struct rule_msg *m,
			       bool numeric)
{
	char buf[80];

	if (m->tb[FRA_UID_RANGE]) {
		struct fib_rule_uid_range r;
		memcpy(&r, mnl_attr_get_payload(m->tb[FRA_UID_RANGE]), sizeof(r));
		out_uint(o, "uid_start", " uidrange %u", r.start);
		out_uint(o, "uid_end", "-%u", r.end);
	}
	if (m->tb[FRA_IP_PROTO])
		out_str(o, "ipproto", " ipproto %s",
			ipproto_num(mnl_attr_get_u8(m->tb[FRA_IP_PROTO]), numeric, buf,
				    sizeof(buf)));
	if (m->tb[FRA_SPORT_RANGE])
		print_port_range(o, m->tb[FRA_SPORT_RANGE], "sport");
	if (m->tb[FRA_DPORT_RANGE])
		print_port_range(o, m->tb[FRA_DPORT_RANGE], "dport");
	if (m->tb[FRA_TUN_ID])
		out_u64(o, "tun_id", " tun_id %" PRIu64,
			be64toh(mnl_attr_get_u64(m->tb[FRA_TUN_ID])));
}

/* The table, and what may suppress its answer (-1: nothing). */
static void print_table(struct out *o, const struct rule_msg *m, bool numeric)
{
	uint32_t table = rule_msg_table(m);
	char buf[64];

	if (!table)
		return;
	out_str(o, "table", " lookup %s", rt_name_num(RT_NAME_TABLE, table, numeric, buf, sizeof(buf)));
	if (m->tb[FRA_SUPPRESS_PREFIXLEN] &&
	    (int32_t)rule_msg_u32(m, FRA_SUPPRESS_PREFIXLEN) != -1)
		out_int(o, "suppress_prefixlen", " suppress_prefixlength %d",
			(int)rule_msg_u32(m, FRA_SUPPRESS_PREFIXLEN));
	if (m->tb[FRA_SUPPRESS_IFGROUP] &&
	    (int32_t)rule_msg_u32(m, FRA_SUPPRESS_IFGROUP) != -1) {
		uint32_t group = rule_msg_u32(m, FRA_SUPPRESS_IFGROUP);
		out_str(o, "suppress_ifgroup", " suppress_ifgroup %s",
			rt_name_num(RT_NAME_GROUP, group, numeric, buf, sizeof(buf)));
	}
}

static void print_realms(struct out *o, const struct rule_msg *m, bool numeric)
{
	uint32_t to, from;
	char buf[64];

	if (!m->tb[FRA_FLOW])
		return;
	to = rule_msg_u32(m, FRA_FLOW) & 0xFFFF;
	from = rule_msg_u32(m, FRA_FLOW) >> 16;
	if (from)
		out_str(o, "flow_from", " realms %s/",
			rt_name_num(RT_NAME_REALM, from, numeric, buf, sizeof(buf)));
	else
		out_text(o, " realms ");
	out_str(o, "flow_to", "%s", rt_name_num(RT_NAME_REALM, to, numeric, buf, sizeof(buf)));
}

static void print_action(struct out *o, const struct rule_msg *m, bool numeric)
{
	unsigned int action = m->frh->action;
	char buf[32];

	if (action == RTN_NAT) {
		/* Route NAT is gone from the kernel; its address would be
		 * RTA_GATEWAY, which no rule carries now. */
		out_null(o, "masquerade", " masquerade");
	} else if (action == FR_ACT_GOTO) {
		if (m->tb[FRA_GOTO])
			out_uint(o, "goto", " goto %u", rule_msg_u32(m, FRA_GOTO));
		else
			out_str(o, "goto", " goto %s", "none");
		if (m->frh->flags & FIB_RULE_UNRESOLVED)
			out_null(o, "unresolved", " [unresolved]");
	} else if (action == FR_ACT_NOP) {
		out_null(o, "nop", " nop");
	} else if (action != FR_ACT_TO_TBL) {
		out_str(o, "action", " %s", numeric ? rt_number(action, buf, sizeof(buf))
					     : rt_type_name(action, buf, sizeof(buf)));
	}
}

void rule_print(struct out *o, const struct rule_msg *m,
		const struct rule_print_opts *opts)
{
	const struct fib_rule_hdr *frh = m->frh;
	char buf[64];

	out_uint(o, "priority", "%u:\t", rule_msg_u32(m, FRA_PRIORITY));
	if (frh->flags & FIB_RULE_INVERT)
		out_null(o, "not", "not ");
	print_prefix(o, m, true);
	print_prefix(o, m, false);
	if (frh->tos)
		out_str(o, "tos", " tos %s", rt_name_num(RT_NAME_DSFIELD, frh->tos,
							 opts->numeric, buf, sizeof(buf)));
	print_mark(o, m);
	print_devs(o, m);
	print_match_extras(o, m, opts->numeric);
	print_table(o, m, opts->numeric);
	print_realms(o, m, opts->numeric);
	print_action(o, m, opts->numeric);
	if (m->tb[FRA_PROTOCOL]) {
		unsigned int proto = mnl_attr_get_u8(m->tb[FRA_PROTOCOL]);
		if ((proto && proto != RTPROT_KERNEL) || opts->details)
			out_str(o, "protocol", " proto %s",
				rt_name_num(RT_NAME_PROTO, proto, opts->numeric, buf,
					    sizeof(buf)));
	}
}
