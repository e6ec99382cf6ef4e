#!/bin/bash
# -batch with every applet: netns, link, addr and nat lines in one file,
# -n NAME for the whole batch, and consecutive nat lines as one nftables
# transaction (all or nothing, `Command failed FILE:LINE` of the line whose
# change failed).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

B=/run/nsip-test/batch
mkdir -p $B
rules() { "$NSIP" nat -S | grep -c '^-A'; }

printf '%s\n' 'netns add t1' 'netns exec t1 true' \
	'link add va0 type veth peer name vb0' 'addr add 10.9.0.1/24 dev va0' \
	'link set va0 up' \
	'nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.9.0.2' \
	'nat -A POSTROUTING -o va0 -j MASQUERADE' \
	'addr show dev va0' 'netns delete t1' >$B/all
run "$NSIP" -batch $B/all
is "$RC" 0 "a batch of netns, link, addr and nat lines"
is "$(printf '%s\n' "$OUT" | grep -c 'inet 10.9.0.1/24')" 1 "…addr show saw the address"
check "…the netns was added and deleted" test ! -e /run/netns/t1
run "$NSIP" link show dev vb0; is "$RC" 0 "…the veth pair is there"
is "$(rules)" 2 "…both nat rules are there"

"$NSIP" netns add inner
printf '%s\n' 'link add vi0 type veth peer name vi1' 'addr add 10.8.0.1/24 dev vi0' \
	'nat -A OUTPUT -d 10.8.0.9 -j DNAT --to-destination 10.8.0.1' >$B/inner
run "$NSIP" -n inner -batch $B/inner
is "$RC" 0 "-n NAME with link, addr and nat lines"
run "$NSIP" -n inner link show dev vi0; is "$RC" 0 "…the link is in the namespace"
run "$NSIP" link show dev vi0
is "$RC" 1 "…and not here"
is "$(ip netns exec inner "$NSIP" nat -S OUTPUT | grep -c '^-A')" 1 "…the rule is in the namespace"

# A group whose second change the kernel refuses (no chain NOPE): nothing
# of the group is made, the line named is the refused one, and the batch
# stops there.
printf '%s\n' 'nat -A PREROUTING -p tcp --dport 81 -j DNAT --to-destination 10.9.0.3' \
	'nat -A NOPE -j RETURN' 'nat -A OUTPUT -j RETURN' 'link add never type veth peer name never1' >$B/refused
run "$NSIP" -batch $B/refused
is "$RC" 1 "a refused change fails the batch"
is "$ERR" "$(printf '%s\n' 'nsip nat: No chain/target/match by that name.' \
	"Command failed $B/refused:2")" "…with the refused line's number"
is "$(rules)" 2 "…and no rule of its group was made"
run "$NSIP" link show dev never
is "$RC" 1 "…and the batch stopped there"

# A line that fails by itself (no such rule to delete) drops its group.
printf '%s\n' 'nat -A PREROUTING -p tcp --dport 82 -j DNAT --to-destination 10.9.0.4' \
	'nat -D PREROUTING -s 9.9.9.9 -j RETURN' 'link add after type veth peer name after1' >$B/bad
run "$NSIP" -force -batch $B/bad
is "$RC" 1 "a failing nat line fails the batch"
is "$(printf '%s\n' "$ERR" | tail -1)" "Command failed $B/bad:2" "…named by its line"
is "$(rules)" 2 "…and its group made no rule"
run "$NSIP" link show dev after; is "$RC" 0 "…-force went on with the next line"

# Two groups split by another line: the first is committed before it.
printf '%s\n' 'nat -N GRP' 'nat -A GRP -s 1.1.1.1 -j RETURN' 'link show dev lo' \
	'nat -A GRP -s 2.2.2.2 -j RETURN' 'nat -A GRP -s 1.1.1.1 -j NOPE2' >$B/split
run "$NSIP" -batch $B/split
is "$RC" 1 "a second group fails"
is "$(printf '%s\n' "$ERR" | tail -1)" "Command failed $B/split:5" "…at its own line"
is "$("$NSIP" nat -S GRP | grep -c '^-A')" 1 "…the first group stayed, the second left nothing"

# A group larger than one default-sized nfnetlink batch: still one
# transaction, all made, or none when its last line is refused.
for ((i = 0; i < 1500; i++)); do
	echo "nat -A PREROUTING -d 10.7.$((i / 250)).$((i % 250)) -p tcp --dport 8080 -j DNAT --to-destination 10.9.0.2"
done >$B/big
run "$NSIP" -batch $B/big
is "$RC|$("$NSIP" nat -S PREROUTING | grep -c 10.7.)" "0|1500" "1,500 nat lines in one group"
"$NSIP" nat -F PREROUTING
echo 'nat -A NOPE -j RETURN' >>$B/big
run "$NSIP" -batch $B/big
is "$RC|$("$NSIP" nat -S PREROUTING | grep -c 10.7.)" "1|0" "…and none of them when the last is refused"

# The sockets a batch has open (rtnetlink, the second one of link show,
# netfilter) are not handed on to what `netns exec` runs, as iproute2's
# are not: the program sees the fds it would see without them.
"$NSIP" netns add fds
sockets() { ls -l /proc/self/fd/ | grep -c 'socket:' || :; }
export -f sockets
alone=$("$NSIP" netns exec fds bash -c sockets)
printf '%s\n' 'link show' 'nat -S' 'nat -A OUTPUT -d 10.6.0.9 -j RETURN' \
	'netns exec fds bash -c sockets' >$B/fds
run "$NSIP" -batch $B/fds
is "$RC|$(printf '%s\n' "$OUT" | tail -1)" "0|$alone" \
	"netns exec after link and nat lines: no socket of nsip's handed on"
"$NSIP" netns delete fds

done_testing
