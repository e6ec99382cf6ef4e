# bash completion for `nsip route` (words after "route"); the lead wires
# the fragments into the nsip completion.

_nsip_route_devices() {
	local d
	for d in /sys/class/net/*; do [ -e "$d" ] && printf '%s\n' "${d##*/}"; done
}

# _nsip_route WORDS...: completes the current word ($cur) of `nsip route`.
_nsip_route() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local sub= w
	for w in "${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
		case $w in
		add|del|delete|change|append|replace|prepend|list|show|lst|flush|get|help)
			sub=$w; break;;
		esac
	done
	case $prev in
	dev|oif|iif) COMPREPLY=($(compgen -W "$(_nsip_route_devices)" -- "$cur")); return;;
	table) COMPREPLY=($(compgen -W "main local default all" -- "$cur")); return;;
	proto|protocol) COMPREPLY=($(compgen -W "kernel boot static all" -- "$cur")); return;;
	scope) COMPREPLY=($(compgen -W "host link global all" -- "$cur")); return;;
	type) COMPREPLY=($(compgen -W "unicast local broadcast multicast throw unreachable prohibit blackhole nat" -- "$cur")); return;;
	pref) COMPREPLY=($(compgen -W "low medium high" -- "$cur")); return;;
	mtu|advmss|hoplimit|window) COMPREPLY=($(compgen -W "lock" -- "$cur")); return;;
	via|src|from|metric|root|match|exact) return;;
	esac
	case $sub in
	"") COMPREPLY=($(compgen -W "add del change append replace list show flush get help" -- "$cur"));;
	list|show|lst|flush)
		COMPREPLY=($(compgen -W "root match exact table proto type scope dev via" -- "$cur"));;
	get) COMPREPLY=($(compgen -W "from iif oif" -- "$cur"));;
	help) ;;
	*) COMPREPLY=($(compgen -W "unicast local blackhole unreachable prohibit default via dev src metric table proto scope onlink mtu advmss hoplimit window pref" -- "$cur"));;
	esac
}
