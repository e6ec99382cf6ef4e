#!/bin/bash
# ip address show/list in every output mode, against iproute2 on the same
# state: IPv4 and IPv6, secondaries, peers, labels, broadcast, metrics,
# lifetimes (running down), tentative/nodad/deprecated flags, filters.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

# Lifetimes count down (IPv4 and IPv6 ones tick at different moments) and
# DAD moves on: nsip passes when it prints what ip printed just before or
# just after it, in one of a few tries.
same_as_ip_now() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	local before got after
	for _ in 1 2 3 4 5; do
		run "$IPREAL" "$@"; before="$OUT|$ERR|$RC"
		run "$IPNSIP" "$@"; got="$OUT|$ERR|$RC"
		run "$IPREAL" "$@"; after="$OUT|$ERR|$RC"
		if [ "$got" = "$before" ] || [ "$got" = "$after" ]; then
			ok 0 "$d"
			return
		fi
	done
	is "$got" "$after" "$d"
}

skip_unless ip "reference ip for the set-up" || { done_testing; exit; }

ip link set lo up
ip link add vA type veth peer name vB
ip link set vA up
ip link set vB up
ip addr add 10.0.0.2/24 brd + dev vA
ip addr add 10.0.0.3/24 dev vA label vA:1
ip addr add 10.0.0.4/24 dev vA label vA:long
ip addr add 10.9.0.1 peer 10.9.0.2/32 dev vA
ip addr add 10.1.0.1/16 brd 10.1.255.254 dev vA scope link valid_lft 100 preferred_lft 50
ip addr add 10.2.0.1/24 dev vA valid_lft 100 preferred_lft 0
ip addr add 1.2.3.7/24 brd + metric 5 dev vA
ip addr add fd00::1/64 dev vA nodad
ip addr add fd00::2/64 dev vA
ip addr add fd01::5/64 dev vA noprefixroute valid_lft 300 preferred_lft 200
ip addr add fd02::1/64 dev vA home mngtmpaddr nodad
ip addr add fd03::1/64 peer fd03::2 dev vA nodad
ip addr add fd05::1/64 dev vA nodad valid_lft 100 preferred_lft 0
ip addr add 192.168.15.1 dev vB
ip addr add 127.0.0.5/8 dev vB
# A link with no address, and one whose peer lives in another namespace.
ip link add vC type veth peer name vD
ip link add br0 type bridge
ip link set vD master br0
ip link set vB group 5
ip netns add other
ip link add vE type veth peer name vF netns other
ip addr add 10.7.0.1/24 dev vE

modes=("" "-o" "-br" "-j" "-j -p" "-4" "-6" "-4 -o" "-6 -o" "-4 -br" "-6 -br"
       "-4 -j" "-6 -j" "-6 -j -p" "-0" "-0 -o" "-0 -br" "-0 -j" "-j -br"
       "-j -o" "-j -p -br" "-j -p -o" "-br -o")
for m in "${modes[@]}"; do
	# shellcheck disable=SC2086
	same_as_ip_now "ip $m address" $m address
done
for m in "" "-o" "-br" "-j" "-6" "-4 -j"; do
	# shellcheck disable=SC2086
	same_as_ip_now "ip $m address show dev vA" $m address show dev vA
done

same_as_ip_now "bare ip a" a
same_as_ip_now "address list" address list
same_as_ip_now "address lst vB" address lst vB
same_as_ip_now "address s (show) vB" address s vB
same_as_ip_now "show dev vC (no address)" address show dev vC
same_as_ip_now "-6 show dev lo keeps the whole header" -6 address show dev lo
same_as_ip_now "show dev ifN" address show dev if3
same_as_ip_now "show up" address show up
same_as_ip_now "-j show up" -j address show up
same_as_ip_now "-br show up" -br address show up
same_as_ip_now "-o show up" -o address show up

for s in host link global all 254 0x0 site; do
	same_as_ip_now "show scope $s" address show scope "$s"
done
same_as_ip_now "-j show scope link" -j address show scope link
same_as_ip_now "-br show scope host" -br address show scope host

for l in 'vA:1' 'vA:*' '*' 'vB' 'nomatch'; do
	same_as_ip_now "show label $l" address show label "$l"
	same_as_ip_now "-j show label $l" -j address show label "$l"
done
same_as_ip_now "-br show label vA:1" -br address show label vA:1
same_as_ip_now "-o show label vA" -o address show label vA
same_as_ip_now "-4 show label vA:1" -4 address show label vA:1
same_as_ip_now "-j -p show label vA:*" -j -p address show label 'vA:*'

for t in 10.0.0.0/24 10.0.0.3 10.0.0.0/255.0.0.0 fd00::/16 fd00::1 default all 0/0; do
	same_as_ip_now "show to $t" address show to "$t"
done
same_as_ip_now "-6 show to any" -6 address show to any
same_as_ip_now "-j show to 10.0.0.0/8" -j address show to 10.0.0.0/8

for f in primary secondary permanent dynamic tentative -tentative deprecated \
	 -deprecated nodad noprefixroute home mngtmpaddr dadfailed temporary; do
	same_as_ip_now "show $f" address show "$f"
done
same_as_ip_now "show combined filters" address show dev vA scope global secondary label 'vA:*'
same_as_ip_now "-o show combined filters" -o address show up to 10.0.0.0/8 primary

# Filters of the links.
same_as_ip_now "show master" -br address show master br0
same_as_ip_now "-j show master" -j address show master br0
same_as_ip_now "show nomaster" -br address show nomaster
same_as_ip_now "nomaster is forgotten with a dev" address show dev vD nomaster
same_as_ip_now "master with a dev" -br address show dev vD master vC
same_as_ip_now "show type veth" -br address show type veth
same_as_ip_now "show type bridge_slave" address show type bridge_slave
same_as_ip_now "-6 show type veth" -6 -br address show type veth
same_as_ip_now "show group" -br address show group 5
same_as_ip_now "-j show group" -j address show group 5
same_as_ip_now "-o show group" -o address show group 5
same_as_ip_now "show group default" address show group default
same_as_ip_now "show group 0x5" -br address show group 0x5

# Wrong words: same message and exit code.
same_as_ip "master of a missing device" address show master nosuch
same_as_ip "master without a device" address show master
same_as_ip "type without a kind" address show type
same_as_ip "bad group" address show group foo
same_as_ip "show a missing device" address show dev nosuch
same_as_ip "two device names" address show vA vB
same_as_ip "dev without a name" address show dev
same_as_ip "label without a pattern" address show label
same_as_ip "to without a prefix" address show to
same_as_ip "scope without a value" address show scope
same_as_ip "bad scope" address show scope foo
same_as_ip "bad to prefix" address show to 10.0.0.300
same_as_ip "to of the wrong family" -4 address show to fd00::/16
same_as_ip "unknown command" address frob
same_usage_as_ip "address help" address help
same_usage_as_ip "address show help" address show help

# The applet through its own link name and through the nsip name.
ln -sf "$NSIP" /run/nsip-test/bin/addr
run /run/nsip-test/bin/addr show dev vB
want=$("$IPREAL" address show dev vB)
is "$OUT|$RC" "$want|0" "a link named addr is the address applet"
run "$NSIP" -br addr show dev vB
want=$("$IPREAL" -br address show dev vB)
is "$OUT|$RC" "$want|0" "nsip addr = ip address"

done_testing
