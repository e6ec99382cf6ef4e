# bash completion for links named iptables-save and iptables-restore (and
# their -nft names): their options, tables, and files.
# _nsip_xt_save INDEX and _nsip_xt_restore INDEX, called by _nsip (see
# completions/nsip-main.bash); the words are read from prev alone.
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

_nsip_xt_save()
{
	case $prev in
	-t|--table) _nsip_reply filter nat; return;;
	-f|--file) COMPREPLY=($(compgen -f -- "$cur")); return;;
	-M|--modprobe) COMPREPLY=($(compgen -c -- "$cur")); return;;
	esac
	_nsip_reply -c --counters -t --table -f --file -M --modprobe -4 --ipv4 -V --version
}

_nsip_xt_restore()
{
	case $prev in
	-T|--table) _nsip_reply filter nat; return;;
	-M|--modprobe) COMPREPLY=($(compgen -c -- "$cur")); return;;
	-w|--wait|-W|--wait-interval) return;;
	esac
	if [[ $cur == -* ]]; then
		_nsip_reply -c --counters -v --verbose -t --test -n --noflush -T --table -w --wait \
			-W --wait-interval -M --modprobe -4 --ipv4 -h --help -V --version
	else
		COMPREPLY=($(compgen -f -- "$cur"))
	fi
}
