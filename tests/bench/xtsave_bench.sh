#!/bin/bash
# Prints what iptables-restore and iptables-save cost beside iptables-nft's,
# measured in the same run, each run of each tool in a network namespace of
# its own (so every restore starts from an empty ruleset): a restore of
# 1,000 and of 20,000 DNAT rules, a save of 20,000, and 200 nat -A lines
# then the same 200 -D lines as one `nsip -batch` each, as one nsip
# iptables-restore --noflush each, and as one iptables-nft-restore
# --noflush each. Wall milliseconds and peak KiB, medians of RUNS runs.
# Figures only, never assertions (BENCHMARKS.md has the last run's).
# Usage: NSIP=path/to/nsip tests/bench/xtsave_bench.sh [RUNS]   (as root)
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

RUNS=${1:-5}
B=/run/nsip-test/xtbench
mkdir -p "$B"
for n in iptables-restore iptables-save; do ln -sf "$NSIP" "/run/nsip-test/bin/$n"; done
XR=/run/nsip-test/bin/iptables-restore
XS=/run/nsip-test/bin/iptables-save

rules() {	# rules N: a nat block of N DNAT rules in a user chain
	local i
	echo '*nat'
	echo ':BIG - [0:0]'
	for ((i = 0; i < $1; i++)); do
		echo "-A BIG -s 10.$((i >> 16 & 255)).$((i >> 8 & 255)).$((i & 255)) -p tcp --dport 80 -j DNAT --to-destination 10.1.$((i >> 8 & 255)).$((i & 255))"
	done
	echo 'COMMIT'
}
rules 1000 >$B/r1k
rules 20000 >$B/r20k
for ((i = 0; i < 200; i++)); do
	echo "POSTROUTING -s 10.9.$((i >> 8)).$((i & 255))/32 -o eth0 -j MASQUERADE"
done >$B/r200
sed 's/^/nat -A /' $B/r200 >$B/add.batch
sed 's/^/nat -D /' $B/r200 >$B/del.batch
{ echo '*nat'; sed 's/^/-A /' $B/r200; echo COMMIT; } >$B/add.restore
{ echo '*nat'; sed 's/^/-D /' $B/r200; echo COMMIT; } >$B/del.restore

# one SETUP -- CMD...: in a new network namespace, SETUP (a shell line,
# not timed) and then CMD, printing "wall-ms peak-KiB" of CMD.
one() {
	local setup=$1; shift 2
	unshare --net bash -c '
		eval "$1"; shift
		s=$EPOCHREALTIME
		/usr/bin/time -f %M -o '"$B"'/peak "$@" >/dev/null 2>'"$B"'/err </dev/stdin
		e=$EPOCHREALTIME
		awk -v s="$s" -v e="$e" -v kb="$(tail -1 '"$B"'/peak)" \
			"BEGIN { printf \"%.1f %d\\n\", (e - s) * 1000, kb }"' \
		one "$setup" "$@"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# med SETUP -- CMD...: "wall peak", medians of RUNS runs
med() {
	local k
	for ((k = 0; k < RUNS; k++)); do one "$@"; done >$B/m
	echo "$(awk '{ print $1 }' $B/m | median) $(awk '{ print $2 }' $B/m | median)"
}
row() {	# row WHAT "NSIP-WALL NSIP-KB" "REF-WALL REF-KB"
	set -- "$1" $2 $3
	printf '# %-44s %9s %9s %6s %8s %8s %6s\n' "$1" "$2" "$4" \
		"$(awk -v a="$2" -v b="$4" 'BEGIN { printf "%.2f", a / b }')" "$3" "$5" \
		"$(awk -v a="$3" -v b="$5" 'BEGIN { printf "%.2f", a / b }')"
}

printf '# %-44s %9s %9s %6s %8s %8s %6s\n' workload "nsip ms" "ref ms" ratio \
	"nsip KiB" "ref KiB" ratio
row "iptables-restore, 1,000 rules" "$(med "" -- sh -c "$XR <$B/r1k")" \
	"$(med "" -- sh -c "iptables-nft-restore <$B/r1k")"
row "iptables-restore, 20,000 rules" "$(med "" -- sh -c "$XR <$B/r20k")" \
	"$(med "" -- sh -c "iptables-nft-restore <$B/r20k")"
row "iptables-save, 20,000 rules" "$(med "$XR <$B/r20k" -- "$XS")" \
	"$(med "iptables-nft-restore <$B/r20k" -- iptables-nft-save)"
row "200 nat -A: nsip -batch vs restore --noflush" \
	"$(med "" -- "$NSIP" -batch $B/add.batch)" \
	"$(med "" -- sh -c "iptables-nft-restore --noflush <$B/add.restore")"
row "200 nat -D: nsip -batch vs restore --noflush" \
	"$(med "$NSIP -batch $B/add.batch" -- "$NSIP" -batch $B/del.batch)" \
	"$(med "iptables-nft-restore --noflush <$B/add.restore" -- \
		sh -c "iptables-nft-restore --noflush <$B/del.restore")"
row "200 nat -A: both restore --noflush" \
	"$(med "" -- sh -c "$XR --noflush <$B/add.restore")" \
	"$(med "" -- sh -c "iptables-nft-restore --noflush <$B/add.restore")"
row "200 nat -D: both restore --noflush" \
	"$(med "$XR --noflush <$B/add.restore" -- sh -c "$XR --noflush <$B/del.restore")" \
	"$(med "iptables-nft-restore --noflush <$B/add.restore" -- \
		sh -c "iptables-nft-restore --noflush <$B/del.restore")"
# User-space instructions (callgrind, millions, the sh that feeds the
# restore included for both): what each tool itself does, apart from the
# kernel's transaction, which both wait for alike.
if command -v valgrind >/dev/null; then
	instr() {	# instr SETUP -- CMD...: millions of instructions of CMD
		local setup=$1; shift 2
		unshare --net bash -c 'eval "$1"; shift
			valgrind --tool=callgrind --trace-children=yes \
				--callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
			sed -n "s/.*refs: *//p" | tr -d ,' one "$setup" "$@" |
			awk '{ t += $1 } END { printf "%.2f", t / 1e6 }'
	}
	irow() {
		printf '# %-44s %9s %9s %6s\n' "$1" "$2" "$3" \
			"$(awk -v a="$2" -v b="$3" 'BEGIN { printf "%.2f", a / b }')"
	}
	printf '# %-44s %9s %9s %6s\n' "user-space instructions (millions)" nsip ref ratio
	irow "iptables-restore, 1,000 rules" "$(instr "" -- sh -c "$XR <$B/r1k")" \
		"$(instr "" -- sh -c "iptables-nft-restore <$B/r1k")"
	irow "200 nat -D: both restore --noflush" \
		"$(instr "$XR --noflush <$B/add.restore" -- sh -c "$XR --noflush <$B/del.restore")" \
		"$(instr "iptables-nft-restore --noflush <$B/add.restore" -- \
			sh -c "iptables-nft-restore --noflush <$B/del.restore")"
	irow "200 nat -D: nsip -batch vs restore --noflush" \
		"$(instr "$NSIP -batch $B/add.batch" -- "$NSIP" -batch $B/del.batch)" \
		"$(instr "iptables-nft-restore --noflush <$B/add.restore" -- \
			sh -c "iptables-nft-restore --noflush <$B/del.restore")"
fi
# the sanity of what was measured: nsip's restore of 20,000 made them all
unshare --net bash -c "$XR <$B/r20k && $XS -t nat | grep -c '^-A BIG'" |
	sed 's/^/# rules nsip restored and saved back: /'
ok 0 "figures printed"
done_testing
