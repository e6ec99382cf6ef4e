#!/bin/bash
# ip monitor against iproute2: in one sandbox, ip's monitor and nsip's
# (called as ip) listen side by side, each writing to its own files, while
# a scripted series of changes runs (links, addresses, routes,
# neighbours, a namespace id, a forwarding switch); then both are stopped
# and their outputs compared byte for byte (the clock masked for -t and
# -ts). Also: the files rtmon writes (monitor file), an overrun (ENOBUFS),
# a pipe reader getting each event at once, -n NS, and bad words.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "ip monitor differential" || { done_testing; exit; }
W=/run/nsip-test/monitor
mkdir -p "$W"
ip link set lo up
# No IPv6 link-local addresses on new links: their DAD timers would make
# late events that land after the monitors stopped.
sysctl -qw net.ipv6.conf.default.addr_gen_mode=1
ip link add va type veth peer name vb

# listening N: waits (up to 10 s) until N rtnetlink sockets of this
# namespace have joined groups, then a little more for the monitors'
# start-up dumps (ip drops events that come during its own).
listening() {
	local i
	for ((i = 0; i < 200; i++)); do
		[ "$(awk 'NR > 1 && $2 == 0 && $4 != "00000000"' /proc/net/netlink |
			wc -l)" -ge "$1" ] && break
		sleep 0.05
	done
	sleep 0.3
}
# settle FILE...: waits (up to 5 s) until the files stop growing: the
# last events (a namespace's end is the kernel's work, later) are in.
settle() {
	local i before now
	before=$(cat "$@" | wc -c)
	for ((i = 0; i < 25; i++)); do
		sleep 0.2
		now=$(cat "$@" | wc -c)
		[ "$now" = "$before" ] && [ "$i" -ge 1 ] && return
		before=$now
	done
}

# The monitors: one pair per argument set. "dev va" needs va at the start.
sets=("" "link" "address" "route" "neigh" "nsid" "netconf" "all"
	"label link address" "li ad r ne ns net" "link dev va" "dev va label"
	"-t" "-ts" "-tshort" "-timestamp link" "-o" "-4" "-6" "-0 link"
	"-d link" "-j" "mo link" "mon address label" "-s neigh" "rule" "-6 ru label")
pids=()
start_pair() {	# start_pair KEY ARGS...: ip and nsip, both in the background
	local k=$1; shift
	"$IPREAL" "$@" >"$W/ip.$k.out" 2>"$W/ip.$k.err" & pids+=($!)
	"$IPNSIP" "$@" >"$W/ns.$k.out" 2>"$W/ns.$k.err" & pids+=($!)
}
for i in "${!sets[@]}"; do
	read -r -a words <<<"${sets[$i]}"
	opts=()
	while [ "${#words[@]}" -gt 0 ] && [ "${words[0]#-}" != "${words[0]}" ]; do
		opts+=("${words[0]}"); words=("${words[@]:1}")
	done
	case "${words[0]:-}" in mo|mon) obj=${words[0]}; words=("${words[@]:1}");;
		*) obj=monitor;; esac
	start_pair "$i" "${opts[@]}" "$obj" "${words[@]}"
done
rtmon file "$W/rtmon.log" & rtmon_pid=$!
# A pipe reader: nsip's event must reach it while nsip still runs.
mkfifo "$W/pipe"
"$IPNSIP" monitor link >"$W/pipe" & pipe_pid=$!
exec 3<"$W/pipe"
listening $((2 * ${#sets[@]} + 2))

# The changes.
ip link set va up
ip link set vb up
ip addr add 10.9.0.1/24 dev va
ip addr add 10.9.1.1/24 dev va label va:1
ip addr add fd00::1/64 dev va nodad
ip route add 10.8.0.0/16 via 10.9.0.2
ip route add 10.7.0.0/16 dev va table 100 metric 5
ip -6 route add fd01::/64 via fd00::2
ip rule add from 10.9.0.0/24 lookup 100 pref 100
ip rule add not to 10.7.0.0/16 fwmark 0x5/0xff iif va lookup main pref 200
ip -6 rule add from fd00::/64 table 100 pref 300
ip neigh add 10.9.0.5 lladdr 02:00:00:00:00:05 dev va
ip neigh replace 10.9.0.5 lladdr 02:00:00:00:00:06 dev va nud stale
ip neigh del 10.9.0.5 dev va
# A new link's netconf event comes before the link is complete, and
# both ip and nsip ask its name as they print the event: stopped while it
# is made, they both find it.
kill -STOP "${pids[@]}" "$pipe_pid"
ip link add vc type veth peer name vd
kill -CONT "${pids[@]}" "$pipe_pid"
settle "$W"/*.out
ip link set vc mtu 1400 alias "a link"
ip netns add red
ip netns set red 5
ip link set vd netns red
sysctl -qw net.ipv4.conf.va.forwarding=1
# Names are looked up as events are printed: a slow monitor (valgrind)
# must have printed red's before red goes.
settle "$W"/*.out
ip route del 10.8.0.0/16
ip rule del pref 100
ip -6 rule del pref 300
ip addr del 10.9.0.1/24 dev va
ip link del vc
ip netns del red
read -r -t 3 line <&3
case "$line" in *": va@vb: "*|*": vb@va: "*) ok 0 "a pipe reader gets an event at once";;
	*) ok 1 "a pipe reader gets an event at once: '$line'";; esac
settle "$W"/*.out "$W/rtmon.log"
kill "${pids[@]}" "$rtmon_pid" "$pipe_pid" 2>/dev/null
wait
exec 3<&-

mask_time() {	# the clock's digits, for -t and -ts
	sed -E 's/^Timestamp: .* [0-9]+ usec$/Timestamp: T/; s/^\[[0-9T:.-]+\] /[T] /' "$1"
}
for i in "${!sets[@]}"; do
	d="monitor ${sets[$i]:-(no words)}"
	if [ -s "$W/ns.$i.out" ]; then ok 0 "$d: events printed"; else ok 1 "$d: events printed"; fi
	is "$(mask_time "$W/ns.$i.out")" "$(mask_time "$W/ip.$i.out")" "$d: same events as ip"
	is "$(cat "$W/ns.$i.err")" "$(cat "$W/ip.$i.err")" "$d: same stderr as ip"
done
# Timestamps are there, not only masked away.
grep -q '^Timestamp: [A-Z][a-z][a-z] [A-Z][a-z][a-z] [ 0-9][0-9] ..:..:.. [0-9]* [0-9]* usec$' \
	"$W/ns.12.out"; ok $? "-t: Timestamp lines as ip's"
grep -q '^\[[0-9-]*T[0-9:]*\.[0-9]\{6\}\] [0-9]*: va' "$W/ns.13.out"; ok $? "-ts: [ISO time] prefixes"

# What rtmon saved, read back.
for args in "" "label" "link"; do
	same_as_ip "monitor file (rtmon) $args" monitor file "$W/rtmon.log" $args
done
head -c 100 "$W/rtmon.log" >"$W/cut.log"
same_as_ip "monitor file, a record cut short" monitor file "$W/cut.log"
printf 'x' >"$W/tiny.log"
same_as_ip "monitor file, less than a header" monitor file "$W/tiny.log"

# An overrun: both stopped while events pile past a tiny buffer; both
# say so and go on listening.
"$IPREAL" -rcvbuf 1 monitor link >"$W/ip.nobufs.out" 2>"$W/ip.nobufs.err" & p1=$!
"$IPNSIP" -rcvbuf 1 monitor link >"$W/ns.nobufs.out" 2>"$W/ns.nobufs.err" & p2=$!
listening 2
kill -STOP $p1 $p2
for m in $(seq 1401 1430); do ip link set va mtu "$m"; done
kill -CONT $p1 $p2
sleep 0.2
ip link set va mtu 1300
settle "$W"/*.nobufs.*
kill $p1 $p2; wait $p1 $p2 2>/dev/null
is "$(cat "$W/ns.nobufs.err")" "netlink receive error No buffer space available (105)" \
	"ENOBUFS: ip's line"
is "$(cat "$W/ns.nobufs.err")" "$(cat "$W/ip.nobufs.err")" "ENOBUFS: same stderr as ip"
grep -q "mtu 1300 " "$W/ns.nobufs.out"; ok $? "ENOBUFS: listening goes on"

# -n NS: the monitor listens in that namespace.
ip netns add blue
"$IPREAL" -n blue monitor link >"$W/ip.ns.out" 2>&1 & p1=$!
"$IPNSIP" -n blue monitor link >"$W/ns.ns.out" 2>&1 & p2=$!
ip netns exec blue bash -c "$(declare -f listening); listening 2"
ip -n blue link add vx type veth peer name vy
ip -n blue link set vx up
settle "$W"/*.ns.out
kill $p1 $p2; wait $p1 $p2 2>/dev/null
grep -q ": vx@vy: " "$W/ns.ns.out"; ok $? "-n blue: the namespace's events"
is "$(cat "$W/ns.ns.out")" "$(cat "$W/ip.ns.out")" "-n blue: same events as ip"

# Bad words: ip's message and exit code.
for args in "monitor frob" "monitor link frob" "monitor mo" "monitor dev" \
	"monitor dev nosuch" "monitor file" "monitor file /nonexistent" \
	"monitor label dev" "-rcvbuf x monitor"; do
	same_as_ip "$args" $args
done
same_usage_as_ip "-rcvbuf without its size" -rcvbuf
# The usage lists nsip's objects; where it goes and the exit code are ip's.
for who in "$IPREAL" "$IPNSIP"; do
	run "$who" monitor help
	case "$RC|$OUT|$ERR" in
	"255||Usage: ip monitor "*) ok 0 "$who monitor help: usage on stderr, 255";;
	*) ok 1 "$who monitor help: usage on stderr, 255 (got $RC)";;
	esac
done
# What ip has and nsip cannot print yet: refused in one line.
for w in mroute prefix nexthop stats all-nsid; do
	run "$IPNSIP" monitor "$w"
	is "$RC|$ERR" "255|ip monitor $w: not supported by nsip" "monitor $w: refused"
done
run "$IPNSIP" -br monitor
is "$RC|$ERR" "255|ip monitor: -brief is not supported by nsip" "-br monitor: refused"

done_testing
