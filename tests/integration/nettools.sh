#!/bin/bash
# Links named route and arp: the net-tools tables, against net-tools
# itself on the same kernel state; ip's words still reach the route applet.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/route_lib.sh"

ln -s "$NSIP" /run/nsip-test/bin/route
ln -s "$NSIP" /run/nsip-test/bin/arp

pair_with_red || { echo "Bail out! cannot cable the namespaces"; exit 1; }
ip route add 10.5.0.0/16 via 10.0.0.2 metric 100
ip route add blackhole 10.9.0.0/16
ip route add unreachable 10.10.0.0/16
ip route add prohibit 10.11.0.0/16
ip route add 10.12.0.0/16 dev v0 mtu 1400
ip route add 10.13.0.1 via 10.0.0.2 metric 5
ip route add default via 10.0.0.2
ip -6 route add fd05::/64 via fd00::2
ip -6 route add blackhole fd06::/64
ip -6 route add fd07::1/128 dev v0 metric 7
ping -c1 -W2 10.0.0.2 >/dev/null; ok $? "ping over IPv4"
ip neigh add 10.0.0.7 lladdr 02:11:22:33:44:55 dev v0
ip neigh add 10.0.0.9 dev v0 nud incomplete
ip neigh add 10.0.0.11 lladdr 02:11:22:33:44:57 dev v0 nud stale
ip neigh add proxy 10.0.0.13 dev v0

# same_as_nettools TOOL ARGS...: stdout, stderr and exit code as net-tools.
same_as_nettools() {
	local tool=$1; shift
	skip_unless "$tool" "$tool $*" || return 0
	local want_out want_rc
	run "$(command -v "$tool")" "$@"; want_out=$OUT; want_rc=$RC
	run "/run/nsip-test/bin/$tool" "$@"
	is "$OUT|$RC" "$want_out|$want_rc" "$tool $*"
}

# Only numeric forms: without -n, net-tools looks names up (slowly, and
# with answers that depend on the machine), which nsip never does.
for args in "-n" "-n -A inet6" "-6 -n" "-nv" "-4n" "--numeric"; do
	same_as_nettools route $args
done
for args in "-n" "-an" "-en" "-nv" "-n 10.0.0.7" "-n 10.0.0.99" \
	"-n -i v0" "-n -i v9" "-an 10.0.0.99"; do
	same_as_nettools arp $args
done

run /run/nsip-test/bin/route show
is "$OUT" "$(ip route show)" "ip's words through the route link reach the route applet"
run /run/nsip-test/bin/route -j
is "$OUT" "$(ip -j route)" "an ip option through the route link is ip's"
run /run/nsip-test/bin/arp -x
is "$RC" 3 "an option arp does not know exits 3"

done_testing
