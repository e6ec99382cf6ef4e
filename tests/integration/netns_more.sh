#!/bin/bash
# netns beyond add/list/delete/exec: identify, pids, attach, set, list-id,
# monitor, -all delete, -all exec, and run-dir entries that are not
# namespaces. Differential against iproute2 on the same state where the two
# must agree; checks of nsip's own where it does better on purpose.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

T=/run/nsip-test
# Processes this script starts; killed on the way out whatever happens.
KIDS=()
cleanup() { for p in "${KIDS[@]}"; do kill "$p" 2>/dev/null; done; }
trap cleanup EXIT

# wait_for DESCRIPTION COMMAND...: polls (at most about 2 s) until the
# command succeeds, then reports it.
wait_for() {
	local d=$1; shift
	for _ in $(seq 40); do
		"$@" && { ok 0 "$d"; return 0; }
		sleep 0.05
	done
	ok 1 "$d"
}

# Bad words and missing things: nothing exists yet, not even the run dir.
same_as_ip "identify with no run dir prints an empty line" netns identify
same_as_ip "identify: a word that is not a pid" netns identify abc
same_as_ip "identify: digits then garbage" netns identify 12x
same_as_ip "identify: a process that does not exist" netns identify 999999999
same_as_ip "identify: extra arguments" netns identify 1 2
same_as_ip "identify: an empty word is a bad name first" netns identify ""
same_as_ip "pids: no name" netns pids
same_as_ip "pids: missing namespace" netns pids nosuch
same_as_ip "pids: extra arguments" netns pids nosuch extra
same_as_ip "pids: bad name" netns pids a/b
same_as_ip "attach: no words" netns attach
same_as_ip "attach: no pid" netns attach x
same_as_ip "attach: pid not a number" netns attach x abc
same_as_ip "attach: pid 0" netns attach x 0
same_as_ip "attach: pid with trailing garbage" netns attach x 12x
same_as_ip "attach: process that does not exist" netns attach x 999999999
check "a failed attach leaves no file behind" test ! -e /run/netns/x
same_as_ip "set: no name" netns set
same_as_ip "set: no nsid" netns set red
same_as_ip "set: nsid not a number" netns set red abc
same_as_ip "set: negative nsid" netns set red -1
same_as_ip "set: auto is case-sensitive" netns set red AUTO
same_as_ip "set: nsid out of range" netns set red 4294967299
same_as_ip "set: missing namespace" netns set nosuch 7
same_as_ip "list-id with nothing" netns list-id
same_as_ip "-j list-id with nothing" -j netns list-id
same_as_ip "-j -p list-id with nothing" -j -p netns list-id
same_as_ip "list-id: nsid not a number" netns list-id nsid abc
same_as_ip "list-id: target-nsid not a number" netns list-id target-nsid abc
same_as_ip "list-id: negative nsid" netns list-id nsid -3
same_as_ip "list-id: negative nsid names the next word" netns list-id nsid -3 target-nsid 1
same_as_ip "list-id: negative target-nsid" netns list-id target-nsid -3
same_as_ip "list-id: nsid twice" netns list-id nsid 1 nsid 2
same_as_ip "list-id: target-nsid twice" netns list-id target-nsid 1 target-nsid 2
same_as_ip "list-id: missing value" netns list-id nsid
same_usage_as_ip "list-id: unknown word prints usage" netns list-id frob
same_usage_as_ip "netns help" netns help
same_as_ip "-all exec without a command" -all netns exec
same_as_ip "-all exec with no namespaces" -all netns exec true
same_as_ip "-all delete with no namespaces" -all netns delete
same_as_ip "exec: no name" netns exec
same_as_ip "exec: no command" netns exec red
same_as_ip "exec: missing namespace" netns exec nosuch true

"$NSIP" netns add red && "$NSIP" netns add blue
ok $? "two namespaces made"

# pids and identify: a sleep started under netns exec (the exec'd process
# keeps its PID, and is inside once it has entered).
"$NSIP" netns exec red sleep 60 &
SLEEPER=$!
KIDS+=("$SLEEPER")
in_red() { "$NSIP" netns pids red | grep -qx "$SLEEPER"; }
wait_for "pids finds a sleep started under netns exec" in_red
same_as_ip "pids red" netns pids red
same_as_ip "pids of a namespace with no process" netns pids blue
run "$NSIP" -j netns pids red
case "$OUT" in *"{\"pid\":$SLEEPER}"*) ok 0 "-j pids lists the sleep";;
	       *) ok 1 "-j pids lists the sleep: $OUT";; esac
same_as_ip "identify the sleep" netns identify "$SLEEPER"
run "$NSIP" netns identify "$SLEEPER"
is "$OUT" red "identify names the sleep's namespace"
same_as_ip "identify self (no name)" netns identify
run "$NSIP" netns exec red "$NSIP" netns identify
is "$OUT|$RC" "red|0" "identify inside a namespace names it"
run "$NSIP" netns exec red "$NSIP" -j netns identify
is "$OUT" '[{"name":"red"}]' "-j identify"
run "$NSIP" -j netns identify
is "$OUT" '[]' "-j identify with no name is an empty list"
ln -s /proc/self/ns/net /run/netns/selflink
same_as_ip "identify takes a symlink in the run dir for a name, as ip" netns identify
run "$NSIP" netns identify
is "$OUT" selflink "…naming the namespace it points to"
rm /run/netns/selflink

# attach: a process's own namespace, with a link in it, gets a name.
unshare --net sleep 60 &
HOLDER=$!
KIDS+=("$HOLDER")
unshared() { [ "$(readlink /proc/"$HOLDER"/ns/net)" != "$(readlink /proc/self/ns/net)" ]; }
wait_for "a process in a namespace of its own" unshared
ip link add nsipv0 type veth peer name nsipv1 &&
	ip link set nsipv1 netns "$HOLDER"
ok $? "a veth end moved into a process's namespace"
run "$IPNSIP" netns attach held "$HOLDER"
is "$OUT|$ERR|$RC" "||0" "attach names the process's namespace"
run "$NSIP" netns exec held ip -o link show nsipv1
case "$OUT" in *nsipv1*) ok 0 "exec into the attached name sees the process's link";;
	       *) ok 1 "exec into the attached name sees the process's link: $OUT $ERR";; esac
same_as_ip "identify the attached process" netns identify "$HOLDER"
same_as_ip "attach onto an existing name" netns attach held "$HOLDER"
same_as_ip "list after attach" netns list

# set and list-id, both ways round: what one tool sets, the other reads.
run "$IPNSIP" netns set red 5
is "$ERR|$RC" "|0" "set red 5"
ip netns set blue 6
same_as_ip "list shows the nsids" netns list
same_as_ip "-j list shows the nsids" -j netns list
same_as_ip "list-id" netns list-id
same_as_ip "-j list-id" -j netns list-id
same_as_ip "-j -p list-id" -j -p netns list-id
same_as_ip "list-id nsid 5" netns list-id nsid 5
same_as_ip "-j list-id nsid 5" -j netns list-id nsid 5
same_as_ip "list-id of an unknown nsid" netns list-id nsid 99
same_as_ip "-j list-id of an unknown nsid" -j netns list-id nsid 99
same_as_ip "set: the namespace has an nsid" netns set red 7
same_as_ip "set: the nsid is taken" netns set held 5
"$NSIP" netns add green
run "$IPNSIP" netns set green auto
is "$ERR|$RC" "|0" "set auto"
same_as_ip "list after set auto" netns list
"$NSIP" -n red netns set blue 11
ok $? "set inside a namespace (-n)"
same_as_ip "list-id target-nsid" netns list-id target-nsid 5
same_as_ip "-j list-id target-nsid" -j netns list-id target-nsid 5
same_as_ip "list-id target-nsid and nsid" netns list-id target-nsid 5 nsid 11
same_as_ip "list-id of an unknown target" netns list-id target-nsid 99
same_as_ip "-j list-id of an unknown target" -j netns list-id target-nsid 99
same_as_ip "list-id inside a namespace (-n)" -n red netns list-id

# monitor in a pipe sees another process's add and delete at once.
"$NSIP" netns monitor > >(cat > $T/monitor.out) &
MON=$!
KIDS+=("$MON")
watching() { grep -qs '^inotify wd:' /proc/"$MON"/fdinfo/*; }
wait_for "monitor is watching the run dir" watching
"$NSIP" netns add watched && "$NSIP" netns delete watched
saw() { grep -qx "$1" $T/monitor.out; }
wait_for "monitor in a pipe sees the add within a second" saw "add watched"
wait_for "monitor in a pipe sees the delete within a second" saw "delete watched"
kill "$MON"
wait "$MON" 2>/dev/null
check "monitor is gone once killed" sh -c "! kill -0 $MON 2>/dev/null"

# -all exec: the same lines as ip when every namespace can be entered.
# shellcheck disable=SC2016 # expanded inside each namespace
same_as_ip "-all exec" -all netns exec sh -c 'echo "in $(ip netns identify)"'
same_as_ip "-all exec of a missing command" -all netns exec nsip-no-such-command

# A plain file in the run dir (a leftover): ip's exit codes, one clear line.
touch /run/netns/stale
run "$IPNSIP" netns list
ip_out=$("$IPREAL" netns list 2>/dev/null)
is "$OUT|$RC" "$ip_out|0" "list still lists a stale file, exit 0"
stale_line='Error: /run/netns/stale is an empty regular file, not a network namespace mount'
case "$ERR" in "$stale_line"*'rm "/run/netns/stale"') ok 0 "list explains the stale file in one line";;
	       *) ok 1 "list explains the stale file in one line: $ERR";; esac
is "$(printf '%s\n' "$ERR" | wc -l)" 1 "…and only once"
for words in "netns exec stale true" "-n stale link show" "netns set stale 3" "netns pids stale"; do
	# shellcheck disable=SC2086
	run "$IPNSIP" $words
	case "$ERR" in "$stale_line"*) ok 0 "$words: explains the stale file";;
		       *) ok 1 "$words: explains the stale file: $ERR";; esac
done
for words in "netns exec stale true" "-n stale link show" "netns set stale 3"; do
	# shellcheck disable=SC2086
	run "$IPREAL" $words; want=$RC
	# shellcheck disable=SC2086
	run "$IPNSIP" $words
	is "$RC" "$want" "$words: ip's exit code"
done
run "$IPNSIP" netns pids stale
is "$RC" 1 "pids of a stale file fails"
run "$IPNSIP" netns list-id
is "$(printf '%s\n' "$ERR" | grep -c stale)" 1 "list-id explains the stale file once"

# -all exec: each namespace exactly once, the failure named.
# shellcheck disable=SC2016 # expanded inside each namespace
run "$IPNSIP" -all netns exec sh -c 'echo "in $(ip netns identify)"'
names=$(cd /run/netns && printf '%s\n' * | sort)
is "$(printf '%s\n' "$OUT" | sed -n 's/^netns: //p' | sort)" "$names" "-all exec visits every entry once"
is "$(printf '%s\n' "$OUT" | grep -c '^in ')" "$(($(printf '%s\n' "$names" | wc -l) - 1))" \
	"-all exec runs the command once in each namespace it could enter"
case "$ERR" in *'could not enter 1 of '*'"stale"') ok 0 "-all exec names the namespace it could not enter";;
	       *) ok 1 "-all exec names the namespace it could not enter: $ERR";; esac
is "$RC" 255 "-all exec exits 255 after a set-up failure"

# A link is followed as ip follows it (netns_symlink.sh has the rest);
# delete removes the link, never what it points to.
ln -s /proc/self/ns/net /run/netns/link
same_as_ip "exec follows a symlink, as ip" netns exec link true
rm /run/netns/link
mkdir -p $T/victim && mount -t tmpfs victim $T/victim
ln -s $T/victim /run/netns/victim
run "$IPNSIP" netns delete victim
is "$RC" 0 "delete removes a symlink"
check "…without unmounting what it pointed to" mountpoint -q $T/victim
check "…and the symlink is gone" test ! -L /run/netns/victim
mkfifo /run/netns/fifo
run timeout 5 "$IPNSIP" netns list
is "$RC" 0 "list does not hang on a FIFO in the run dir"
run timeout 5 "$IPNSIP" netns exec fifo true
case "$ERR|$RC" in 'Error: /run/netns/fifo is a FIFO'*'|255') ok 0 "exec explains a FIFO";;
		   *) ok 1 "exec explains a FIFO: $ERR|$RC";; esac
touch /run/netns/uts && mount --bind /proc/self/ns/uts /run/netns/uts
run "$IPNSIP" netns exec uts true
case "$ERR|$RC" in *'uts is a mount of a namespace of another type'*'|255') ok 0 "exec refuses a namespace of another type";;
		   *) ok 1 "exec refuses a namespace of another type: $ERR|$RC";; esac

# -all delete goes through every entry even when one cannot go.
mkdir /run/netns/adir
run "$IPNSIP" -all netns delete
is "$RC" 1 "-all delete exits 1 when an entry could not be removed"
is "$ERR" 'Cannot remove namespace file "/run/netns/adir": Is a directory' "…naming it"
is "$(ls -A /run/netns)" adir "…and removes every other entry"
is "$(netns_mounts | grep -v '^/run/netns$' || true)" "" "…with their mounts"
rmdir /run/netns/adir
"$NSIP" netns add p && "$NSIP" netns add q
same_as_ip "-all delete ignores a name" -all netns delete p
same_as_ip "list after -all delete" netns list

# -all does not lift the name check where the word is a name: ip's -all
# add ../x would make /run/x, outside the run dir (found by the
# netns_args fuzz target).
for sub in "add ../x" "attach ../x $$" "set ../x 3" "pids ../x"; do
	# shellcheck disable=SC2086
	run "$IPNSIP" -all netns $sub
	is "$RC/$ERR" '255/Invalid netns name "../x"' "-all netns $sub is refused"
done
check "…and makes no /run/x" test ! -e /run/x

done_testing
