# Shared by the integration tests: a private sandbox and TAP output.
#
# A test script sources this file first. The script then re-executes itself
# inside `unshare --mount --net --propagation private` with a fresh tmpfs on
# /run, so nothing it does reaches the host's mounts, links or namespaces.
# Under CI=true a missing sandbox is a failure; elsewhere the test skips.

: "${NSIP:?NSIP must name the nsip binary under test}"
: "${TESTS_DIR:=$(cd "$(dirname "$0")/.." && pwd)}"

if [ "${NSIP_SANDBOX:-}" != "$$" ] && [ "${NSIP_SANDBOXED:-}" != 1 ]; then
	if [ "$(id -u)" != 0 ] ||
	   ! unshare --mount --net --propagation private true 2>/dev/null; then
		if [ "${CI:-}" = true ]; then
			echo "1..1"
			echo "not ok 1 - no sandbox: needs root and unshare (CI=true)"
			exit 1
		fi
		echo "1..0 # SKIP needs root and unshare for a private sandbox"
		exit 0
	fi
	NSIP_SANDBOXED=1 exec unshare --mount --net --propagation private \
		-- /bin/bash "$0" "$@"
fi

mount -t tmpfs sandbox-run /run || { echo "Bail out! cannot mount /run"; exit 1; }
mkdir -p /run/nsip-test/bin
# The binary itself, for what cannot go through a wrapper (a set-uid copy).
NSIP_BIN=$NSIP
export NSIP_BIN

# NSIP_VALGRIND=1 (scripts/valgrind-tests): every nsip run of the test goes
# through valgrind, one log per run in $NSIP_VALGRIND_LOGS. $NSIP becomes a
# wrapper that runs the binary through a link of the wrapper's own name, so
# that links named ip, netns, ... keep their personality. The wrapper is a
# POSIX sh script (dash opens it without libc's open(), which the fault
# shim counts) and lives outside /run, which the demo mounts afresh.
NSIP_BINARY=$NSIP   # the binary itself, even when $NSIP is valgrind's wrapper
if [ "${NSIP_VALGRIND:-}" = 1 ]; then
	: "${NSIP_VALGRIND_LOGS:?NSIP_VALGRIND_LOGS must name a directory for the logs}"
	vg_dir=$NSIP_VALGRIND_LOGS/.bin/${0##*/}
	mkdir -p "$vg_dir/wrap" "$vg_dir/real"
	chmod 1777 "$NSIP_VALGRIND_LOGS" "$vg_dir/real"   # non-root runs log too
	ln -sf "$NSIP" "$vg_dir/real/nsip"
	cat >"$vg_dir/wrap/nsip" <<EOF_VG
#!/bin/sh
real=$vg_dir/real/\${0##*/}
[ -e "\$real" ] || ln -s "$NSIP" "\$real" 2>/dev/null
exec valgrind -q --leak-check=full --errors-for-leak-kinds=definite \\
	--error-exitcode=97 --log-file="$NSIP_VALGRIND_LOGS/${0##*/}.%p.log" "\$real" "\$@"
EOF_VG
	chmod 755 "$vg_dir/wrap/nsip"
	NSIP=$vg_dir/wrap/nsip
fi
# A link named ip: nsip then speaks as ip does (messages say "ip").
mkdir -p /run/nsip-test/as-ip
ln -s "$NSIP" /run/nsip-test/as-ip/ip
IPNSIP=/run/nsip-test/as-ip/ip
IPREAL=$(command -v ip || true)
export NSIP IPNSIP IPREAL

T_COUNT=0
T_FAILED=0

ok() {	# ok CONDITION-STATUS DESCRIPTION
	T_COUNT=$((T_COUNT + 1))
	if [ "$1" = 0 ]; then
		echo "ok $T_COUNT - $2"
	else
		echo "not ok $T_COUNT - $2"
		T_FAILED=$((T_FAILED + 1))
	fi
}

check() {	# check DESCRIPTION COMMAND...: passes when the command succeeds
	local d=$1; shift
	"$@"; ok $? "$d"
}

is() {	# is GOT EXPECTED DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#   got:      %s\n#   expected: %s\n' "$1" "$2" | sed 's/^/# /' | head -40
	fi
}

skip_unless() {	# skip_unless COMMAND DESCRIPTION: for optional reference tools
	if command -v "$1" >/dev/null 2>&1; then
		return 0
	fi
	T_COUNT=$((T_COUNT + 1))
	if [ "${CI:-}" = true ]; then
		echo "not ok $T_COUNT - $2 (needs $1; CI=true)"
		T_FAILED=$((T_FAILED + 1))
	else
		echo "ok $T_COUNT - $2 # SKIP needs $1"
	fi
	return 1
}

# run CMD...: sets OUT, ERR and RC.
run() {
	OUT=$("$@" 2>/run/nsip-test/stderr)
	RC=$?
	ERR=$(cat /run/nsip-test/stderr)
}

# same_as_ip DESCRIPTION ARGS...: nsip (called as ip) and iproute2 print
# the same stdout and stderr and exit the same way.
same_as_ip() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	local want_out want_err want_rc
	run "$IPREAL" "$@"; want_out=$OUT; want_err=$ERR; want_rc=$RC
	run "$IPNSIP" "$@"
	is "$OUT|$ERR|$RC" "$want_out|$want_err|$want_rc" "$d"
}

# same_usage_as_ip DESCRIPTION ARGS...: usage texts are nsip's own words;
# their first line and the exit code are ip's.
same_usage_as_ip() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	local want
	run "$IPREAL" "$@"; want="$OUT|${ERR%%$'\n'*}|$RC"
	run "$IPNSIP" "$@"
	is "$OUT|${ERR%%$'\n'*}|$RC" "$want" "$d"
}

# A writable /etc for tests of /etc/netns: an overlay whose changes live
# on the sandbox's /run and vanish with it.
private_etc() {
	mkdir -p /run/nsip-test/etc-up /run/nsip-test/etc-work
	mount -t overlay overlay -o lowerdir=/etc,upperdir=/run/nsip-test/etc-up,workdir=/run/nsip-test/etc-work /etc
}

# Mounts under /run/netns, one path a line.
netns_mounts() {
	findmnt -rn -o TARGET | grep -E '^/run/netns(/|$)' || true
}

done_testing() {
	echo "1..$T_COUNT"
	[ "$T_FAILED" = 0 ]
}
