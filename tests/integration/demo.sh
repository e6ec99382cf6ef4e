#!/bin/bash
# The README's first command ends in this demo: the whole network-namespace
# walkthrough must run to the end, and each part must have done what it
# shows (pings answered, NAT seen by the LAN host, the forwarded port
# reaching blue's server).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

run bash "$TESTS_DIR/../demo/walkthrough.sh" "$NSIP"
is "$RC" 0 "the walkthrough demo runs to the end"
[ "$RC" = 0 ] || printf '%s\n%s\n' "$OUT" "$ERR" | tail -40 | sed 's/^/# /'

# part N: the demo's output from its "# Part N:" note to the next part's
# ("part clean": from "# Cleaning up" to the end).
part() {
	local p="# Part $1:"
	[ "$1" = clean ] && p="# Cleaning up"
	printf '%s\n' "$OUT" |
		awk -v p="$p" '/^# (Part [0-9]+:|Cleaning up)/ { on = index($0, p) == 1 } on'
}
# output_of N COMMAND: what the step COMMAND of part N printed.
output_of() {
	part "$1" | awk -v c="\$ $2" '/^\$ / { on = ($0 == c); next } on'
}
# answered N COMMAND: 1 when the ping COMMAND of part N lost nothing.
answered() {
	output_of "$1" "$2" | grep -c ' 0% packet loss'
}

is "$(printf '%s\n' "$OUT" | grep -c '^\$ ip netns add ')" 5 \
	"the demo prints its commands in ip's form"
is "$(printf '%s\n' "$OUT" | grep -c '^\$ iptables -t nat -A ')" 2 \
	"the demo prints its NAT rules in iptables' form"

# Part 1: red and blue on a veth pair.
is "$(answered 1 'ip netns exec red ping -c 2 -W 2 192.168.15.2')" 1 "veth: red pings blue"
is "$(answered 1 'ip netns exec blue ping -c 2 -W 2 192.168.15.1')" 1 "veth: blue pings red"
is "$(output_of 1 'ip -n blue link' | grep -c veth)" 0 "deleting veth-red deletes veth-blue"

# Part 2: four namespaces on the bridge v-net-0.
is "$(output_of 2 'ip -br link show master v-net-0' | grep -c '^veth-[a-z]*-br@')" 4 \
	"bridge: four veths are ports of v-net-0"
is "$(answered 2 'ip netns exec red ping -c 2 -W 2 192.168.15.4')" 1 "bridge: red pings purple"
is "$(answered 2 'ip netns exec orange ping -c 2 -W 2 192.168.15.2')" 1 "bridge: orange pings blue"
is "$(answered 2 'ping -c 2 -W 2 192.168.15.1')" 1 "bridge: the host pings red"

# Part 3: the host as gateway, with MASQUERADE.
is "$(answered 3 'ping -c 2 -W 2 192.168.1.3')" 1 "gateway: the host pings the LAN host"
is "$(output_of 3 'ip netns exec blue ping -c 1 -W 1 192.168.1.3' | grep -c ' 100% packet loss')" 1 \
	"gateway: without NAT the LAN host does not answer blue"
is "$(answered 3 'ip netns exec blue ping -c 2 -W 2 192.168.1.3')" 1 \
	"gateway: with MASQUERADE blue pings the LAN host"
is "$(output_of 3 'iptables -t nat -L POSTROUTING -n -v' | grep -cE '^ +[1-9][0-9]* +[0-9]+ MASQUERADE ')" 1 \
	"gateway: the MASQUERADE rule counted blue's ping"
is "$(output_of 3 'ip netns exec blue timeout 5 nc -w 3 192.168.1.3 8000 </dev/null')" \
	"the LAN host sees you as 192.168.1.2" "gateway: the LAN host sees the host's address"

# Part 4: a default route in blue.
is "$(output_of 4 'ip netns exec blue ip route' | grep -c '^default via 192.168.15.5 dev veth-blue')" 1 \
	"default route: blue has it"
is "$(answered 4 'ip netns exec blue ping -c 2 -W 2 192.168.1.3')" 1 \
	"default route: blue pings the LAN host through it"

# Part 5: port forwarding to blue's server.
is "$(output_of 5 'ip netns exec lan timeout 5 nc -w 3 192.168.1.2 80 </dev/null')" \
	"blue web server: hello, 192.168.1.3" \
	"port forwarding: the LAN's connection to the host's port 80 reaches blue's server"
is "$(output_of 5 'iptables -t nat -L -n -v' | grep -cE '^ +1 +[0-9]+ DNAT ')" 1 \
	"port forwarding: the DNAT rule counted one connection"

# The clean-up leaves nothing behind.
is "$(output_of clean 'ip netns')" "" "clean-up: no namespace is left"
is "$(output_of clean 'ip -br link' | awk 'NF && !/^Done:/ { print $1 }')" "lo" \
	"clean-up: only lo is left in the host"
done_testing
