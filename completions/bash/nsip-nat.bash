# bash completion for `nsip nat` (and links named nat or iptables):
# iptables' nat words, chain names, interfaces, protocols and targets.

# The chains: the built-ins, and user chains from nsip's own listing (which
# needs privileges; without them only the built-ins are offered).
_nsip_nat_chains()
{
	printf '%s\n' PREROUTING INPUT OUTPUT POSTROUTING
	local prog=${1:-nsip}
	"$prog" nat -S 2>/dev/null | sed -n 's/^-N //p'
}

_nsip_nat()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local prog=${COMP_WORDS[0]}
	[[ $prog == nat || $prog == */nat || $prog == iptables || $prog == */iptables ]] && prog=nsip

	case $prev in
	-A|--append|-C|--check|-D|--delete|-I|--insert|-R|--replace|-L|--list|\
	-S|--list-rules|-F|--flush|-Z|--zero|-X|--delete-chain|-E|--rename-chain|\
	-P|--policy)
		COMPREPLY=($(compgen -W "$(_nsip_nat_chains "$prog")" -- "$cur"))
		return;;
	-t|--table)
		COMPREPLY=($(compgen -W "nat" -- "$cur")); return;;
	-i|--in-interface|-o|--out-interface)
		COMPREPLY=($(compgen -W "$(ls /sys/class/net 2>/dev/null)" -- "$cur"))
		return;;
	-p|--protocol)
		COMPREPLY=($(compgen -W "tcp udp icmp all" -- "$cur")); return;;
	-m|--match)
		COMPREPLY=($(compgen -W "tcp udp" -- "$cur")); return;;
	-j|--jump)
		COMPREPLY=($(compgen -W "MASQUERADE SNAT DNAT REDIRECT RETURN ACCEPT
			$("$prog" nat -S 2>/dev/null | sed -n 's/^-N //p')" -- "$cur"))
		return;;
	-s|--source|-d|--destination|--sport|--dport|--to-destination|\
	--to-source|--to-ports|-N|--new-chain)
		return;;
	esac
	# -P CHAIN: the one policy a nat chain can have.
	if [[ ${COMP_WORDS[COMP_CWORD-2]} == -P || ${COMP_WORDS[COMP_CWORD-2]} == --policy ]]; then
		COMPREPLY=($(compgen -W "ACCEPT" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -W "-A -C -D -I -R -S -L -F -Z -N -X -E -P -h
		-t -s -d -i -o -p -m -j -n -v -x --line-numbers --json
		--sport --dport --to-destination --to-source --to-ports --random
		--append --check --delete --insert --replace --list-rules --list
		--flush --zero --new-chain --delete-chain --rename-chain --policy
		--table --source --destination --in-interface --out-interface
		--protocol --match --jump --numeric --verbose --exact help" -- "$cur"))
}
