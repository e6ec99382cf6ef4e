#!/bin/bash
# Prints what listing the policy routing rules costs with many of them, for
# nsip and iproute2 measured in the same run and the same sandbox: text,
# JSON, and a selector that picks one rule. Figures only, never
# assertions.
# Usage: NSIP=path/to/nsip tests/bench/rule_bench.sh [RULES]   (as root)
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

RULES=${1:-2000}
RUNS=20

fill() {	# RULES rules, each its own source and priority
	local i
	for ((i = 1; i <= RULES; i++)); do
		echo "rule add from 10.$((i >> 8 & 255)).$((i & 255)).0/24 table $((100 + i % 50)) pref $i"
	done | ip -batch -
}

us_per_run() {	# us_per_run CMD...: average wall time of RUNS runs
	local start end
	start=$(date +%s%N)
	for ((r = 0; r < RUNS; r++)); do "$@" >/dev/null 2>&1; done
	end=$(date +%s%N)
	echo $(( (end - start) / RUNS / 1000 ))
}

fill
got=$(ip rule | wc -l)
printf '# %d rules (ip rule lists %d lines); microseconds per command (%d runs)\n' \
	"$RULES" "$got" "$RUNS"
printf '# %-28s %10s %10s %6s\n' command nsip ip ratio
for words in "rule" "-j rule" "rule show pref $((RULES / 2))"; do
	# shellcheck disable=SC2086 # the words are meant to split
	n=$(us_per_run "$IPNSIP" $words)
	# shellcheck disable=SC2086
	i=$(us_per_run "$IPREAL" $words)
	printf '# %-28s %10s %10s %6s\n' "ip $words" "$n" "$i" \
		"$(awk -v a="$n" -v b="$i" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
done
# The same bytes, or the figures compare different work.
is "$("$IPNSIP" -j rule | md5sum)" "$(ip -j rule | md5sum)" "nsip and ip list the same rules"
done_testing
