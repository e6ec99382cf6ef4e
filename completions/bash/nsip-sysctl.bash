# bash completion for `nsip sysctl` (and a link named sysctl): procps'
# options, conf files after -p, and the keys under /proc/sys.
# _nsip_sysctl INDEX, called by _nsip (see completions/nsip-main.bash).
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

# The keys starting with the current word (dots as separators), read from
# /proc/sys one level at a time so that a TAB stays cheap.
_nsip_sysctl_keys()
{
	local dir=${cur%.*} path e
	[[ $cur == *.* ]] || dir=""
	path=/proc/sys/${dir//./\/}
	for e in "$path"/*; do
		[ -e "$e" ] || continue
		e=${e#/proc/sys/}
		e=${e//\//.}
		[ -d "/proc/sys/${e//./\/}" ] && e=$e.
		printf '%s\n' "$e"
	done
}

_nsip_sysctl()
{
	case $prev in
	-p|-f|--load) COMPREPLY=($(compgen -f -- "$cur")); return;;
	-r|--pattern) return;;
	esac
	if [[ $cur == -* ]]; then
		_nsip_reply -a -A -X -b -e -N -n -p -f -q -w -r -o -x -d -h -V \
			--all --deprecated --dry-run --binary --ignore --names \
			--values --load --system --pattern --quiet --write --help \
			--version
		return
	fi
	_nsip_reply "$(_nsip_sysctl_keys)"
	# A directory is completed on: no space after "net.".
	[[ ${COMPREPLY[0]} == *. ]] && compopt -o nospace 2>/dev/null
	return 0
}
