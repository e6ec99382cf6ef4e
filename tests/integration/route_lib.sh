# Shared by the route and neigh tests: twin namespaces set up alike, so
# that one command run by iproute2 in one and by nsip in the other must
# leave the same tables behind.

# steady [NAME]: in that namespace (default: this one), links made from
# now on get no IPv6 link-local address, whose multicast neighbours and
# routes would appear between ip's listing and nsip's.
steady() {
	local in=""
	[ -n "${1:-}" ] && in="ip netns exec $1"
	$in sysctl -qw net.ipv6.conf.default.addr_gen_mode=1
}

# slow_reach DEV [NAME]: neighbours learned on DEV stay REACHABLE for
# minutes rather than seconds, so that ip and nsip see the same state.
slow_reach() {
	local in=""
	[ -n "${2:-}" ] && in="ip netns exec $2"
	$in sysctl -qw "net.ipv4.neigh.$1.base_reachable_time_ms=600000" \
		"net.ipv6.neigh.$1.base_reachable_time_ms=600000"
}

# twin NAME: a namespace with lo up and a veth pair v0 (10.0.0.1/24,
# fd00::1/64) / v1, both up.
twin() {
	ip netns add "$1" && steady "$1" &&
	ip -n "$1" link set lo up &&
	ip -n "$1" link add v0 type veth peer name v1 &&
	ip -n "$1" link set v0 up && ip -n "$1" link set v1 up &&
	ip -n "$1" addr add 10.0.0.1/24 dev v0 &&
	ip -n "$1" addr add fd00::1/64 dev v0 nodad
}

# tables NAME: what a change may touch: every route of the namespace,
# both families, or what $TABLES names ("neigh show nud all"). Link-local
# entries follow the random MACs and the kernel's own timing: left out.
tables() {
	# Neighbours come in hash order, which differs between namespaces.
	ip -n "$1" ${TABLES:-route show table all} | grep -Ev 'fe80:|ff02:' | sort
}

# same_effect DESC ARGS...: iproute2 in namespace "want", nsip in "got";
# same output, same exit code, and the same routing tables afterwards.
same_effect() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	local want_out want_err want_rc
	run "$IPREAL" -n want "$@"; want_out=$OUT; want_err=$ERR; want_rc=$RC
	run "$IPNSIP" -n got "$@"
	is "$OUT|$ERR|$RC" "$want_out|$want_err|$want_rc" "$d"
	local got want
	got=$(tables got); want=$(tables want)
	is "$got" "$want" "$d: same tables"
	[ "$got" = "$want" ] || diff <(echo "$want") <(echo "$got") | sed 's/^/# diff: /'
}

# pair_with_red: this namespace's v0 (10.0.0.1/24, fd00::1/64) cabled to
# v1 (10.0.0.2/24, fd00::2/64) in a namespace "red", all up.
pair_with_red() {
	steady && ip link set lo up &&
	ip netns add red && steady red &&
	ip link add v0 type veth peer name v1 netns red &&
	slow_reach v0 && slow_reach v1 red &&
	ip link set v0 up && ip -n red link set v1 up &&
	ip addr add 10.0.0.1/24 dev v0 && ip addr add fd00::1/64 dev v0 nodad &&
	ip -n red addr add 10.0.0.2/24 dev v1 && ip -n red addr add fd00::2/64 dev v1 nodad
}
