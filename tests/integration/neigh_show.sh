#!/bin/bash
# ip neigh show/get against iproute2 on one table: neighbours learned by a
# real ping between namespaces made here, and entries added by hand.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/route_lib.sh"

pair_with_red || { echo "Bail out! cannot cable the namespaces"; exit 1; }
ping -c1 -W2 10.0.0.2 >/dev/null; ok $? "ping over IPv4"
ping -c1 -W2 fd00::2 >/dev/null; ok $? "ping over IPv6"
ip neigh add 10.0.0.7 lladdr 02:11:22:33:44:55 dev v0 protocol static
ip neigh add 10.0.0.8 lladdr 02:11:22:33:44:56 dev v0 nud noarp
ip neigh add 10.0.0.9 dev v0 nud incomplete
ip neigh add fd00::9 lladdr 02:11:22:33:44:66 dev v0 router nud stale
ip neigh add 10.0.0.12 lladdr 02:11:22:33:44:57 dev v0 extern_learn
ip neigh add proxy 10.0.0.13 dev v0
ip neigh add 10.0.0.10 dev v0 nud none

# The state of a learned entry moves with time: compare each view at once.
for args in "neigh" "n" "neighbour" "neighbor show" "neigh list" "-4 neigh" \
	"-6 neigh" "neigh show dev v0" "neigh show nud permanent" \
	"neigh show nud all" "neigh show nud none" "neigh show nud noarp" \
	"neigh show nud stale nud permanent" "neigh show proxy" \
	"neigh show 10.0.0.0/24" "neigh show to 10.0.0.7" "neigh show protocol static" \
	"-o neigh" "-j neigh" "-j -p neigh show dev v0" "-j neigh show nud all" \
	"-j neigh show proxy" \
	"neigh get 10.0.0.7 dev v0" "-j neigh get 10.0.0.7 dev v0" "neigh get 10.0.0.2 dev v0" \
	; do
	same_as_ip "$args" $args
done
for args in "neigh show dev nosuch" "neigh show nud bogus" "neigh show dev v0 dev v0" \
	"neigh get 10.0.0.99 dev v0" "neigh get 10.0.0.7" "neigh get 10.0.0.7 dev nosuch" \
	"neigh show 10.0.0.300" "neigh show dev"; do
	same_as_ip "$args" $args
done
same_usage_as_ip "neigh help" neigh help

run "$IPNSIP" -n red neigh show 10.0.0.1
case "$OUT" in "10.0.0.1 dev v1 lladdr "*) ok 0 "the pinged side learned the pinger";;
	*) ok 1 "the pinged side learned the pinger: $OUT";; esac

done_testing
