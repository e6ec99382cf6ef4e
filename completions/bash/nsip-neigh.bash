# bash completion for `nsip neigh` (words after "neigh"); the lead wires
# the fragments into the nsip completion.

# _nsip_neigh: completes the current word ($cur) of `nsip neigh`.
_nsip_neigh() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local sub= w d devs=
	for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
		case $w in
		add|del|delete|change|replace|show|list|lst|flush|get|help) sub=$w; break;;
		esac
	done
	case $prev in
	dev)
		for d in /sys/class/net/*; do [ -e "$d" ] && devs="$devs ${d##*/}"; done
		COMPREPLY=($(compgen -W "$devs" -- "$cur")); return;;
	nud) COMPREPLY=($(compgen -W "permanent noarp stale reachable none incomplete delay probe failed all" -- "$cur")); return;;
	protocol) COMPREPLY=($(compgen -W "static kernel boot all" -- "$cur")); return;;
	lladdr|proxy|to) return;;
	esac
	case $sub in
	"") COMPREPLY=($(compgen -W "add del change replace show flush get help" -- "$cur"));;
	show|list|lst|flush) COMPREPLY=($(compgen -W "proxy to dev nud protocol" -- "$cur"));;
	get) COMPREPLY=($(compgen -W "proxy dev" -- "$cur"));;
	help) ;;
	*) COMPREPLY=($(compgen -W "lladdr nud proxy dev router extern_learn protocol" -- "$cur"));;
	esac
}
