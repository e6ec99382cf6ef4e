#!/bin/bash
# gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan, ip6tnl, vti and vti6
# words, against
# iproute2 6.1. This kernel has none of these modules, so every good
# `link add` is refused by it (Unknown device type, exit 2): the words are
# checked to be read as ip reads them (ip's message and exit code for a bad
# word, the kernel's refusal for good ones) and to change nothing. Their
# request bytes are in test_link_words; those naming a device (dev), which
# need the kernel, are compared here on the wire (strace).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "state is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" link add va type veth peer vb

refused() {	# refused DESC KIND WORDS...
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "$d" link add t0 type "$@"
	is "$(link_state)" "$before" "$d: no change"
}

refused "gre: good words" gre remote 10.0.0.2 local 10.0.0.1 key 5 csum seq ttl 9
refused "gre: abbreviations" gre r 10.0.0.2 l 10.0.0.1 k 5 t 9 to 0x10 s c p
refused "gre: dev" gre dev va remote 10.0.0.2
refused "gre: dev abbreviated" gre d va
refused "gre: no such dev" gre dev nosuch
refused "gre: bad remote" gre remote frob
refused "gre: IPv6 remote" gre remote fd00::1
refused "gre: bad local" gre local 1.2.3.4.5
refused "gre: ttl 300" gre ttl 300
refused "gre: ttl not a number" gre hoplimit abc
refused "gre: bad tos" gre tos frob
refused "gre: key x.y" gre key x.y
refused "gre: key not a number" gre key abc
refused "gre: key negative" gre ikey -1
refused "gre: okey too big" gre okey 4294967296
refused "gre: key missing" gre key
refused "gre: remote missing" gre remote
refused "gre: bad encap" gre encap frob
refused "gre: encap-sport too big" gre encap-sport 70000
refused "gre: bad encap-dport" gre encap-dport x
refused "gre: bad fwmark" gre fwmark x
refused "gre: multicast remote without local" gre remote 239.1.1.1
refused "gre: multicast remote with local" gre remote 239.1.1.1 local 10.0.0.1
refused "gre: erspan words are erspan's" gre erspan 5
refused "gre: ip6gre's word" gre flowlabel 5
refused "gre: unknown word" gre frob
refused "gre: help" gre help
refused "gretap: good words" gretap remote 10.0.0.2 ikey 1.2.3.4 okey 7 nopmtudisc ignore-df
refused "gretap: help" gretap help
refused "gretap: bad ttl" gretap ttl 256

refused "ip6gre: good words" ip6gre remote fd00::2 local fd00::1 hoplimit 10 encaplimit none tclass inherit flowlabel 0x12345 dscp inherit allow-localremote fwmark inherit
refused "ip6gre: IPv4 remote" ip6gre remote 10.0.0.1
refused "ip6gre: bad local" ip6gre local fd00::zz
refused "ip6gre: hoplimit 256" ip6gre hoplimit 256
refused "ip6gre: tclass too big (hex)" ip6gre tclass 100
refused "ip6gre: bad tclass" ip6gre tos xyz
refused "ip6gre: flowlabel too big" ip6gre flowlabel 0x100000
refused "ip6gre: bad flowlabel" ip6gre fl zz
refused "ip6gre: dscp not inherit" ip6gre dscp copy
refused "ip6gre: encaplimit 256" ip6gre encaplimit 256
refused "ip6gre: bad fwmark" ip6gre fwmark abc
refused "ip6gre: erspan 0" ip6gre erspan 0
refused "ip6gre: erspan over 20 bits" ip6gre erspan 0x100000
refused "ip6gre: bad erspan" ip6gre erspan abc
refused "ip6gre: erspan_ver 3" ip6gre erspan_ver 3
refused "ip6gre: bad erspan_ver" ip6gre erspan_ver x
refused "ip6gre: bad erspan_dir" ip6gre erspan_dir up
refused "ip6gre: erspan_hwid too big" ip6gre erspan_hwid 70000
refused "ip6gre: erspan words" ip6gre erspan_ver 2 erspan_dir e erspan_hwid 3
refused "ip6gre: pmtudisc is gre's" ip6gre pmtudisc
refused "ip6gre: key x.y" ip6gre okey x.y
refused "ip6gre: no such dev" ip6gre dev nosuch
refused "ip6gre: help" ip6gre help
refused "ip6gretap: ignore-df is gre's" ip6gretap ignore-df
refused "ip6gretap: good words" ip6gretap remote fd00::2 key 1 seq noencap

refused "erspan: good words" erspan remote 10.0.0.2 local 10.0.0.1 erspan_ver 2 erspan_dir egress erspan_hwid 7 key 3
refused "erspan: erspan 0" erspan erspan 0
refused "erspan: erspan_ver 3" erspan erspan_ver 3
refused "erspan: bad erspan_dir" erspan erspan_dir up
refused "erspan: bad erspan_hwid" erspan erspan_hwid x
refused "erspan: ip6gre's word" erspan encaplimit 3
refused "erspan: help" erspan help
refused "ip6erspan: good words" ip6erspan remote fd00::2 erspan 5 hoplimit 3
refused "ip6erspan: IPv4 remote" ip6erspan remote 10.0.0.1
refused "ip6erspan: help" ip6erspan help

refused "ip6tnl: good words" ip6tnl mode ipip6 remote fd00::2 local fd00::1 hoplimit 10 encaplimit 5 tc 20 flowlabel inherit fwmark 7
refused "ip6tnl: bad mode" ip6tnl mode frob
refused "ip6tnl: IPv4 remote" ip6tnl remote 10.0.0.1
refused "ip6tnl: hoplimit 300" ip6tnl hlim 300
refused "ip6tnl: tclass too big" ip6tnl tclass 0x1ff
refused "ip6tnl: dsfield abbreviated" ip6tnl ds 0x10
refused "ip6tnl: bad flowlabel" ip6tnl flowlabel 0xfffff1
refused "ip6tnl: dscp not inherit" ip6tnl dscp 1
refused "ip6tnl: bad fwmark" ip6tnl fwmark x
refused "ip6tnl: remote is not abbreviated" ip6tnl r fd00::1
refused "ip6tnl: no such dev" ip6tnl dev nosuch
refused "ip6tnl: value missing" ip6tnl mode
refused "ip6tnl: help" ip6tnl help

refused "vti: good words" vti remote 10.0.0.2 local 10.0.0.1 key 5 fwmark 3
refused "vti: abbreviations" vti k 1 i 2 o 0.0.0.3 r 10.0.0.2 l 10.0.0.1
refused "vti: IPv6 remote" vti remote fd00::1
refused "vti: key x.y" vti key x.y
refused "vti: bad okey" vti okey abc
refused "vti: bad fwmark" vti fwmark -1
refused "vti: fwmark is not abbreviated" vti fw 1
refused "vti: gre's word" vti csum
refused "vti: no such dev" vti dev nosuch
refused "vti: help" vti help
refused "vti6: good words" vti6 remote fd00::2 local fd00::1 ikey 5 okey 6
refused "vti6: IPv4 local" vti6 local 10.0.0.1
refused "vti6: help" vti6 help

# ip 6.1 reads any word after ip6tnl's encaplimit and sends what its stack
# held for a bad one: nsip refuses it as ip6gre does (man page).
before=$(link_state)
run "$IPNSIP" link add t0 type ip6tnl encaplimit 300
is "$RC|$ERR" '255|Error: argument "300" is wrong: invalid ELIM' "ip6tnl: encaplimit 300 refused"
is "$(link_state)" "$before" "ip6tnl: encaplimit 300: no change"

# Changing a tunnel: ip merges the words with what the kernel has; nsip
# refuses them in one line.
for kind in gre gretap erspan ip6gre ip6gretap ip6erspan ip6tnl vti vti6; do
	before=$(link_state)
	run "$IPNSIP" link set va type $kind remote any
	is "$RC|$ERR" "255|Changing the options of a $kind tunnel is not supported by nsip." \
		"link set type $kind refused"
	is "$(link_state)" "$before" "link set type $kind: no change"
done

# The kind data on the wire, as strace decodes it.
info_data() {
	strace -f -qq -v -s 4096 -e trace=sendto,sendmsg -e signal=none "$@" 2>&1 >/dev/null |
		grep -o 'IFLA_INFO_DATA}, "[^"]*"'
}
if skip_unless strace "strace to see the requests"; then
	for words in "gre dev va remote 10.0.0.2" "gretap d va key 5" \
		"erspan dev va erspan 3" "ip6erspan d va erspan_ver 2" \
		"ip6gre dev va remote fd00::2" "ip6gretap de va" "ip6tnl dev va" \
		"ip6tnl d va mode any" "vti dev va remote 10.0.0.2" "vti6 d va"; do
		# shellcheck disable=SC2086
		want=$(info_data "$IPREAL" link add t0 type $words)
		# shellcheck disable=SC2086
		got=$(info_data "$IPNSIP" link add t0 type $words)
		ok "$([ -n "$want" ] && [ "$got" = "$want" ]; echo $?)" "$words: ip's kind data"
	done
fi

done_testing
