#!/bin/bash
# Names in /run/netns that are symbolic links (the Docker/CNI idiom
# `ln -s /proc/PID/ns/net /run/netns/NAME`): nsip follows them as ip 6.1
# does for exec, -n, pids, identify, set, list and list-id, and delete
# removes the link only. Differential against iproute2 on the same run dir.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

T=/run/nsip-test
KIDS=()
cleanup() { for p in "${KIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

# A process in a namespace of its own, reached only through a link.
unshare --net sleep 60 &
SLEEPER=$!
KIDS+=("$SLEEPER")
for _ in $(seq 40); do
	[ "$(readlink /proc/$SLEEPER/ns/net)" != "$(readlink /proc/self/ns/net)" ] && break
	sleep 0.05
done
"$NSIP" netns add red
mkdir -p /run/netns
ln -s /proc/$SLEEPER/ns/net /run/netns/cni

same_as_ip "list shows a symlinked name" netns list
same_as_ip "exec in a symlinked name" netns exec cni ip -o link show
run "$IPNSIP" netns exec cni readlink /proc/self/ns/net
is "$OUT" "$(readlink /proc/$SLEEPER/ns/net)" "…and runs in the namespace it points to"
same_as_ip "-n with a symlinked name" -n cni link show
same_as_ip "-n -j with a symlinked name" -n cni -j link show
same_as_ip "pids of a symlinked name" netns pids cni
run "$IPNSIP" netns pids cni
is "$OUT" "$SLEEPER" "…is the process behind the link"
same_as_ip "identify a pid reached through a symlink" netns identify "$SLEEPER"
run "$IPNSIP" netns identify "$SLEEPER"
is "$OUT" cni "…names it by the link"

# With an id, list says it, as ip.
run "$IPNSIP" netns set cni 7
is "$RC" 0 "set an id through a symlinked name"
same_as_ip "list shows the id of a symlinked name" netns list
same_as_ip "-j list shows the id of a symlinked name" -j netns list
same_as_ip "list-id names the symlinked namespace" netns list-id
# A veth peer there: link show names its namespace by the link, as ip.
"$IPREAL" link add vs type veth peer name vs-in netns cni
same_as_ip "link show names a peer's symlinked namespace" link show vs
same_as_ip "-j link show of that peer" -j link show vs

# Links that lead nowhere usable: ip's words and codes where it has them.
ln -s /run/nsip-test/nothing /run/netns/dangling
for words in "netns exec dangling true" "-n dangling link show" \
	     "netns pids dangling" "netns set dangling 9"; do
	# shellcheck disable=SC2086
	same_as_ip "dangling link: $words" $words
done
run "$IPREAL" netns delete dangling; want="$OUT|$ERR|$RC"
ln -s /run/nsip-test/nothing /run/netns/dangling
run "$IPNSIP" netns delete dangling
is "$OUT|$ERR|$RC" "$want" "delete a dangling link as ip"
check "…removes it" test ! -L /run/netns/dangling
: >$T/plain
ln -s $T/plain /run/netns/toplain
run "$IPREAL" netns delete toplain; want="$OUT|$ERR|$RC"
ln -s $T/plain /run/netns/toplain
run "$IPNSIP" netns delete toplain
is "$OUT|$ERR|$RC" "$want" "delete a link to a plain file as ip"
check "…removes the link" test ! -L /run/netns/toplain
check "…and leaves the file" test -f $T/plain
mkdir -p $T/adir
ln -s $T/adir /run/netns/todir
for words in "netns exec todir true" "-n todir link show" "netns set todir 9"; do
	# shellcheck disable=SC2086
	run "$IPREAL" $words; want=$RC
	# shellcheck disable=SC2086
	run "$IPNSIP" $words
	is "$RC" "$want" "link to a directory: $words exits as ip"
done
case "$ERR" in 'Error: /run/netns/todir is a symbolic link to a directory'*'rm "/run/netns/todir"') ok 0 "…named as a link to a directory";;
	       *) ok 1 "…named as a link to a directory: $ERR";; esac

# delete removes the link, never what it points to (a mount stays).
run "$IPNSIP" netns delete todir
is "$RC" 0 "delete a link to a directory"
check "…leaves the directory" test -d $T/adir
mkdir -p $T/victim && mount -t tmpfs victim $T/victim
ln -s $T/victim /run/netns/victim
run "$IPNSIP" netns delete victim
is "$RC" 0 "delete a link to a mount point"
check "…without unmounting what it pointed to" mountpoint -q $T/victim
check "…and the link is gone" test ! -L /run/netns/victim
umount $T/victim
ln -s /run/netns/red /run/netns/alias
run "$IPNSIP" netns delete alias
is "$RC" 0 "delete a link to another name"
same_as_ip "…leaves that namespace in place" netns list
run "$IPNSIP" netns delete cni
is "$RC" 0 "delete the symlinked name"
check "…leaves its process running" kill -0 "$SLEEPER"
run "$IPNSIP" netns list
is "$OUT" red "…and lists only what is left"

# Names with '/' or '..' are still refused, as ip refuses them.
for name in a/b .. .; do
	same_as_ip "exec refuses the name $name" netns exec "$name" true
done

done_testing
