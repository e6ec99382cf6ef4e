# bash completion for `nsip tuntap` (words after "tuntap" or "tap").

# _nsip_tuntap INDEX: completes the current word ($cur) of `nsip tuntap`,
# whose first word is COMP_WORDS[INDEX].
_nsip_tuntap() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local sub= w
	for w in "${COMP_WORDS[@]:$1:COMP_CWORD-$1}"; do
		case $w in
		a|ad|add) sub=add; break;;
		d|de|del|dele|delet|delete) sub=del; break;;
		s|sh|sho|show|l|ls|lst|li|lis|list|h|he|hel|help) sub=show; break;;
		esac
	done
	case $prev in
	mode) _nsip_reply tun tap; return;;
	dev|name) [ "$sub" = del ] && _nsip_reply "$(_nsip_devices)"; return;;
	user) [ "$sub" = add ] && COMPREPLY=($(compgen -u -- "$cur")); return;;
	group) [ "$sub" = add ] && COMPREPLY=($(compgen -g -- "$cur")); return;;
	esac
	case $sub in
	"") _nsip_reply add del show list lst help;;
	add) _nsip_reply dev name mode user group one_queue pi vnet_hdr multi_queue;;
	del) _nsip_reply dev name mode one_queue pi vnet_hdr multi_queue;;
	esac
}
