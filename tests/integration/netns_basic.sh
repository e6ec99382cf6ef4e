#!/bin/bash
# netns add/list/delete/exec and the global -n: semantics, mounts, clean-up
# and messages, with iproute2 as the reference where it is installed.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

# --- the first add makes /run/netns a shared mount point of its own -------
run "$NSIP" netns add red
is "$RC|$ERR" "0|" "netns add red"
is "$(netns_mounts | sort | tr '\n' ' ')" "/run/netns /run/netns/red " \
	"the run dir and the namespace are mounts"
is "$(findmnt -n -o PROPAGATION /run/netns)" shared "the run dir is shared"
mkdir /run/nsip-test/under && mount --bind /run/netns /run/nsip-test/under
is "$(stat -c %a /run/nsip-test/under/red)" 0 "the placeholder under the mount has mode 0"
umount /run/nsip-test/under
is "$(stat -f -c %T /run/netns/red)" nsfs "the namespace file is an nsfs mount"

# --- list, with and without an nsid, text and JSON -------------------------
"$NSIP" netns add blue
same_as_ip "list without nsids" netns list
same_as_ip "bare netns is list" netns
same_as_ip "list -j" -j netns list
same_as_ip "list -j -p" -j -p netns list
if skip_unless ip "nsid shown as (id: N)"; then
	ip netns set red 5
	run "$NSIP" netns list
	case "$OUT" in *"red (id: 5)"*) ok 0 "nsid shown as (id: N)";;
		*) ok 1 "nsid shown as (id: N): $OUT";; esac
fi
same_as_ip "list with an nsid" netns list
same_as_ip "-j list with an nsid" -j netns show
same_as_ip "abbreviations: net s" net s

# --- interoperation with iproute2 -----------------------------------------
if skip_unless ip "ip sees a namespace nsip added"; then
	run ip netns exec red ip link show lo
	is "$RC" 0 "ip netns exec enters a namespace nsip added"
	ip netns add green
	run "$NSIP" netns exec green "$NSIP" link show lo
	is "$RC" 0 "nsip netns exec enters a namespace ip added"
	run "$NSIP" netns delete green
	is "$RC" 0 "nsip deletes a namespace ip added"
	ip netns list | grep -qx green; ok $((!$?)) "…and ip no longer lists it"
	"$NSIP" netns add yellow
	ip netns delete yellow; ok $? "ip deletes a namespace nsip added"
	check "…and no mount remains" test -z "$(netns_mounts | grep yellow)"
fi

# --- exec: the namespace's view of links, /sys and /etc --------------------
run "$NSIP" netns exec red "$NSIP" link
is "$(printf '%s\n' "$OUT" | grep -c '^[0-9]')" 1 "exec red nsip link shows one link"
case "$OUT" in "1: lo: "*) ok 0 "…and it is lo";; *) ok 1 "…and it is lo: $OUT";; esac
if skip_unless ip "exec link output equals ip's"; then
	is "$OUT" "$(ip netns exec red ip link)" "exec link output equals ip's"
fi
"$NSIP" -n red link >/dev/null
ip -n red link add vx type veth peer name vy 2>/dev/null ||
	"$NSIP" netns exec red ip link add vx type veth peer name vy
is "$("$NSIP" netns exec red ls /sys/class/net | sort | tr '\n' ' ')" "lo vx vy " \
	"/sys/class/net under exec lists the namespace's devices"
is "$(ls /sys/class/net | grep -c '^vx$')" 0 "…and not in the sandbox's /sys"
same_as_ip "-n red link" -n red link
same_as_ip "-n red -j link" -n red -j link

private_etc
mkdir -p /etc/netns/red
echo "nameserver 192.0.2.53" > /etc/netns/red/resolv.conf
is "$("$NSIP" netns exec red cat /etc/resolv.conf)" "nameserver 192.0.2.53" \
	"/etc/netns/red/resolv.conf is /etc/resolv.conf under exec"
is "$("$NSIP" -n red sh -c 'cat /etc/resolv.conf' 2>/dev/null; "$NSIP" netns exec blue cat /etc/resolv.conf)" \
	"$(cat /etc/resolv.conf)" "other namespaces keep /etc/resolv.conf"

"$NSIP" netns exec red sh -c 'mount -t tmpfs leak /mnt'
is "$(findmnt -n /mnt | wc -l)" 0 "a mount made under exec does not leak back"

run "$NSIP" netns exec red sh -c 'exit 7'
is "$RC" 7 "exec exits with the command's status"
same_as_ip "exec of a missing program" netns exec red /nonexistent/prog
same_as_ip "exec into a missing namespace" netns exec nosuch true
same_as_ip "exec without a command" netns exec red
same_as_ip "exec without a name" netns exec
same_as_ip "-n of a missing namespace" -n nosuch link

# --- bad names and missing words: one line, ip's exit code -----------------
long=$(printf 'x%.0s' $(seq 256))
for name in "a/b" "." ".." "$long"; do
	same_as_ip "add rejects ${name:0:20}" netns add "$name"
done
same_as_ip "add rejects an empty name" netns add ""
same_as_ip "add without a name" netns add
same_as_ip "add of an existing name" netns add red
same_as_ip "delete of a missing name" netns delete nosuch
same_as_ip "delete without a name" netns delete
same_as_ip "unknown subcommand" netns frob
before=$(ls -A /run/netns | sort | tr '\n' ' ')
"$NSIP" netns add "a/b" 2>/dev/null; "$NSIP" netns add "" 2>/dev/null
is "$(ls -A /run/netns | sort | tr '\n' ' ')" "$before" "bad names change nothing"
run "$NSIP" netns add "with space"
is "$RC|$(ls /run/netns | grep -c 'with space')" "0|1" "names may hold spaces"

# --- delete ------------------------------------------------------------------
"$NSIP" netns exec red sleep 30 &
sleeper=$!
sleep 0.3
run "$NSIP" netns delete red
is "$RC" 0 "delete succeeds while a process is inside"
check "…and the file is gone" test ! -e /run/netns/red
is "$(netns_mounts | grep -c '/red$')" 0 "…and its mount is gone"
kill "$sleeper" 2>/dev/null; wait "$sleeper" 2>/dev/null

# --- a failing add leaves nothing behind -------------------------------------
mount -o remount,bind,ro /run/netns
same_as_ip "add in a read-only run dir fails" netns add rofail
check "…and leaves no file" test ! -e /run/netns/rofail
mount -o remount,bind,rw /run/netns

# --- without privileges: the message says what is missing -------------------
run setpriv --reuid=65534 --regid=65534 --clear-groups "$NSIP" netns add nopriv
is "$RC" 1 "non-root add exits 1"
case "$ERR" in *"needs root"*) ok 0 "non-root add says privileges are missing";;
	*) ok 1 "non-root add says privileges are missing: $ERR";; esac
check "…and leaves no file" test ! -e /run/netns/nopriv
run setpriv --reuid=65534 --regid=65534 --clear-groups "$NSIP" netns exec blue true
is "$RC" 255 "non-root exec exits 255"
case "$ERR" in *"needs root"*) ok 0 "non-root exec says privileges are missing";;
	*) ok 1 "non-root exec says privileges are missing: $ERR";; esac

done_testing
