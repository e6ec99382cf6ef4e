#!/bin/bash
# The walkthrough's forms, verbatim: routes added from inside a namespace
# by `netns exec ... nsip route add`, and the neighbour (ARP) tables after
# a ping between two namespaces.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

ln -s "$NSIP" /run/nsip-test/bin/nsip
ln -s "$NSIP" /run/nsip-test/bin/arp
ln -s "$NSIP" /run/nsip-test/bin/route
PATH=/run/nsip-test/bin:$PATH

nsip netns add red && nsip netns add blue || { echo "Bail out! netns add"; exit 1; }
ip link add veth-red type veth peer name veth-blue
ip link set veth-red netns red
ip link set veth-blue netns blue
ip -n red addr add 192.168.15.1/24 dev veth-red
ip -n blue addr add 192.168.15.2/24 dev veth-blue
ip -n red link set veth-red up
ip -n blue link set veth-blue up
blue_mac=$(ip -n blue -br link show veth-blue | awk '{print $3}')

run nsip netns exec red ping -c1 -W2 192.168.15.2
is "$RC" 0 "red pings blue"
run nsip netns exec red nsip neigh
case "$OUT" in *"192.168.15.2 dev veth-red lladdr $blue_mac "*) ok 0 "red's neighbour table has blue";;
	*) ok 1 "red's neighbour table has blue: $OUT";; esac
run nsip netns exec red arp -n
case "$OUT" in *"192.168.15.2             ether   $blue_mac"*) ok 0 "red's arp -n has blue";;
	*) ok 1 "red's arp -n has blue: $OUT";; esac
run nsip neigh
case "$OUT" in *192.168.15.2*) ok 1 "the host's neighbour table has not blue: $OUT";;
	*) ok 0 "the host's neighbour table has not blue";; esac
run arp -n
case "$OUT" in *192.168.15.2*) ok 1 "the host's arp -n has not blue: $OUT";;
	*) ok 0 "the host's arp -n has not blue";; esac

run nsip netns exec blue nsip route add 192.168.1.0/24 via 192.168.15.5
is "$RC|$ERR" "0|" "netns exec blue nsip route add 192.168.1.0/24 via 192.168.15.5"
is "$(ip -n blue route show 192.168.1.0/24)" "192.168.1.0/24 via 192.168.15.5 dev veth-blue " \
	"…and blue has that route"
run nsip netns exec blue nsip route add default via 192.168.15.5
is "$RC|$ERR" "0|" "netns exec blue nsip route add default via 192.168.15.5"
is "$(ip -n blue route show default)" "default via 192.168.15.5 dev veth-blue " \
	"…and blue has that default route"
run nsip netns exec blue route -n
case "$OUT" in *"0.0.0.0         192.168.15.5    0.0.0.0         UG    0      0        0 veth-blue"*)
	ok 0 "route -n in blue shows the default route";;
	*) ok 1 "route -n in blue shows the default route: $OUT";; esac
run nsip netns exec red nsip route add default via 192.168.15.2
is "$RC" 0 "red routes through blue"
is "$(ip -n red route)" "$(nsip -n red route)" "nsip -n red route lists as ip does"
is "$(ip route)" "" "the host's routes are untouched"

done_testing
