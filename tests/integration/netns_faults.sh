#!/bin/bash
# A failure at each step of `netns add` and `netns exec` (made by the
# test-only LD_PRELOAD shim): one clear line, a non-zero exit, and nothing
# left behind -- no stray file, no stray mount.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
: "${NSIP_FAULT_LIB:?the fault shim must be built (make check builds it)}"

state() { { ls -A /run/netns 2>/dev/null; netns_mounts; } | sort | tr '\n' ' '; }

# faulty SPEC ARGS...: runs nsip with the shim failing the calls in SPEC.
faulty() {
	local spec=$1; shift
	run env LD_PRELOAD="$NSIP_FAULT_LIB" NSIP_FAULT="$spec" "$NSIP" "$@"
}

# add_fails SPEC DESCRIPTION MESSAGE-PATTERN
add_fails() {
	local before; before=$(state)
	faulty "$1" netns add victim
	case "$RC|$ERR" in
	"1|"$3) ok 0 "$2: exit 1 and one line";;
	*) ok 1 "$2: exit 1 and one line (got $RC: $ERR)";;
	esac
	is "$(printf '%s\n' "$ERR" | wc -l)" 1 "$2: exactly one line"
	is "$(state)" "$before" "$2: nothing left behind"
}

# The first add of all prepares /run/netns: fail each of its steps.
add_fails mkdir:1 "mkdir of the run dir fails" "mkdir /run/netns failed: *"
add_fails mount:1 "making the run dir shared fails" "mount --make-shared /run/netns failed: *"
add_fails mount:2 "binding the run dir fails" "mount --bind /run/netns /run/netns failed: *"
umount /run/netns 2>/dev/null; rmdir /run/netns 2>/dev/null

"$NSIP" netns add first
# With the run dir ready: fail creating, entering and binding the namespace.
add_fails open:2 "creating the placeholder fails" 'Cannot create namespace file "/run/netns/victim": *'
add_fails unshare:1 "creating the network namespace fails" 'Failed to create a new network namespace "victim": *'
add_fails mount:2 "binding the namespace fails" 'Bind /proc/self/ns/net -> /run/netns/victim failed: *'
add_fails setns:1 "returning to the original namespace fails" 'Cannot return to the original network namespace: *'

# exec: every set-up step fails with exit 255 and runs nothing.
exec_fails() {
	faulty "$1" netns exec first touch /run/nsip-test/ran
	case "$RC|$ERR" in
	"255|"$3) ok 0 "$2: exit 255 and the reason";;
	*) ok 1 "$2: exit 255 and the reason (got $RC: $ERR)";;
	esac
	check "$2: the command did not run" test ! -e /run/nsip-test/ran
}
exec_fails setns:1 "exec: entering the namespace fails" 'setting the network namespace "first" failed: *'
exec_fails unshare:1 "exec: a private mount namespace fails" 'unshare failed: *'
exec_fails mount:1 "exec: making / rslave fails" '"mount --make-rslave /" failed: *'
exec_fails mount:2 "exec: mounting /sys fails" 'mount of /sys failed: *'
faulty setns:1 -n first link
is "$RC" 255 "-n: a failure to enter exits 255"

# A failing /etc/netns bind is reported and the command still runs.
private_etc
mkdir -p /etc/netns/first && echo "nameserver 192.0.2.1" >/etc/netns/first/resolv.conf
faulty mount:3 netns exec first true
case "$RC|$ERR" in "0|Bind /etc/netns/first/resolv.conf -> /etc/resolv.conf failed: "*)
	ok 0 "exec: a failing /etc bind is reported, the command runs";;
	*) ok 1 "exec: a failing /etc bind is reported (got $RC: $ERR)";; esac

# delete: a failing unlink is reported with exit 1.
done_testing
