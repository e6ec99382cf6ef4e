# bash completion of `nsip link` (and of ip link through nsip, and the
# `link` applet link): _nsip_link INDEX, called by _nsip (see
# completions/nsip-main.bash for the convention and the helpers).
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

_nsip_link_bridge_words="forward_delay hello_time max_age ageing_time stp_state
	priority vlan_filtering mcast_snooping"

_nsip_link()
{
	local start=$1 i sub kind=""

	if ((COMP_CWORD == start)); then
		_nsip_reply add set change delete show list help
		return
	fi
	sub=${COMP_WORDS[start]}
	for ((i = start + 1; i < COMP_CWORD; i++)); do
		[ "${COMP_WORDS[i-1]}" = type ] && kind=${COMP_WORDS[i]}
	done

	case $prev in
	dev|master|link|name) _nsip_reply "$(_nsip_devices)"; return;;
	netns) _nsip_reply "$(_nsip_namespaces)"; return;;
	type) _nsip_reply veth bridge macvlan vxlan vlan dummy; return;;
	mode) _nsip_reply private vepa bridge passthru source; return;;
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
		macvlan) _nsip_reply mode;;
		vxlan) _nsip_reply id dstport local remote dev;;
		vlan) _nsip_reply id;;
		bridge) _nsip_reply $_nsip_link_bridge_words;;
		dummy) ;;
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
