#include "print/route_print.h"
#include "nl/link_lookup.h"
#include "base/inet.h"
#include "base/fmt.h"
#include "nl/route_names.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <linux/icmpv6.h>
#include <linux/in_route.h>

const char *route_addr_str(int family, const struct nlattr *a, char *buf,
			   size_t len)
{
	if (!fmt_inet(family, mnl_attr_get_payload(a), buf, len))
		snprintf(buf, len, "?");
	return buf;
}

/* "default", an address, or an address with its prefix length. */
static void print_prefix(struct out *o, const struct route_msg *m, int attr,
			 unsigned int len, const char *key, const char *fmt)
{
	char addr[INET6_ADDRSTRLEN], text[INET6_ADDRSTRLEN + 8];
	int family = m->rtm->rtm_family;

	route_addr_str(family, m->tb[attr], addr, sizeof(addr));
	if ((int)len != inet_family_bits(family))
		snprintf(text, sizeof(text), "%s/%u", addr, len);
	else
		snprintf(text, sizeof(text), "%s", addr);
	out_str(o, key, fmt, text);
}

static void print_dst_src(struct out *o, const struct route_msg *m)
{
	const struct rtmsg *r = m->rtm;
	char text[32];

	if (m->tb[RTA_DST]) {
		print_prefix(o, m, RTA_DST, r->rtm_dst_len, "dst", "%s ");
	} else if (r->rtm_dst_len) {
		snprintf(text, sizeof(text), "0/%u ", r->rtm_dst_len);
		out_str(o, "dst", "%s ", text);
	} else {
		out_str(o, "dst", "%s ", "default");
	}
	if (m->tb[RTA_SRC]) {
		print_prefix(o, m, RTA_SRC, r->rtm_src_len, "from", "from %s ");
	} else if (r->rtm_src_len) {
		snprintf(text, sizeof(text), "0/%u", r->rtm_src_len);
		out_str(o, "src", "from %s ", text);
	}
}

static void print_rt_flags(struct out *o, unsigned int flags)
{
	static const struct { unsigned int bit; const char *name; } names[] = {
		{ RTNH_F_DEAD, "dead" }, { RTNH_F_ONLINK, "onlink" },
		{ RTNH_F_PERVASIVE, "pervasive" }, { RTNH_F_OFFLOAD, "offload" },
		{ RTNH_F_TRAP, "trap" }, { RTM_F_NOTIFY, "notify" },
		{ RTNH_F_LINKDOWN, "linkdown" }, { RTNH_F_UNRESOLVED, "unresolved" },
		{ RTM_F_OFFLOAD, "rt_offload" }, { RTM_F_TRAP, "rt_trap" },
		{ RTM_F_OFFLOAD_FAILED, "rt_offload_failed" },
	};

	out_arr_begin(o, "flags");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (flags & names[i].bit)
			out_elem_str(o, "%s ", names[i].name);
	out_arr_end(o);
}

/* The flags of a cached IPv4 route: "cache <local,brd> " in text. */
static void print_cache_flags(struct out *o, unsigned int flags)
{
	static const struct { unsigned int bit; const char *name; } names[] = {
		{ RTCF_LOCAL, "local" }, { RTCF_REJECT, "reject" },
		{ RTCF_MULTICAST, "mc" }, { RTCF_BROADCAST, "brd" },
		{ RTCF_DNAT, "dst-nat" }, { RTCF_SNAT, "src-nat" },
		{ RTCF_MASQ, "masq" }, { RTCF_DIRECTDST, "dst-direct" },
		{ RTCF_DIRECTSRC, "src-direct" }, { RTCF_REDIRECTED, "redirected" },
		{ RTCF_DOREDIRECT, "redirect" }, { RTCF_FAST, "fastroute" },
		{ RTCF_NOTIFY, "notify" }, { RTCF_TPROXY, "proxy" },
	};

	flags &= ~0xFFFFu;
	out_nl(o);
	out_text(o, "    cache ");
	out_arr_begin(o, "cache");
	if (flags)
		out_text(o, "<");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].bit))
			continue;
		flags &= ~names[i].bit;
		out_elem_str(o, NULL, names[i].name);
		out_text(o, names[i].name);
		out_text(o, flags ? "," : "> ");
	}
	if (flags) {
		char hex[16];
		snprintf(hex, sizeof(hex), "%x>", flags);
		out_text(o, hex);
	}
	out_arr_end(o);
}

long route_user_hz(void)
{
	const char *env = getenv("HZ");
	long hz = env ? strtol(env, NULL, 10) : sysconf(_SC_CLK_TCK);

	return hz > 0 ? hz : 100;
}

static void print_cacheinfo(struct out *o, const struct nlattr *a, int stats)
{
	struct rta_cacheinfo ci;
	long hz = route_user_hz();

	memcpy(&ci, mnl_attr_get_payload(a), sizeof(ci));
	if (ci.rta_expires)
		out_int(o, "expires", "expires %dsec ", (int)(ci.rta_expires / hz));
	if (ci.rta_error)
		out_uint(o, "error", "error %u ", ci.rta_error);
	if (stats) {
		if (ci.rta_clntref)
			out_uint(o, "users", "users %u ", ci.rta_clntref);
		if (ci.rta_used)
			out_uint(o, "used", "used %u ", ci.rta_used);
		if (ci.rta_lastuse)
			out_uint(o, "age", "age %usec ", (unsigned int)(ci.rta_lastuse / hz));
	}
	if (ci.rta_id) {
		char hex[16];
		snprintf(hex, sizeof(hex), "0x%04x", ci.rta_id);
		out_str(o, "ipid", "ipid %s ", hex);
	}
}

static const char *const metric_names[RTAX_MAX + 1] = {
	[RTAX_MTU] = "mtu", [RTAX_WINDOW] = "window", [RTAX_RTT] = "rtt",
	[RTAX_RTTVAR] = "rttvar", [RTAX_SSTHRESH] = "ssthresh",
	[RTAX_CWND] = "cwnd", [RTAX_ADVMSS] = "advmss",
	[RTAX_REORDERING] = "reordering", [RTAX_HOPLIMIT] = "hoplimit",
	[RTAX_INITCWND] = "initcwnd", [RTAX_FEATURES] = "features",
	[RTAX_RTO_MIN] = "rto_min", [RTAX_INITRWND] = "initrwnd",
	[RTAX_QUICKACK] = "quickack", [RTAX_CC_ALGO] = "congctl",
	[RTAX_FASTOPEN_NO_COOKIE] = "fastopen_no_cookie",
};

static const struct nl_policy metrics_policy[RTAX_MAX + 1] = {
	[RTAX_LOCK] = { MNL_TYPE_U32, 0 }, [RTAX_MTU] = { MNL_TYPE_U32, 0 },
	[RTAX_WINDOW] = { MNL_TYPE_U32, 0 }, [RTAX_RTT] = { MNL_TYPE_U32, 0 },
	[RTAX_RTTVAR] = { MNL_TYPE_U32, 0 }, [RTAX_SSTHRESH] = { MNL_TYPE_U32, 0 },
	[RTAX_CWND] = { MNL_TYPE_U32, 0 }, [RTAX_ADVMSS] = { MNL_TYPE_U32, 0 },
	[RTAX_REORDERING] = { MNL_TYPE_U32, 0 }, [RTAX_HOPLIMIT] = { MNL_TYPE_U32, 0 },
	[RTAX_INITCWND] = { MNL_TYPE_U32, 0 }, [RTAX_FEATURES] = { MNL_TYPE_U32, 0 },
	[RTAX_RTO_MIN] = { MNL_TYPE_U32, 0 }, [RTAX_INITRWND] = { MNL_TYPE_U32, 0 },
	[RTAX_QUICKACK] = { MNL_TYPE_U32, 0 }, [RTAX_CC_ALGO] = { MNL_TYPE_NUL_STRING, 0 },
	[RTAX_FASTOPEN_NO_COOKIE] = { MNL_TYPE_U32, 0 },
};

/* Times are kept in ms (rtt scaled by 8, rttvar by 4). */
static void print_metric_time(struct out *o, int i, uint32_t val)
{
	char text[32];

	if (i == RTAX_RTT)
		val /= 8;
	else if (i == RTAX_RTTVAR)
		val /= 4;
	if (o->json) {
		out_uint(o, metric_names[i], NULL, val);
		return;
	}
	if (val >= 1000)
		snprintf(text, sizeof(text), "%gs ", val / 1e3);
	else
		snprintf(text, sizeof(text), "%ums ", val);
	out_text(o, text);
}

static void print_metric(struct out *o, const struct nlattr **mx, int i,
			 bool locked)
{
	uint32_t val = mx[i] && i != RTAX_CC_ALGO ? mnl_attr_get_u32(mx[i]) : 0;
	char text[32];

	if (i == RTAX_HOPLIMIT && (int32_t)val == -1)
		return;
	snprintf(text, sizeof(text), "%s ", metric_names[i]);
	out_text(o, text);
	if (locked)
		out_text(o, "lock ");
	switch (i) {
	case RTAX_FEATURES:
		if (val & RTAX_FEATURE_ECN)
			out_null(o, "ecn", "ecn ");
		if (val & ~(uint32_t)RTAX_FEATURE_ECN) {
			snprintf(text, sizeof(text), "%#x", val);
			out_str(o, "features", "%s ", text);
		}
		break;
	case RTAX_RTT: case RTAX_RTTVAR: case RTAX_RTO_MIN:
		print_metric_time(o, i, val);
		break;
	case RTAX_CC_ALGO:
		out_str(o, "congestion", "%s ", mx[i] ? mnl_attr_get_str(mx[i]) : "");
		break;
	default:
		out_uint(o, metric_names[i], "%u ", val);
	}
}

static void print_metrics(struct out *o, const struct nlattr *nest)
{
	const struct nlattr *mx[RTAX_MAX + 1];
	uint32_t lock = 0;

	if (nl_parse_nested(nest, metrics_policy, RTAX_MAX, mx) < 0)
		return;
	if (mx[RTAX_LOCK])
		lock = mnl_attr_get_u32(mx[RTAX_LOCK]);
	out_arr_begin(o, "metrics");
	out_obj_begin(o, NULL);
	for (int i = 2; i <= RTAX_MAX; i++) {
		bool locked = i < 32 && (lock & (1u << i));
		if (mx[i] || locked)
			print_metric(o, mx, i, locked);
	}
	out_obj_end(o);
	out_arr_end(o);
}

static void print_pref(struct out *o, unsigned int pref)
{
	switch (pref) {
	case ICMPV6_ROUTER_PREF_LOW:
		out_str(o, "pref", "pref %s", "low");
		break;
	case ICMPV6_ROUTER_PREF_MEDIUM:
		out_str(o, "pref", "pref %s", "medium");
		break;
	case ICMPV6_ROUTER_PREF_HIGH:
		out_str(o, "pref", "pref %s", "high");
		break;
	default:
		out_uint(o, "pref", "%u", pref);
	}
}

static void print_dev(struct out *o, const struct route_print_opts *opts,
		      const char *key, const struct nlattr *a)
{
	char buf[IF_NAMESIZE + 16], fmt[32];

	snprintf(fmt, sizeof(fmt), "%s %%s ", key);
	out_str(o, key, fmt, link_name_or_ifn(opts->names, (int)mnl_attr_get_u32(a),
					      buf, sizeof(buf)));
}

/* A gateway of another family: "via inet6 fd00::2 ". */
static void print_via(struct out *o, const struct nlattr *a)
{
	const struct rtvia *v = mnl_attr_get_payload(a);
	const char *family = v->rtvia_family == AF_INET6 ? "inet6" : "inet";
	char addr[INET6_ADDRSTRLEN];

	if (!inet_ntop(v->rtvia_family, v->rtvia_addr, addr, sizeof(addr)))
		snprintf(addr, sizeof(addr), "?");
	out_obj_begin(o, "via");
	out_str(o, "family", NULL, family);
	out_str(o, "host", NULL, addr);
	out_obj_end(o);
	out_str(o, NULL, "via %s ", family);
	out_str(o, NULL, "%s ", addr);
}

/* Each next hop on its own line: "\tnexthop via A dev D weight W ". */
static void print_multipath(struct out *o, const struct route_msg *m,
			    const struct route_print_opts *opts)
{
	const char *p = mnl_attr_get_payload(m->tb[RTA_MULTIPATH]);
	size_t left = mnl_attr_get_payload_len(m->tb[RTA_MULTIPATH]);
	char addr[INET6_ADDRSTRLEN], name[IF_NAMESIZE + 16];

	out_arr_begin(o, "nexthops");
	while (left >= sizeof(struct rtnexthop)) {
		const struct rtnexthop *nh = (const void *)p;
		int len;

		out_obj_begin(o, NULL);
		out_nl(o);
		out_text(o, "\tnexthop ");
		for (const struct nlattr *a = route_nh_attrs(nh, &len); mnl_attr_ok(a, len);
		     len -= (int)MNL_ALIGN(a->nla_len), a = mnl_attr_next(a)) {
			if (mnl_attr_get_type(a) == RTA_GATEWAY)
				out_str(o, "gateway", "via %s ",
					route_addr_str(m->rtm->rtm_family, a, addr, sizeof(addr)));
			else if (mnl_attr_get_type(a) == RTA_VIA)
				print_via(o, a);
		}
		out_str(o, "dev", "dev %s ", link_name_or_ifn(opts->names, nh->rtnh_ifindex,
							     name, sizeof(name)));
		out_int(o, "weight", "weight %d ", nh->rtnh_hops + 1);
		print_rt_flags(o, nh->rtnh_flags);
		out_obj_end(o);
		size_t step = RTNH_ALIGN(nh->rtnh_len);
		if (step >= left)
			break;
		p += step;
		left -= step;
	}
	out_arr_end(o);
}

/* A table, protocol or scope by name, or with -N by number. */
static const char *name_of(const struct route_print_opts *opts,
			   enum rt_name_kind kind, uint32_t id, char *buf,
			   size_t len)
{
	return rt_name_num(kind, id, opts->numeric, buf, len);
}

/* Type, destination, source, gateway, device, table, protocol, scope. */
static void print_head(struct out *o, const struct route_msg *m,
		       const struct route_print_opts *opts)
{
	const struct rtmsg *r = m->rtm;
	char buf[64], addr[INET6_ADDRSTRLEN];

	if (r->rtm_type != RTN_UNICAST || opts->details)
		out_str(o, "type", "%s ", opts->numeric ?
			rt_number(r->rtm_type, buf, sizeof(buf)) :
			rt_type_name(r->rtm_type, buf, sizeof(buf)));
	print_dst_src(o, m);
	if (m->tb[RTA_NH_ID])
		out_uint(o, "nhid", "nhid %u ", mnl_attr_get_u32(m->tb[RTA_NH_ID]));
	if (r->rtm_tos) {
		snprintf(buf, sizeof(buf), "0x%02x", r->rtm_tos);
		out_str(o, "tos", "tos %s ", buf);
	}
	if (m->tb[RTA_GATEWAY] && !opts->hide_gateway)
		out_str(o, "gateway", "via %s ",
			route_addr_str(r->rtm_family, m->tb[RTA_GATEWAY], addr, sizeof(addr)));
	if (m->tb[RTA_VIA])
		print_via(o, m->tb[RTA_VIA]);
	if (m->tb[RTA_OIF] && !opts->hide_dev)
		print_dev(o, opts, "dev", m->tb[RTA_OIF]);
	if (m->table && (m->table != RT_TABLE_MAIN || opts->details) && !opts->hide_table)
		out_str(o, "table", "table %s ",
			name_of(opts, RT_NAME_TABLE, m->table, buf, sizeof(buf)));
	if (r->rtm_flags & RTM_F_CLONED)
		return;
	if ((r->rtm_protocol != RTPROT_BOOT || opts->details) && !opts->hide_proto)
		out_str(o, "protocol", "proto %s ",
			name_of(opts, RT_NAME_PROTO, r->rtm_protocol, buf, sizeof(buf)));
	if ((r->rtm_scope != RT_SCOPE_UNIVERSE || opts->details) && !opts->hide_scope)
		out_str(o, "scope", "scope %s ",
			name_of(opts, RT_NAME_SCOPE, r->rtm_scope, buf, sizeof(buf)));
}

void route_print(struct out *o, const struct route_msg *m,
		 const struct route_print_opts *opts)
{
	const struct rtmsg *r = m->rtm;
	char addr[INET6_ADDRSTRLEN];

	print_head(o, m, opts);
	if (m->tb[RTA_PREFSRC] && !opts->hide_prefsrc)
		out_str(o, "prefsrc", "src %s ",
			route_addr_str(r->rtm_family, m->tb[RTA_PREFSRC], addr, sizeof(addr)));
	if (m->tb[RTA_PRIORITY] && !opts->hide_metric)
		out_uint(o, "metric", "metric %u ", mnl_attr_get_u32(m->tb[RTA_PRIORITY]));
	print_rt_flags(o, r->rtm_flags);
	if (m->tb[RTA_MARK] && mnl_attr_get_u32(m->tb[RTA_MARK])) {
		uint32_t mark = mnl_attr_get_u32(m->tb[RTA_MARK]);
		out_uint(o, "mark", mark >= 16 ? "mark 0x%x " : "mark %u ", mark);
	}
	if (m->tb[RTA_UID])
		out_uint(o, "uid", "uid %u ", mnl_attr_get_u32(m->tb[RTA_UID]));
	if (r->rtm_family == AF_INET && (r->rtm_flags & RTM_F_CLONED))
		print_cache_flags(o, r->rtm_flags);
	if (m->tb[RTA_CACHEINFO] &&
	    (r->rtm_family == AF_INET || r->rtm_family == AF_INET6))
		print_cacheinfo(o, m->tb[RTA_CACHEINFO], opts->stats);
	if (m->tb[RTA_METRICS])
		print_metrics(o, m->tb[RTA_METRICS]);
	if (m->tb[RTA_IIF] && !opts->hide_iif)
		print_dev(o, opts, "iif", m->tb[RTA_IIF]);
	if (m->tb[RTA_PREF])
		print_pref(o, mnl_attr_get_u8(m->tb[RTA_PREF]));
	if (m->tb[RTA_MULTIPATH])
		print_multipath(o, m, opts);
}
