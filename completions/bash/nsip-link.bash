# bash completion of `nsip link` (and of ip link through nsip, and the
# `link` applet link): _nsip_link INDEX, called by _nsip (see
# completions/nsip-main.bash for the convention and the helpers).
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

_nsip_link_bridge_words="forward_delay hello_time max_age ageing_time stp_state
	priority vlan_filtering mcast_snooping"

_nsip_link_vxlan_words="id vni group remote local dev ttl hoplimit tos dsfield df
	flowlabel label ageing maxaddress srcport dstport learning nolearning proxy
	noproxy rsc norsc l2miss nol2miss l3miss nol3miss udpcsum noudpcsum
	udp6zerocsumtx noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx remcsumtx
	noremcsumtx remcsumrx noremcsumrx external noexternal vnifilter novnifilter
	gbp gpe"
_nsip_link_vlan_words="id protocol reorder_hdr gvrp mvrp loose_binding
	bridge_binding ingress-qos-map egress-qos-map"

_nsip_link_bond_words="mode active_slave clear_active_slave miimon updelay
	downdelay peer_notify_delay use_carrier arp_interval arp_ip_target
	ns_ip6_target arp_validate arp_all_targets arp_missed_max primary
	primary_reselect fail_over_mac xmit_hash_policy resend_igmp num_grat_arp
	num_unsol_na all_slaves_active min_links lp_interval packets_per_slave
	lacp_rate lacp_active ad_select ad_user_port_key ad_actor_sys_prio
	ad_actor_system tlb_dynamic_lb"

_nsip_link()
{
	local start=$1 i sub kind=""

	if ((COMP_CWORD == start)); then
		_nsip_reply add set change delete show list property help
		return
	fi
	if [ "${COMP_WORDS[start]}" = property ]; then
		case $prev in
		property) _nsip_reply add del;;
		dev) _nsip_reply "$(_nsip_devices)";;
		altname) ;;
		*) _nsip_reply dev altname;;
		esac
		return
	fi
	sub=${COMP_WORDS[start]}
	for ((i = start + 1; i < COMP_CWORD; i++)); do
		[ "${COMP_WORDS[i-1]}" = type ] && kind=${COMP_WORDS[i]}
	done

	case $prev in
	dev|master|link|name) _nsip_reply "$(_nsip_devices)"; return;;
	netns) _nsip_reply "$(_nsip_namespaces)"; return;;
	type) _nsip_reply veth bridge macvlan macvtap ipvlan ipvtap vxlan geneve ipip \
		sit gre gretap erspan ip6gre ip6gretap ip6erspan ip6tnl vti vti6 vlan vrf \
		bond dummy \
		wireguard; return;;
	mode)
		case $kind in
		ipvlan|ipvtap) _nsip_reply l2 l3 l3s;;
		ipip) _nsip_reply ipip mplsip any;;
		sit) _nsip_reply ip6ip ipip mplsip any;;
		ip6tnl) _nsip_reply ip6ip6 ipip6 any;;
		bond) _nsip_reply balance-rr active-backup balance-xor broadcast \
			802.3ad balance-tlb balance-alb;;
		*) _nsip_reply private vepa bridge passthru source;;
		esac
		return;;
	flag) _nsip_reply nopromisc nodst null; return;;
	macaddr) _nsip_reply add del set flush; return;;
	active_slave|primary) _nsip_reply "$(_nsip_devices)"; return;;
	lacp_rate) _nsip_reply slow fast; return;;
	encap) _nsip_reply fou gue none; return;;
	encaplimit) _nsip_reply none; return;;
	dscp|tclass) _nsip_reply inherit; return;;
	erspan_dir) _nsip_reply ingress egress; return;;
	key|ikey|okey|erspan|erspan_ver|erspan_hwid|encap-sport|encap-dport|fwmark) return;;
	xmit_hash_policy) _nsip_reply layer2 layer3+4 layer2+3 encap2+3 encap3+4 \
		vlan+srcmac; return;;
	protocol) _nsip_reply 802.1Q 802.1ad; return;;
	df) _nsip_reply unset set inherit; return;;
	ttl|hoplimit)
		case $kind in
		vxlan|geneve) _nsip_reply auto inherit;;
		*) _nsip_reply inherit;;
		esac
		return;;
	tos|dsfield) _nsip_reply inherit; return;;
	ageing) _nsip_reply none; return;;
	maxaddress) _nsip_reply unlimited; return;;
	reorder_hdr|gvrp|mvrp|loose_binding|bridge_binding) _nsip_reply on off; return;;
	group|flowlabel|label|srcport|bcqueuelen|table|ingress-qos-map|egress-qos-map) return;;
	arp|promisc|multicast|allmulticast|dynamic|trailers)
		_nsip_reply on off; return;;
	mtu|address|broadcast|txqueuelen|alias|id|vni|dstport|local|remote) return;;
	forward_delay|hello_time|max_age|ageing_time|stp_state|priority) return;;
	vlan_filtering|mcast_snooping) return;;
	esac

	case $sub in
	a*)
		case $kind in
		veth) _nsip_reply peer name mtu address txqueuelen up netns;;
		macvlan|macvtap) _nsip_reply mode flag nopromisc nodst macaddr bcqueuelen;;
		ipvlan|ipvtap) _nsip_reply mode private vepa bridge;;
		vxlan) _nsip_reply $_nsip_link_vxlan_words;;
		vlan) _nsip_reply $_nsip_link_vlan_words;;
		vrf) _nsip_reply table;;
		ipip|sit) _nsip_reply remote local ttl tos pmtudisc nopmtudisc dev fwmark \
			external noencap encap encap-sport encap-dport encap-csum noencap-csum \
			encap-udp6-csum noencap-udp6-csum encap-remcsum noencap-remcsum mode \
			isatap 6rd-prefix 6rd-relay_prefix 6rd-reset;;
		gre|gretap|erspan) _nsip_reply remote local key ikey okey nokey noikey nookey seq iseq \
			oseq noseq noiseq nooseq csum icsum ocsum nocsum noicsum noocsum ttl tos \
			pmtudisc nopmtudisc ignore-df noignore-df dev fwmark external noencap \
			encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum \
			noencap-udp6-csum encap-remcsum noencap-remcsum \
			$([ "$kind" = erspan ] && echo erspan_ver erspan erspan_dir erspan_hwid);;
		ip6gre|ip6gretap|ip6erspan) _nsip_reply remote local key ikey okey nokey noikey nookey \
			seq iseq oseq noseq noiseq nooseq csum icsum ocsum nocsum noicsum noocsum \
			hoplimit encaplimit tclass flowlabel dscp dev fwmark allow-localremote \
			noallow-localremote external noencap encap encap-sport encap-dport \
			encap-csum noencap-csum encap-udp6-csum noencap-udp6-csum encap-remcsum \
			noencap-remcsum erspan_ver erspan erspan_dir erspan_hwid;;
		ip6tnl) _nsip_reply mode remote local encaplimit hoplimit tclass flowlabel \
			dscp allow-localremote noallow-localremote dev fwmark external noencap \
			encap encap-sport encap-dport encap-csum noencap-csum encap-udp6-csum \
			noencap-udp6-csum encap-remcsum noencap-remcsum;;
		vti|vti6) _nsip_reply remote local key ikey okey dev fwmark;;
		geneve) _nsip_reply id vni remote ttl hoplimit tos dsfield df flowlabel \
			label dstport external noexternal udpcsum noudpcsum udp6zerocsumtx \
			noudp6zerocsumtx udp6zerocsumrx noudp6zerocsumrx innerprotoinherit;;
		bond) _nsip_reply $_nsip_link_bond_words;;
		bridge) _nsip_reply $_nsip_link_bridge_words;;
		dummy|wireguard) ;;
		*) _nsip_reply link name mtu address broadcast txqueuelen up netns type;;
		esac;;
	s|se*|c*)
		if [ "$kind" = bridge ]; then
			_nsip_reply $_nsip_link_bridge_words
			return
		fi
		_nsip_reply dev up down name mtu address broadcast txqueuelen arp \
			promisc multicast allmulticast alias master nomaster netns \
			"$(_nsip_devices)";;
	d*)
		_nsip_reply dev type "$(_nsip_devices)";;
	sh*|l*)
		_nsip_reply dev up master type "$(_nsip_devices)";;
	esac
}
