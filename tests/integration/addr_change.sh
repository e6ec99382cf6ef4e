#!/bin/bash
# Commands that change addresses, against iproute2: add, change, replace,
# del and flush. The same command runs with ip in namespace "ref" and with
# nsip in namespace "sut" (made alike); both must print the same and leave
# the same addresses behind.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "reference ip for the set-up" || { done_testing; exit; }

for ns in ref sut; do
	ip netns add $ns
	# Fixed link addresses, and vB left down: nothing changes on its own.
	ip -n $ns link add vA address 02:00:00:00:00:01 type veth \
		peer name vB address 02:00:00:00:00:02
	ip -n $ns link set vA up
done

# both ARGS...: the same change made with ip in both namespaces (set-up).
both() {
	ip -n ref "$@"
	ip -n sut "$@"
}

# The addresses of a namespace; remaining lifetimes differ by the second
# each was made in, so their numbers are left out.
addrs_of() {
	ip -n "$1" -o address | sed -E 's/(valid|preferred)_lft [0-9]+sec/\1_lft Nsec/g'
}

# same_change DESCRIPTION ARGS...
same_change() {
	local d=$1; shift
	run "$IPREAL" -n ref "$@"; local want="$OUT|$ERR|$RC"
	run "$IPNSIP" -n sut "$@"
	is "$OUT|$ERR|$RC" "$want" "$d"
	is "$(addrs_of sut)" "$(addrs_of ref)" "$d: same addresses after"
}

# add, change, replace, del

both address add 10.0.0.2/24 dev vA

same_change "add IPv4 /24" address add 10.0.0.3/24 dev vA
same_change "add without /PLEN is /32" address add 10.0.0.4 dev vA
same_change "add IPv6 without /PLEN is /128" address add fd03::1 dev vA
same_change "add IPv6 /64 nodad" address add fd00::1/64 dev vA nodad
same_change "add with label" address add 10.0.0.5/24 dev vA label vA:web
same_change "add with a label unlike the dev" address add 10.0.0.6/24 dev vA label foo
same_change "add with peer" address add 10.9.0.1 peer 10.9.0.2/32 dev vA
same_change "add with remote (peer)" address add 10.49.0.1/24 dev vA remote 10.49.0.9
same_change "add IPv6 with peer" address add fd04::1/64 dev vA peer fd04::2 nodad
same_change "add brd +" address add 10.60.0.1/24 brd + dev vA
same_change "add brd + on /30" address add 10.61.0.1/30 brd + dev vA
same_change "add brd + on /31 (none)" address add 10.62.0.1/31 brd + dev vA
same_change "add brd -" address add 10.63.0.1/24 brd - dev vA
same_change "add broadcast ADDR" address add 10.64.0.1/24 broadcast 10.64.0.77 dev vA
same_change "add br ADDR (abbreviation)" address add 10.65.0.1/24 br 10.65.0.7 dev vA
same_change "add peer and brd +" address add 10.6.0.1 peer 10.6.0.0/24 brd + dev vA
same_change "add scope host" address add 10.8.0.1/24 dev vA scope host
same_change "add scope number" address add 10.8.0.2/24 dev vA scope 200
same_change "add scope link IPv6" address add fd02::1/64 dev vA scope link nodad
same_change "add 127.x defaults to scope host" address add 127.1.1.1/8 dev vA
same_change "add lifetimes" address add 10.47.0.1/24 dev vA valid_lft 200 preferred_lft 100
same_change "add abbreviated lifetimes" address add 10.48.0.1/24 dev vA va 200 preferred 100
same_change "add preferred_lft alone" address add 10.1.1.13/24 dev vA preferred_lft 100
same_change "add noprefixroute" address add 10.0.0.34/24 dev vA noprefixroute
same_change "add metric" address add 1.2.3.6/24 metric 5 dev vA
same_change "add p (priority) metric" address add 10.46.0.1/24 dev vA p 7
same_change "add anycast" address add 1.2.3.4/24 anycast 1.2.3.5 dev vA
same_change "add home mngtmpaddr IPv6" address add fd00::9/64 dev vA mngtmpaddr home nodad
same_change "add home on IPv4 warns" address add 10.1.1.10/24 dev vA home mngtmpaddr
same_change "nodad before the address warns" address add nodad fd00::8/64 dev vA
same_change "add nodad on IPv4 warns" address add 10.0.0.9/24 dev vA nodad
same_change "add local ADDR" address add local 10.0.0.33/24 dev vA
same_change "add with a netmask" address add 10.0.0.10/255.255.255.0 dev vA
same_change "add short IPv4 form" address add 10.7/16 dev vA
same_change "add octal and hex parts" address add 010.0x7.1.1/16 dev vA
same_change "add dev ifN" address add 10.1.1.1/24 dev if3
same_change "last dev wins" address add 10.0.0.50/24 dev vA dev vB
same_change "a (add) abbreviation" address a 10.44.0.1/24 dev vA
same_change "add autojoin multicast" address add 224.1.1.1/32 dev vA autojoin
same_change "change" address change 10.0.0.3/24 dev vA scope link
same_change "chg" address chg 10.0.0.3/24 dev vA scope host
same_change "change a missing address" address change 10.0.0.77/24 dev vA
same_change "replace existing" address replace 10.0.0.34/24 dev vA valid_lft 1000 preferred_lft 500
same_change "replace new" address replace 10.0.0.35/24 dev vA
same_change "replace IPv6 lifetimes" address replace fd04::1/64 dev vA peer fd04::2 nodad valid_lft 1000 preferred_lft 500
same_change "del with prefix" address del 10.0.0.3/24 dev vA
same_change "del IPv4 without prefix (wildcard, warns)" address del 10.0.0.4 dev vA
same_change "del IPv6 without prefix" address del fd03::1 dev vA
same_change "del IPv6" address del fd00::1/64 dev vA
same_change "d (delete) abbreviation" address d 10.0.0.9/24 dev vA
same_change "del ignores brd +" address del 10.60.0.1/24 dev vA brd +
same_change "del by label" address del 10.0.0.5/24 dev vA label vA:web
same_change "del peer address" address del 10.9.0.1 peer 10.9.0.2/32 dev vA
same_change "del a primary takes its secondaries" address del 10.0.0.2/24 dev vA

# The walkthrough's forms, verbatim.
for ns in ref sut; do
	ip netns add "red-$ns"
	ip link add veth-red type veth peer name "veth-blue-$ns"
	ip link set veth-red netns "red-$ns"
done
ip link add v-net-0 type bridge 2>/dev/null || ip link add v-net-0 type veth peer name v-net-0p
run "$IPREAL" -n red-ref addr add 192.168.15.1 dev veth-red; want="$OUT|$ERR|$RC"
run "$IPNSIP" -n red-sut addr add 192.168.15.1 dev veth-red
is "$OUT|$ERR|$RC" "$want" "-n red addr add 192.168.15.1 dev veth-red"
# The two veth-red were made one after the other: their indexes differ.
is "$(ip -n red-sut -o addr | cut -d: -f2-)" "$(ip -n red-ref -o addr | cut -d: -f2-)" \
	"…the same address in the namespace"
case "$(ip -n red-sut -o addr)" in
*"inet 192.168.15.1/32 scope global veth-red"*) ok 0 "…it is 192.168.15.1/32";;
*) ok 1 "…it is 192.168.15.1/32";;
esac
run "$IPNSIP" addr add 192.168.15.5/24 dev v-net-0
is "$OUT|$ERR|$RC" "||0" "addr add 192.168.15.5/24 dev v-net-0"
want=$(ip -o addr show dev v-net-0)
run "$IPREAL" addr del 192.168.15.5/24 dev v-net-0
run "$IPREAL" addr add 192.168.15.5/24 dev v-net-0
is "$(ip -o addr show dev v-net-0)" "$want" "…the same as ip makes it"

# flush

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

fill
same_change "flush label" address flush label vA:2
same_change "-s flush label (nothing left)" -s address flush label vA:2
same_change "-s flush scope host" -s address flush scope host
same_change "-s -s flush scope link lists what goes" -s -s address flush scope link
same_change "-6 flush dev" -6 address flush dev vA
both address add fd00::1/64 dev vA nodad
same_change "flush to an IPv6 prefix" address flush to fd00::/16
same_change "flush to an IPv4 prefix" address flush to 10.0.0.0/8
fill
same_change "-s flush primary: one round" -s address flush primary dev vA
fill
same_change "-s flush secondary" -s address flush secondary
same_change "-s flush dev: primaries take their secondaries" -s address flush dev vA
same_change "-s flush dev again: nothing to flush" -s address flush dev vA
fill
same_change "-4 flush up" -4 address flush up
same_change "flush dynamic (none)" address flush dynamic
same_change "flush all of a dev" address flush dev vB
fill
same_change "flush ignores master, as ip does" address flush master vB
same_change "flush without arguments" address flush
same_change "flush of link addresses" -0 address flush dev vA
same_change "flush of a missing dev" address flush dev nosuch
same_change "flush label without a pattern" address flush label
same_usage_as_ip "flush help" address flush help

done_testing
