#!/bin/bash
# nsip's benchmarks: each workload runs nsip and the reference tool side by
# side in one sandbox and prints both figures, their ratio (median of
# RUNS runs) and peak memory. Figures, never assertions: see BENCHMARKS.md.
#
# Usage: tests/bench/run.sh NSIP FLOOR [RUNS]
set -e
NSIP=$(readlink -f "${1:?usage: run.sh NSIP FLOOR [RUNS]}")
FLOOR=$(readlink -f "${2:?usage: run.sh NSIP FLOOR [RUNS]}")
RUNS=${3:-5}
IP=$(command -v ip)

if [ "${NSIP_BENCH_SANDBOX:-}" != 1 ]; then
	NSIP_BENCH_SANDBOX=1 exec unshare --mount --net --propagation private \
		-- bash "$0" "$@"
fi
mount -t tmpfs bench-run /run

now() { date +%s%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# wall_ms COMMAND...: milliseconds for one run of a shell loop.
wall_ms() {
	local t0 t1
	t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
	echo $(((t1 - t0) / 1000))
}

# median_ms RUNS COMMAND...: the median in microseconds, as ms with 1 decimal
median_ms() {
	local runs=$1; shift
	for _ in $(seq "$runs"); do wall_ms "$@"; done | median |
		awk '{ printf "%.1f", $1 / 1000 }'
}

# peak_kb COMMAND...: the largest resident set of one run, in KiB.
peak_kb() {
	/usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

row() {	# row NAME NSIP_MS REF_MS TARGET NSIP_KB REF_KB
	printf '%-34s %9s %9s %7s %8s %9s %9s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4" "$5" "$6"
}

loop() { local n=$1; shift; for _ in $(seq "$n"); do "$@"; done; }

w2() {	# w2 TOOL: 200 adds then 200 deletes, one invocation each
	for i in $(seq 200); do "$1" netns add "b$i"; done
	for i in $(seq 200); do "$1" netns delete "b$i"; done
}

echo "nsip benchmarks: $(nproc) cores, $(uname -r), $RUNS runs each, medians"
printf '%-34s %9s %9s %7s %8s %9s %9s\n' workload "nsip ms" "ref ms" ratio target \
	"nsip KiB" "ref KiB"

n=$(median_ms "$RUNS" loop 300 "$NSIP" link show dev lo)
r=$(median_ms "$RUNS" loop 300 "$IP" link show dev lo)
f=$(median_ms "$RUNS" loop 300 "$FLOOR" lo)
row "W1 300 x link show dev lo (vs ip)" "$n" "$r" "<=0.65" \
	"$(peak_kb "$NSIP" link show dev lo)" "$(peak_kb "$IP" link show dev lo)"
row "W1 nsip vs floor" "$n" "$f" "<=1.15" "" "$(peak_kb "$FLOOR" lo)"

n=$(median_ms "$RUNS" w2 "$NSIP")
r=$(median_ms "$RUNS" w2 "$IP")
"$NSIP" netns add peak
row "W2 200 netns add + 200 delete" "$n" "$r" "<=0.80" \
	"$(peak_kb "$NSIP" netns add peak2)" "$(peak_kb "$IP" netns add peak3)"

echo
echo "Sizes (stripped):"
tmp=/run/bench-size; mkdir -p $tmp
strip -o $tmp/nsip "$NSIP"
libs() { ldd "$1" | awk '/=>/ { print $3 }' | grep -v '/libc\.so' | xargs -r stat -L -c %s | awk '{ s += $1 } END { print s + 0 }'; }
printf '  nsip %d bytes + %d bytes of shared libraries besides libc\n' \
	"$(stat -c %s $tmp/nsip)" "$(libs "$NSIP")"
printf '  ip   %d bytes + %d bytes of shared libraries besides libc\n' \
	"$(stat -L -c %s "$IP")" "$(libs "$IP")"
