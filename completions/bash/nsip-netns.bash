# bash completion for `nsip netns` (also `ip netns` through nsip, and the
# `netns` applet link): _nsip_netns INDEX, called by _nsip (see
# completions/nsip-main.bash for the convention and the helpers).
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

# The PIDs of /proc, one a line.
_nsip_netns_pids()
{
	local p
	for p in /proc/[0-9]*; do
		printf '%s\n' "${p##*/}"
	done
}

# The full subcommand for an abbreviation, in ip's order of matching.
_nsip_netns_sub()
{
	local s
	for s in list show lst list-id help add set delete identify pids exec \
		 monitor attach; do
		[ -n "$1" ] && [[ $s == "$1"* ]] && { printf '%s\n' "$s"; return; }
	done
}

_nsip_netns()
{
	local i=$1 j all="" sub

	for ((j = 1; j < i; j++)); do
		case ${COMP_WORDS[j]} in -a|-al|-all|--a|--al|--all) all=1 ;; esac
	done
	if [ "$COMP_CWORD" -le "$i" ]; then
		_nsip_reply list show list-id add attach set delete identify pids \
			exec monitor help
		return
	fi
	sub=$(_nsip_netns_sub "${COMP_WORDS[i]}")
	local n=$((COMP_CWORD - i))   # 1: the first word after the subcommand
	case $sub in
	delete|pids)
		[ "$n" = 1 ] && [ -z "$all" ] && _nsip_reply "$(_nsip_namespaces)" ;;
	set)
		case $n in
		1) _nsip_reply "$(_nsip_namespaces)" ;;
		2) _nsip_reply auto ;;
		esac ;;
	attach)
		[ "$n" = 2 ] && _nsip_reply "$(_nsip_netns_pids)" ;;
	identify)
		[ "$n" = 1 ] && _nsip_reply "$(_nsip_netns_pids)" ;;
	list-id)
		case $prev in
		target-nsid|nsid) ;;
		*) _nsip_reply target-nsid nsid ;;
		esac ;;
	exec)
		# -all exec: every word is the command's; else a name first.
		if [ -z "$all" ] && [ "$n" = 1 ]; then
			_nsip_reply "$(_nsip_namespaces)"
		elif [ "$n" = $((all ? 1 : 2)) ]; then
			_nsip_reply "$(compgen -c -- "$cur")"
		else
			_nsip_reply "$(compgen -f -- "$cur")"
		fi ;;
	esac
}
