#!/bin/bash
# vxlan's words, against iproute2: a device made by ip and one made by nsip
# from the same words show the same under `ip -d link` and `ip -d -j link`
# (shown by ip, and nsip shows ip's the same); bad words get ip's message
# and exit code and change nothing.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "state is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" link add va type veth peer vb

# Each device's details by both printers: -d and -d -j.
details() {	# details IPBIN
	"$1" -d link show dev vx && "$1" -d -j link show dev vx
}

# made_alike DESC WORDS...: `link add vx type vxlan WORDS` by ip and by
# nsip: same messages and exit code, same device (its random MAC and its
# index masked); nsip prints ip's device as ip does.
made_alike() {
	local d=$1 want got
	shift
	run "$IPREAL" link add vx type vxlan "$@"
	is "$RC" 0 "$d: ip makes it"
	want="$ERR|$RC|$(details "$IPREAL" | mask | sed -E 's/^[0-9]+:/N:/; s/"ifindex":[0-9]+/"ifindex":N/')"
	is "$(details "$IPNSIP")" "$(details "$IPREAL")" "$d: shown as ip shows it"
	"$IPREAL" link del vx 2>/dev/null
	run "$IPNSIP" link add vx type vxlan "$@"
	got="$ERR|$RC|$(details "$IPREAL" | mask | sed -E 's/^[0-9]+:/N:/; s/"ifindex":[0-9]+/"ifindex":N/')"
	is "$got" "$want" "$d: made as ip makes it"
	"$IPREAL" link del vx 2>/dev/null
}

made_alike "v4 remote, dev" id 5 dstport 4789 remote 10.0.0.2 local 10.0.0.1 dev va
made_alike "v6, every switch on" vni 7 dstport 4789 remote fd00::2 local fd00::1 \
	ttl inherit tos inherit df set flowlabel 0x1234 ageing 100 maxaddress 50 \
	srcport 1000 2000 nolearning proxy rsc l2miss l3miss noudpcsum \
	udp6zerocsumtx udp6zerocsumrx remcsumtx remcsumrx
made_alike "group, every switch off" id 1 dstport 4789 group 239.1.1.1 dev va \
	ttl auto tos 0x10 df inherit ageing none maxaddress unlimited learning \
	noproxy norsc nol2miss nol3miss udpcsum noudp6zerocsumtx noudp6zerocsumrx \
	noremcsumtx noremcsumrx
made_alike "v6 group" id 3 group ff05::5 dev va local fd00::9 hoplimit 7 dsfield AF21 label 9
made_alike "external" external dstport 4789
made_alike "external, vnifilter" external vnifilter dstport 4790
made_alike "noexternal, novnifilter" noexternal novnifilter id 8 dstport 0
made_alike "gbp, default port" id 4 gbp
made_alike "gpe: port 4790" external gpe
made_alike "abbreviations" i 6 t 3 l 10.0.0.1 r 10.0.0.2 n dstport 4789 a 10 m 5 p 1 2 ds 0x20

# changed_alike DESC WORDS...: a vxlan made by ip, changed by `link set vx
# type vxlan WORDS` by ip and by nsip: the same result.
changed_alike() {
	local d=$1 want got
	shift
	"$IPREAL" link add vx type vxlan id 5 dstport 4789 remote 10.0.0.2
	run "$IPREAL" link set vx type vxlan "$@"
	want="$ERR|$RC|$(details "$IPREAL" | mask | sed -E 's/^[0-9]+:/N:/; s/"ifindex":[0-9]+/"ifindex":N/')"
	"$IPREAL" link del vx
	"$IPREAL" link add vx type vxlan id 5 dstport 4789 remote 10.0.0.2
	run "$IPNSIP" link set vx type vxlan "$@"
	got="$ERR|$RC|$(details "$IPREAL" | mask | sed -E 's/^[0-9]+:/N:/; s/"ifindex":[0-9]+/"ifindex":N/')"
	is "$got" "$want" "$d: changed as ip changes it"
	"$IPREAL" link del vx
}

changed_alike "set without an id" ageing 10 nolearning
changed_alike "set with the id" id 5 ttl 9
changed_alike "set a new id" id 6

# refused DESC WORDS...: the same message and exit code; nothing made.
refused() {
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "$d" link add vx type vxlan "$@"
	is "$(link_state)" "$before" "$d: no change"
}

refused "ttl above 255" id 5 dstport 4789 ttl 256
refused "ttl not a number" id 5 dstport 4789 ttl x
refused "ttl without a value" id 5 dstport 4789 ttl
refused "tos above 0xff" id 5 dstport 4789 tos 0x100
refused "tos unknown name" id 5 dstport 4789 tos frob
refused "df unknown" id 5 dstport 4789 df maybe
refused "flowlabel too big" id 5 dstport 4789 flowlabel 0x100000
refused "ageing not a number" id 5 dstport 4789 ageing x
refused "maxaddress negative" id 5 dstport 4789 maxaddress -1
refused "srcport with one port" id 5 dstport 4789 srcport 1
refused "srcport bad min" id 5 dstport 4789 srcport x 2
refused "srcport bad max" id 5 dstport 4789 srcport 1 70000
refused "ttl and hoplimit" id 5 dstport 4789 ttl 3 hoplimit 4
refused "proxy twice" id 5 dstport 4789 proxy noproxy
refused "learning twice" id 5 dstport 4789 learning nolearning
refused "gbp twice" id 5 dstport 4789 gbp gbp
refused "external twice" external noexternal id 3
refused "external with an id" external id 5 dstport 4789
refused "remote then group" id 5 dstport 4789 remote 10.0.0.1 group 239.1.1.1
refused "group then remote" id 5 dstport 4789 group 239.1.1.1 remote 10.0.0.1
refused "group without dev" id 5 dstport 4789 group 239.1.1.1
refused "unicast group" id 5 dstport 4789 group 10.1.1.1 dev va
refused "group twice" id 5 dstport 4789 group 239.1.1.1 group 239.1.1.2 dev va
refused "remote twice" id 5 dstport 4789 remote 10.0.0.1 remote 10.0.0.2
refused "dev twice" id 5 dstport 4789 dev va dev va
refused "no id" dstport 4789 nolearning
same_usage_as_ip "help" link add vx type vxlan id 5 help
same_usage_as_ip "unknown word" link add vx type vxlan id 5 frob
# The usage text is ip's own, whole.
run "$IPREAL" link add vx type vxlan help; want="$OUT|$ERR|$RC"
run "$IPNSIP" link add vx type vxlan help
is "$OUT|$ERR|$RC" "$want" "usage text is ip's"

done_testing
