# bash completion for `nsip netns` (also `ip netns` through nsip, and the
# `netns` applet link). Defines _nsip_netns; the lead wires it into the
# completion of nsip as a whole. Called with the index of the first word
# after the object in $1 (found here when not given).

# The names of /run/netns, one a line.
_nsip_netns_names()
{
	local n
	for n in /run/netns/*; do
		[ -e "$n" ] || [ -L "$n" ] && printf '%s\n' "${n##*/}"
	done
}

# The PIDs of /proc, one a line.
_nsip_netns_pids()
{
	local p
	for p in /proc/[0-9]*; do
		printf '%s\n' "${p##*/}"
	done
}

# Completes cur from the words of $1, one a line (names may hold spaces).
_nsip_netns_reply()
{
	local IFS=$'\n'
	mapfile -t COMPREPLY < <(compgen -W "$1" -- "$cur")
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
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local i=${1:-} j all="" sub

	if [ -z "$i" ]; then
		i=1
		if [ "${COMP_WORDS[0]##*/}" != netns ]; then
			# global options, then the object word
			while [ "$i" -lt "$COMP_CWORD" ]; do
				case ${COMP_WORDS[i]} in
				-n|-netns|-b|-batch|-f|-family) i=$((i + 2)) ;;
				-*) i=$((i + 1)) ;;
				*) i=$((i + 1)); break ;;
				esac
			done
		fi
	fi
	for ((j = 1; j < i; j++)); do
		case ${COMP_WORDS[j]} in -a|-al|-all|--a|--al|--all) all=1 ;; esac
	done
	if [ "$COMP_CWORD" -le "$i" ]; then
		_nsip_netns_reply "$(printf '%s\n' list show list-id add attach set \
			delete identify pids exec monitor help)"
		return
	fi
	sub=$(_nsip_netns_sub "${COMP_WORDS[i]}")
	local n=$((COMP_CWORD - i))   # 1: the first word after the subcommand
	case $sub in
	delete|pids)
		[ "$n" = 1 ] && [ -z "$all" ] &&
			_nsip_netns_reply "$(_nsip_netns_names)" ;;
	set)
		case $n in
		1) _nsip_netns_reply "$(_nsip_netns_names)" ;;
		2) _nsip_netns_reply auto ;;
		esac ;;
	attach)
		[ "$n" = 2 ] &&
			_nsip_netns_reply "$(_nsip_netns_pids)" ;;
	identify)
		[ "$n" = 1 ] &&
			_nsip_netns_reply "$(_nsip_netns_pids)" ;;
	list-id)
		case $prev in
		target-nsid|nsid) ;;
		*) _nsip_netns_reply "$(printf '%s\n' target-nsid nsid)" ;;
		esac ;;
	exec)
		# -all exec: every word is the command's; else a name first.
		if [ -z "$all" ] && [ "$n" = 1 ]; then
			_nsip_netns_reply "$(_nsip_netns_names)"
		elif [ "$n" = $((all ? 1 : 2)) ]; then
			_nsip_netns_reply "$(compgen -c -- "$cur")"
		else
			_nsip_netns_reply "$(compgen -f -- "$cur")"
		fi ;;
	esac
}
