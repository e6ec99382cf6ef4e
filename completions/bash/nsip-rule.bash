# bash completion for `nsip rule` (words after "rule"); the lead wires
# the fragments into the nsip completion.

# _nsip_rule INDEX: completes the current word ($cur) of `nsip rule`,
# whose first word after the object is COMP_WORDS[INDEX].
_nsip_rule() {
	local first=${1:-1} sub= w
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	for w in "${COMP_WORDS[@]:first:COMP_CWORD-first}"; do
		case $w in
		add|del|delete|list|lst|show|flush|save|restore|help) sub=$w; break;;
		esac
	done
	case $prev in
	iif|oif|dev) _nsip_reply "$(_nsip_devices)"; return;;
	table|lookup) _nsip_reply main local default; return;;
	proto|protocol) _nsip_reply kernel boot static all; return;;
	type) _nsip_reply unicast blackhole unreachable prohibit nop; return;;
	ipproto) _nsip_reply tcp udp icmp ipv6-icmp sctp; return;;
	from|to|pref|priority|order|fwmark|tos|dsfield|uidrange|goto|realms|\
	suppress_prefixlength|suppress_ifgroup|sport|dport|tun_id) return;;
	esac
	case $sub in
	"") _nsip_reply add del list show flush save restore help;;
	list|lst|show|flush)
		_nsip_reply not from to tos fwmark iif oif pref l3mdev uidrange \
			ipproto sport dport tun_id table protocol;;
	save|restore|help) ;;
	*) _nsip_reply not from to tos fwmark iif oif pref l3mdev uidrange \
		ipproto sport dport tun_id table lookup protocol realms goto \
		suppress_prefixlength suppress_ifgroup type unicast blackhole \
		unreachable prohibit nop;;
	esac
}
