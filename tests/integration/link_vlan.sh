#!/bin/bash
# vlan, vrf and bond words, against iproute2. This kernel has no 8021q,
# vrf or bonding module: every `link add ... type vlan|vrf|bond` is
# refused by it, so the words are checked to
# be read as ip reads them (the same message and exit code: ip's own for
# bad words, the kernel's refusal for good ones) and to change nothing.
# Their request bytes are in test_link_words, their -d printing in
# test_link_details.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "state is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" link add va type veth peer vb

refused() {	# refused DESC WORDS...
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "$d" link add v5 link va type vlan "$@"
	is "$(link_state)" "$before" "$d: no change"
}

refused "id" id 5
refused "protocol 802.1ad" protocol 802.1ad id 5
refused "protocol in lower case" id 5 protocol 802.1q
refused "protocol as a number" id 5 protocol 0x88a8
refused "every flag" id 5 reorder_hdr off gvrp on mvrp on loose_binding on bridge_binding off
refused "qos maps" id 5 ingress-qos-map 1:2 3:4 egress-qos-map 5:6
refused "empty qos map" id 5 ingress-qos-map gvrp on
refused "abbreviations" p 802.1Q i 5 r on g off m on l on b on in 1:1 e 2:2
refused "bad qos value" id 5 ingress-qos-map 1:x
refused "bad qos key" id 5 egress-qos-map x:1
refused "qos map without a value" id 5 ingress-qos-map
refused "id too big" id 70000
refused "id not a number" id x
refused "unknown protocol" protocol frob id 5
refused "flag not on/off" id 5 gvrp maybe
refused "unknown word" id 5 frob
refused "help" help

vrf() {	# vrf DESC WORDS...: the same for a vrf
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "vrf $d" link add vr0 type vrf "$@"
	is "$(link_state)" "$before" "vrf $d: no change"
}

vrf "table" table 10
vrf "table by name" table main
vrf "two tables" table 10 table 20
vrf "abbreviation" t 5
vrf "bad table" table frob
vrf "table without a value" table
vrf "unknown word" frob
vrf "help" help

bond() {	# bond DESC WORDS...: the same for a bond
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "bond $d" link add bo0 type bond "$@"
	is "$(link_state)" "$before" "bond $d: no change"
}

bond "802.3ad" mode 802.3ad miimon 100 updelay 200 downdelay 200 lacp_rate fast \
	xmit_hash_policy layer3+4
bond "mode by number, devices" mode 1 primary va active_slave vb clear_active_slave
bond "arp targets" peer_notify_delay 5 use_carrier 0 arp_interval 10 \
	arp_ip_target 10.0.0.1,10.0.0.2
bond "ns targets" ns_ip6_target fd00::1,fd00::2 arp_validate filter_backup \
	arp_all_targets all arp_missed_max 3
bond "more numbers" primary_reselect better fail_over_mac follow resend_igmp 2 \
	num_grat_arp 3 num_unsol_na 4 all_slaves_active 1 min_links 2 lp_interval 3 \
	packets_per_slave 4 lacp_active on ad_select count
bond "ad words" ad_user_port_key 5 ad_actor_sys_prio 6 ad_actor_system 02:00:00:00:00:01 \
	tlb_dynamic_lb 1
bond "empty target list" arp_ip_target
bond "abbreviations" m 4 mi 1 u 2 d 3 pe 4 arp_i 5 arp_v 1 prim va
bond "bad mode" mode frob
bond "mode out of range" mode 7
bond "mode number not decimal" mode 0x1
bond "bad number" miimon x
bond "u8 too big" use_carrier 256
bond "unknown device" primary nosuch
bond "bad arp target" arp_ip_target 10.0.0.x
bond "bad ns target" ns_ip6_target zz
bond "bad actor address" ad_actor_system zz
bond "lacp_active abbreviated" lacp_act on
bond "unknown word" frob
bond "help" help
bond "value missing" miimon

done_testing
