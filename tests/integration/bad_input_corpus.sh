#!/bin/bash
# The bad-input corpus (issue 10): each line of tests/bad-input/corpus.tsv
# is a malformed command, run against a sandbox with namespaces, veth
# pairs, a bridge, addresses, a route, a neighbour, nat and filter rules. Each must
# exit with the expected code, say the expected thing on stderr, and leave
# the whole state (read with iproute2, nft, ls and findmnt, so the oracle
# does not depend on nsip) exactly as it was.
#
# corpus.tsv: ARGS<TAB>EXIT<TAB>STDERR-REGEX[<TAB>STDIN], '#' lines are
# comments. ARGS are shell words (quotes allowed) after nsip; the regex is
# grep -E over the whole stderr; STDIN (printf %b escapes) feeds -batch -.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

corpus=$TESTS_DIR/bad-input/corpus.tsv
work=/run/nsip-test/bad
mkdir -p "$work"

# --- the state every case runs against --------------------------------------
setup() {
	local n
	for n in n1 n2 n3; do ip netns add "$n"; done
	ip link add v1a type veth peer name v1b
	ip link add v2a type veth peer name v2b
	ip link add v3a type veth peer name v3b netns n1
	ip link add br0 type bridge
	ip link set v1b master br0
	# d0 is up with a carrier (for the route and the neighbour), without
	# IPv6 link-local addresses: nothing changes by itself once it is up.
	ip link add d0 type veth peer name d0p
	ip link set d0 addrgenmode none
	ip link set d0p addrgenmode none
	ip link set d0p up
	ip link set d0 up
	ip addr add 10.1.1.1/24 dev v1a
	ip addr add 2001:db8::1/64 dev v1a nodad
	ip addr add 10.2.2.2/24 dev d0
	ip -n n1 addr add 10.3.3.3/24 dev v3b
	ip route add 10.50.0.0/16 via 10.2.2.1 dev d0
	ip neigh add 10.2.2.9 lladdr 02:00:00:00:00:09 dev d0 nud permanent
	nat_setup "$NSIP" nat
}

nat_setup() {	# nat_setup COMMAND...: the nat rules, made with COMMAND
	"$@" -A POSTROUTING -s 10.1.1.0/24 -j MASQUERADE &&
	"$@" -A PREROUTING -p tcp --dport 8080 -j DNAT --to-destination 10.1.1.2:80 &&
	"$@" -N custom1 && "$@" -N custom2 &&
	"$@" -A custom2 -j RETURN && "$@" -A POSTROUTING -j custom2 &&
	"$@" -t filter -N fchain && "$@" -t filter -A fchain -j RETURN &&
	"$@" -t filter -A FORWARD -m conntrack --ctstate ESTABLISHED -g fchain &&
	"$@" -t filter -A INPUT -p tcp --dport 22 -m comment --comment ssh -j ACCEPT &&
	"$@" -t filter -A INPUT -p udp -m multiport --dports 53,67:68 -j ACCEPT
}

# --- the full state, as text ---------------------------------------------------
# Bridge timers tick by themselves; they are not state a command changes.
snapshot() {
	local ns
	for ns in "" n1 n2 n3; do
		echo "== netns ${ns:-sandbox}"
		# One ip run for most of it: a snapshot per case must be cheap.
		printf '%s\n' "link show" "addr show" "route show table all" \
			"neigh show" "rule show" | ip ${ns:+-n "$ns"} -d -batch - |
			sed -E 's/ [a-z_]*_timer +[0-9.]+//g'
		printf '%s\n' "route show table all" "rule show" | ip ${ns:+-n "$ns"} -6 -batch -
	done
	echo "== /run/netns"
	# shellcheck disable=SC2010 # the listing is the snapshot
	ls -la --time-style=+ /run/netns | grep -v ' \.\.$'   # .. is /run
	findmnt -rn -o TARGET,SOURCE,FSTYPE,PROPAGATION | grep -E '^/run/netns(/| )' | sort
	echo "== nft"
	nft list ruleset
}

setup >"$work/setup.log" 2>&1
is "$?|$(cat "$work/setup.log")" "0|" "the sandbox state is set up"
snapshot >"$work/before"

# --- the cases -------------------------------------------------------------------
cases=0
while IFS=$'\t' read -r args want_rc want_err input; do
	case $args in ''|'#'*) continue;; esac
	cases=$((cases + 1))
	eval "set -- $args"
	if [ -n "$input" ]; then
		# shellcheck disable=SC2059 # the corpus's escapes
		printf "$input" >"$work/stdin"
	else
		: >"$work/stdin"
	fi
	"$NSIP" "$@" <"$work/stdin" >/dev/null 2>"$work/stderr"
	rc=$?
	desc="nsip $args${input:+ <<< $input}"
	if [ "$rc" != "$want_rc" ] || ! grep -qE -- "$want_err" "$work/stderr"; then
		ok 1 "$desc: exit $want_rc and /$want_err/"
		echo "#   got exit $rc, stderr: $(head -3 "$work/stderr")"
	else
		ok 0 "$desc: exit $want_rc and /$want_err/"
	fi
	snapshot >"$work/after"
	if cmp -s "$work/before" "$work/after"; then
		ok 0 "…and the state is unchanged"
	else
		ok 1 "…and the state is unchanged"
		diff "$work/before" "$work/after" | head -10 | sed 's/^/#   /'
		snapshot >"$work/before"   # one change is reported once
	fi
done <"$corpus"
echo "# $cases cases"
check "at least 150 cases" test "$cases" -ge 150

done_testing
