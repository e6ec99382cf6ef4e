/* A bond's data, and a bond port's, under `ip -d link`, in iproute2's
 * order and names. */
#include "print/link_kinds.h"
#include "print/link_names.h"
#include "nl/link_lookup.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define TARGETS_MAX 16

/* How a field prints. */
enum bond_fmt {
	BF_UINT,        /* "text N" */
	BF_NAME,        /* a name of names, "UNKNOWN" beyond them */
	BF_DEV,         /* a device by name; nothing for 0 */
	BF_TARGETS4,    /* "text A,B " and a JSON array */
	BF_TARGETS6,
	BF_VALIDATE,    /* a name, but null in JSON for 0 */
	BF_ADINFO,      /* the 802.3ad aggregator's info */
	BF_LLADDR,      /* a link-layer address */
};

static const struct bond_field {
	uint16_t attr;
	enum mnl_attr_data_type type;
	enum bond_fmt fmt;
	const char *text, *json;
	const char *const *names;
} bond_fields[] = {
	{ IFLA_BOND_MODE, MNL_TYPE_U8, BF_NAME, "mode", "mode", bond_mode_names },
	{ IFLA_BOND_ACTIVE_SLAVE, MNL_TYPE_U32, BF_DEV, "active_slave", "active_slave", NULL },
	{ IFLA_BOND_MIIMON, MNL_TYPE_U32, BF_UINT, "miimon", "miimon", NULL },
	{ IFLA_BOND_UPDELAY, MNL_TYPE_U32, BF_UINT, "updelay", "updelay", NULL },
	{ IFLA_BOND_DOWNDELAY, MNL_TYPE_U32, BF_UINT, "downdelay", "downdelay", NULL },
	{ IFLA_BOND_PEER_NOTIF_DELAY, MNL_TYPE_U32, BF_UINT, "peer_notify_delay",
	  "peer_notify_delay", NULL },
	{ IFLA_BOND_USE_CARRIER, MNL_TYPE_U8, BF_UINT, "use_carrier", "use_carrier", NULL },
	{ IFLA_BOND_ARP_INTERVAL, MNL_TYPE_U32, BF_UINT, "arp_interval", "arp_interval", NULL },
	{ IFLA_BOND_MISSED_MAX, MNL_TYPE_U8, BF_UINT, "arp_missed_max", "arp_missed_max", NULL },
	{ IFLA_BOND_ARP_IP_TARGET, MNL_TYPE_NESTED, BF_TARGETS4, "arp_ip_target",
	  "arp_ip_target", NULL },
	{ IFLA_BOND_NS_IP6_TARGET, MNL_TYPE_NESTED, BF_TARGETS6, "ns_ip6_target",
	  "ns_ip6_target", NULL },
	{ IFLA_BOND_ARP_VALIDATE, MNL_TYPE_U32, BF_VALIDATE, "arp_validate", "arp_validate",
	  bond_arp_validate_names },
	{ IFLA_BOND_ARP_ALL_TARGETS, MNL_TYPE_U32, BF_NAME, "arp_all_targets",
	  "arp_all_targets", bond_arp_all_targets_names },
	{ IFLA_BOND_PRIMARY, MNL_TYPE_U32, BF_DEV, "primary", "primary", NULL },
	{ IFLA_BOND_PRIMARY_RESELECT, MNL_TYPE_U8, BF_NAME, "primary_reselect",
	  "primary_reselect", bond_primary_reselect_names },
	{ IFLA_BOND_FAIL_OVER_MAC, MNL_TYPE_U8, BF_NAME, "fail_over_mac", "fail_over_mac",
	  bond_fail_over_mac_names },
	{ IFLA_BOND_XMIT_HASH_POLICY, MNL_TYPE_U8, BF_NAME, "xmit_hash_policy",
	  "xmit_hash_policy", bond_xmit_hash_policy_names },
	{ IFLA_BOND_RESEND_IGMP, MNL_TYPE_U32, BF_UINT, "resend_igmp", "resend_igmp", NULL },
	{ IFLA_BOND_NUM_PEER_NOTIF, MNL_TYPE_U8, BF_UINT, "num_grat_arp", "num_peer_notif", NULL },
	{ IFLA_BOND_ALL_SLAVES_ACTIVE, MNL_TYPE_U8, BF_UINT, "all_slaves_active",
	  "all_slaves_active", NULL },
	{ IFLA_BOND_MIN_LINKS, MNL_TYPE_U32, BF_UINT, "min_links", "min_links", NULL },
	{ IFLA_BOND_LP_INTERVAL, MNL_TYPE_U32, BF_UINT, "lp_interval", "lp_interval", NULL },
	{ IFLA_BOND_PACKETS_PER_SLAVE, MNL_TYPE_U32, BF_UINT, "packets_per_slave",
	  "packets_per_slave", NULL },
	{ IFLA_BOND_AD_LACP_ACTIVE, MNL_TYPE_U8, BF_NAME, "lacp_active", "ad_lacp_active",
	  bond_lacp_active_names },
	{ IFLA_BOND_AD_LACP_RATE, MNL_TYPE_U8, BF_NAME, "lacp_rate", "ad_lacp_rate",
	  bond_lacp_rate_names },
	{ IFLA_BOND_AD_SELECT, MNL_TYPE_U8, BF_NAME, "ad_select", "ad_select", bond_ad_select_names },
	{ IFLA_BOND_AD_INFO, MNL_TYPE_NESTED, BF_ADINFO, NULL, "ad_info", NULL },
	{ IFLA_BOND_AD_ACTOR_SYS_PRIO, MNL_TYPE_U16, BF_UINT, "ad_actor_sys_prio",
	  "ad_actor_sys_prio", NULL },
	{ IFLA_BOND_AD_USER_PORT_KEY, MNL_TYPE_U16, BF_UINT, "ad_user_port_key",
	  "ad_user_port_key", NULL },
	{ IFLA_BOND_AD_ACTOR_SYSTEM, MNL_TYPE_BINARY, BF_LLADDR, "ad_actor_system",
	  "ad_actor_system", NULL },
	{ IFLA_BOND_TLB_DYNAMIC_LB, MNL_TYPE_U8, BF_UINT, "tlb_dynamic_lb", "tlb_dynamic_lb", NULL },
};

/* "text %s " / "text %u ": the format of a field's text. */
static const char *fmt_of(char *buf, size_t len, const char *text, const char *conv)
{
	snprintf(buf, len, "%s %s ", text, conv);
	return buf;
}

/* Bytes as colon-separated hex, as ip writes any link-layer address. */
static const char *lladdr_text(const unsigned char *p, size_t n, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used + 4 <= len; i++)
		used += (size_t)snprintf(buf + used, len - used, i ? ":%02x" : "%02x", p[i]);
	return buf;
}

static uint32_t value_of(const struct nlattr *a, enum mnl_attr_data_type type)
{
	if (type == MNL_TYPE_U8)
		return mnl_attr_get_u8(a);
	if (type == MNL_TYPE_U16)
		return mnl_attr_get_u16(a);
	return mnl_attr_get_u32(a);
}

static const char *name_of(const char *const *names, uint32_t v)
{
	for (uint32_t i = 0; names[i]; i++)
		if (i == v)
			return names[i];
	return "UNKNOWN";
}

/* The addresses of a target list, by their attribute numbers 0..15; the
 * list prints only when its first one is there, as ip prints it. */
static void print_targets(struct out *o, const struct bond_field *f, const struct nlattr *list)
{
	const struct nlattr *t[TARGETS_MAX] = { 0 };
	const struct nlattr *a;
	int family = f->fmt == BF_TARGETS4 ? AF_INET : AF_INET6;
	size_t len = family == AF_INET ? 4 : 16;

	mnl_attr_for_each_nested(a, list)
		if (mnl_attr_get_type(a) < TARGETS_MAX && mnl_attr_get_payload_len(a) >= len)
			t[mnl_attr_get_type(a)] = a;
	if (t[0]) {
		out_arr_begin(o, f->json);
		out_text(o, f->text);
		out_text(o, " ");
	}
	for (int i = 0; i < TARGETS_MAX; i++) {
		char buf[INET6_ADDRSTRLEN];

		if (t[i])
			out_elem_str(o, "%s", inet_ntop(family, mnl_attr_get_payload(t[i]),
							buf, sizeof(buf)));
		if (i + 1 < TARGETS_MAX && t[i + 1])
			out_text(o, ",");
	}
	if (t[0]) {
		out_text(o, " ");
		out_arr_end(o);
	}
}

static const struct nl_policy ad_info_policy[IFLA_BOND_AD_INFO_MAX + 1] = {
	[IFLA_BOND_AD_INFO_AGGREGATOR] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_AD_INFO_NUM_PORTS] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_AD_INFO_ACTOR_KEY] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_AD_INFO_PARTNER_KEY] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_AD_INFO_PARTNER_MAC] = { MNL_TYPE_BINARY, 6 },
};

static int print_ad_info(struct out *o, const struct nlattr *nest)
{
	static const struct { uint16_t attr; const char *json, *text; } keys[] = {
		{ IFLA_BOND_AD_INFO_AGGREGATOR, "aggregator", "ad_aggregator %d " },
		{ IFLA_BOND_AD_INFO_NUM_PORTS, "num_ports", "ad_num_ports %d " },
		{ IFLA_BOND_AD_INFO_ACTOR_KEY, "actor_key", "ad_actor_key %d " },
		{ IFLA_BOND_AD_INFO_PARTNER_KEY, "partner_key", "ad_partner_key %d " },
	};
	const struct nlattr *tb[IFLA_BOND_AD_INFO_MAX + 1];
	char buf[64];

	if (nl_parse_nested(nest, ad_info_policy, IFLA_BOND_AD_INFO_MAX, tb) < 0)
		return -1;
	out_obj_begin(o, "ad_info");
	for (size_t i = 0; i < N(keys); i++)
		if (tb[keys[i].attr])
			out_int(o, keys[i].json, keys[i].text, mnl_attr_get_u16(tb[keys[i].attr]));
	if (tb[IFLA_BOND_AD_INFO_PARTNER_MAC])
		out_str(o, "partner_mac", "ad_partner_mac %s ",
			lladdr_text(mnl_attr_get_payload(tb[IFLA_BOND_AD_INFO_PARTNER_MAC]), 6,
				    buf, sizeof(buf)));
	out_obj_end(o);
	return 0;
}

static int print_field(struct out *o, const struct bond_field *f, const struct nlattr *a,
		       const struct link_print_opts *opts)
{
	char fmt[48], buf[128];
	uint32_t v;

	switch (f->fmt) {
	case BF_TARGETS4:
	case BF_TARGETS6:
		print_targets(o, f, a);
		return 0;
	case BF_ADINFO:
		return print_ad_info(o, a);
	case BF_LLADDR:
		out_str(o, f->json, fmt_of(fmt, sizeof(fmt), f->text, "%s"),
			lladdr_text(mnl_attr_get_payload(a), mnl_attr_get_payload_len(a),
				    buf, sizeof(buf)));
		return 0;
	default:
		break;
	}
	v = value_of(a, f->type);
	if (f->fmt == BF_UINT)
		out_uint(o, f->json, fmt_of(fmt, sizeof(fmt), f->text, "%u"), v);
	else if (f->fmt == BF_DEV && v)
		out_str(o, f->json, fmt_of(fmt, sizeof(fmt), f->text, "%s"),
			link_name_or_ifn(opts->names, (int)v, buf, sizeof(buf)));
	else if (f->fmt == BF_VALIDATE && !v && o->json)
		out_null(o, f->json, NULL);
	else if (f->fmt != BF_DEV)
		out_str(o, f->json, fmt_of(fmt, sizeof(fmt), f->text, "%s"), name_of(f->names, v));
	return 0;
}

int bond_print(struct out *o, const struct nlattr *data, const struct link_print_opts *opts)
{
	const struct nlattr *tb[IFLA_BOND_MAX + 1] = { 0 };
	const struct nlattr *a;

	mnl_attr_for_each_nested(a, data) {
		uint16_t type = mnl_attr_get_type(a);
		if (type <= IFLA_BOND_MAX)
			tb[type] = a;
	}
	for (size_t i = 0; i < N(bond_fields); i++) {
		const struct bond_field *f = &bond_fields[i];

		if (!tb[f->attr])
			continue;
		if (mnl_attr_validate(tb[f->attr], f->type) < 0)
			return -1;
		if (print_field(o, f, tb[f->attr], opts) < 0)
			return -1;
	}
	return 0;
}

static const struct nl_policy slave_policy[IFLA_BOND_SLAVE_MAX + 1] = {
	[IFLA_BOND_SLAVE_STATE] = { MNL_TYPE_U8, 0 },
	[IFLA_BOND_SLAVE_MII_STATUS] = { MNL_TYPE_U8, 0 },
	[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT] = { MNL_TYPE_U32, 0 },
	[IFLA_BOND_SLAVE_PERM_HWADDR] = { MNL_TYPE_BINARY, 0 },
	[IFLA_BOND_SLAVE_QUEUE_ID] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE] = { MNL_TYPE_U8, 0 },
	[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE] = { MNL_TYPE_U16, 0 },
	[IFLA_BOND_SLAVE_PRIO] = { MNL_TYPE_U32, 0 },
};

/* A state by name, or by number (under KEY_index) past the names. */
static void print_state(struct out *o, const char *key, const char *const *names,
			unsigned int n, unsigned int v)
{
	char fmt[32], index_key[32];

	if (v < n && names[v]) {
		snprintf(fmt, sizeof(fmt), "%s %%s ", key);
		out_str(o, key, fmt, names[v]);
	} else {
		snprintf(fmt, sizeof(fmt), "%s %%d ", key);
		snprintf(index_key, sizeof(index_key), "%s_index", key);
		out_int(o, index_key, fmt, (int)v);
	}
}

/* An 802.3ad port state: its number, then its bits by name. */
static void print_oper_state(struct out *o, const char *key, unsigned int state)
{
	static const struct flag_name names[] = {
		{ 1 << 0, "active" }, { 1 << 1, "short_timeout" }, { 1 << 2, "aggregating" },
		{ 1 << 3, "in_sync" }, { 1 << 4, "collecting" }, { 1 << 5, "distributing" },
		{ 1 << 6, "defaulted" }, { 1 << 7, "expired" },
	};
	char fmt[64], name[64];

	snprintf(fmt, sizeof(fmt), "%s %%d ", key);
	out_int(o, key, fmt, (int)state);
	snprintf(name, sizeof(name), "%s_str", key);
	out_arr_begin(o, name);
	out_text(o, name);
	out_text(o, " <");
	out_flag_names(o, state & 0xff, names, N(names));
	out_arr_end(o);
	out_text(o, "> ");
}

int bond_slave_print(struct out *o, const struct nlattr *data,
		     const struct link_print_opts *opts)
{
	static const char *const states[] = { "ACTIVE", "BACKUP" };
	static const char *const mii[] = { "UP", "GOING_DOWN", "DOWN", "GOING_BACK" };
	const struct nlattr *tb[IFLA_BOND_SLAVE_MAX + 1];
	char buf[128];

	(void)opts;
	if (nl_parse_nested(data, slave_policy, IFLA_BOND_SLAVE_MAX, tb) < 0)
		return -1;
	if (tb[IFLA_BOND_SLAVE_STATE])
		print_state(o, "state", states, N(states), mnl_attr_get_u8(tb[IFLA_BOND_SLAVE_STATE]));
	if (tb[IFLA_BOND_SLAVE_MII_STATUS])
		print_state(o, "mii_status", mii, N(mii),
			    mnl_attr_get_u8(tb[IFLA_BOND_SLAVE_MII_STATUS]));
	if (tb[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT])
		out_int(o, "link_failure_count", "link_failure_count %d ",
			(int)mnl_attr_get_u32(tb[IFLA_BOND_SLAVE_LINK_FAILURE_COUNT]));
	if (tb[IFLA_BOND_SLAVE_PERM_HWADDR])
		out_str(o, "perm_hwaddr", "perm_hwaddr %s ",
			lladdr_text(mnl_attr_get_payload(tb[IFLA_BOND_SLAVE_PERM_HWADDR]),
				    mnl_attr_get_payload_len(tb[IFLA_BOND_SLAVE_PERM_HWADDR]),
				    buf, sizeof(buf)));
	if (tb[IFLA_BOND_SLAVE_QUEUE_ID])
		out_int(o, "queue_id", "queue_id %d ", mnl_attr_get_u16(tb[IFLA_BOND_SLAVE_QUEUE_ID]));
	if (tb[IFLA_BOND_SLAVE_PRIO])
		out_int(o, "prio", "prio %d ", (int)mnl_attr_get_u32(tb[IFLA_BOND_SLAVE_PRIO]));
	if (tb[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID])
		out_int(o, "ad_aggregator_id", "ad_aggregator_id %d ",
			mnl_attr_get_u16(tb[IFLA_BOND_SLAVE_AD_AGGREGATOR_ID]));
	if (tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE])
		print_oper_state(o, "ad_actor_oper_port_state",
				 mnl_attr_get_u8(tb[IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE]));
	/* ip reads the partner's state as one byte, though the kernel sends two */
	if (tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE])
		print_oper_state(o, "ad_partner_oper_port_state",
				 mnl_attr_get_u8(tb[IFLA_BOND_SLAVE_AD_PARTNER_OPER_PORT_STATE]));
	return 0;
}
