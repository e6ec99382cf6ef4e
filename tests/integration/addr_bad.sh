#!/bin/bash
# Bad input to ip address: each line of the table is checked for ip's
# message and exit code, and for leaving every address as it was.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "reference ip for the set-up" || { done_testing; exit; }

ip link add vA type veth peer name vB
ip addr add 10.0.0.2/24 dev vA
ip addr add fd00::5/64 dev vA nodad

state() { ip -d -j address; }

# bad DESCRIPTION EXIT-CODE ARGS...: ip exits with EXIT-CODE, nsip prints
# the same and exits the same way, and no address changed.
bad() {
	local d=$1 code=$2; shift 2
	local before want
	before=$(state)
	run "$IPREAL" "$@"; want="$OUT|$ERR|$RC"
	is "$RC" "$code" "$d: ip exits $code"
	is "$(state)" "$before" "$d: ip changed nothing"
	run "$IPNSIP" "$@"
	is "$OUT|$ERR|$RC" "$want" "$d: same message and exit code"
	is "$(state)" "$before" "$d: nsip changed nothing"
	[ -n "$ERR" ]; ok $? "$d: says why"
}

bad "malformed IPv4" 1 address add 10.1.0.300/24 dev vA
bad "IPv6 where IPv4 is expected" 1 -4 address add fd01::1 dev vA
bad "IPv6 broadcast of an IPv4 address" 1 address add 10.0.0.1 brd fd01::1 dev vA
bad "IPv6 peer of an IPv4 address" 1 address add 10.0.0.1 peer fd01::1 dev vA
bad "IPv4 /33" 1 address add 10.0.0.1/33 dev vA
bad "IPv6 /129" 1 address add fd01::1/129 dev vA
bad "negative prefix" 1 address add 10.0.0.1/-1 dev vA
bad "empty prefix length" 1 address add 10.0.0.1/ dev vA
bad "non-contiguous netmask" 1 address add 10.0.0.9/255.0.255.0 dev vA
bad "empty address" 1 address add "" dev vA
bad "missing dev" 1 address add 10.0.0.5/24
bad "unknown dev" 1 address add 10.0.0.5/24 dev nosuch
bad "dev without a name" 255 address add 10.0.0.5/24 dev
bad "duplicate IPv4 (kernel's text)" 2 address add 10.0.0.2/24 dev vA
bad "duplicate IPv6 (kernel's text)" 2 address add fd00::5/64 dev vA
bad "delete a missing IPv4 address" 2 address del 10.0.0.99/24 dev vA
bad "delete a missing IPv6 address" 2 address del fd00::99/64 dev vA
bad "delete IPv6 with the wrong length" 2 address del fd00::5/48 dev vA
bad "two local addresses" 255 address add 10.0.0.5/24 10.0.0.6/24 dev vA
bad "a garbage word" 255 address add 10.0.0.5/24 dev vA frob
bad "bad scope" 255 address add 10.0.0.5/24 dev vA scope bogus
bad "scope out of range" 255 address add 10.0.0.5/24 dev vA scope 256
bad "valid_lft zero" 1 address add 10.0.0.5/24 dev vA valid_lft 0
bad "preferred above valid" 1 address add 10.0.0.5/24 dev vA valid_lft 10 preferred_lft 20
bad "valid_lft alone is below forever" 1 address add 10.0.0.5/24 dev vA valid_lft 100
bad "bad lifetime" 255 address add 10.0.0.5/24 dev vA valid_lft abc
bad "lifetime twice" 255 address add 10.0.0.5/24 dev vA valid_lft 10 valid_lft 20
bad "broadcast twice" 255 address add 10.0.0.5/24 dev vA brd 10.0.0.1 brd 10.0.0.2
bad "peer twice" 255 address add 10.0.0.5/24 dev vA peer 10.0.0.1 peer 10.0.0.2
bad "brd + on IPv6" 1 address add fd00::7/64 dev vA brd +
bad "bad metric" 255 address add 10.0.0.5/24 dev vA metric x
bad "label too long (kernel)" 2 address add 10.0.0.5/24 dev vA label vA:toolonglabelxxxxxx
bad "label without a name" 255 address add 10.0.0.5/24 dev vA label
bad "autojoin without multicast" 1 address add 10.1.1.9/24 dev vA autojoin
bad "no address at all (kernel)" 2 address add dev vA
bad "default is no address (kernel)" 2 address add default dev vA
bad "no such index" 2 address add 10.1.1.2/24 dev if99
bad "link family" 1 -0 address add 1.1.1.1 dev vA
bad "flush without arguments" 1 address flush
bad "flush of link addresses" 1 -0 address flush dev vA
bad "flush of a missing device" 1 address flush dev nosuch
bad "flush with a bad scope" 255 address flush scope foo
bad "show of a missing device" 1 address show dev nosuch
bad "unknown subcommand" 255 address frob

# help among the words: the usage (its first line is ip's), and the words
# after it are not read. Asked as nsip, help is an answer: on stdout, exit 0.
before=$(state)
same_usage_as_ip "help among the words" address add 10.0.0.5/24 help dev vA
is "$(state)" "$before" "ip address add ... help: nothing added"
run "$NSIP" address add 10.0.0.5/24 help dev vA
is "$RC|$ERR|${OUT%%$'\n'*}" "0||Usage: nsip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]" \
	"nsip address add ... help: the usage alone, exit 0"
is "$(state)" "$before" "nsip address add ... help: nothing added"
run "$NSIP" address add 10.0.0.5/24 dev vA help
is "$RC|$ERR|${OUT%%$'\n'*}" "0||Usage: nsip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]" \
	"nsip address add ... dev vA help: the usage alone, exit 0"
is "$(state)" "$before" "nsip address add ... dev vA help: nothing added"

done_testing
