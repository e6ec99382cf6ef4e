# bash completion for `nsip address` (also `ip address` through nsip, and
# the `addr` applet link): _nsip_addr INDEX, called by _nsip (see
# completions/nsip-main.bash for the convention and the helpers).
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

_nsip_addr()
{
	local sub=""
	((COMP_CWORD > $1)) && sub=${COMP_WORDS[$1]}

	case $prev in
	dev|master) _nsip_reply "$(_nsip_devices)"; return;;
	scope) _nsip_reply global site link host nowhere all; return;;
	valid_lft|preferred_lft) _nsip_reply forever; return;;
	brd|broadcast) _nsip_reply + -; return;;
	type) _nsip_reply veth bridge bridge_slave dummy vlan; return;;
	peer|remote|local|anycast|label|to|metric|group) return;;
	esac

	case $sub in
	"")
		_nsip_reply add change replace delete show list flush help;;
	a|ad|add|c|ch|cha|chan|chang|change|chg|r|re|rep|repl|repla|replac|replace)
		_nsip_reply dev peer broadcast brd anycast label scope metric \
			valid_lft preferred_lft nodad noprefixroute home mngtmpaddr \
			autojoin;;
	d|de|del|dele|delet|delete)
		_nsip_reply dev peer label;;
	*)	# show, list, flush and the bare form
		_nsip_reply dev up scope to label group master nomaster type \
			permanent dynamic primary secondary tentative -tentative \
			deprecated -deprecated dadfailed -dadfailed temporary nodad \
			noprefixroute "$(_nsip_devices)";;
	esac
}
