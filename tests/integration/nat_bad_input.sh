#!/bin/bash
# Bad input to nat: iptables' message and exit code (against iptables-nft
# where it is installed), and nothing changed: `nft list ruleset` is the same
# before and after nsip's attempt.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables
HAVE_IPT=false
command -v iptables-nft >/dev/null && HAVE_IPT=true
skip_unless nft "nft to read the ruleset" || { done_testing; exit; }

norm() {
	sed -E 's/^iptables v[0-9][^ ]* \((nf_tables|nsip)\): /iptables VERSION: /'
}

# Some state for the failures to leave alone, in both tables.
for t in "$IPT" iptables-nft; do
	command -v "$t" >/dev/null || continue
	"$t" -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
	"$t" -t nat -N KEEP
	"$t" -t nat -A PREROUTING -j KEEP
done

# unchanged DESC ARGS...: nsip fails and the ruleset stays as it was.
unchanged() {
	local d=$1; shift
	local before after
	before=$(nft list ruleset 2>&1)
	run "$IPT" "$@"
	after=$(nft list ruleset 2>&1)
	is "$([ "$RC" != 0 ] && echo failed)|$after" "failed|$before" "$d: nothing changed"
}

# bad DESC ARGS...: as iptables-nft, and nothing changed.
bad() {
	local d=$1; shift
	local want
	if $HAVE_IPT; then
		run iptables-nft "$@"; want="$OUT|$(norm <<<"$ERR")|$RC"
	fi
	unchanged "$d" "$@"
	local got="$OUT|$(norm <<<"$ERR")|$RC"
	if $HAVE_IPT; then
		is "$got" "$want" "$d: message and exit code"
	else
		skip_unless iptables-nft "$d: message and exit code"
	fi
}

bad "unknown option" -t nat -A POSTROUTING --frob -j MASQUERADE
bad "unknown short option" -t nat -A POSTROUTING -Q
bad "bad address" -t nat -A POSTROUTING -s 300.1.1.1 -j MASQUERADE
bad "bad mask" -t nat -A POSTROUTING -s 1.2.3.4/33 -j MASQUERADE
bad "port out of range" -t nat -A PREROUTING -p tcp --dport 70000 -j DNAT --to-destination 1.1.1.1
bad "port range upside down" -t nat -A PREROUTING -p tcp --dport 10:5 -j ACCEPT
bad "missing --to-destination" -t nat -A PREROUTING -p tcp --dport 80 -j DNAT
bad "missing --to-source" -t nat -A POSTROUTING -j SNAT
bad "bad --to-destination address" -t nat -A PREROUTING -j DNAT --to-destination x
bad "bad --to-destination port" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.2.3.4:70000
bad "NAT ports need tcp or udp" -t nat -A POSTROUTING -j MASQUERADE --to-ports 1000
bad "target option of another target" -t nat -A PREROUTING -j ACCEPT --to-ports 80
bad "--to with a target that has none" -t nat -A PREROUTING -j ACCEPT --to 1.2.3.4
bad "target option twice" -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4 --to-source 1.2.3.5
bad "unknown chain" -t nat -A FROB -j ACCEPT
bad "unknown jump target" -t nat -A PREROUTING -j FROB
bad "DROP policy on nat" -t nat -P PREROUTING DROP
bad "DROP target on nat" -t nat -A PREROUTING -j DROP
bad "bad policy name" -t nat -P PREROUTING FROB
bad "policy of a user chain" -t nat -P KEEP ACCEPT
bad "deleting a missing rule" -t nat -D POSTROUTING -s 9.9.9.9 -j MASQUERADE
bad "deleting a rule number too big" -t nat -D POSTROUTING 9
bad "bad rule number" -t nat -D POSTROUTING 0
bad "checking a missing rule" -t nat -C POSTROUTING -s 9.9.9.9 -j MASQUERADE
# Tables: iptables has others; nsip says the same first line (exit 3) and
# its own second line.
for t in mangle frob; do
	unchanged "table $t" -t $t -A POSTROUTING -j MASQUERADE
	is "$(norm <<<"${ERR%%$'\n'*}")|$RC" "iptables VERSION: table '$t' does not exist|3" \
		"table $t: iptables' message and exit code"
done
# Without -t a link named iptables works on the filter table, as iptables.
run "$IPT" -S
if $HAVE_IPT; then
	is "$OUT|$RC" "$(iptables-nft -S)|0" "no -t through the iptables link: the filter table"
else
	skip_unless iptables-nft "no -t through the iptables link: the filter table"
fi
bad "no command" -t nat
bad "two commands" -t nat -A PREROUTING -D PREROUTING
bad "stray word" -t nat -A PREROUTING foo
bad "missing chain name" -t nat -A
bad "unknown protocol" -t nat -A PREROUTING -p frob -j ACCEPT
bad "port with icmp" -t nat -A PREROUTING -p icmp --dport 1 -j ACCEPT
bad "option illegal with -L" -t nat -L -s 1.2.3.4
bad "-n with -A" -t nat -A PREROUTING -n -j ACCEPT
bad "-s twice" -t nat -A PREROUTING -s 1.1.1.1 -s 2.2.2.2 -j ACCEPT
bad "! twice" -t nat -A PREROUTING ! ! -s 1.1.1.1 -j ACCEPT
bad "! before a command" -t nat ! -A PREROUTING -j ACCEPT
bad "interface name too long" -t nat -A PREROUTING -i aaaaaaaaaaaaaaaaaaaaa -j ACCEPT
bad "empty interface" -t nat -A PREROUTING -i "" -j ACCEPT
bad "negated empty interface" -t nat -A OUTPUT -p tcp ! -o "" -j ACCEPT
bad "empty interface before a duplicate" -t nat -A PREROUTING -i x -i "" -j ACCEPT
bad "-o in PREROUTING" -t nat -A PREROUTING -o eth0 -j ACCEPT
bad "-i in POSTROUTING" -t nat -A POSTROUTING -i eth0 -j ACCEPT
bad "unknown match" -t nat -A PREROUTING -m frob -j ACCEPT
bad "tcp match with udp" -t nat -A POSTROUTING -p udp -m tcp --dport 1 -j ACCEPT
bad "existing chain" -t nat -N KEEP
bad "built-in chain as new chain" -t nat -N POSTROUTING
bad "chain named like a target" -t nat -N DNAT
bad "chain name starting with -" -t nat -N -x
bad "chain name too long" -t nat -N aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
bad "deleting a missing chain" -t nat -X FROB
bad "deleting a referenced chain" -t nat -X KEEP
bad "renaming a missing chain" -t nat -E FROB X
bad "flushing a missing chain" -t nat -F FROB
bad "insert index too big" -t nat -I POSTROUTING 9 -j ACCEPT
bad "replace index too big" -t nat -R POSTROUTING 9 -j ACCEPT
bad "-R without a number" -t nat -R POSTROUTING
bad "deleting a rule of a missing chain" -t nat -D FROB -s 1.1.1.1 -j ACCEPT
bad "checking a rule of a missing chain" -t nat -C FROB -j ACCEPT
bad "replacing in a missing chain" -t nat -R FROB 1 -j ACCEPT
bad "inserting at 2 in a missing chain" -t nat -I FROB 2 -j ACCEPT
# (iptables-nft says "Incompatible with this kernel." here; nsip names the rule.)
unchanged "zeroing a rule of a missing chain" -t nat -Z FROB 1
is "$ERR|$RC" "iptables: Bad rule (does a matching rule exist in that chain?).|1" \
	"zeroing a rule of a missing chain: exit 1"
bad "deleting by number in a built-in chain not made yet" -t nat -D INPUT 1
bad "replacing in a built-in chain not made yet" -t nat -R INPUT 1 -j ACCEPT
bad "inserting at 2 in a built-in chain not made yet" -t nat -I INPUT 2 -j ACCEPT
bad "checking in a built-in chain not made yet" -t nat -C INPUT -j ACCEPT

# The kernel refuses source NAT before routing: exit 4, all or nothing.
unchanged "SNAT in PREROUTING" -t nat -A PREROUTING -j SNAT --to-source 1.2.3.4
is "$RC" 4 "SNAT in PREROUTING: the kernel's refusal is exit 4"
case "$ERR" in *"RULE_APPEND failed"*"rule in chain PREROUTING") ok 0 "…named as iptables-nft does";;
	*) ok 1 "…named as iptables-nft does: $ERR";; esac

# A first rule in a missing table would create table and chain: when the
# rule fails, neither may be left behind.
nft delete table ip nsip
unchanged "failed first rule leaves no table" -t nat -A PREROUTING -j SNAT --to-source 1.2.3.4
run nft list table ip nsip
is "$RC" 1 "…no half-made table ip nsip"

# Scripts read the release from --version and from every message: the
# number is iptables' own, the back end is named as nsip.
run "$IPT" --version
if $HAVE_IPT; then
	ref=$(iptables-nft --version)
	is "$OUT|$RC" "${ref%% (*} (nsip)|0" "--version names iptables' release and nsip"
else
	is "$OUT|$RC" "iptables v1.8.9 (nsip)|0" "--version names iptables' release and nsip"
fi
run "$IPT" -A FORWARD --frob
is "${ERR%%:*}" "iptables v1.8.9 (nsip)" "messages name the same release"

done_testing
