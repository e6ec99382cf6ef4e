#!/bin/bash
# The classic network-namespace walkthrough, done with nsip as `ip` and
# `iptables`, in a throwaway sandbox: a private mount and network namespace
# with its own /run, so the host's links, routes and mounts are never
# touched. "The host" below is the sandbox's own root network namespace.
#
#   1. red and blue on a veth pair
#   2. red, blue, orange and purple on a bridge, v-net-0, in the host
#   3. the host as their gateway to a LAN host (192.168.1.3), with NAT
#   4. a default route in blue
#   5. port forwarding: the host's port 80 to a server in blue
#
# Every wait is bounded (ping -W, timeout, nc -w); the servers are killed
# at the end, whatever happens.
#
# Usage: demo/walkthrough.sh [PATH-TO-NSIP]
set -e
NSIP=${1:-$(command -v nsip || echo "$(dirname "$0")/../_build/nsip")}
NSIP=$(cd "$(dirname "$NSIP")" && pwd)/$(basename "$NSIP")
[ -x "$NSIP" ] || { echo "nsip not found: build it first (scripts/build.sh)" >&2; exit 1; }

if [ "${NSIP_DEMO_SANDBOX:-}" != 1 ]; then
	[ "$(id -u)" = 0 ] || { echo "the demo needs root (for its sandbox)" >&2; exit 1; }
	NSIP_DEMO_SANDBOX=1 exec unshare --mount --net --propagation private \
		-- bash "$0" "$NSIP"
fi
mount -t tmpfs demo-run /run

# nsip is ip, iptables and arp when called through links of those names;
# they come first on PATH, also for commands run by `ip netns exec`.
bin=/run/demo-bin
mkdir -p "$bin"
for name in nsip ip iptables arp; do
	ln -s "$NSIP" "$bin/$name"
done
export PATH="$bin:$PATH"

# Each step is printed as a user would type it, then run.
step() {
	printf '\n$ %s\n' "$*"
	"$@"
}
# A step that needs the shell (quotes, a redirection).
step_sh() {
	printf '\n$ %s\n' "$1"
	eval "$1"
}
# A step that is meant to fail, and why.
step_fails() {
	local why=$1; shift
	printf '\n$ %s\n' "$*"
	if "$@" </dev/null; then
		echo "demo: this was meant to fail ($why)" >&2
		return 1
	fi
	echo "# fails, as it should: $why"
}
note() {
	printf '\n# %s\n' "$@"
}

# serve NS PORT REPLY: a one-connection TCP server in NS that answers
# REPLY (a shell command line; socat sets $SOCAT_PEERADDR to the address
# the connection came from), bounded by a timeout and killed at the end.
servers=()
serve() {
	local ns=$1 port=$2 reply=$3
	printf '\n$ %s &\n' "ip netns exec $ns timeout 60 socat TCP-LISTEN:$port,reuseaddr SYSTEM:'$reply'"
	ip netns exec "$ns" timeout 60 socat "TCP-LISTEN:$port,reuseaddr" "SYSTEM:$reply" &
	servers+=($!)
	wait_listening "$ns" "$port"
}
# Up to 5 s for a listening socket on PORT in NS (/proc/net/tcp is the
# reader's network namespace's).
wait_listening() {
	local hex _
	hex=$(printf '%04X' "$2")
	for _ in $(seq 50); do
		ip netns exec "$1" cat /proc/net/tcp |
			grep -q "^ *[0-9]*: [0-9A-F]*:$hex [0-9A-F]*:0000 0A" && return 0
		sleep 0.1
	done
	echo "demo: no server listening on port $2 in $1" >&2
	return 1
}
stop_servers() {
	local pid
	for pid in "${servers[@]}"; do
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	servers=()
}
trap stop_servers EXIT

# Part 1: two namespaces joined by a veth pair, "a virtual cable".
part_veth() {
	note "Part 1: red and blue, joined by a veth pair"
	step ip netns add red
	step ip netns add blue
	step ip netns
	step ip link add veth-red type veth peer name veth-blue
	step ip link set veth-red netns red
	step ip link set veth-blue netns blue
	step ip netns exec red ip link
	step ip -n red addr add 192.168.15.1/24 dev veth-red
	step ip -n blue addr add 192.168.15.2/24 dev veth-blue
	step ip -n red link set veth-red up
	step ip -n blue link set veth-blue up
	step ip netns exec red ping -c 2 -W 2 192.168.15.2
	step ip netns exec blue ping -c 2 -W 2 192.168.15.1
	step ip netns exec red arp
	note "Deleting one end of the cable deletes the other."
	step ip -n red link del veth-red
	step ip -n blue link
}

# plug NS ADDR: NS's veth to the bridge, and its address.
plug() {
	step ip link add "veth-$1" type veth peer name "veth-$1-br"
	step ip link set "veth-$1" netns "$1"
	step ip link set "veth-$1-br" master v-net-0
	step ip -n "$1" addr add "$2/24" dev "veth-$1"
	step ip -n "$1" link set "veth-$1" up
	step ip link set "veth-$1-br" up
}

# Part 2: a virtual switch in the host, every namespace plugged into it.
part_bridge() {
	note "Part 2: four namespaces on a bridge, v-net-0, in the host"
	step ip link add v-net-0 type bridge
	step ip link set dev v-net-0 up
	step ip netns add orange
	step ip netns add purple
	plug red 192.168.15.1
	plug blue 192.168.15.2
	plug orange 192.168.15.3
	plug purple 192.168.15.4
	note "The bridge is the host's interface on that network too."
	step ip addr add 192.168.15.5/24 dev v-net-0
	step ip -br link show master v-net-0
	step ip netns exec red ping -c 2 -W 2 192.168.15.4
	step ip netns exec orange ping -c 2 -W 2 192.168.15.2
	step ping -c 2 -W 2 192.168.15.1
}

# Part 3: the host routes and masquerades for the namespaces, towards a
# LAN host, 192.168.1.3 (a namespace of its own, lan, on a veth whose host
# end, lan0, is the host's LAN interface, 192.168.1.2).
part_gateway() {
	note "Part 3: the host as the namespaces' gateway to the LAN host 192.168.1.3"
	step ip netns add lan
	step ip link add lan0 type veth peer name eth0
	step ip link set eth0 netns lan
	step ip addr add 192.168.1.2/24 dev lan0
	step ip link set lan0 up
	step ip -n lan addr add 192.168.1.3/24 dev eth0
	step ip -n lan link set eth0 up
	step ping -c 2 -W 2 192.168.1.3
	step_fails "blue has no route to 192.168.1.0/24" \
		ip netns exec blue ping -c 1 -W 1 192.168.1.3
	step ip netns exec blue ip route add 192.168.1.0/24 via 192.168.15.5
	step ip netns exec blue ip route
	note "ip_forward is per network namespace: this is the sandbox's own."
	step_sh 'echo 1 > /proc/sys/net/ipv4/ip_forward'
	step_fails "the LAN host has no route back to 192.168.15.0/24" \
		ip netns exec blue ping -c 1 -W 1 192.168.1.3
	step iptables -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
	step ip netns exec blue ping -c 2 -W 2 192.168.1.3
	step iptables -t nat -L POSTROUTING -n -v
	note "Whom does the LAN host see? Ask a server there."
	# shellcheck disable=SC2016 # $SOCAT_PEERADDR is the server's to expand
	serve lan 8000 'echo "the LAN host sees you as $SOCAT_PEERADDR"'
	step_sh 'ip netns exec blue timeout 5 nc -w 3 192.168.1.3 8000 </dev/null'
}

# Part 4: a default route, so that blue reaches every network the host does.
part_default_route() {
	note "Part 4: a default route in blue instead of one route per network"
	step ip netns exec blue ip route del 192.168.1.0/24
	step ip netns exec blue ip route add default via 192.168.15.5
	step ip netns exec blue ip route
	step ip netns exec blue ping -c 2 -W 2 192.168.1.3
}

# Part 5: the LAN reaches a server in blue through the host's port 80.
part_port_forward() {
	note "Part 5: port forwarding, the host's port 80 to blue's web server"
	# shellcheck disable=SC2016 # $SOCAT_PEERADDR is the server's to expand
	serve blue 80 'echo "blue web server: hello, $SOCAT_PEERADDR"'
	step_fails "nothing listens on the host's port 80" \
		ip netns exec lan timeout 5 nc -v -w 3 192.168.1.2 80
	step iptables -t nat -A PREROUTING -p tcp --dport 80 --to-destination 192.168.15.2:80 -j DNAT
	step iptables -t nat -S
	step_sh 'ip netns exec lan timeout 5 nc -w 3 192.168.1.2 80 </dev/null'
	step iptables -t nat -L -n -v
}

# Everything made above goes again: servers, rules, links, namespaces.
clean_up() {
	note "Cleaning up"
	stop_servers
	step iptables -t nat -F
	step ip link del lan0
	for ns in red blue orange purple; do
		step ip link del "veth-$ns-br"
	done
	step ip link del v-net-0
	step ip -all netns delete
	step ip netns
	step ip -br link
}

echo "The network namespace walkthrough with nsip, in a throwaway sandbox"
echo "($(ip -V); ip, iptables and arp are links to nsip)"
part_veth
part_bridge
part_gateway
part_default_route
part_port_forward
clean_up
echo
echo "Done: the sandbox and everything in it vanish with this process."
