#!/bin/bash
# Concurrency stress (issue 10): STRESS_PROCS processes, each running
# STRESS_OPS random operations (netns add/del, veth add/del, addr add/del,
# nat -A/-D) on one sandbox. Each process has its own name prefix (s<P>),
# so its operations never touch another's objects, and the final state is
# what its successful operations imply; but all share /run/netns, the
# kernel's rtnl lock and the one nat table, which exercises the run-dir
# flock and the nft transactions.
#
# Replay: each process seeds bash's RANDOM with STRESS_SEED + P, so
# STRESS_SEED=N STRESS_PROCS=... reproduces the same operation sequences
# (the interleaving differs, but no outcome depends on it).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

procs=${STRESS_PROCS:-8}
# (Under valgrind, where each run takes about a second: 20 each.)
if [ "${NSIP_VALGRIND:-}" = 1 ]; then ops=${STRESS_OPS:-20}; else ops=${STRESS_OPS:-200}; fi
seed=${STRESS_SEED:-4242}
logs=/run/nsip-test/stress
mkdir -p "$logs"
echo "# seed $seed, $procs processes x $ops operations"

# The operation for one random draw: the words after nsip. Names and
# addresses carry the process number, and addresses are /32 so that no
# address is the secondary of another (deleting a primary would take its
# secondaries along).
pick_op() {	# pick_op P
	local p=$1 k=$((RANDOM % 3)) j=$((RANDOM % 3 + 1))
	case $((RANDOM % 10)) in
	0) OP="netns add s${p}n$k";;
	1) OP="netns delete s${p}n$k";;
	2|3) OP="link add s${p}a$k type veth peer name s${p}b$k";;
	4) OP="link delete s${p}a$k";;
	5|6) OP="address add 10.$p.$k.$j/32 dev s${p}a$k";;
	7) OP="address delete 10.$p.$k.$j/32 dev s${p}a$k";;
	8) OP="nat -A POSTROUTING -s 10.$p.$k.0/24 -j MASQUERADE";;
	9) OP="nat -D POSTROUTING -s 10.$p.$k.0/24 -j MASQUERADE";;
	esac
}

# One process: its log has "RC<TAB>OPERATION<TAB>FIRST STDERR LINE" a
# line; all its stderr is kept in its own file for the sanitizer check.
worker() {	# worker P
	local p=$1 i rc msg
	RANDOM=$((seed + p))
	for ((i = 0; i < ops; i++)); do
		pick_op "$p"
		# shellcheck disable=SC2086 # the words of the operation
		"$NSIP" $OP 2>"$logs/$p.cur" >/dev/null
		rc=$?
		msg=; read -r msg <"$logs/$p.cur"
		cat "$logs/$p.cur" >>"$logs/$p.err"
		printf '%s\t%s\t%s\n' "$rc" "$OP" "$msg"
	done >"$logs/$p.log"
}

start=$SECONDS
for ((p = 0; p < procs; p++)); do worker "$p" & done
wait
echo "# $((SECONDS - start)) s for the operations"

# --- no crash, no sanitizer report ------------------------------------------
is "$(cat "$logs"/*.log | wc -l)" "$((procs * ops))" "every operation was logged"
# Exit 4 is iptables' "resource problem": nsip nat gives it when the
# kernel refuses a batch or a dump fails. It should not happen here (it
# did, when an interrupted dump was taken for a failure); if it does, it
# is shown as a TODO rather than failing the run, and the final-state
# check below still verifies that the refused command changed nothing.
bad_rc=$(grep -hvE $'^[012]\t|^4\tnat ' "$logs"/*.log | sort | uniq -c | head -5)
is "$bad_rc" "" "every exit code is 0, 1, 2 or (nat) 4: no crash, no signal"
refused=$(cat "$logs"/*.log | grep -c $'^4\tnat ')
if [ "$refused" = 0 ]; then
	ok 0 "no nat command refused by the kernel under concurrency"
else
	T_COUNT=$((T_COUNT + 1))
	echo "not ok $T_COUNT - no nat command refused by the kernel under concurrency # TODO $refused refused"
	grep -h $'^4\tnat ' "$logs"/*.log | cut -f3 | sort | uniq -c | head -3 | sed 's/^/# /'
fi
is "$(cat "$logs"/*.err | grep -cE 'Sanitizer|runtime error|Segmentation|Aborted|double free|malloc\(\)')" 0 \
	"no sanitizer report or crash message"
echo "# $(cut -f1 "$logs"/*.log | grep -cx 0) of $((procs * ops)) operations succeeded"

# --- the model: replay each log, successful operations only ----------------
# Sets of namespaces, links and "dev addr" pairs, and a count per nat rule.
# An outcome the model contradicts (an add of what exists succeeding, a
# delete of what is absent succeeding, or the reverse) is a bug too.
declare -A NS=() LINK=() ADDR=() NAT=()
mismatch=0
model_step() {	# model_step RC WORDS...
	local rc=$1 want; shift
	case "$1 $2" in
	"netns add") [ -z "${NS[$3]}" ]; want=$?; [ "$rc" = 0 ] && NS[$3]=1;;
	"netns delete") [ -n "${NS[$3]}" ]; want=$?; [ "$rc" = 0 ] && unset "NS[$3]";;
	"link add") [ -z "${LINK[$3]}" ]; want=$?; [ "$rc" = 0 ] && LINK[$3]=$8;;
	"link delete")
		[ -n "${LINK[$3]}" ]; want=$?
		if [ "$rc" = 0 ]; then
			unset "LINK[$3]"
			local a
			for a in "${!ADDR[@]}"; do
				[ "${a%% *}" = "$3" ] && unset "ADDR[$a]"
			done
		fi;;
	"address add")
		[ -n "${LINK[$5]}" ] && [ -z "${ADDR[$5 $3]}" ]; want=$?
		[ "$rc" = 0 ] && ADDR[$5 $3]=1;;
	"address delete")
		[ -n "${ADDR[$5 $3]}" ]; want=$?
		[ "$rc" = 0 ] && unset "ADDR[$5 $3]";;
	"nat -A") want=0; [ "$rc" = 0 ] && NAT[$5]=$((${NAT[$5]:-0} + 1));;
	"nat -D") [ "${NAT[$5]:-0}" -gt 0 ]; want=$?
		[ "$rc" = 0 ] && NAT[$5]=$((NAT[$5] - 1));;
	esac
	if [ "$((rc != 0))" != "$want" ]; then
		mismatch=$((mismatch + 1))
		[ "$mismatch" -le 10 ] && echo "# unexpected exit $rc: nsip $*"
	fi
}
for ((p = 0; p < procs; p++)); do
	while IFS=$'\t' read -r rc op _; do
		# A batch the kernel refused (exit 4): nothing to check or apply.
		[ "$rc" = 4 ] && continue
		# shellcheck disable=SC2086
		model_step "$rc" $op
	done <"$logs/$p.log"
done
is "$mismatch" 0 "each operation succeeded exactly when the model said it should"
if [ "$mismatch" != 0 ]; then
	grep -h . "$logs"/*.err | sort | uniq -c | sort -rn | head -10 | sed 's/^/# /'
fi

# The words of its arguments (names, one a line or spaced), sorted, on one line.
sorted() { tr -s ' ' '\n' <<<"$*" | grep . | sort | tr '\n' ' '; }

# --- namespaces and their mounts --------------------------------------------
is "$(sorted "$(ls -A /run/netns)")" "$(sorted "${!NS[@]}")" \
	"the namespaces are those the successful operations imply"
is "$(netns_mounts | grep -cx /run/netns)" 1 "exactly one /run/netns mount"
want_mounts=$(for n in "${!NS[@]}"; do echo "/run/netns/$n"; done | sort)
is "$(netns_mounts | grep -v '^/run/netns$' | sort | tr '\n' ' ')" \
	"$(sorted "$want_mounts")" "one mount per namespace file, none stacked or leaked"
bad=0
for n in "${!NS[@]}"; do
	[ "$(stat -f -c %T "/run/netns/$n")" = nsfs ] || bad=$((bad + 1))
done
is "$bad" 0 "each namespace file is an nsfs mount"

# --- links and addresses, read with iproute2 -------------------------------
got_links=$(ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }' |
	grep -E '^s[0-9]+[ab][0-9]$')
want_links=$(for l in "${!LINK[@]}"; do echo "$l"; echo "${LINK[$l]}"; done)
is "$(sorted "$got_links")" "$(sorted "$want_links")" \
	"the veth pairs are those the successful operations imply"
got_addrs=$(ip -o -4 addr show | awk '$2 ~ /^s[0-9]+a[0-9]$/ { print $2 "_" $4 }')
want_addrs=$(for a in "${!ADDR[@]}"; do echo "${a/ /_}"; done)
is "$(sorted "$got_addrs")" "$(sorted "$want_addrs")" \
	"the addresses are those the successful operations imply"

# --- nat rules, read with nft -----------------------------------------------
got_nat=$(nft list chain ip nsip POSTROUTING 2>/dev/null |
	awk '/masquerade/ { for (i = 1; i <= NF; i++) if ($i == "saddr") print $(i + 1) }' |
	sort | uniq -c | awk '{ print $2 "x" $1 }')
want_nat=$(for r in "${!NAT[@]}"; do
	[ "${NAT[$r]}" -gt 0 ] && echo "${r}x${NAT[$r]}"; done)
is "$(sorted "$got_nat")" "$(sorted "$want_nat")" \
	"the nat rules (with their multiplicity) are those the successful operations imply"
is "$(nft list chain ip nsip POSTROUTING 2>/dev/null | grep -c 'type nat hook postrouting')" 1 \
	"the shared nat chain exists once"

echo "# $((SECONDS - start)) s in all"
done_testing
