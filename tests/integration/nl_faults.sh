#!/bin/bash
# Netlink faults (made by the test-only LD_PRELOAD shim, tests/fault/fault.c)
# at every netlink call a command makes: a failing send, a failing receive
# (ENOBUFS), a receive truncated (MSG_TRUNC) or cut short without saying so,
# and a receive whose messages carry NLM_F_DUMP_INTR.
#
# Each attempt runs in a sandbox of its own (fresh network namespace, fresh
# /run), is set up without faults, and then runs the command with one fault.
# It must either succeed exactly as without the fault (a dump that was
# interrupted is started again), or fail with a non-zero exit and one line on
# stderr (two under -batch: the reason and iproute2's `Command failed`).
#
# State: a failed send leaves the state as it was. A fault in a receive may
# come after the kernel made the change (its ack is what got lost or cut):
# the change is then the kernel's and whole, so the state is either the one
# before or the one the command makes without a fault, never between (a veth
# pair: both ends or none; the nat rules of one nftables batch: all or none).
# A -batch may stop after some of its lines: the state is then the one
# after a whole prefix of its units (a line, or a group of consecutive nat
# lines, which is one transaction).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
: "${NSIP_FAULT_LIB:?the fault shim must be built (make check builds it)}"
skip_unless nft "nft to read the ruleset" || { done_testing; exit; }

KINDS="nlsend nlrecv nltrunc nlcut nlintr"
FAULT_TIMEOUT=${FAULT_TIMEOUT:-20}   # a hang is a failure, not a stuck test

# ---- inside one attempt's sandbox ---------------------------------------

# The state a command may change, with what differs between two identical
# runs taken out.
snapshot() {
	local ns
	{
		state_of
		ls -A /run/netns 2>/dev/null
		findmnt -rn -o TARGET,FSTYPE | grep -E '^/run/netns(/| )' || true
		nft list ruleset
		for ns in /run/netns/*; do
			[ -e "$ns" ] && state_of -n "${ns##*/}"
		done
	} 2>&1 | grep -v ' fe80::' | sed -E "$UNSTABLE"
}
# What differs between two identical runs: veth MAC addresses (random), and
# the carrier of links just set up (the kernel reports it a little later).
UNSTABLE='s/([0-9a-f]{2}:){5}[0-9a-f]{2}/MAC/g; s/ state [A-Z]+//; s/NO-CARRIER,|,LOWER_UP|,M-DOWN| linkdown//g'
export UNSTABLE
# state_of [-n NS]: links, addresses, IPv4 routes and neighbours, by one ip.
state_of() {
	printf '%s\n' 'link show' 'addr show' 'route show table all' \
		'neigh show nud permanent' | ip "$@" -d -o -batch -
}
export -f state_of
export -f snapshot

# attempt SPEC SETUP ARGS...: runs in a fresh sandbox; SETUP holds nsip
# commands separated by ';'. $BATCH (lines separated by ';') becomes the
# file /run/batch, the first $BATCH_KEEP lines of it when set. Prints
# rc=, out=, before=, after=, counts= and then stderr. $READS_ONLY: the
# command only reads.
attempt() {
	local spec=$1 setup=$2 line; shift 2
	mount -t tmpfs attempt /run || exit 1
	if [ -n "${BATCH:-}" ]; then
		tr ';' '\n' <<<"$BATCH" | head -n "${BATCH_KEEP:-1000}" >/run/batch
	fi
	local IFS=';'
	for line in $setup; do
		IFS=' '
		# shellcheck disable=SC2086 # words of an nsip command
		"$NSIP" $line >/dev/null || { echo "rc=setup failed: $line"; exit 0; }
	done
	IFS=$' \t\n'
	local before='' out rc after
	[ -n "$spec" ] || before=$(snapshot | md5sum)   # the reference run's
	out=$(timeout "$FAULT_TIMEOUT" env LD_PRELOAD="$NSIP_FAULT_LIB" \
		NSIP_FAULT="$spec" NSIP_FAULT_COUNT=/run/fault-count \
		"$NSIP" "$@" 2>/run/stderr)
	rc=$?
	# A read changes nothing (its fault-free run is checked): the snapshot
	# is left out, so that the test stays quick.
	after=skipped
	[ -n "$spec" ] && [ -n "${READS_ONLY:-}" ] || after=$(snapshot | md5sum)
	echo "rc=$rc"
	echo "out=$(sed -E "$UNSTABLE" <<<"$out" | md5sum)"
	echo "before=$before"
	echo "after=$after"
	echo "counts=$(tail -n 1 /run/fault-count 2>/dev/null)"
	cat /run/stderr
}
export -f attempt
export NSIP NSIP_FAULT_LIB FAULT_TIMEOUT

# ---- in the test's sandbox ----------------------------------------------

# sandboxed SPEC SETUP ARGS...: one attempt; sets RC, OUT (its digest),
# BEFORE, AFTER, NSEND, NRECV and ERR.
sandboxed() {
	local res got
	res=$(unshare --mount --net --propagation private -- \
		bash -c 'attempt "$@"' attempt "$@")
	mapfile -t got <<<"$res"
	RC=${got[0]#rc=} OUT=${got[1]#out=}
	BEFORE=${got[2]#before=} AFTER=${got[3]#after=}
	[[ ${got[4]} =~ nlsend=([0-9]+)\ nlrecv=([0-9]+) ]]
	NSEND=${BASH_REMATCH[1]} NRECV=${BASH_REMATCH[2]}
	printf -v ERR '%s\n' "${got[@]:5}"
	ERR=${ERR%$'\n'}
}

# well_formed EXTRA-LINES: $ERR is one printable line saying what failed,
# and under -batch (EXTRA-LINES 1) iproute2's line naming the batch line.
well_formed() {
	local first=${ERR%%$'\n'*}
	[[ $first =~ ^[[:print:]]+$ ]] || return 1
	grep -q 'Sanitizer\|runtime error' <<<"$ERR" && return 1
	if [ "$1" = 1 ]; then
		[[ $ERR =~ ^[^$'\n']+$'\n'"Command failed /run/batch:"[0-9]+$ ]]
	else
		[ "$ERR" = "$first" ]
	fi
}

# verdict NAME SPEC EXTRA-LINES STATES...: checks the attempt just made
# against the fault-free run ($REF_OUT) and the states a failure may leave.
verdict() {
	local name=$1 spec=$2 extra=$3 st; shift 3
	local lines=0 state_ok=1 d="$name, $spec"
	[ -n "$ERR" ] && lines=$(printf '%s\n' "$ERR" | wc -l)
	[ "$AFTER" = skipped ] && AFTER=$REF_AFTER
	for st in "$@"; do [ "$AFTER" = "$st" ] && state_ok=0; done
	case $RC in
	0)	is "$OUT|$lines|$AFTER" "$REF_OUT|0|$REF_AFTER" \
			"$d: exit 0, the output and state of a run without fault";;
	124|129|1[3-8][0-9]|19[0-2])
		ok 1 "$d: ended by a timeout or a signal ($RC): ${ERR//$'\n'/ / }";;
	*)	if well_formed "$extra"; then
			ok 0 "$d: exit $RC, one line: ${ERR//$'\n'/ / }"
		else
			ok 1 "$d: exit $RC, one line (got: ${ERR//$'\n'/ / })"
		fi
		[ -n "${READS_ONLY:-}" ] || { [ "$state_ok" = 0 ]; ok $? "$d: no partial state"; };;
	esac
}

TOTAL_ATTEMPTS=0

# faults NAME SETUP ARGS...: each fault kind at each netlink call the
# command makes. $BATCH_CUTS (for -batch) lists the line counts after which
# the state is whole.
faults() {
	local name=$1 setup=$2 kind i n states=() k before; shift 2
	sandboxed "" "$setup" "$@"
	REF_OUT=$OUT REF_AFTER=$AFTER before=$BEFORE
	local sends=$NSEND recvs=$NRECV
	if [ "$RC" != 0 ] || [ -z "$sends" ]; then
		ok 1 "$name: runs without fault (rc $RC: $ERR)"
		return
	fi
	ok 0 "$name: runs without fault ($sends sends, $recvs receives)"
	if [ -n "${READS_ONLY:-}" ]; then
		is "$REF_AFTER" "$before" "$name: a read changes nothing"
	fi
	states=("$before" "$REF_AFTER")
	for k in ${BATCH_CUTS:-}; do
		BATCH_KEEP=$k sandboxed "" "$setup" "$@"
		states+=("$AFTER")
	done
	for kind in $KINDS; do
		n=$recvs
		[ "$kind" = nlsend ] && n=$sends
		for ((i = 1; i <= n; i++)); do
			sandboxed "$kind:$i" "$setup" "$@"
			TOTAL_ATTEMPTS=$((TOTAL_ATTEMPTS + 1))
			if [ "$kind" = nlsend ] && [ -z "${BATCH_CUTS:-}" ]; then
				# Nothing reached the kernel: nothing changed.
				verdict "$name" "$kind:$i" 0 "$before"
			else
				verdict "$name" "$kind:$i" "${BATCH_CUTS:+1}" "${states[@]}"
			fi
		done
	done
}

VETH="link add A type veth peer name B"
UPLINK="$VETH;link set A up;link set B up;addr add 192.0.2.1/24 dev A"
MASQ="nat -A POSTROUTING -o A -j MASQUERADE"
DNAT="nat -A PREROUTING -i A -p tcp --dport 80 -j DNAT --to-destination 192.0.2.2"

READS_ONLY=1 faults "link show" "$VETH" link show
faults "link add" "" $VETH
faults "addr add" "$VETH" addr add 192.0.2.1/24 dev A
READS_ONLY=1 faults "addr show" "$VETH;addr add 192.0.2.1/24 dev A" addr show
faults "route add" "$UPLINK" route add 198.51.100.0/24 via 192.0.2.2
READS_ONLY=1 faults "route show" "$UPLINK;route add 198.51.100.0/24 via 192.0.2.2" route show
READS_ONLY=1 faults "neigh show" "$UPLINK;neigh add 192.0.2.9 lladdr 02:00:00:00:00:09 dev A" neigh show
faults "-n NS link set lo up" "netns add NS" -n NS link set lo up
faults "nat -A" "" $MASQ
faults "nat -A, table there" "$MASQ" $DNAT
READS_ONLY=1 faults "nat -S" "$MASQ;$DNAT" nat -S
READS_ONLY=1 faults "nat -L" "$MASQ;$DNAT" nat -L -n -v
faults "nat -D" "$MASQ;$DNAT" nat -D POSTROUTING -o A -j MASQUERADE
BATCH="$VETH;addr add 192.0.2.1/24 dev A;$MASQ;$DNAT;link set A up" \
BATCH_CUTS="1 2 4" faults "-batch" "" -batch /run/batch

# netns add itself makes no netlink call; its mount and setns faults are
# netns_faults.sh's.
sandboxed "" "" netns add NS
is "$NSEND/$NRECV" "0/0" "netns add: no netlink call to fault"

# A dump interrupted every time: one clear line, no endless loop.
sandboxed "nlintr:1+" "" link show
is "$RC|$ERR" "2|Dump was interrupted 10 times: the table kept changing" \
	"link show interrupted every time: gives up with one line"
sandboxed "nlintr:1+" "$MASQ" nat -S
is "$RC|$(printf '%s\n' "$ERR" | wc -l)|${ERR#*: }" "4|1|Cannot read table nsip: it kept changing" \
	"nat -S interrupted every time: gives up with one line"

# An interrupted dump is started again: the output is the fault-free one.
for args in "link show" "addr show" "nat -S"; do
	sandboxed "" "$VETH;$MASQ;addr add 192.0.2.1/24 dev A" $args
	REF_OUT=$OUT
	sandboxed "nlintr:1" "$VETH;$MASQ;addr add 192.0.2.1/24 dev A" $args
	is "$RC|$OUT|$ERR" "0|$REF_OUT|" "$args interrupted once: started again, same output"
done

# link show and addr show print as the link dump arrives: interrupted
# after some links were printed, it is asked again and only the links not
# printed yet are printed, so the output is still the fault-free one (each
# link once, in order). 40 veth pairs make a dump of several receives,
# with a record waiting for its peer across the end of a receive.
MANY=$(for i in $(seq 40); do
	printf 'link add a%d type veth peer name b%d;addr add 10.0.%d.1/24 dev a%d;' \
		"$i" "$i" "$i" "$i"
done)
for args in "link show" "-j link show" "-br link show" "addr show" "-j addr show"; do
	sandboxed "" "$MANY" $args
	REF_OUT=$OUT n=$NRECV
	ok "$(( RC != 0 || n < 3 ))" "$args of 81 links: exit $RC, $n receives"
	for ((k = 2; k <= n; k++)); do
		sandboxed "nlintr:$k" "$MANY" $args
		is "$RC|$OUT|$ERR" "0|$REF_OUT|" \
			"$args interrupted at receive $k of $n: asked again, same output"
	done
done

echo "# $TOTAL_ATTEMPTS faulty runs"
done_testing
