#!/bin/bash
# iptables-restore and iptables-save against iptables-nft-restore and
# iptables-nft-save 1.8.9: the same input leaves the same saved rule set
# (iptables-nft's tables `ip filter`/`ip nat`, nsip's `ip nsip_filter`/
# `ip nsip`, side by side in the sandbox's network namespace), bad input
# gets the same message and exit code and changes nothing, and a save of
# either tool restores into the other.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless iptables-nft-restore "iptables-nft-restore for differential tests" ||
	{ done_testing; exit; }
# nsip under the reference's names, so that messages name the same program.
for n in iptables-nft-restore iptables-nft-save iptables-restore iptables-save; do
	ln -s "$NSIP" /run/nsip-test/bin/$n
done
XR=/run/nsip-test/bin/iptables-nft-restore
XS=/run/nsip-test/bin/iptables-nft-save

# The version/back-end part and the dates are set aside, nothing else.
norm() {
	sed -E -e 's/ v1\.8\.9 \((nf_tables|nsip)\)/ VERSION/' \
		-e 's/ on [A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}$/ on DATE/'
}

# The state each tool's save shows (counters too).
state_ref() { iptables-nft-save -c | norm; }
state_nsip() { "$XS" -c | norm; }

# rboth DESC INPUT [OPTIONS...]: the same stdout, stderr and exit code
# from both restores, and the same state after.
rboth() {
	local d=$1 input=$2; shift 2
	local want
	OUT=$(printf '%b' "$input" | iptables-nft-restore "$@" 2>/run/nsip-test/stderr); RC=$?
	want="$OUT|$(norm </run/nsip-test/stderr)|$RC"
	OUT=$(printf '%b' "$input" | "$XR" "$@" 2>/run/nsip-test/stderr); RC=$?
	is "$OUT|$(norm </run/nsip-test/stderr)|$RC" "$want" "$d"
	is "$(state_nsip)" "$(state_ref)" "$d: same state after"
}

# sboth DESC ARGS...: both saves alike.
sboth() {
	local d=$1; shift
	local want
	run iptables-nft-save "$@"; want="$(norm <<<"$OUT")|$(norm <<<"$ERR")|$RC"
	run "$XS" "$@"
	is "$(norm <<<"$OUT")|$(norm <<<"$ERR")|$RC" "$want" "$d"
}

sboth "save of nothing"
sboth "save -t nat of a table not there yet" -t nat
sboth "save -t of an unknown table" -t foo
run "$XS" -t mangle
is "$ERR|$RC" "Table \`mangle' does not exist
nsip knows only the filter and nat tables.|1" "save -t of a table nsip does not have"
sboth "save with a bad option" --foo
sboth "save -h" -h

RULES='*nat
:PREROUTING ACCEPT [0:0]
:FOO - [0:0]
# a comment
-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1

-A FOO -j RETURN
-A POSTROUTING -o eth0 -j MASQUERADE
-A POSTROUTING -s 10.1.0.0/16 -m comment --comment "a \\"quoted\\" b" -j SNAT --to-source 1.2.3.4
COMMIT
*filter
:INPUT DROP [3:4]
:ZED - [0:0]
:BAR - [0:0]
-A INPUT -s 1.2.3.4/32 -j ACCEPT
-A BAR -j DROP
-A INPUT -j BAR
-A INPUT -p tcp -m multiport --dports 22,80:90 -m conntrack --ctstate NEW -j LOG --log-prefix "x "
-A ZED -j REJECT --reject-with tcp-reset -p tcp
COMMIT
'
rboth "a rule set" "$RULES"
sboth "its save"
sboth "its save -c" -c
sboth "its save -t filter" -t filter
sboth "its save --table=nat" --table=nat
rboth "the same again replaces it" "$RULES"

# The matches of issue 18 through a restore: their sets too.
rboth "length, iprange, limit, addrtype, --ports" '*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp -m multiport ! --ports 22,80:90 -m addrtype --src-type LOCAL,UNICAST --limit-iface-in -j ACCEPT\n-A INPUT -m length ! --length 40:60 -m iprange --src-range 10.0.0.1-10.0.0.9 -m limit --limit 7/min --limit-burst 9 -m addrtype ! --dst-type LOCAL -j DROP\nCOMMIT\n'
rboth "--limit-iface-out in INPUT" '*filter\n-A INPUT -m addrtype --src-type LOCAL --limit-iface-out\nCOMMIT\n'
rboth "a table replaced: policies back to ACCEPT, user chains gone" \
	'*filter\n-A INPUT -j ACCEPT\nCOMMIT\n'
rboth "--noflush adds" '*filter\n:NEW - [0:0]\n-A INPUT -j DROP\n-A NEW -j RETURN\nCOMMIT\n' --noflush
rboth "-n: a chain line empties a user chain" '*filter\n:NEW - [0:0]\nCOMMIT\n' -n
rboth "-n: -D of a rule, -I at the head" '*filter\n-D INPUT -j DROP\n-I INPUT -s 9.9.9.9 -j ACCEPT\nCOMMIT\n' -n
rboth "-n: -D by number, -R" '*filter\n-D INPUT 1\n-R INPUT 1 -j REJECT\nCOMMIT\n' -n
rboth "-n: -F, -X, -N, -P" '*filter\n-F INPUT\n-X NEW\n-N NEWER\n-P FORWARD DROP\nCOMMIT\n' -n
rboth "--test changes nothing" '*filter\n-A INPUT -j DROP\nCOMMIT\n' --test
rboth "-T picks one table" '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n-A INPUT -j ACCEPT\nCOMMIT\n' -T nat
rboth "-c: counters of chains and rules" '*filter\n:INPUT ACCEPT [5:6]\n[7:8] -A INPUT -j ACCEPT\nCOMMIT\n' -c
sboth "a save without -c still has the chains' counters"
rboth "counters without -c are read, not used" '*filter\n:INPUT ACCEPT [5:6]\n[7:8] -A INPUT -j ACCEPT\nCOMMIT\n'
rboth "-w and -W are taken" '*filter\nCOMMIT\n' -w 5 -W 10
rboth "a table block twice" '*nat\n-A INPUT -j ACCEPT\nCOMMIT\n*nat\n-A OUTPUT -j ACCEPT\nCOMMIT\n' -n
rboth "no newline at the end" '*filter\n-A INPUT -j ACCEPT\nCOMMIT'
rboth "empty input" ''

# -v: the chains a block flushes and deletes, and each rule line's echo,
# shown when the block is committed; nothing with --noflush.
rboth "-v: two blocks" '*nat\n:FOO - [0:0]\n-A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 10.0.0.1\n-A FOO -j RETURN\nCOMMIT\n*filter\n:INPUT DROP [0:0]\n-A INPUT -s 1.2.3.4 -j ACCEPT\n-N X\n-I INPUT -j X\nCOMMIT\n' -v
rboth "-v: user chains there are flushed and deleted (the policies kept)" '*filter\n:B - [0:0]\n:A - [0:0]\nCOMMIT\n' -v
rboth "-v again: the chains named" '*filter\n-A INPUT -i eth0 ! -s 10.0.0.0/8 -j ACCEPT\nCOMMIT\n' -v
rboth "-v with --noflush: nothing" '*filter\n-D INPUT 1\n-A INPUT -j ACCEPT\nCOMMIT\n' -v -n
rboth "-v with -T: nothing for the block left out" '*filter\n-A INPUT -j ACCEPT\nCOMMIT\n' -v -T nat
rboth "-v with --test" '*filter\n-A INPUT -j DROP\nCOMMIT\n' -v --test
# What nsip's restore does not do: look a rule up in a chain it added to.
before=$(state_nsip)
run "$XR" <<<$'*filter\n-I INPUT -j ACCEPT\n-D INPUT -j ACCEPT\nCOMMIT'
is "$ERR|$RC" "iptables-nft-restore: line 3 failed: nsip cannot look up rules in a chain this restore already added rules to|1" \
	"-D in a chain the restore added to: refused by name"
is "$(state_nsip)" "$before" "…and nothing changed"
rboth "-v and a bad line: nothing shown" '*filter\n-A INPUT -j ACCEPT\n-A INPUT -p tcp --dport foo\nCOMMIT\n' -v

# Bad input: the message, the exit code, and nothing changed.
rboth "bad port on line 3" '*filter\n-A INPUT -j DROP\n-A INPUT -p tcp --dport foo -j ACCEPT\nCOMMIT\n'
rboth "unknown option" '*filter\n-A INPUT --bogus -j ACCEPT\nCOMMIT\n'
rboth "no such chain" '*filter\n-A NOPE -j ACCEPT\nCOMMIT\n'
rboth "missing COMMIT" '*filter\n-A INPUT -j DROP\n'
rboth "unknown table" '*foo\n-A INPUT -j ACCEPT\nCOMMIT\n'
rboth "no table name" '*\nCOMMIT\n'
rboth "a rule outside a table" '-A INPUT -j ACCEPT\n'
rboth "COMMIT outside a table" 'COMMIT\n'
rboth "a chain outside a table" ':FOO - [0:0]\n'
rboth "a chain without policy" '*filter\n:FOO\nCOMMIT\n'
rboth "a chain line without name" '*filter\n:\nCOMMIT\n'
rboth "bad policy" '*filter\n:INPUT FOO [0:0]\nCOMMIT\n'
rboth "-c: bad policy counters" '*filter\n:INPUT ACCEPT [a:b]\nCOMMIT\n' -c
rboth "-N of a built-in chain" '*filter\n-N INPUT\nCOMMIT\n'
rboth "-N of a chain there" '*filter\n-N Q\n-N Q\nCOMMIT\n'
rboth "a word that is no option" '*filter\nhello world\nCOMMIT\n'
rboth "a table inside a table" '*filter\n*nat\nCOMMIT\n'
rboth "a blank line of blanks" '*filter\n\t\nCOMMIT\n'
rboth "lower-case commit" '*filter\ncommit\n'
rboth "COMMIT with more" '*filter\nCOMMIT foo\n'
rboth "a comment after words" '*filter\n-A INPUT -j ACCEPT # no\nCOMMIT\n'
rboth "single quotes are no quotes" "*filter\n-A INPUT -m comment --comment 'a b' -j ACCEPT\nCOMMIT\n"
rboth "bad counter prefix" '*filter\n[x] -A INPUT -j ACCEPT\nCOMMIT\n'
rboth "-c: byte counter not numeric" '*filter\n[7:] -A INPUT -j ACCEPT\nCOMMIT\n' -c
rboth "-t in a line" '*filter\n-t nat -A INPUT -j ACCEPT\nCOMMIT\n'
rboth "-w in a line" '*filter\n-w -A INPUT -j ACCEPT\nCOMMIT\n'
rboth "a jump to a chain not there" '*filter\n-A INPUT -j NOPE\nCOMMIT\n'
rboth "a jump to a chain named later" '*filter\n-A INPUT -j LATER\n:LATER - [0:0]\nCOMMIT\n'
rboth "-D of a rule not there" '*filter\n-D INPUT -s 5.5.5.5 -j ACCEPT\nCOMMIT\n' -n
rboth "-X of a built-in chain" '*filter\n-X INPUT\nCOMMIT\n'
rboth "a chain name too long" '*filter\n:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA - [0:0]\nCOMMIT\n'
# iptables-nft-restore makes each block at its COMMIT; nsip's restore is
# one transaction: a later block's bad line leaves the earlier one unmade.
before=$(state_nsip)
run "$XR" <<<$'*filter\n-A INPUT -j DROP\nCOMMIT\n*nat\n-A NOPE -j ACCEPT\nCOMMIT'
is "$ERR|$RC" "iptables-nft-restore: line 5 failed: No chain/target/match by that name.|1" \
	"the second block's line fails"
is "$(state_nsip)" "$before" "…and the first block is not made either"
rboth "MASQUERADE in filter: the kernel's refusal" '*filter\n-A INPUT -j MASQUERADE\nCOMMIT\n'
rboth "a chain and a jump to it" '*filter\n:V - [0:0]\n-A INPUT -j V\nCOMMIT\n' -n
rboth "-X of a chain a rule jumps to: the kernel's refusal" '*filter\n-X V\nCOMMIT\n' -n
run "$XR" /nonexistent; want="$OUT|$ERR|$RC"
run iptables-nft-restore /nonexistent
is "$want" "$OUT|$ERR|$RC" "a file that is not there"
run "$XR" a b; want="$OUT|$ERR|$RC"
run iptables-nft-restore a b
is "$want" "$OUT|$ERR|$RC" "two files"
run "$XR" --foo; want="$OUT|$ERR|$RC"
run iptables-nft-restore --foo
is "$want" "$OUT|$ERR|$RC" "a bad option"

# A save of either tool restored by the other gives the same rules.
printf '%b' "$RULES" | iptables-nft-restore
printf '%b' "$RULES" | "$XR"
iptables-nft-save | iptables-nft-restore
"$XS" | iptables-nft-restore
is "$(state_ref)" "$(state_nsip)" "nsip's save restored by iptables-nft-restore"
iptables-nft-save | "$XR"
is "$(state_nsip)" "$(state_ref)" "iptables-nft-save's output restored by nsip"

# A -batch group reads a chain once for its -D lines: two -D of two same
# rules delete both, as two -D lines of iptables-nft-restore --noflush do.
printf -- '-A POSTROUTING -s 10.7.0.1 -j MASQUERADE\n-A POSTROUTING -s 10.7.0.1 -j MASQUERADE\n-A POSTROUTING -j MASQUERADE\n' >/run/nsip-test/twice
{ echo '*nat'; cat /run/nsip-test/twice; echo COMMIT; } | iptables-nft-restore --noflush
sed 's/^/nat -t nat /' /run/nsip-test/twice >/run/nsip-test/twice.batch
"$NSIP" -batch /run/nsip-test/twice.batch
{ echo '*nat'; sed 's/^-A/-D/' /run/nsip-test/twice; echo COMMIT; } | iptables-nft-restore --noflush
sed 's/ -A / -D /' /run/nsip-test/twice.batch >/run/nsip-test/twice.del
run "$NSIP" -batch /run/nsip-test/twice.del
is "$ERR|$RC" "|0" "-batch: -D of two same rules in one group"
is "$(state_nsip)" "$(state_ref)" "…both deleted, the state is iptables-nft's"
run "$NSIP" -batch /run/nsip-test/twice.del
is "$RC" 1 "…and a third -D of them finds none"

# 1,000 lines, the last one bad: nothing changes.
{
	echo '*nat'
	echo ':BIG - [0:0]'
	for ((i = 0; i < 997; i++)); do
		echo "-A BIG -s 10.0.$((i >> 8)).$((i & 255)) -j RETURN"
	done
	echo '-A BIG -p tcp --dport nope -j RETURN'
	echo 'COMMIT'
} >/run/nsip-test/big
before=$("$XS" | norm)
run "$XR" /run/nsip-test/big
is "$(norm <<<"$ERR")|$RC" "iptables-nft-restore VERSION: invalid port/service \`nope' specified
Error occurred at line: 1000
Try \`iptables-nft-restore -h' or 'iptables-nft-restore --help' for more information.|2" \
	"1,000 lines, the last bad: its message"
is "$("$XS" | norm)" "$before" "…and the state before and after is the same"
sed -i '$d' /run/nsip-test/big; sed -i '$d' /run/nsip-test/big; echo COMMIT >>/run/nsip-test/big
check "…and without it, 997 rules made" "$XR" /run/nsip-test/big
is "$("$XS" -t nat | grep -c '^-A BIG')" 997 "…all of them"

# Two restores at once: one or the other, never a mix.
{ echo '*filter'; for ((i = 0; i < 300; i++)); do echo "-A INPUT -s 10.1.0.$((i & 255)) -j ACCEPT"; done; echo COMMIT; } >/run/nsip-test/one
{ echo '*filter'; for ((i = 0; i < 300; i++)); do echo "-A INPUT -s 10.2.0.$((i & 255)) -j DROP"; done; echo COMMIT; } >/run/nsip-test/two
mixed=0
for ((k = 0; k < 5; k++)); do
	"$XR" /run/nsip-test/one & "$XR" /run/nsip-test/two & wait
	a=$("$XS" -t filter | grep -c -- '-s 10.1.0')
	b=$("$XS" -t filter | grep -c -- '-s 10.2.0')
	{ [ "$a" = 300 ] && [ "$b" = 0 ]; } || { [ "$a" = 0 ] && [ "$b" = 300 ]; } || mixed=1
done
is "$mixed" 0 "two restores at once end in one or the other"

done_testing
