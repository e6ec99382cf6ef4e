#!/bin/bash
# Concurrency and repetition: the flock on the run dir, no stacked or
# leaked mounts, no duplicate mounts when /run is shared.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

# 50 concurrent first adds of distinct names: one run-dir mount, 50 others.
for i in $(seq 50); do "$NSIP" netns add "c$i" & done
wait
is "$(netns_mounts | grep -cx /run/netns)" 1 "50 concurrent adds: one /run/netns mount"
is "$(netns_mounts | grep -c '^/run/netns/c')" 50 "50 concurrent adds: 50 namespace mounts"
is "$(ls /run/netns | wc -l)" 50 "50 concurrent adds: 50 files"

# 20 concurrent adds of one name: one wins, 19 are told it exists.
for i in $(seq 20); do
	("$NSIP" netns add same 2>"/run/nsip-test/same.$i"; echo $? >"/run/nsip-test/same.$i.rc") &
done
wait
is "$(cat /run/nsip-test/same.*.rc | grep -cx 0)" 1 "20 adds of one name: one success"
is "$(cat /run/nsip-test/same.*.rc | grep -cx 1)" 19 "…19 failures with exit 1"
is "$(cat /run/nsip-test/same.[0-9]* | grep -c 'File exists')" 19 "…each saying File exists"
is "$(netns_mounts | grep -c '/same$')" 1 "…and one mount for it"

# 1,000 add/delete cycles leave no mount behind.
for i in $(seq 50); do "$NSIP" netns delete "c$i"; done
"$NSIP" netns delete same
# (NSIP_CYCLES: fewer under valgrind, where each run takes a second.)
cycles=${NSIP_CYCLES:-1000}
for i in $(seq "$cycles"); do
	"$NSIP" netns add cycle && "$NSIP" netns delete cycle || break
done
is "$i" "$cycles" "$cycles add/delete cycles all succeed"
is "$(netns_mounts | tr '\n' ' ')" "/run/netns " "…and leave only the run-dir mount"
is "$(ls -A /run/netns | wc -l)" 0 "…and no file"

# With /run shared (systemd's default) a namespace is mounted once, not twice.
umount -l /run/netns; rmdir /run/netns
mount --make-shared /run
"$NSIP" netns add onshared
is "$(findmnt -rn -o TARGET | grep -cx /run/netns/onshared)" 1 \
	"with /run shared the namespace is mounted once"
"$NSIP" netns delete onshared
is "$(findmnt -rn -o TARGET | grep -c /run/netns/onshared)" 0 "…and unmounted on delete"

done_testing
