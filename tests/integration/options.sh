#!/bin/bash
# ip's global options that change nothing nsip prints by default: each one
# either does what ip 6.1 does for nsip's objects (-N, -rcvbuf, -loops,
# -color when ip would not colour, -timestamp) or is refused in one line
# with ip's usage exit code (-M, -B, -resolve, -echo, -color where ip
# would colour). -h/-iec: tests/integration/link_stats.sh.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless ip "the differential needs iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" link add o1 type veth peer name o2
"$IPREAL" addr add 10.8.0.1/24 dev o1
"$IPREAL" addr add 10.8.0.9/24 dev o1   # a secondary
"$IPREAL" link set o1 up
"$IPREAL" link set o2 up
"$IPREAL" route add 10.9.0.0/16 via 10.8.0.2 proto static table 100
"$IPREAL" route add blackhole 10.6.0.0/16 proto 42
"$IPREAL" neigh add 10.8.0.7 lladdr 02:00:00:00:00:07 dev o1 proto zebra
"$IPREAL" rule add from 10.0.0.0/8 tos 0x10 table 100 realms 3/4 proto static \
	ipproto tcp suppress_ifgroup 5 pref 100
"$IPREAL" rule add to 10.1.0.0/16 blackhole pref 101
"$IPREAL" rule add fwmark 7 unreachable ipproto 17 pref 102

# -N / -Numeric: protocols, scopes, tables, route types, link types and
# groups as numbers, in text and JSON.
for words in "route" "route show table all" "-j route show table all" \
	     "-j -p route show table 100" "addr" "-j addr" "-br addr" "-o addr" \
	     "link" "-j link" "-br link" "-d link show o1" "neigh" "-j neigh" \
	     "route get 10.9.1.1" "neigh get 10.8.0.7 dev o1" "-6 route show table all" \
	     "rule" "-j rule" "-d rule" "-6 rule"; do
	# shellcheck disable=SC2086
	same_as_ip "-N $words" -N $words
done
same_as_ip "-Numeric route (long form)" -Numeric route show table 100

# -color: ip colours only -c / -c=always, or -c=auto on a terminal, and
# never JSON. Where it would not, nsip prints the same; where it would,
# nsip says it has no colours.
same_as_ip "-color=auto into a pipe: no colour" -color=auto link
same_as_ip "-c=never" -c=never link
same_as_ip "-c -j: JSON has no colour" -c -j link
same_as_ip "-col=always -j" -col=always -j addr
same_as_ip "-c=bogus is an unknown option" -c=bogus link
for words in "-c link" "-color link" "-c=always link" "-color=always addr"; do
	# shellcheck disable=SC2086
	run "$IPNSIP" $words
	is "$OUT|$ERR|$RC" "|Option \"${words%% *}\" is not supported by nsip (it prints no colours).|255" \
		"$words is refused"
done
OUT=$(script -qec "$IPNSIP -c=auto link show lo" /dev/null); RC=$?
case "$OUT" in 'Option "-c=auto" is not supported by nsip'*) ok 0 "-c=auto on a terminal is refused";;
	       *) ok 1 "-c=auto on a terminal is refused: $OUT";; esac
is "$RC" 255 "…with exit 255"
want=$(script -qec "$IPREAL -c=never link show lo" /dev/null)
is "$(script -qec "$IPNSIP -c=never link show lo" /dev/null)" "$want" "-c=never on a terminal prints as ip"

# -rcvbuf N: the size asked of the kernel for the netlink socket.
for v in 100000 0 0x100000; do
	same_as_ip "-rcvbuf $v" -rcvbuf "$v" link show lo
done
for v in abc -5 99999999999 ""; do
	same_as_ip "-rcvbuf '$v' is refused as ip refuses it" -rcvbuf "$v" link show lo
done
same_usage_as_ip "-rcvbuf without a size" -rcvbuf
if skip_unless strace "strace sees the socket option"; then
	n=$(strace -f -qq -e trace=setsockopt -e signal=none "$NSIP" -rcvbuf 123456 link show lo 2>&1 >/dev/null |
	    grep -c 'SOL_SOCKET, SO_RCVBUF, \[123456\]')
	is "$n" 1 "-rcvbuf sets SO_RCVBUF on the socket"
fi

# -loops N: addr flush gives up after N rounds; ip checks for "nothing
# left" at the start of a round, so one round that deleted is too few.
# Each tool flushes the same two addresses.
flush_as_ip() {	# flush_as_ip DESCRIPTION OPTIONS...
	local d=$1 want; shift
	"$IPREAL" addr add 10.8.0.1/24 dev o1 2>/dev/null
	"$IPREAL" addr add 10.8.0.9/24 dev o1 2>/dev/null
	run "$IPREAL" "$@" addr flush dev o1; want="$OUT|$ERR|$RC"
	"$IPREAL" addr add 10.8.0.1/24 dev o1
	"$IPREAL" addr add 10.8.0.9/24 dev o1
	run "$IPNSIP" "$@" addr flush dev o1
	is "$OUT|$ERR|$RC" "$want" "$d"
}
flush_as_ip "-loops 1 addr flush: incomplete after 1 round" -loops 1
flush_as_ip "-loops 1 -s addr flush" -loops 1 -s
flush_as_ip "-loops 0 addr flush: no limit" -s -loops 0
flush_as_ip "-l abc: as ip, taken as 0" -l abc -s
flush_as_ip "-loops 2 -s addr flush" -loops 2 -s
same_usage_as_ip "-loops without a number" -loops

# -timestamp/-tshort: ip stamps `ip monitor` events only.
for o in -t -ts -timestamp -tshort; do
	same_as_ip "$o changes nothing for link show" "$o" link show lo
done

# Refused: what a script giving them expects nsip does not do.
for o in -M -B -r -resolve -echo; do
	run "$IPNSIP" "$o" link show lo
	case "$ERR|$RC" in "Option \"$o\" is not supported by nsip ("*").|255") ok 0 "$o is refused in one line, exit 255";;
			   *) ok 1 "$o is refused in one line, exit 255: $ERR|$RC";; esac
	is "$OUT" "" "…and prints nothing"
done

done_testing
