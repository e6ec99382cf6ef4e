# bash completion for `nsip address` (also `ip address` through nsip, and
# the `addr` applet link). Defines _nsip_addr; the lead wires it into the
# completion of nsip as a whole.

_nsip_addr_devices()
{
	local d
	for d in /sys/class/net/*; do
		[ -e "$d" ] && printf '%s\n' "${d##*/}"
	done
}

_nsip_addr_netns()
{
	local n
	for n in /run/netns/*; do
		[ -e "$n" ] && printf '%s\n' "${n##*/}"
	done
}

# Completes the words after "address"; COMP_WORDS[1..] may start with
# global options and the object word, which are skipped.
_nsip_addr()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local i=1 sub=""

	case "${COMP_WORDS[0]##*/}" in
	addr) ;;
	*)	# global options, then the object word
		while [ "$i" -lt "$COMP_CWORD" ]; do
			case "${COMP_WORDS[i]}" in
			-n|-netns|-b|-batch|-f|-family) i=$((i + 2)); continue ;;
			-*) i=$((i + 1)); continue ;;
			esac
			i=$((i + 1))
			break
		done ;;
	esac
	[ "$i" -lt "$COMP_CWORD" ] && sub=${COMP_WORDS[i]}

	case "$prev" in
	-n|-netns)
		mapfile -t COMPREPLY < <(compgen -W "$(_nsip_addr_netns)" -- "$cur"); return ;;
	dev|master)
		mapfile -t COMPREPLY < <(compgen -W "$(_nsip_addr_devices)" -- "$cur"); return ;;
	scope)
		mapfile -t COMPREPLY < <(compgen -W "global site link host nowhere all" -- "$cur"); return ;;
	valid_lft|preferred_lft)
		mapfile -t COMPREPLY < <(compgen -W "forever" -- "$cur"); return ;;
	brd|broadcast)
		mapfile -t COMPREPLY < <(compgen -W "+ -" -- "$cur"); return ;;
	type)
		mapfile -t COMPREPLY < <(compgen -W "veth bridge bridge_slave dummy vlan" -- "$cur"); return ;;
	peer|remote|local|anycast|label|to|metric|group)
		COMPREPLY=(); return ;;
	esac

	local words
	case "$sub" in
	"")
		words="add change replace delete show list flush help" ;;
	a|ad|add|c|ch|cha|chan|chang|change|chg|r|re|rep|repl|repla|replac|replace)
		words="dev peer broadcast brd anycast label scope metric valid_lft
		       preferred_lft nodad noprefixroute home mngtmpaddr autojoin" ;;
	d|de|del|dele|delet|delete)
		words="dev peer label" ;;
	*)	# show, list, flush and the bare form
		words="dev up scope to label group master nomaster type permanent
		       dynamic primary secondary tentative -tentative deprecated
		       -deprecated dadfailed -dadfailed temporary nodad noprefixroute
		       $(_nsip_addr_devices)" ;;
	esac
	mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
