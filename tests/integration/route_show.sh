#!/bin/bash
# ip route show/list/get and their filters, against iproute2 on the same
# tables: text, -o, -j, -j -p.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

# No IPv6 link-local addresses: they appear a moment after a link comes up,
# and would appear between ip's listing and nsip's.
sysctl -qw net.ipv6.conf.default.addr_gen_mode=1
ip link set lo up
ip link add v0 type veth peer name v1
ip link set v0 up; ip link set v1 up
ip addr add 10.0.0.1/24 dev v0
ip addr add fd00::1/64 dev v0 nodad
ip route add 10.5.0.0/16 via 10.0.0.2 metric 100
ip route add blackhole 10.9.0.0/16
ip route add unreachable 10.10.0.0/16
ip route add prohibit 10.11.0.0/16 table 100
ip route add 10.12.0.0/16 dev v0 mtu lock 1400 advmss 1300 proto static
ip route add local 10.13.0.1 dev v0
ip route add default via 10.0.0.2
ip route add 10.14.0.0/16 via 10.0.0.3 src 10.0.0.1 table 200 proto 77
ip route add fd01::/64 via fd00::2 metric 10 mtu 1300
ip -6 route add blackhole fd02::/64
ip -6 route add fd03::/64 dev v0 pref high table 100
ip route add 10.40.0.0/16 nexthop via 10.0.0.2 dev v0 weight 2 nexthop via 10.0.0.3 dev v0
ip -6 route add fd40::/64 nexthop via fd00::2 dev v0 nexthop via fd00::3 dev v0 weight 3
ip route add 10.42.0.0/16 via inet6 fd00::2 dev v0

for args in "route" "route list" "route lst" "r" "-4 route" "-6 route" \
	"route show table all" "route show table main" "route show table local" \
	"route show table 100" "route show table 200" "-6 route show table local" \
	"-6 route show table 100" "route show table all dev v0" "route show dev v0" \
	"route show via 10.0.0.2" "route show via 10.0.0.0/24" "route show proto kernel" \
	"route show proto static" "route show proto all" "route show scope link" \
	"route show scope host table all" "route show type unicast" \
	"route show type blackhole" "route show type local table all" \
	"route show root 10.0.0.0/8" "route show match 10.5.1.1" \
	"route show exact 10.5.0.0/16" "route show 10.5.0.0/16" "route show to 10.5/16" \
	"route show table all exact default" "route show metric 100" \
	"route show src 10.0.0.1 table all" "-6 route show match fd01::1" \
	"-d route" "-d -6 route" "-o route show table all" \
	"-j route" "-j -6 route" "-j route show table all" "-j -p route show table all" \
	"-j route show dev v0" "-j -p -6 route" "route show cache" "-6 route show cache" \
	"-j route show cloned" "route list table cache" "route show default" \
	"route list match 0/0" "-s route" "route show scope global"; do
	same_as_ip "$args" $args
done

for args in "route get 10.5.1.1" "route get 10.0.0.1" "route get 127.0.0.1" \
	"route get 10.5.1.1 from 10.0.0.1" "route get 10.5.1.1 oif v0" \
	"route get to 10.5.1.1" "route get fd01::5" "-6 route get fd03::1" \
	"route get 10.9.0.1" "route get 10.5.1.1/24" "-j route get 10.5.1.1" \
	"-j -p route get 10.0.0.1" "-j route get fd01::5" "-o route get 10.0.0.1" \
	"route get 10.5.1.1 mark 5" "route get 10.5.1.1 uid 1000" "route get 10.5.1.1 fibmatch" \
	"route get 10.40.1.1"; do
	same_as_ip "$args" $args
done

# What the kernel or the words refuse, listed the same way.
for args in "route show dev nosuch" "route show table foo" "route show frob" \
	"route show proto frob" "route show scope frob" "route show type frob" \
	"route show via" "route show table" "route get" "route get 10.77.1.1" \
	"-j route get 10.77.1.1" "route get 10.5.1.1 oif nosuch" \
	"route get 10.5.1.1 from 10.0.0.1 iif v1" "route get fd00::1 from 10.0.0.1" \
	"route frob" "-4 route show fd00::/64"; do
	same_as_ip "$args" $args
done
# Table and protocol names of /etc/iproute2 and its .d directories.
private_etc
mkdir -p /etc/iproute2/rt_tables.d /etc/iproute2/rt_protos.d
echo "200 blue" > /etc/iproute2/rt_tables.d/nsip-test.conf
echo "77 nsiptest # a comment" > /etc/iproute2/rt_protos.d/nsip-test.conf
for args in "route show table all" "route show table blue" "-j route show table all" \
	"route show table all proto nsiptest" "route show table 200"; do
	same_as_ip "named: $args" $args
done
same_usage_as_ip "route help" route help
same_usage_as_ip "route add without a prefix" route add

done_testing
