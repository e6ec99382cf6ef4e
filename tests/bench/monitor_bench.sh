#!/bin/bash
# Prints what `monitor` costs beside ip's, both listening in the same
# sandbox to the same events: the CPU each spends on 10,000 address events
# (5,000 added, 5,000 deleted in one ip -batch), and the latency from a
# change to its line reaching a reader through a pipe (200 changes, 20 ms
# apart, each line stamped by the reader on arrival). Figures only, never
# assertions.
# Usage: NSIP=path/to/nsip tests/bench/monitor_bench.sh [EVENTS]   (as root)
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

EVENTS=${1:-10000}
B=/run/nsip-test/monbench
mkdir -p "$B"
ip link add d0 type veth peer name d1
ip link set d0 up

cpu_ms() {	# cpu_ms PID: user + system time of PID so far, in ms
	awk -v hz="$(getconf CLK_TCK)" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}
cpu_split() {	# cpu_split PID: "user/system" ms of PID so far
	awk -v hz="$(getconf CLK_TCK)" '{ printf "%d/%d", $14 * 1000 / hz, $15 * 1000 / hz }' "/proc/$1/stat"
}
lines() { wc -l <"$1" 2>/dev/null || echo 0; }
wait_lines() {	# wait_lines FILE N: until FILE has N lines (30 s at most)
	for _ in $(seq 300); do [ "$(lines "$1")" -ge "$2" ] && return 0; sleep 0.1; done
	return 1
}
stamp() { while IFS= read -r l; do printf '%s %s\n' "$EPOCHREALTIME" "$l"; done; }

# ---- CPU under EVENTS events ------------------------------------------
"$IPNSIP" monitor address >"$B/nsip.cpu" & np=$!
ip monitor address >"$B/ip.cpu" & ip_=$!
sleep 0.5
for ((i = 0; i < EVENTS / 2; i++)); do
	echo "addr add 10.$((i >> 8 & 255)).$((i & 255)).1/32 dev d0"
done >"$B/add"
sed 's/^addr add/addr del/' "$B/add" >"$B/del"
cat "$B/add" "$B/del" | ip -batch -
wait_lines "$B/nsip.cpu" "$EVENTS"; wait_lines "$B/ip.cpu" "$EVENTS"
# then until neither file has grown for half a second
while :; do
	a=$(lines "$B/nsip.cpu") b=$(lines "$B/ip.cpu"); sleep 0.5
	[ "$a" = "$(lines "$B/nsip.cpu")" ] && [ "$b" = "$(lines "$B/ip.cpu")" ] && break
done
n=$(cpu_ms "$np"); r=$(cpu_ms "$ip_")
ns=$(cpu_split "$np"); rs=$(cpu_split "$ip_")
printf '# %d events: lines nsip %d ip %d\n' "$EVENTS" "$(lines "$B/nsip.cpu")" "$(lines "$B/ip.cpu")"
printf '# CPU (user+system ms): nsip %d ip %d ratio %s (user/system: nsip %s, ip %s)\n' "$n" "$r" \
	"$(awk -v a="$n" -v b="$r" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')" "$ns" "$rs"
kill "$np" "$ip_"; wait 2>/dev/null
is "$(lines "$B/nsip.cpu")" "$(lines "$B/ip.cpu")" "both printed every event"

# ---- latency: change -> line at a pipe reader -------------------------
# Which socket the kernel serves first may favour one: ORDER=ip starts ip's first.
if [ "${ORDER:-}" = ip ]; then
	ip monitor link 2>/dev/null | stamp >"$B/ip.lat" &
	sleep 0.2
fi
"$IPNSIP" monitor link 2>/dev/null | stamp >"$B/nsip.lat" &
if [ "${ORDER:-}" != ip ]; then
	sleep 0.2
	ip monitor link 2>/dev/null | stamp >"$B/ip.lat" &
fi
sleep 0.5
: >"$B/sent"
for ((i = 0; i < 200; i++)); do
	printf '%s\n' "$EPOCHREALTIME" >>"$B/sent"
	if ((i % 2)); then ip link set d0 up; else ip link set d0 down; fi
	sleep 0.02
done
sleep 0.5
pkill -f "monitor link" 2>/dev/null; wait 2>/dev/null
# Each change's first line: its latency in microseconds, then the median
# and the 95th percentile of the 200. The clock starts before `ip link
# set` is run, so both figures include that process's few milliseconds;
# their difference is the monitors'.
latency() {	# latency FILE
	awk 'NR == FNR { sent[NR] = $1; next }
	     / d0[@:]/ { t = $1; while (k < length(sent) && sent[k + 1] <= t) k++
	               if (k && !(k in seen)) { seen[k] = 1; print int((t - sent[k]) * 1e6) } }' \
		"$B/sent" "$1" | sort -n |
		awk '{ v[NR] = $1 } END { printf "%d %d %d", NR, v[int((NR + 1) / 2)], v[int(NR * 0.95)] }'
}
# shellcheck disable=SC2046 # three numbers
set -- $(latency "$B/nsip.lat"); printf '# latency nsip: %d changes seen, median %d us, p95 %d us\n' "$1" "$2" "$3"
nseen=$1
# shellcheck disable=SC2046
set -- $(latency "$B/ip.lat"); printf '# latency ip:   %d changes seen, median %d us, p95 %d us\n' "$1" "$2" "$3"
is "$nseen" "$1" "both saw the same changes"
done_testing
