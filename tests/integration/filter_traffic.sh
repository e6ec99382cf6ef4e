#!/bin/bash
# The filter table with real traffic: two namespaces, left and right, on
# either side of the sandbox's own network namespace as router (forwarding
# on there only). -P FORWARD DROP cuts them apart; accepting what left
# starts and the conntrack answers lets left reach right and not the other
# way; REJECT refuses a TCP port at once, DROP lets the connection time
# out; -L -v counts the packets.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "iproute2 for the topology" || { done_testing; exit; }
skip_unless socat "socat for the TCP services" || { done_testing; exit; }
skip_unless nc "nc for the TCP probes" || { done_testing; exit; }
ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables

PIDS=()
cleanup() {
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for ns in left right; do ip netns delete $ns 2>/dev/null; done
}
trap cleanup EXIT

ip link set lo up
n=1
for ns in left right; do
	ip netns add $ns
	ip link add v-$ns type veth peer name eth0 netns $ns
	ip addr add 10.$n.0.1/24 dev v-$ns
	ip link set v-$ns up
	ip -n $ns addr add 10.$n.0.2/24 dev eth0
	ip -n $ns link set eth0 up
	ip -n $ns link set lo up
	ip -n $ns route add default via 10.$n.0.1
	n=$((n + 1))
done
echo 1 > /proc/sys/net/ipv4/ip_forward

reach() {	# reach NS ADDR: one ping gets an answer
	ip netns exec "$1" ping -c1 -W1 "$2" >/dev/null 2>&1
}
# connect NS ADDR PORT: a TCP connection within 3 s; the seconds it took
# (whole) are in $SECS.
connect() {
	local t0=$SECONDS rc
	ip netns exec "$1" nc -z -w 3 "$2" "$3" >/dev/null 2>&1
	rc=$?
	SECS=$((SECONDS - t0))
	return $rc
}

for port in 8080 9090 9191; do
	ip netns exec right socat TCP-LISTEN:$port,reuseaddr,fork SYSTEM:'echo hi' &
	PIDS+=($!)
done
for _ in $(seq 50); do
	ip netns exec right ss -ltn | grep -q :9191 && break
	sleep 0.1
done

check "left reaches right before any rule" reach left 10.2.0.2
run "$IPT" -P FORWARD DROP
is "$RC|$ERR" "0|" "-P FORWARD DROP"
! reach left 10.2.0.2; ok $? "…left no longer reaches right"
! reach right 10.1.0.2; ok $? "…nor right left"

run "$IPT" -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
is "$RC|$ERR" "0|" "-A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT"
run "$IPT" -A FORWARD -i v-left -j ACCEPT
is "$RC|$ERR" "0|" "-A FORWARD -i v-left -j ACCEPT"
check "left reaches right" reach left 10.2.0.2
! reach right 10.1.0.2; ok $? "…right still does not reach left"
check "left connects to right's TCP port" connect left 10.2.0.2 8080

run "$IPT" -I FORWARD 1 -p tcp --dport 9090 -j REJECT --reject-with tcp-reset
is "$RC|$ERR" "0|" "-I FORWARD 1 -p tcp --dport 9090 -j REJECT --reject-with tcp-reset"
! connect left 10.2.0.2 9090; ok $? "REJECT: the connection is refused"
is "$((SECS < 2))" 1 "…at once ($SECS s)"
run "$IPT" -I FORWARD 1 -p tcp --dport 9191 -j DROP
is "$RC|$ERR" "0|" "-I FORWARD 1 -p tcp --dport 9191 -j DROP"
! connect left 10.2.0.2 9191; ok $? "DROP: no connection"
is "$((SECS >= 3))" 1 "…only the timeout ends the try ($SECS s)"
check "another port still connects" connect left 10.2.0.2 8080

# The counters: iptables' -L -v -x columns, rule by rule.
pkts() {	# pkts MATCH: the packets of the FORWARD rule whose line has MATCH
	"$IPT" -L FORWARD -v -x -n | awk -v m="$1" 'index($0, m) { print $1; exit }'
}
run pkts "ctstate RELATED,ESTABLISHED"
is "$((OUT > 0))" 1 "-L -v counts the conntrack rule's packets ($OUT)"
run pkts "reject-with tcp-reset"
is "$OUT" 1 "…and the one SYN REJECT refused"
run pkts "dpt:9191"
[ "$OUT" -ge 1 ] 2>/dev/null; ok $? "…and the SYNs DROP dropped ($OUT)"
run "$IPT" -Z FORWARD
run pkts "ctstate RELATED,ESTABLISHED"
is "$OUT" 0 "-Z FORWARD zeroes them"

run "$IPT" -P FORWARD ACCEPT
check "-P FORWARD ACCEPT: right reaches left again" reach right 10.1.0.2
run "$IPT" -F FORWARD
check "-F FORWARD: port 9191 connects again" connect left 10.2.0.2 9191
run "$IPT" -A FORWARD -p tcp -m multiport --dports 8080,9000:9100 -j REJECT --reject-with tcp-reset
is "$RC|$ERR" "0|" "-A FORWARD -p tcp -m multiport --dports 8080,9000:9100 -j REJECT"
! connect left 10.2.0.2 8080; ok $? "multiport: port 8080 is refused"
! connect left 10.2.0.2 9090; ok $? "…and 9090, in the range"
check "…and 9191 is not" connect left 10.2.0.2 9191
run "$IPT" -F FORWARD

# nsip's rules live in their own table: a packet must pass every base
# chain on the hook, so iptables-nft's DROP policy drops what nsip's
# chain accepts.
if skip_unless iptables-nft "iptables-nft beside nsip's table"; then
	iptables-nft -P FORWARD DROP
	! reach left 10.2.0.2; ok $? "iptables-nft's FORWARD DROP drops what nsip's FORWARD accepts"
	iptables-nft -P FORWARD ACCEPT
	check "…and with both accepting, left reaches right" reach left 10.2.0.2
fi

done_testing
