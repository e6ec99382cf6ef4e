/* The data of the kinds `ip -d link` details: bridge, bridge port,
 * vlan; in iproute2's order, under its text and JSON names. */
#include "print/link_kinds.h"
#include "print/link_names.h"
#include "print/link_fields.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct field bridge_fields[] = {
	{ IFLA_BR_FORWARD_DELAY, MNL_TYPE_U32, 0, F_UINT, "forward_delay", "forward_delay" },
	{ IFLA_BR_HELLO_TIME, MNL_TYPE_U32, 0, F_UINT, "hello_time", "hello_time" },
	{ IFLA_BR_MAX_AGE, MNL_TYPE_U32, 0, F_UINT, "max_age", "max_age" },
	{ IFLA_BR_AGEING_TIME, MNL_TYPE_U32, 0, F_UINT, "ageing_time", "ageing_time" },
	{ IFLA_BR_STP_STATE, MNL_TYPE_U32, 0, F_UINT, "stp_state", "stp_state" },
	{ IFLA_BR_PRIORITY, MNL_TYPE_U16, 0, F_UINT, "priority", "priority" },
	{ IFLA_BR_VLAN_FILTERING, MNL_TYPE_U8, 0, F_UINT, "vlan_filtering", "vlan_filtering" },
	{ IFLA_BR_VLAN_PROTOCOL, MNL_TYPE_U16, 0, F_VLANPROTO, "vlan_protocol", "vlan_protocol" },
	{ IFLA_BR_BRIDGE_ID, MNL_TYPE_BINARY, 8, F_BRID, "bridge_id", "bridge_id" },
	{ IFLA_BR_ROOT_ID, MNL_TYPE_BINARY, 8, F_BRID, "designated_root", "root_id" },
	{ IFLA_BR_ROOT_PORT, MNL_TYPE_U16, 0, F_UINT, "root_port", "root_port" },
	{ IFLA_BR_ROOT_PATH_COST, MNL_TYPE_U32, 0, F_UINT, "root_path_cost", "root_path_cost" },
	{ IFLA_BR_TOPOLOGY_CHANGE, MNL_TYPE_U8, 0, F_UINT, "topology_change", "topology_change" },
	{ IFLA_BR_TOPOLOGY_CHANGE_DETECTED, MNL_TYPE_U8, 0, F_UINT,
	  "topology_change_detected", "topology_change_detected" },
	{ IFLA_BR_HELLO_TIMER, MNL_TYPE_U64, 0, F_TIMER, "hello_timer", "hello_timer" },
	{ IFLA_BR_TCN_TIMER, MNL_TYPE_U64, 0, F_TIMER, "tcn_timer", "tcn_timer" },
	{ IFLA_BR_TOPOLOGY_CHANGE_TIMER, MNL_TYPE_U64, 0, F_TIMER,
	  "topology_change_timer", "topology_change_timer" },
	{ IFLA_BR_GC_TIMER, MNL_TYPE_U64, 0, F_TIMER, "gc_timer", "gc_timer" },
	{ IFLA_BR_VLAN_DEFAULT_PVID, MNL_TYPE_U16, 0, F_UINT, "vlan_default_pvid", "vlan_default_pvid" },
	{ IFLA_BR_VLAN_STATS_ENABLED, MNL_TYPE_U8, 0, F_UINT, "vlan_stats_enabled", "vlan_stats_enabled" },
	{ IFLA_BR_VLAN_STATS_PER_PORT, MNL_TYPE_U8, 0, F_UINT, "vlan_stats_per_port", "vlan_stats_per_port" },
	{ IFLA_BR_GROUP_FWD_MASK, MNL_TYPE_U16, 0, F_HEX, "group_fwd_mask", "group_fwd_mask" },
	{ IFLA_BR_GROUP_ADDR, MNL_TYPE_BINARY, 6, F_MAC, "group_address", "group_addr" },
	{ IFLA_BR_MCAST_SNOOPING, MNL_TYPE_U8, 0, F_UINT, "mcast_snooping", "mcast_snooping" },
	{ IFLA_BR_MULTI_BOOLOPT, MNL_TYPE_BINARY, 8, F_BOOLOPT, NULL, NULL },
	{ IFLA_BR_MCAST_ROUTER, MNL_TYPE_U8, 0, F_UINT, "mcast_router", "mcast_router" },
	{ IFLA_BR_MCAST_QUERY_USE_IFADDR, MNL_TYPE_U8, 0, F_UINT,
	  "mcast_query_use_ifaddr", "mcast_query_use_ifaddr" },
	{ IFLA_BR_MCAST_QUERIER, MNL_TYPE_U8, 0, F_UINT, "mcast_querier", "mcast_querier" },
	{ IFLA_BR_MCAST_HASH_ELASTICITY, MNL_TYPE_U32, 0, F_UINT,
	  "mcast_hash_elasticity", "mcast_hash_elasticity" },
	{ IFLA_BR_MCAST_HASH_MAX, MNL_TYPE_U32, 0, F_UINT, "mcast_hash_max", "mcast_hash_max" },
	{ IFLA_BR_MCAST_LAST_MEMBER_CNT, MNL_TYPE_U32, 0, F_UINT,
	  "mcast_last_member_count", "mcast_last_member_cnt" },
	{ IFLA_BR_MCAST_STARTUP_QUERY_CNT, MNL_TYPE_U32, 0, F_UINT,
	  "mcast_startup_query_count", "mcast_startup_query_cnt" },
	{ IFLA_BR_MCAST_LAST_MEMBER_INTVL, MNL_TYPE_U64, 0, F_UINT,
	  "mcast_last_member_interval", "mcast_last_member_intvl" },
	{ IFLA_BR_MCAST_MEMBERSHIP_INTVL, MNL_TYPE_U64, 0, F_UINT,
	  "mcast_membership_interval", "mcast_membership_intvl" },
	{ IFLA_BR_MCAST_QUERIER_INTVL, MNL_TYPE_U64, 0, F_UINT,
	  "mcast_querier_interval", "mcast_querier_intvl" },
	{ IFLA_BR_MCAST_QUERY_INTVL, MNL_TYPE_U64, 0, F_UINT,
	  "mcast_query_interval", "mcast_query_intvl" },
	{ IFLA_BR_MCAST_QUERY_RESPONSE_INTVL, MNL_TYPE_U64, 0, F_UINT,
	  "mcast_query_response_interval", "mcast_query_response_intvl" },
	{ IFLA_BR_MCAST_STARTUP_QUERY_INTVL, MNL_TYPE_U64, 0, F_UINT,
	  "mcast_startup_query_interval", "mcast_startup_query_intvl" },
	{ IFLA_BR_MCAST_STATS_ENABLED, MNL_TYPE_U8, 0, F_UINT, "mcast_stats_enabled", "mcast_stats_enabled" },
	{ IFLA_BR_MCAST_IGMP_VERSION, MNL_TYPE_U8, 0, F_UINT, "mcast_igmp_version", "mcast_igmp_version" },
	{ IFLA_BR_MCAST_MLD_VERSION, MNL_TYPE_U8, 0, F_UINT, "mcast_mld_version", "mcast_mld_version" },
	{ IFLA_BR_NF_CALL_IPTABLES, MNL_TYPE_U8, 0, F_UINT, "nf_call_iptables", "nf_call_iptables" },
	{ IFLA_BR_NF_CALL_IP6TABLES, MNL_TYPE_U8, 0, F_UINT, "nf_call_ip6tables", "nf_call_ip6tables" },
	{ IFLA_BR_NF_CALL_ARPTABLES, MNL_TYPE_U8, 0, F_UINT, "nf_call_arptables", "nf_call_arptables" },
};

static const struct field port_fields[] = {
	{ IFLA_BRPORT_STATE, MNL_TYPE_U8, 0, F_PORTSTATE, "state", "state" },
	{ IFLA_BRPORT_PRIORITY, MNL_TYPE_U16, 0, F_UINT, "priority", "priority" },
	{ IFLA_BRPORT_COST, MNL_TYPE_U32, 0, F_UINT, "cost", "cost" },
	{ IFLA_BRPORT_MODE, MNL_TYPE_U8, 0, F_ONOFF, "hairpin", "hairpin" },
	{ IFLA_BRPORT_GUARD, MNL_TYPE_U8, 0, F_ONOFF, "guard", "guard" },
	{ IFLA_BRPORT_PROTECT, MNL_TYPE_U8, 0, F_ONOFF, "root_block", "root_block" },
	{ IFLA_BRPORT_FAST_LEAVE, MNL_TYPE_U8, 0, F_ONOFF, "fastleave", "fastleave" },
	{ IFLA_BRPORT_LEARNING, MNL_TYPE_U8, 0, F_ONOFF, "learning", "learning" },
	{ IFLA_BRPORT_UNICAST_FLOOD, MNL_TYPE_U8, 0, F_ONOFF, "flood", "flood" },
	{ IFLA_BRPORT_ID, MNL_TYPE_U16, 0, F_HEX, "port_id", "id" },
	{ IFLA_BRPORT_NO, MNL_TYPE_U16, 0, F_HEX, "port_no", "no" },
	{ IFLA_BRPORT_DESIGNATED_PORT, MNL_TYPE_U16, 0, F_UINT, "designated_port", "designated_port" },
	{ IFLA_BRPORT_DESIGNATED_COST, MNL_TYPE_U16, 0, F_UINT, "designated_cost", "designated_cost" },
	{ IFLA_BRPORT_BRIDGE_ID, MNL_TYPE_BINARY, 8, F_BRID, "designated_bridge", "bridge_id" },
	{ IFLA_BRPORT_ROOT_ID, MNL_TYPE_BINARY, 8, F_BRID, "designated_root", "root_id" },
	{ IFLA_BRPORT_HOLD_TIMER, MNL_TYPE_U64, 0, F_TIMER, "hold_timer", "hold_timer" },
	{ IFLA_BRPORT_MESSAGE_AGE_TIMER, MNL_TYPE_U64, 0, F_TIMER,
	  "message_age_timer", "message_age_timer" },
	{ IFLA_BRPORT_FORWARD_DELAY_TIMER, MNL_TYPE_U64, 0, F_TIMER,
	  "forward_delay_timer", "forward_delay_timer" },
	{ IFLA_BRPORT_TOPOLOGY_CHANGE_ACK, MNL_TYPE_U8, 0, F_UINT,
	  "topology_change_ack", "topology_change_ack" },
	{ IFLA_BRPORT_CONFIG_PENDING, MNL_TYPE_U8, 0, F_UINT, "config_pending", "config_pending" },
	{ IFLA_BRPORT_PROXYARP, MNL_TYPE_U8, 0, F_ONOFF, "proxy_arp", "proxy_arp" },
	{ IFLA_BRPORT_PROXYARP_WIFI, MNL_TYPE_U8, 0, F_ONOFF, "proxy_arp_wifi", "proxy_arp_wifi" },
	{ IFLA_BRPORT_MULTICAST_ROUTER, MNL_TYPE_U8, 0, F_UINT, "mcast_router", "multicast_router" },
	/* iproute2 6.1 repeats fastleave under this name, in text only. */
	{ IFLA_BRPORT_FAST_LEAVE, MNL_TYPE_U8, 0, F_ONOFF, "mcast_fast_leave", NULL },
	{ IFLA_BRPORT_MCAST_FLOOD, MNL_TYPE_U8, 0, F_ONOFF, "mcast_flood", "mcast_flood" },
	{ IFLA_BRPORT_BCAST_FLOOD, MNL_TYPE_U8, 0, F_ONOFF, "bcast_flood", "bcast_flood" },
	{ IFLA_BRPORT_MCAST_TO_UCAST, MNL_TYPE_U8, 0, F_ONOFF, "mcast_to_unicast", "mcast_to_unicast" },
	{ IFLA_BRPORT_NEIGH_SUPPRESS, MNL_TYPE_U8, 0, F_ONOFF, "neigh_suppress", "neigh_suppress" },
	{ IFLA_BRPORT_GROUP_FWD_MASK, MNL_TYPE_U16, 0, F_HEX, "group_fwd_mask", "group_fwd_mask" },
	{ IFLA_BRPORT_GROUP_FWD_MASK, MNL_TYPE_U16, 0, F_MASKSTR,
	  "group_fwd_mask_str", "group_fwd_mask_str" },
	{ IFLA_BRPORT_VLAN_TUNNEL, MNL_TYPE_U8, 0, F_ONOFF, "vlan_tunnel", "vlan_tunnel" },
	{ IFLA_BRPORT_ISOLATED, MNL_TYPE_U8, 0, F_ONOFF, "isolated", "isolated" },
	{ IFLA_BRPORT_LOCKED, MNL_TYPE_U8, 0, F_ONOFF, "locked", "locked" },
};

int bridge_print(struct out *o, const struct nlattr *data,
		 const struct link_print_opts *opts)
{
	(void)opts;
	return fields_print(o, data, bridge_fields, N(bridge_fields), IFLA_BR_MAX);
}

int bridge_slave_print(struct out *o, const struct nlattr *data,
		       const struct link_print_opts *opts)
{
	(void)opts;
	return fields_print(o, data, port_fields, N(port_fields), IFLA_BRPORT_MAX);
}

static const struct nl_policy vlan_policy[IFLA_VLAN_MAX + 1] = {
	[IFLA_VLAN_ID] = { MNL_TYPE_U16, 0 },
	[IFLA_VLAN_FLAGS] = { MNL_TYPE_BINARY, sizeof(struct ifla_vlan_flags) },
	[IFLA_VLAN_EGRESS_QOS] = { MNL_TYPE_NESTED, 0 },
	[IFLA_VLAN_INGRESS_QOS] = { MNL_TYPE_NESTED, 0 },
	[IFLA_VLAN_PROTOCOL] = { MNL_TYPE_U16, 0 },
};

/* "<REORDER_HDR,GVRP> ", a JSON array of the same names; in iproute2's
 * order, which is not the bits' own. */
static void print_vlan_flags(struct out *o, unsigned int flags)
{
	static const struct flag_name names[] = {
		{ VLAN_FLAG_REORDER_HDR, "REORDER_HDR" }, { VLAN_FLAG_GVRP, "GVRP" },
		{ VLAN_FLAG_MVRP, "MVRP" }, { VLAN_FLAG_LOOSE_BINDING, "LOOSE_BINDING" },
		{ VLAN_FLAG_BRIDGE_BINDING, "BRIDGE_BINDING" },
	};

	out_arr_begin(o, "flags");
	out_text(o, "<");
	out_flag_names(o, flags, names, N(names));
	out_arr_end(o);
	out_text(o, "> ");
}

/* A QoS map on a line of its own: "ingress-qos-map { 0:1 2:3 } ", and
 * in JSON an array of {"from","to"}; entries too short are skipped. */
static void print_qos_map(struct out *o, const char *key, const char *word,
			  const struct nlattr *map)
{
	const struct nlattr *a;
	char text[40];

	out_arr_begin(o, key);
	out_nl(o);
	snprintf(text, sizeof(text), "      %s { ", word);
	out_text(o, text);
	mnl_attr_for_each_nested(a, map) {
		struct ifla_vlan_qos_mapping m;

		if (mnl_attr_get_payload_len(a) < sizeof(m))
			continue;
		memcpy(&m, mnl_attr_get_payload(a), sizeof(m));
		out_obj_begin(o, NULL);
		out_uint(o, "from", "%u:", m.from);
		out_uint(o, "to", "%u ", m.to);
		out_obj_end(o);
	}
	out_arr_end(o);
	out_text(o, "} ");
}

/* Protocol (802.1q when the kernel sends none), id, flags, QoS maps. */
int vlan_print(struct out *o, const struct nlattr *data,
	       const struct link_print_opts *opts)
{
	const struct nlattr *tb[IFLA_VLAN_MAX + 1];
	char buf[16];

	(void)opts;
	if (nl_parse_nested(data, vlan_policy, IFLA_VLAN_MAX, tb) < 0)
		return -1;
	if (!tb[IFLA_VLAN_ID])
		return 0;
	out_str(o, "protocol", "protocol %s ", !tb[IFLA_VLAN_PROTOCOL] ? "802.1q" :
		vlan_proto_name(mnl_attr_get_u16(tb[IFLA_VLAN_PROTOCOL]), buf, sizeof(buf)));
	out_uint(o, "id", "id %u ", mnl_attr_get_u16(tb[IFLA_VLAN_ID]));
	if (tb[IFLA_VLAN_FLAGS]) {
		struct ifla_vlan_flags f;
		memcpy(&f, mnl_attr_get_payload(tb[IFLA_VLAN_FLAGS]), sizeof(f));
		print_vlan_flags(o, f.flags);
	}
	if (tb[IFLA_VLAN_INGRESS_QOS])
		print_qos_map(o, "ingress_qos", "ingress-qos-map", tb[IFLA_VLAN_INGRESS_QOS]);
	if (tb[IFLA_VLAN_EGRESS_QOS])
		print_qos_map(o, "egress_qos", "egress-qos-map", tb[IFLA_VLAN_EGRESS_QOS]);
	return 0;
}
