#!/bin/bash
# vlan and vrf words, against iproute2. This kernel has no 8021q or vrf
# module: every `link add ... type vlan|vrf` is refused by it, so the words are checked to
# be read as ip reads them (the same message and exit code: ip's own for
# bad words, the kernel's refusal for good ones) and to change nothing.
# Their request bytes are in test_link_words, their -d printing in
# test_link_details.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "state is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" link add va type veth peer vb

refused() {	# refused DESC WORDS...
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "$d" link add v5 link va type vlan "$@"
	is "$(link_state)" "$before" "$d: no change"
}

refused "id" id 5
refused "protocol 802.1ad" protocol 802.1ad id 5
refused "protocol in lower case" id 5 protocol 802.1q
refused "protocol as a number" id 5 protocol 0x88a8
refused "every flag" id 5 reorder_hdr off gvrp on mvrp on loose_binding on bridge_binding off
refused "qos maps" id 5 ingress-qos-map 1:2 3:4 egress-qos-map 5:6
refused "empty qos map" id 5 ingress-qos-map gvrp on
refused "abbreviations" p 802.1Q i 5 r on g off m on l on b on in 1:1 e 2:2
refused "bad qos value" id 5 ingress-qos-map 1:x
refused "bad qos key" id 5 egress-qos-map x:1
refused "qos map without a value" id 5 ingress-qos-map
refused "id too big" id 70000
refused "id not a number" id x
refused "unknown protocol" protocol frob id 5
refused "flag not on/off" id 5 gvrp maybe
refused "unknown word" id 5 frob
refused "help" help

vrf() {	# vrf DESC WORDS...: the same for a vrf
	local d=$1 before
	shift
	before=$(link_state)
	same_as_ip "vrf $d" link add vr0 type vrf "$@"
	is "$(link_state)" "$before" "vrf $d: no change"
}

vrf "table" table 10
vrf "table by name" table main
vrf "two tables" table 10 table 20
vrf "abbreviation" t 5
vrf "bad table" table frob
vrf "table without a value" table
vrf "unknown word" frob
vrf "help" help

done_testing
