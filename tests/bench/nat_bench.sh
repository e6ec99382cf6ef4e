#!/bin/bash
# Prints what -A, -C and -D cost with many rules in the table, for nsip and
# iptables-nft measured in the same run: nsip reads the rule its index
# names (the chain or the table when a change made by someone else, here
# iptables-nft's, leaves the index untrusted; the rule this script deletes
# is there 20 times over), iptables-nft reads the whole table. Figures
# only, never assertions; tests/bench/run.sh's W5 measures each tool in a
# network namespace of its own.
# Usage: NSIP=path/to/nsip tests/bench/nat_bench.sh [RULES]   (as root)
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

RULES=${1:-5000}
RUNS=20
ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables

fill() {	# RULES rules in a chain BIG of both tables
	local i
	{
		echo "add table ip nsip"
		echo "add chain ip nsip BIG"
		for ((i = 0; i < RULES; i++)); do
			echo "add rule ip nsip BIG ip saddr 10.$((i >> 16 & 255)).$((i >> 8 & 255)).$((i & 255)) counter return"
		done
	} | nft -f -
	{
		echo "*nat"
		echo ":BIG - [0:0]"
		for ((i = 0; i < RULES; i++)); do
			echo "-A BIG -s 10.$((i >> 16 & 255)).$((i >> 8 & 255)).$((i & 255)) -j RETURN"
		done
		echo "COMMIT"
	} | iptables-nft-restore
}

us_per_run() {	# us_per_run CMD...: average wall time of RUNS runs
	local start end
	start=$(date +%s%N)
	for ((r = 0; r < RUNS; r++)); do "$@" >/dev/null 2>&1; done
	end=$(date +%s%N)
	echo $(( (end - start) / RUNS / 1000 ))
}

fill
rule=(POSTROUTING -s 192.168.15.0/24 -j MASQUERADE)
"$IPT" -t nat -A "${rule[@]}"
iptables-nft -t nat -A "${rule[@]}"
printf '# %d rules in chain BIG; microseconds per command (%d runs)\n' "$RULES" "$RUNS"
printf '# %-28s %10s %12s\n' command nsip iptables-nft
for cmd in "-C" "-A" ; do
	n=$(us_per_run "$IPT" -t nat $cmd "${rule[@]}")
	i=$(us_per_run iptables-nft -t nat $cmd "${rule[@]}")
	printf '# %-28s %10s %12s\n' "$cmd POSTROUTING RULE" "$n" "$i"
done
n=$(us_per_run "$IPT" -t nat -D "${rule[@]}")
i=$(us_per_run iptables-nft -t nat -D "${rule[@]}")
printf '# %-28s %10s %12s\n' "-D POSTROUTING RULE" "$n" "$i"
done_testing
