#!/bin/bash
# ip route add/del/replace/change/append/flush: iproute2 in one namespace,
# nsip in its twin; same messages, exit codes and resulting tables.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/route_lib.sh"

twin want && twin got || { echo "Bail out! cannot make the twin namespaces"; exit 1; }

same_effect "add via gateway with metric" route add 10.5.0.0/16 via 10.0.0.2 metric 100
same_effect "add the same prefix, other metric" route add 10.5.0.0/16 via 10.0.0.3
same_effect "add default via" route add default via 10.0.0.2
same_effect "add blackhole" route add blackhole 10.9.0.0/16
same_effect "add unreachable" route add unreachable 10.10.0.0/16
same_effect "add prohibit in table 100" route add prohibit 10.11.0.0/16 table 100
same_effect "add local" route add local 10.13.0.1 dev v0
same_effect "add type unicast with proto, scope, mtu" \
	route add unicast 10.12.0.0/16 dev v0 proto static scope link mtu 1400
same_effect "add with src and onlink" route add 10.15.0.0/16 via 10.0.0.9 dev v0 src 10.0.0.1 onlink
same_effect "add with mtu lock and table name" route add 10.16.0.0/16 dev v0 mtu lock 1300 table main
same_effect "add to a big table number" route add 10.17.0.0/16 dev v0 table 1000
same_effect "add with short prefix and netmask" route add 10.18/255.255.0.0 dev v0
same_effect "add host route" route add 10.19.0.1 dev v0 proto 99
same_effect "add IPv6 via gateway with metric" route add fd01::/64 via fd00::2 metric 10
same_effect "add IPv6 blackhole" route add blackhole fd02::/64
same_effect "add IPv6 with -6 default" -6 route add default via fd00::2 pref high
same_effect "add IPv6 in table 100 with mtu" route add fd03::/64 dev v0 table 100 mtu 1280
same_effect "append a second route" route append 10.5.0.0/16 via 10.0.0.4 metric 100
same_effect "replace a route" route replace 10.5.0.0/16 via 10.0.0.5 metric 100
same_effect "replace creates" route replace 10.20.0.0/16 via 10.0.0.5
same_effect "change a route" route change 10.20.0.0/16 via 10.0.0.6
same_effect "change a missing route" route change 10.21.0.0/16 via 10.0.0.6
same_effect "prepend" route prepend 10.22.0.0/16 via 10.0.0.6
same_effect "abbreviated add" r a 10.23.0.0/16 dev v0
# ip names a device it cannot find by name as "ifN" (lo is 1 everywhere)
same_effect "a device as ifN" route add 10.24.0.0/16 dev if1
same_effect "a next hop's device as ifN" route add 10.25.0.0/16 nexthop dev if1 nexthop via 10.0.0.2 dev v0
same_effect "add multipath" route add 10.40.0.0/16 nexthop via 10.0.0.2 dev v0 weight 2 nexthop via 10.0.0.3 dev v0
same_effect "add multipath with onlink" route add 10.41.0.0/16 nexthop via 10.0.0.2 dev v0 weight 5 nexthop via 10.9.9.4 dev v0 onlink
same_effect "add IPv6 multipath" route add fd40::/64 nexthop via fd00::2 dev v0 nexthop via fd00::3 dev v0 weight 3
same_effect "add IPv4 via an IPv6 gateway" route add 10.42.0.0/16 via inet6 fd00::2 dev v0
same_effect "del multipath" route del 10.40.0.0/16
same_effect "del by prefix" route del 10.9.0.0/16
same_effect "del with type and table" route del prohibit 10.11.0.0/16 table 100
same_effect "del IPv6" route del fd01::/64 via fd00::2
same_effect "del default" route del default

# Bad input: the message, the exit code, and nothing changed.
same_effect "unreachable gateway" route add 10.30.0.0/16 via 10.1.0.2
same_effect "delete of a missing route" route del 10.99.0.0/16
same_effect "bad prefix" route add 10.30.0.0/33 via 10.0.0.2
same_effect "bad prefix word" route add 10.300.0.0/16 dev v0
same_effect "unknown table name" route add 10.30.0.0/16 via 10.0.0.2 table foo
same_effect "unknown dev" route add 10.30.0.0/16 dev nosuch
same_effect "IPv6 gateway for IPv4 words" route add 10.30.0.0/16 via fd00::2 table 5
same_effect "gateway that is no address" route add 10.30.0.0/16 via zzz
same_effect "existing route" route add 10.5.0.0/16 via 10.0.0.5 metric 100
same_effect "missing value" route add 10.30.0.0/16 via
same_effect "bad metric" route add 10.30.0.0/16 dev v0 metric x
same_effect "two prefixes" route add 10.30.0.0/16 10.31.0.0/16
same_effect "IPv6 prefix under -4" -4 route add fd09::/64 dev v0
same_effect "two gateways" route add 10.30.0.0/16 via 10.0.0.2 via 10.0.0.3
same_effect "short dotted netmask (missing parts are zero)" route add 10.50.0.0/255.255 dev v0
same_effect "netmask word any (a /0 the kernel refuses)" route add 10.0.0.0/any dev v0
same_effect "netmask word all" route add 0.0.0.0/all dev v0 table 7
same_effect "bad scope" route add 10.30.0.0/16 scope foo dev v0
same_effect "bad protocol" route add 10.30.0.0/16 proto foo dev v0
same_effect "bad mtu" route add 10.30.0.0/16 dev v0 mtu big
same_effect "onlink without dev" route add 10.30.0.0/16 via 10.9.9.9 onlink
same_effect "garbage after nexthop" route add 10.30.0.0/16 nexthop via 10.0.0.2 frob
same_effect "nexthop at the end" route add 10.30.0.0/16 nexthop
same_effect "zero weight" route add 10.30.0.0/16 nexthop via 10.0.0.2 weight 0
same_effect "unknown nexthop dev" route add 10.30.0.0/16 nexthop via 10.0.0.2 dev nosuch
same_effect "flush without words" route flush
same_effect "unknown command" route frob

# Flush: selected routes go, the rest stays.
same_effect "flush the IPv4 cache" route flush cache
same_effect "flush the IPv4 cache with -s" -s route flush cache
same_effect "flush the IPv6 cache with -s" -s -6 route flush cache
same_effect "flush by proto" route flush proto static
same_effect "flush by table" route flush table 100
same_effect "-6 flush by dev" -6 route flush dev v0
same_effect "flush by dev" route flush dev v0
same_effect "flush table main" route flush table main

# A line that repeats words without end must not overrun the request
# buffer: one line naming the word where it became too long, exit 255, no
# change. (ip stops near 4 KiB with other messages or not at all, so no
# comparison with it here.)
too_long() {
	local d=$1; shift
	local before; before=$(TABLES="$TABLES" tables got)
	run "$IPNSIP" -n got "$@"
	is "$RC" 255 "$d: exit code"
	ok "$([ "$(printf '%s\n' "$ERR" | wc -l)" = 1 ] &&
	      [[ $ERR == 'Error: the request is too long at "'*'".' ]]; echo $?)" "$d: one line"
	is "$(TABLES="$TABLES" tables got)" "$before" "$d: no change"
}
many() { local n=$1; shift; for ((k = 0; k < n; k++)); do printf '%s ' "$@"; done; }
# shellcheck disable=SC2046 # the words are meant to split
{
	too_long "1,000 next hops" route add 10.40.0.0/16 $(many 1000 nexthop via 10.0.0.2 dev v0)
	too_long "1,000 gateways in one next hop" route add 10.40.0.0/16 nexthop $(many 1000 via 10.0.0.2)
	too_long "1,000 metrics" route add 10.40.0.0/16 dev v0 $(many 1000 metric 7)
	too_long "1,000 marks on get" route get 10.0.0.2 $(many 1000 mark 7)
	TABLES="neigh show" too_long "1,000 protocols on a neighbour" \
		neigh add 10.0.0.77 lladdr 02:00:00:00:00:77 dev v0 $(many 1000 protocol static)
}

done_testing
