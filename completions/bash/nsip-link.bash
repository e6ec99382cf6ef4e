# bash completion of `nsip link` (and of ip link through nsip): the words of
# add, set, delete and show, device names from /sys/class/net and namespace
# names from /run/netns. The lead wires the applet fragments together.

_nsip_link_devices() {
	local d
	for d in /sys/class/net/*; do
		[ -e "$d" ] && printf '%s\n' "${d##*/}"
	done
}

_nsip_link_netns() {
	local n
	for n in /run/netns/*; do
		[ -e "$n" ] && printf '%s\n' "${n##*/}"
	done
}

# _nsip_link WORD-INDEX: completes COMP_WORDS[COMP_CWORD], where the word at
# WORD-INDEX is the first word after "link" (default: the word after the
# one that is "link").
_nsip_link() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local start=${1:-} i sub kind=""

	if [ -z "$start" ]; then
		for ((i = 1; i < COMP_CWORD; i++)); do
			[ "${COMP_WORDS[i]}" = link ] && { start=$((i + 1)); break; }
		done
		[ -z "$start" ] && start=1
	fi
	if [ "$COMP_CWORD" -eq "$start" ]; then
		COMPREPLY=($(compgen -W "add set change delete show list help" -- "$cur"))
		return
	fi
	sub=${COMP_WORDS[start]}
	for ((i = start + 1; i < COMP_CWORD; i++)); do
		[ "${COMP_WORDS[i-1]}" = type ] && kind=${COMP_WORDS[i]}
	done

	case $prev in
	dev|master|link|name) COMPREPLY=($(compgen -W "$(_nsip_link_devices)" -- "$cur")); return ;;
	netns) COMPREPLY=($(compgen -W "$(_nsip_link_netns)" -- "$cur")); return ;;
	type) COMPREPLY=($(compgen -W "veth bridge macvlan vxlan vlan dummy" -- "$cur")); return ;;
	mode) COMPREPLY=($(compgen -W "private vepa bridge passthru source" -- "$cur")); return ;;
	arp|promisc|multicast|allmulticast|dynamic|trailers)
		COMPREPLY=($(compgen -W "on off" -- "$cur")); return ;;
	mtu|address|broadcast|txqueuelen|alias|id|vni|dstport|local|remote) return ;;
	forward_delay|hello_time|max_age|ageing_time|stp_state|priority) return ;;
	vlan_filtering|mcast_snooping) return ;;
	esac

	case $sub in
	a*)
		case $kind in
		veth) COMPREPLY=($(compgen -W "peer name mtu address txqueuelen up netns" -- "$cur")) ;;
		macvlan) COMPREPLY=($(compgen -W "mode" -- "$cur")) ;;
		vxlan) COMPREPLY=($(compgen -W "id dstport local remote dev" -- "$cur")) ;;
		vlan) COMPREPLY=($(compgen -W "id" -- "$cur")) ;;
		bridge) COMPREPLY=($(compgen -W "forward_delay hello_time max_age ageing_time
			stp_state priority vlan_filtering mcast_snooping" -- "$cur")) ;;
		dummy) ;;
		*) COMPREPLY=($(compgen -W "link name mtu address broadcast txqueuelen up netns type" -- "$cur")) ;;
		esac ;;
	s|se*|c*)
		if [ "$kind" = bridge ]; then
			COMPREPLY=($(compgen -W "forward_delay hello_time max_age ageing_time
				stp_state priority vlan_filtering mcast_snooping" -- "$cur"))
			return
		fi
		COMPREPLY=($(compgen -W "dev up down name mtu address broadcast txqueuelen
			arp promisc multicast allmulticast alias master nomaster netns
			$(_nsip_link_devices)" -- "$cur")) ;;
	d*)
		COMPREPLY=($(compgen -W "dev type $(_nsip_link_devices)" -- "$cur")) ;;
	sh*|l*)
		COMPREPLY=($(compgen -W "dev up master type $(_nsip_link_devices)" -- "$cur")) ;;
	esac
}
