#!/bin/bash
# The walkthrough end to end, with real traffic: four namespaces on a
# bridge behind the sandbox's own network namespace as gateway (IPv4
# forwarding on there only), and a LAN host in another namespace that has
# no route back to the bridge. MASQUERADE makes the LAN host reachable from
# blue; DNAT makes blue's TCP service on port 80 reachable from the LAN host
# at the gateway's address; deleting the rules stops both.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "iproute2 for the topology" || { done_testing; exit; }
skip_unless socat "socat for the TCP service" || { done_testing; exit; }
ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables

PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for ns in red blue green yellow lan; do ip netns delete $ns 2>/dev/null; done
}
trap cleanup EXIT

ip link set lo up
ip link add br0 type bridge
ip addr add 192.168.15.1/24 dev br0
ip link set br0 up
n=2
for ns in blue red green yellow; do
	ip netns add $ns
	ip link add v-$ns type veth peer name eth0 netns $ns
	ip link set v-$ns master br0 up
	ip -n $ns addr add 192.168.15.$n/24 dev eth0
	ip -n $ns link set eth0 up
	ip -n $ns link set lo up
	ip -n $ns route add default via 192.168.15.1
	n=$((n + 1))
done
# The LAN host knows only its own link: no route back to 192.168.15.0/24.
ip netns add lan
ip link add v-lan type veth peer name eth0 netns lan
ip addr add 10.0.0.1/24 dev v-lan
ip link set v-lan up
ip -n lan addr add 10.0.0.2/24 dev eth0
ip -n lan link set eth0 up
ip -n lan link set lo up
# Forwarding in the sandbox's namespace only (the setting is per netns).
echo 1 > /proc/sys/net/ipv4/ip_forward

reach() {	# reach NS ADDR: one ping gets an answer
	ip netns exec "$1" ping -c1 -W1 "$2" >/dev/null 2>&1
}

check "blue reaches the gateway" reach blue 192.168.15.1
! reach blue 10.0.0.2; ok $? "blue cannot reach the LAN host without NAT"

run "$IPT" -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
is "$RC|$ERR" "0|" "walkthrough MASQUERADE line"
check "blue reaches the LAN host with MASQUERADE" reach blue 10.0.0.2
check "red too" reach red 10.0.0.2

ip netns exec blue socat TCP-LISTEN:80,reuseaddr,fork SYSTEM:'echo hello from blue' &
PIDS+=($!)
for _ in $(seq 50); do
	ip netns exec blue ss -Hltn 'sport = :80' | grep -q . && break
	sleep 0.1
done

fetch() {	# the LAN host asks the gateway's address, port 80
	ip netns exec lan socat -T2 - TCP:10.0.0.1:80,connect-timeout=2 </dev/null 2>/dev/null
}

run fetch
is "$OUT" "" "no service at the gateway's port 80 before DNAT"
run "$IPT" -t nat -A PREROUTING -p tcp --dport 80 --to-destination 192.168.15.2:80 -j DNAT
is "$RC|$ERR" "0|" "walkthrough DNAT line (target option before -j)"
run fetch
is "$OUT" "hello from blue" "the LAN host reaches blue's service at the gateway's address"

run "$IPT" -t nat -L PREROUTING -v -x -n
pkts=$(awk 'NR == 3 { print $1 }' <<<"$OUT")
[ "${pkts:-0}" -ge 1 ]; ok $? "the DNAT rule counted the connection (-v: $pkts)"
run "$IPT" -t nat -Z PREROUTING 1
run "$IPT" -t nat -L PREROUTING -v -x -n
is "$(awk 'NR == 3 { print $1 }' <<<"$OUT")" 0 "-Z PREROUTING 1 zeroes that rule's counter"

run "$IPT" -t nat -D PREROUTING -p tcp --dport 80 --to-destination 192.168.15.2:80 -j DNAT
is "$RC|$ERR" "0|" "deleting the DNAT rule by its words"
run fetch
is "$OUT" "" "after the delete the service is no longer reached"

# DNAT to a port range (with a NAT flag): with no --random the kernel maps
# a new connection to the range's first free port, blue's 80.
run "$IPT" -t nat -A PREROUTING -p tcp --dport 8080 -j DNAT \
	--to-destination 192.168.15.2:80-90 --persistent
is "$RC|$ERR" "0|" "DNAT to a port range, --persistent"
run ip netns exec lan socat -T2 - TCP:10.0.0.1:8080,connect-timeout=2 </dev/null
is "$OUT" "hello from blue" "port 8080 at the gateway reaches blue's service on the range's first port"
run "$IPT" -t nat -D PREROUTING -p tcp --dport 8080 -j DNAT \
	--to-destination 192.168.15.2:80-90 --persistent
is "$RC|$ERR" "0|" "deleting it by its words"

run "$IPT" -t nat -D POSTROUTING 1
is "$RC" 0 "deleting MASQUERADE by number"
# A new ICMP id: the old conntrack entry must not carry the mapping.
sleep 0.1
! ip netns exec green ping -c1 -W1 10.0.0.2 >/dev/null 2>&1; ok $? "without MASQUERADE green cannot reach the LAN host"

done_testing
