#!/bin/bash
# ip address flush and its filters, against iproute2: the same command
# runs with ip in namespace "ref" and with nsip in namespace "sut".
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "reference ip for the set-up" || { done_testing; exit; }

for ns in ref sut; do
	ip netns add $ns
	ip -n $ns link add vA address 02:00:00:00:00:01 type veth \
		peer name vB address 02:00:00:00:00:02
	ip -n $ns link set vA up
done

# both ARGS...: the same change made with ip in both namespaces (set-up).
both() {
	ip -n ref "$@"
	ip -n sut "$@"
}

# The same addresses in both namespaces, from nothing.
fill() {
	both address flush dev vA
	both address flush dev vB
	both address add 10.0.0.2/24 dev vA
	both address add 10.0.0.3/24 dev vA
	both address add 10.0.0.4/24 dev vA label vA:2
	both address add 10.3.0.1/16 dev vA scope link
	both address add 127.0.0.9/8 dev vB
	both address add fd00::1/64 dev vA nodad
	both address add fd00::2/64 dev vA
	both address add fd09::2/64 dev vB
}

same_flush() {
	local d=$1; shift
	run "$IPREAL" -n ref "$@"; local want="$OUT|$ERR|$RC"
	run "$IPNSIP" -n sut "$@"
	is "$OUT|$ERR|$RC" "$want" "$d"
	is "$(ip -n sut -o address)" "$(ip -n ref -o address)" "$d: same addresses left"
}

fill
same_flush "flush label" address flush label vA:2
same_flush "-s flush label (nothing left)" -s address flush label vA:2
same_flush "-s flush scope host" -s address flush scope host
same_flush "-s -s flush scope link lists what goes" -s -s address flush scope link
same_flush "-6 flush dev" -6 address flush dev vA
both address add fd00::1/64 dev vA nodad
same_flush "flush to an IPv6 prefix" address flush to fd00::/16
same_flush "flush to an IPv4 prefix" address flush to 10.0.0.0/8
fill
same_flush "-s flush primary: one round" -s address flush primary dev vA
fill
same_flush "-s flush secondary" -s address flush secondary
same_flush "-s flush dev: primaries take their secondaries" -s address flush dev vA
same_flush "-s flush dev again: nothing to flush" -s address flush dev vA
fill
same_flush "-4 flush up" -4 address flush up
same_flush "flush dynamic (none)" address flush dynamic
same_flush "flush all of a dev" address flush dev vB
fill
same_flush "flush ignores master, as ip does" address flush master vB
same_flush "flush without arguments" address flush
same_flush "flush of link addresses" -0 address flush dev vA
same_flush "flush of a missing dev" address flush dev nosuch
same_flush "flush label without a pattern" address flush label
same_usage_as_ip "flush help" address flush help

done_testing
