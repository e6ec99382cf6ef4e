#!/bin/bash
# nsip's benchmarks: each workload runs nsip and the reference tool side by
# side in one sandbox and prints both figures, their ratio (median of
# RUNS runs) and peak memory. Figures, never assertions: see BENCHMARKS.md.
#
# Usage: tests/bench/run.sh NSIP FLOOR [RUNS]
#        BENCH_QUICK=1 tests/bench/run.sh ...   a smoke run: small sizes, 1 run
#        BENCH_ONLY=W5 tests/bench/run.sh ...   one workload (W1 ... W7, growth)
# Workloads that change state (W3, W5, W7) run each time in a new network
# namespace of their own, so every run starts from the same empty state.
set -e
if [ "${1:-}" != --call ]; then	# else: a child, given all by the environment
	NSIP=$(readlink -f "${1:?usage: run.sh NSIP FLOOR [RUNS]}")
	FLOOR=$(readlink -f "${2:?usage: run.sh NSIP FLOOR [RUNS]}")
	IP=$(command -v ip)
	IPT=$(command -v iptables-nft || true)
	if [ "${BENCH_QUICK:-}" = 1 ]; then
		RUNS=${3:-1} N1=50 N3=100 N4=200 N5=50 BIG=2000 W7BIG=2000 GROWTH=""
	else
		RUNS=${3:-5} N1=300 N3=1000 N4=2000 N5=500 BIG="2000 20000 50000"
		W7BIG=20000 GROWTH="500 2000 8000"
	fi
	# W7's floor is built beside the other one.
	NFT_FLOOR=$(dirname "$FLOOR")/nft_floor
	export NSIP FLOOR NFT_FLOOR IP IPT RUNS N3 N5 BIG W7BIG
fi
B=/run/bench
. "$(dirname "$0")/w7_filter.sh"

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }

# measure COMMAND...: "wall-ms user-ms peak-KiB" of one run: bash's time
# for wall and user CPU (of the command and its children, to the
# millisecond), /usr/bin/time for the peak resident set.
measure() {
	local TIMEFORMAT='%3R %3U'
	{ time /usr/bin/time -f %M -o $B/peak.$$ "$@" >/dev/null 2>&1; } 2>$B/time.$$ || true
	awk -v kb="$(tail -1 $B/peak.$$)" '{ printf "%.1f %.0f %d\n", $1 * 1000, $2 * 1000, kb }' $B/time.$$
}

# column N: the median of field N of the lines on stdin
column() { awk -v n="$1" '{ print $n }' | median; }

loop() { local n=$1; shift; for _ in $(seq "$n"); do "$@"; done; }

# ---- workloads run inside a fresh namespace: `run.sh --call FUNC ARGS` --

w2() {	# w2 TOOL: 200 adds then 200 deletes, one invocation each
	for i in $(seq 200); do "$1" netns add "b$i"; done
	for i in $(seq 200); do "$1" netns delete "b$i"; done
}

w3_lines() {	# the W3 batch: a veth pair, an address, up
	for ((i = 0; i < N3; i++)); do
		echo "link add va$i type veth peer name vb$i"
		echo "addr add 10.$((i / 250)).$((i % 250)).1/24 dev va$i"
		echo "link set va$i up"
	done
}

w3_batch() { measure "$1" -batch $B/w3.batch; }
# w3_instructions TOOL: millions of instructions the batch runs in user
# space (callgrind's count). User CPU time is sampled by the scheduler's
# tick, a few ticks for a whole batch; the count does not vary.
w3_instructions() {
	valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" -batch $B/w3.batch 2>&1 >/dev/null |
		awk '/refs:/ { gsub(",", "", $NF); printf "%.2f\n", $NF / 1e6 }'
}
# w3_separate TOOL: the batch's lines as separate invocations of TOOL (with
# /bin/true: what the shell's loop, fork and exec cost by themselves).
w3_separate() {
	sed "s|^|$1 |" $B/w3.batch >$B/w3.$$.sh
	measure bash $B/w3.$$.sh
}

w5_rule() {	# the i-th DNAT rule of W5
	echo "PREROUTING -d 10.1.$((i / 250)).$((i % 250)) -p tcp --dport $((1000 + i)) -j DNAT --to-destination 192.168.$((i / 250)).$((i % 250)):80"
}

w5_script() {	# w5_script TOOL OP: the N5 commands, one invocation each
	for ((i = 0; i < N5; i++)); do echo "$1 -t nat $2 $(w5_rule)"; done
}

# w5 TOOL: "add-ms save-ms delete-ms user-ms peak-KiB" of one run
w5() {
	local a s d
	w5_script "$1" -A >$B/w5a.$$.sh
	w5_script "$1" -D >$B/w5d.$$.sh
	a=$(measure bash $B/w5a.$$.sh)
	s=$(measure $1 -t nat -S)
	d=$(measure bash $B/w5d.$$.sh)
	echo "$a $s $d" | awk '{ print $1, $4, $7, $2 + $5 + $8, $6 }'
}

# w5_big SIZE: SIZE rules in PREROUTING of nsip's table, in a network
# namespace of its own, and of iptables-nft's, in another (so that neither
# tool's changes touch the other's ruleset), filled as each tool's users
# fill them (nft -f, iptables-nft-restore). Then, alternating between the
# two, RUNS times: -A of a rule and a timed -D of it (the last rule of the
# chain), a timed -C of an early rule and of the last one. nsip's first -D
# after the fill (its index is not to be trusted after nft's change: it
# reads the table and writes the index) is timed apart. Every command runs
# under nsenter, for both tools alike. Prints "nsip-D nsip-C nsip-Clast
# ipt-D ipt-C ipt-Clast nsip-first-D nsip-D-KiB ipt-D-KiB nsip-first-KiB".
w5_big() {
	local size=$1 i t
	local N="nsenter --net=/run/netns/bn$size" I="nsenter --net=/run/netns/bi$size"
	ip netns add "bn$size"; ip netns add "bi$size"
	$N "$NSIP" nat -A PREROUTING -j RETURN
	for ((i = 0; i < size; i++)); do
		echo "add rule ip nsip PREROUTING ip daddr 10.$((2 + i / 62500)).$((i / 250 % 250)).$((i % 250)) tcp dport 80 counter dnat to 192.168.0.1:80"
	done | $N nft -f -
	{
		echo "*nat"
		for ((i = 0; i < size; i++)); do
			echo "-A PREROUTING -d 10.$((2 + i / 62500)).$((i / 250 % 250)).$((i % 250)) -p tcp --dport 80 -j DNAT --to-destination 192.168.0.1:80"
		done
		echo "COMMIT"
	} | $I iptables-nft-restore
	local rule=(-t nat -D PREROUTING -d 10.9.0.1 -p tcp --dport 81 -j DNAT --to-destination 192.168.0.2:80)
	local check=(-t nat -C PREROUTING -d 10.2.0.7 -p tcp --dport 80 -j DNAT --to-destination 192.168.0.1:80)
	i=$((size - 1))
	local last=(-t nat -C PREROUTING -d 10.$((2 + i / 62500)).$((i / 250 % 250)).$((i % 250)) -p tcp --dport 80 -j DNAT --to-destination 192.168.0.1:80)
	$N "$NSIP" nat -t nat -A "${rule[@]:3}"
	measure $N "$NSIP" nat "${rule[@]}" >$B/big.first
	rm -f $B/big.*.D $B/big.*.C $B/big.*.L
	for _ in $(seq "$RUNS"); do
		for t in "n:$N $NSIP nat" "i:$I $IPT"; do
			${t#*:} -t nat -A "${rule[@]:3}"
			measure ${t#*:} "${rule[@]}" >>$B/big.${t%%:*}.D
			measure ${t#*:} "${check[@]}" >>$B/big.${t%%:*}.C
			measure ${t#*:} "${last[@]}" >>$B/big.${t%%:*}.L
		done
	done
	for t in n i; do column 1 <$B/big.$t.D; column 1 <$B/big.$t.C; column 1 <$B/big.$t.L; done | tr '\n' ' '
	echo "$(column 1 <$B/big.first) $(column 3 <$B/big.n.D) $(column 3 <$B/big.i.D) $(column 3 <$B/big.first)"
	ip netns delete "bn$size"; ip netns delete "bi$size"
}

peak() { measure "$@" | awk '{ print $3 }'; }

# w4_populate N: N interfaces in this namespace (veth pairs), one address
# on each even one.
w4_populate() {
	for ((i = ${have:-0} / 2; i < $1 / 2; i++)); do
		echo "link add wa$i type veth peer name wb$i"
		echo "addr add 10.$((i / 250 % 256)).$((i % 250)).1/24 dev wa$i"
	done | "$IP" -batch -
	have=$1
}
# w4 ARGS...: "nsip-ms ip-ms nsip-KiB ip-KiB" for W4_LOOP (20) runs of
# ARGS; the two tools' samples alternate, so that a change in the
# machine's load between them falls on both alike.
w4() {
	local n r
	: >$B/w4n.$$; : >$B/w4r.$$
	for _ in $(seq "$RUNS"); do
		measure bash "$0" --call loop "${W4_LOOP:-20}" "$NSIP" "$@" >>$B/w4n.$$
		measure bash "$0" --call loop "${W4_LOOP:-20}" "$IP" "$@" >>$B/w4r.$$
	done
	n=$(column 1 <$B/w4n.$$) r=$(column 1 <$B/w4r.$$)
	echo "$n $r $(peak "$NSIP" "$@") $(peak "$IP" "$@")"
}

# growth SIZE...: W4's addr show and link show at each size, in order.
growth() {
	local size a
	for size in "$@"; do
		w4_populate "$size"
		set -- $(w4 addr show)
		a="$1 $2 $(ratio "$1" "$2")"
		set -- $(w4 link show)
		printf '  %5d ifs  addr show nsip %8s ip %8s ratio %5s | link show nsip %8s ip %8s ratio %5s\n' \
			"$size" $a "$1" "$2" "$(ratio "$1" "$2")"
	done
}

if [ "${1:-}" = --call ]; then
	shift
	"$@"
	exit
fi

if [ "${NSIP_BENCH_SANDBOX:-}" != 1 ]; then
	NSIP_BENCH_SANDBOX=1 exec unshare --mount --net --propagation private \
		-- bash "$0" "$@"
fi
mount -t tmpfs bench-run /run
mkdir -p $B

# fresh FUNC ARGS...: FUNC in a network namespace of its own, and then a
# wait (settle) for the kernel to tear that namespace down: it does so in the
# background after the last process leaves, some 0.5 s for W3's 2,000
# devices, and the next run, of the other tool, would pay for it. A new
# namespace is made only once the teardown lets go of the namespace lock;
# the pause is for what it leaves to do after that.
settle() { unshare --net true; sleep 1; }
fresh() { unshare --net -- bash "$0" --call "$@"; settle; }

want() { [ -z "${BENCH_ONLY:-}" ] || [ "$BENCH_ONLY" = "$1" ]; }

row() {	# row NAME NSIP REF TARGET NSIP_KB REF_KB
	printf '%-40s %9s %9s %6s %7s %9s %9s\n' "$1" "$2" "$3" "$(ratio "$2" "$3")" "$4" "$5" "$6"
}


echo "nsip benchmarks: $(nproc) cores, $(uname -r), $RUNS runs each, medians"
printf '%-40s %9s %9s %6s %7s %9s %9s\n' workload "nsip" "ref" ratio target \
	"nsip KiB" "ref KiB"

# ---- W1 start-up --------------------------------------------------------
if want W1; then
w1() { measure bash "$0" --call loop "$N1" "$@"; }
n=$(for _ in $(seq "$RUNS"); do w1 "$NSIP" link show dev lo; done | column 1)
r=$(for _ in $(seq "$RUNS"); do w1 "$IP" link show dev lo; done | column 1)
f=$(for _ in $(seq "$RUNS"); do w1 "$FLOOR" lo; done | column 1)
row "W1 $N1 x link show dev lo (ms)" "$n" "$r" "<=0.65" \
	"$(peak "$NSIP" link show dev lo)" "$(peak "$IP" link show dev lo)"
row "W1 nsip vs floor (ms)" "$n" "$f" "<=1.15" "" "$(peak "$FLOOR" lo)"
fi

# ---- W2 namespaces ------------------------------------------------------
if want W2; then
# Alternating, each run after the previous one's 200 namespaces are gone.
for _ in $(seq "$RUNS"); do
	measure bash "$0" --call w2 "$NSIP" >>$B/w2n; settle
	measure bash "$0" --call w2 "$IP" >>$B/w2r; settle
done
row "W2 200 netns add + 200 delete (ms)" "$(column 1 <$B/w2n)" "$(column 1 <$B/w2r)" "<=0.80" \
	"$(peak "$NSIP" netns add peak1)" "$(peak "$IP" netns add peak2)"
fi

# ---- W3 batch -----------------------------------------------------------
if want W3; then
w3_lines >$B/w3.batch
for _ in $(seq "$RUNS"); do
	fresh w3_separate "$NSIP" >>$B/w3sn; fresh w3_separate "$IP" >>$B/w3sr
	fresh w3_separate /bin/true >>$B/w3st
done
# The batch three times as often: its user CPU is a handful of ticks.
for _ in $(seq $((3 * RUNS))); do
	fresh w3_batch "$NSIP" >>$B/w3n; fresh w3_batch "$IP" >>$B/w3r
done
# The invocations' user CPU is mostly the shell's and exec's, the same for
# any program: the tools' own share is what is left after /bin/true's.
own() { awk -v a="$1" -v b="$2" 'BEGIN { print (a > b ? a - b : 0) }'; }
t=$(column 2 <$B/w3st)
row "W3 -batch $((3 * N3)) lines (ms)" "$(column 1 <$B/w3n)" "$(column 1 <$B/w3r)" \
	"<=1.00" "$(column 3 <$B/w3n)" "$(column 3 <$B/w3r)"
row "W3 -batch user CPU (ms)" "$(column 2 <$B/w3n)" "$(column 2 <$B/w3r)" "<=0.50"
if command -v valgrind >/dev/null; then
	row "W3 -batch user instructions (M)" "$(fresh w3_instructions "$NSIP")" \
		"$(fresh w3_instructions "$IP")" "<=0.50"
fi
row "W3 $((3 * N3)) invocations (ms)" "$(column 1 <$B/w3sn)" "$(column 1 <$B/w3sr)" "<=1.00"
row "W3 invocations user CPU (ms)" "$(column 2 <$B/w3sn)" "$(column 2 <$B/w3sr)" "<=0.50"
row "W3 ... less /bin/true's $t ms" "$(own "$(column 2 <$B/w3sn)" "$t")" \
	"$(own "$(column 2 <$B/w3sr)" "$t")" "<=0.50"
fi

# ---- W4 dumps -----------------------------------------------------------
if want W4; then
w4_populate "$N4"
for args in "addr show" "link show" "-j addr show" "-j link show" "-s link show" "-s -j link show"; do
	set -- $(w4 $args)
	row "W4 20 x $args, $N4 ifs (ms)" "$1" "$2" "<=0.70" "$3" "$4"
	if [ "$args" = "link show" ]; then n=$1; fi
done
# The kernel's share: the same dump, read whole, nothing parsed or printed.
f=$(for _ in $(seq "$RUNS"); do measure bash "$0" --call loop 20 "$FLOOR" --dump; done | column 1)
row "W4 link show vs dump-only floor (ms)" "$n" "$f" "" "" ""
fi

# ---- W5 NAT -------------------------------------------------------------
if [ -n "$IPT" ] && want W5; then
	for _ in $(seq "$RUNS"); do
		fresh w5 "$NSIP nat" >>$B/w5n; fresh w5 "$IPT" >>$B/w5r
	done
	for k in "1 -A" "2 -S" "3 -D"; do
		set -- $k
		row "W5 $N5 x $2 DNAT (ms)" "$(column "$1" <$B/w5n)" "$(column "$1" <$B/w5r)" ""
	done
	awk '{ print $1 + $2 + $3 }' $B/w5n >$B/w5nt; awk '{ print $1 + $2 + $3 }' $B/w5r >$B/w5rt
	row "W5 overall (ms)" "$(median <$B/w5nt)" "$(median <$B/w5rt)" "<=0.30" \
		"$(column 5 <$B/w5n)" "$(column 5 <$B/w5r)"
	for size in $BIG; do
		set -- $(w5_big "$size")
		row "W5 one -D at $size rules (ms)" "$1" "$4" "<=0.10" "$8" "$9"
		row "W5 one -C (early) at $size rules (ms)" "$2" "$5" "<=0.10"
		row "W5 one -C (last) at $size rules (ms)" "$3" "$6" "<=0.10"
		row "W5 nsip's first -D at $size (index made)" "$7" "$4" "" "${10}"
	done
fi

# ---- W7 filter rules, one invocation each (tests/bench/w7_filter.sh) ---
if [ -n "$IPT" ] && want W7; then
	w7_report
fi

# ---- W6 policy routing rules ---------------------------------------------
# N4 rules, each its own source and priority, made once by ip; then 20
# listings by each tool (text, JSON, a selector that keeps one rule).
if want W6; then
for ((i = 1; i <= N4; i++)); do
	echo "rule add from 10.$((i >> 8 & 255)).$((i & 255)).0/24 table $((100 + i % 50)) pref $i"
done | "$IP" -batch -
echo "  (W6: ip rule lists $("$IP" rule | wc -l) rules)"
# 100 listings a sample: one is 3 to 4 ms, and 20 were within the noise.
for args in "rule show" "-j rule show" "rule show pref $((N4 / 2))"; do
	set -- $(W4_LOOP=100 w4 $args)
	row "W6 100 x $args, $N4 rules (ms)" "$1" "$2" "<=0.70" "$3" "$4"
done
"$IP" -4 rule flush
"$IP" rule add pref 32766 table main
"$IP" rule add pref 32767 table default
fi

# ---- growth -------------------------------------------------------------
if [ -n "$GROWTH" ] && want growth; then
	echo
	echo "Growth: 20 x addr show / link show (ms) by number of interfaces"
	fresh growth $GROWTH
fi

echo
echo "Sizes (stripped):"
strip -o $B/nsip "$NSIP"
libs() { ldd "$1" | awk '/=>/ { print $3 }' | grep -v '/libc\.so' | xargs -r stat -L -c %s | awk '{ s += $1 } END { print s + 0 }'; }
printf '  nsip %8d bytes + %8d bytes of shared libraries besides libc\n' \
	"$(stat -c %s $B/nsip)" "$(libs "$NSIP")"
printf '  ip   %8d bytes + %8d bytes of shared libraries besides libc\n' \
	"$(stat -L -c %s "$IP")" "$(libs "$IP")"
if [ -n "$IPT" ]; then
	x=$(readlink -f "$IPT")
	printf '  xtables-nft-multi %8d bytes + %8d bytes of shared libraries besides libc\n' \
		"$(stat -c %s "$x")" "$(libs "$x")"
fi
