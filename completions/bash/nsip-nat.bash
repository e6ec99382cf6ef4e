# bash completion for `nsip nat` (and links named nat or iptables):
# iptables' nat and filter words, chain names, interfaces, protocols,
# matches, targets and their values.
# _nsip_nat INDEX, called by _nsip (see completions/nsip-main.bash for the
# convention and the helpers); iptables' words are read from prev alone.
# shellcheck disable=SC2154 # cur and prev are _nsip's locals

# The table the line works on: -t's, else filter through a link named
# iptables and nat for nsip nat.
_nsip_nat_table()
{
	local i t=nat
	[[ ${COMP_WORDS[0]##*/} == iptables ]] && t=filter
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-t|--table) t=${COMP_WORDS[i+1]};;
		esac
	done
	echo "$t"
}

# The user chains, from the listing of the nsip being completed (through
# whatever link it was called; it needs privileges: without them, none).
_nsip_nat_user_chains()
{
	local bin
	bin=$(readlink -f "$(command -v "${COMP_WORDS[0]}")" 2>/dev/null) || return 0
	[ -x "$bin" ] && "$bin" nat -t "$(_nsip_nat_table)" -S 2>/dev/null | sed -n 's/^-N //p'
}

_nsip_nat_builtins()
{
	if [[ $(_nsip_nat_table) == filter ]]; then
		echo INPUT FORWARD OUTPUT
	else
		echo PREROUTING INPUT OUTPUT POSTROUTING
	fi
}

_nsip_nat()
{
	case $prev in
	-A|--append|-C|--check|-D|--delete|-I|--insert|-R|--replace|-L|--list|\
	-S|--list-rules|-F|--flush|-Z|--zero|-X|--delete-chain|-E|--rename-chain|\
	-P|--policy)
		_nsip_reply $(_nsip_nat_builtins) "$(_nsip_nat_user_chains)"
		return;;
	-t|--table) _nsip_reply nat filter; return;;
	-i|--in-interface|-o|--out-interface) _nsip_reply "$(_nsip_devices)"; return;;
	-p|--protocol) _nsip_reply tcp udp icmp all; return;;
	-m|--match)
		_nsip_reply tcp udp icmp multiport conntrack state comment mark length \
			iprange limit addrtype
		return;;
	--src-type|--dst-type)
		_nsip_reply UNSPEC UNICAST LOCAL BROADCAST ANYCAST MULTICAST BLACKHOLE \
			UNREACHABLE PROHIBIT THROW NAT XRESOLVE
		return;;
	--limit) _nsip_reply 1/second 10/minute 3/hour 1/day; return;;
	-j|--jump)
		if [[ $(_nsip_nat_table) == filter ]]; then
			_nsip_reply ACCEPT DROP REJECT LOG RETURN "$(_nsip_nat_user_chains)"
		else
			_nsip_reply MASQUERADE SNAT DNAT REDIRECT RETURN ACCEPT LOG \
				"$(_nsip_nat_user_chains)"
		fi
		return;;
	-g|--goto) _nsip_reply "$(_nsip_nat_user_chains)"; return;;
	--ctstate|--state)
		_nsip_reply NEW ESTABLISHED RELATED INVALID UNTRACKED \
			RELATED,ESTABLISHED
		return;;
	--reject-with)
		_nsip_reply icmp-net-unreachable icmp-host-unreachable \
			icmp-port-unreachable icmp-proto-unreachable \
			icmp-net-prohibited icmp-host-prohibited \
			icmp-admin-prohibited tcp-reset
		return;;
	--tcp-flags)
		_nsip_reply FIN SYN RST PSH ACK URG ALL NONE SYN,ACK \
			FIN,SYN,RST,ACK
		return;;
	--icmp-type)
		_nsip_reply any echo-reply destination-unreachable \
			network-unreachable host-unreachable protocol-unreachable \
			port-unreachable fragmentation-needed source-quench \
			redirect echo-request router-advertisement \
			router-solicitation time-exceeded parameter-problem \
			timestamp-request timestamp-reply address-mask-request \
			address-mask-reply
		return;;
	--log-level)
		_nsip_reply emerg alert crit error warning notice info debug
		return;;
	-s|--source|-d|--destination|--sport|--dport|--to-destination|\
	--to-source|--to-ports|-N|--new-chain|--comment|--log-prefix|--mark|\
	--dports|--sports|--destination-ports|--source-ports|--ports|--length|\
	--src-range|--dst-range|--limit-burst)
		return;;
	esac
	# -P CHAIN: ACCEPT, and DROP in the filter table.
	if [[ ${COMP_WORDS[COMP_CWORD-2]} == -P || ${COMP_WORDS[COMP_CWORD-2]} == --policy ]]; then
		if [[ $(_nsip_nat_table) == filter ]]; then
			_nsip_reply ACCEPT DROP
		else
			_nsip_reply ACCEPT
		fi
		return
	fi
	_nsip_reply -A -C -D -I -R -S -L -F -Z -N -X -E -P -h \
		-t -s -d -i -o -p -m -j -g -n -v -x --line-numbers --json \
		--sport --dport --to-destination --to-source --to-ports --random \
		--random-fully --persistent -4 --ipv4 \
		--syn --tcp-flags --icmp-type --mark --ctstate --state --comment --reject-with --log-prefix \
		--log-level --log-tcp-sequence --log-tcp-options --log-ip-options \
		--log-uid --log-macdecode --goto --dports --sports --ports \
		--length --src-range --dst-range --limit --limit-burst --src-type \
		--dst-type --limit-iface-in --limit-iface-out \
		--append --check --delete --insert --replace --list-rules --list \
		--flush --zero --new-chain --delete-chain --rename-chain --policy \
		--table --source --destination --in-interface --out-interface \
		--protocol --match --jump --numeric --verbose --exact help
}
