# bash completion for `nsip nat` (and links named nat or iptables):
# iptables' nat words, chain names, interfaces, protocols and targets.
# _nsip_nat INDEX, called by _nsip (see completions/nsip-main.bash for the
# convention and the helpers); iptables' words are read from prev alone.
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

# The user chains, from the listing of the nsip being completed (through
# whatever link it was called; it needs privileges: without them, none).
_nsip_nat_user_chains()
{
	local bin
	bin=$(readlink -f "$(command -v "${COMP_WORDS[0]}")" 2>/dev/null) || return 0
	[ -x "$bin" ] && "$bin" nat -S 2>/dev/null | sed -n 's/^-N //p'
}

_nsip_nat()
{
	case $prev in
	-A|--append|-C|--check|-D|--delete|-I|--insert|-R|--replace|-L|--list|\
	-S|--list-rules|-F|--flush|-Z|--zero|-X|--delete-chain|-E|--rename-chain|\
	-P|--policy)
		_nsip_reply PREROUTING INPUT OUTPUT POSTROUTING "$(_nsip_nat_user_chains)"
		return;;
	-t|--table) _nsip_reply nat; return;;
	-i|--in-interface|-o|--out-interface) _nsip_reply "$(_nsip_devices)"; return;;
	-p|--protocol) _nsip_reply tcp udp icmp all; return;;
	-m|--match) _nsip_reply tcp udp; return;;
	-j|--jump)
		_nsip_reply MASQUERADE SNAT DNAT REDIRECT RETURN ACCEPT \
			"$(_nsip_nat_user_chains)"
		return;;
	-s|--source|-d|--destination|--sport|--dport|--to-destination|\
	--to-source|--to-ports|-N|--new-chain)
		return;;
	esac
	# -P CHAIN: the one policy a nat chain can have.
	if [[ ${COMP_WORDS[COMP_CWORD-2]} == -P || ${COMP_WORDS[COMP_CWORD-2]} == --policy ]]; then
		_nsip_reply ACCEPT
		return
	fi
	_nsip_reply -A -C -D -I -R -S -L -F -Z -N -X -E -P -h \
		-t -s -d -i -o -p -m -j -n -v -x --line-numbers --json \
		--sport --dport --to-destination --to-source --to-ports --random \
		--append --check --delete --insert --replace --list-rules --list \
		--flush --zero --new-chain --delete-chain --rename-chain --policy \
		--table --source --destination --in-interface --out-interface \
		--protocol --match --jump --numeric --verbose --exact help
}
