#!/bin/bash
# ip -s: link counters in every output mode, against iproute2 on the same
# links at the same moment. Veth pairs (one end in a namespace) carry a few
# pings, loopback a megabyte or two (for -human); IPv6 is off in every
# namespace of the test, so that no router solicitation or DAD changes a
# counter between the two listings.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "the differential needs iproute2" || { done_testing; exit; }
no_ipv6() {	# no_ipv6 [ip -n NS]: before any link is made there
	"$@" sh -c 'echo 1 >/proc/sys/net/ipv6/conf/default/disable_ipv6 &&
		    echo 1 >/proc/sys/net/ipv6/conf/all/disable_ipv6'
}
no_ipv6
"$IPREAL" link set lo up
"$IPREAL" netns add peer
no_ipv6 "$IPREAL" netns exec peer
"$IPREAL" -n peer link set lo up
"$IPREAL" link add v0 type veth peer name v0p netns peer
"$IPREAL" link add v1 type veth peer name v1b
"$IPREAL" link set v1 alias "second pair"
"$IPREAL" addr add 10.7.0.1/24 dev v0
"$IPREAL" -n peer addr add 10.7.0.2/24 dev v0p
for l in v0 v1 v1b; do "$IPREAL" link set "$l" up; done
"$IPREAL" -n peer link set v0p up
"$IPREAL" link add d0 type dummy   # down: counters all zero
ping -c 20 -i 0.01 -s 1000 -q 10.7.0.2 >/dev/null   # some 40 kB: -h has k
"$IPREAL" netns exec peer ping -c 3 -i 0.05 -q 10.7.0.1 >/dev/null
ping -c 400 -i 0 -s 4000 -q 127.0.0.1 >/dev/null   # > 1 MB: -h has units
# The kernel sets a link's operational state up to a second after its
# carrier (linkwatch): wait for it, or it may change between two listings.
up() { "$IPREAL" "$@" -br link | awk '$2 == "UP"' | wc -l; }
for _ in $(seq 60); do
	[ "$(up)" = 3 ] && [ "$(up -n peer)" = 1 ] && break
	sleep 0.05
done
is "$(up)|$(up -n peer)" "3|1" "the veth ends are up"
# Traffic stopped: a listing by either tool now sees the same counters.

for mode in "" -o -br -j "-j -p" -d "-d -j"; do
	for s in -s "-s -s" -stats; do
		# shellcheck disable=SC2086
		same_as_ip "$s $mode link" $s $mode link
		# shellcheck disable=SC2086
		same_as_ip "$s $mode link show dev v0" $s $mode link show dev v0
		# shellcheck disable=SC2086
		same_as_ip "-n peer $s $mode link" -n peer $s $mode link
	done
done
same_as_ip "-s link show lo (no dev word)" -s link show lo
same_as_ip "-s link show up" -s link show up
same_as_ip "-s link show type veth" -s link show type veth
for h in -h -human -iec "-h -iec" "-iec -human-readable"; do
	# shellcheck disable=SC2086
	same_as_ip "-s $h link" -s $h link
	# shellcheck disable=SC2086
	same_as_ip "-s -s $h link show lo" -s -s $h link show lo
	# shellcheck disable=SC2086
	same_as_ip "-s $h -j link show lo (JSON keeps the numbers)" -s $h -j link show lo
done
same_as_ip "-h without -s changes nothing" -h link
for mode in "" -o -br -j "-j -p" -4; do
	# shellcheck disable=SC2086
	same_as_ip "-s $mode addr" -s $mode addr
	# shellcheck disable=SC2086
	same_as_ip "-s -s $mode addr show dev v0" -s -s $mode addr show dev v0
done
same_as_ip "-s -h addr show lo" -s -h addr show lo
same_as_ip "-s link show of a missing device" -s link show nosuch

done_testing
