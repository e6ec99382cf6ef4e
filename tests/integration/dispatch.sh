#!/bin/bash
# The multi-call dispatcher: objects, abbreviations, global options and
# their messages and exit codes, against iproute2.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

same_as_ip "unknown object" frob
same_as_ip "unknown option" -frob link
same_usage_as_ip "no object prints usage"
same_usage_as_ip "missing -batch value prints usage" -batch
same_usage_as_ip "missing -family value prints usage" -family
same_usage_as_ip "ip help" help
same_usage_as_ip "ip -help" -help
same_as_ip "bad family" -family frob link
same_as_ip "-n of a missing namespace" -n nosuch link
same_as_ip "unknown netns command" netns frob
same_as_ip "unknown link command" link frob
same_as_ip "nat is not an ip object" nat
same_as_ip "abbreviated object l = link" l
same_as_ip "abbreviated object net = netns" net
same_as_ip "--json long option" --json link
same_as_ip "-- ends options" -- link
same_as_ip "-j -p link" -j -p link
same_as_ip "-o link" -o link
same_as_ip "-br link" -br link

run "$NSIP" frob
is "$ERR|$RC" 'Object "frob" is unknown, try "nsip help".|1' "nsip names itself in messages"
run "$NSIP" help he
is "${OUT%%$'\n'*}|$RC" "Usage: nsip [ OPTIONS ] OBJECT { COMMAND | help }|0" \
	"nsip help help is plain help (it once recursed until the stack ran out)"
run "$NSIP" na
is "$RC" 2 "nsip na reaches the nat object (no command: exit 2)"
ln -s "$NSIP" /run/nsip-test/bin/netns
run /run/nsip-test/bin/netns add viaLink
is "$RC" 0 "a link named netns is the netns applet"
check "…and the namespace exists" test -e /run/netns/viaLink
ln -s "$NSIP" /run/nsip-test/bin/link
run /run/nsip-test/bin/link -j show lo
is "${OUT:0:13}" '[{"ifindex":1' "a link named link takes global options then words"

# A name nsip does not answer to is refused, never run as plain nsip: a
# link named ip6tables once wrote an IPv4 rule and said nothing.
before=$("$NSIP" nat -t nat -S 2>&1)
for name in ip6tables ip6tables-save ip6tables-restore frob; do
	ln -s "$NSIP" "/run/nsip-test/bin/$name"
	run "/run/nsip-test/bin/$name" -t nat -A POSTROUTING -j MASQUERADE
	is "$RC|${ERR%% (*}" "127|nsip: \"$name\" is not a name nsip answers to" \
		"a link named $name is refused (127) with one line naming it"
done
is "$("$NSIP" nat -t nat -S 2>&1)" "$before" "…and no rule was written"
# iptables-nft's names are iptables' tools: each runs as the one it names.
for name in iptables-nft iptables-save iptables-nft-save iptables-restore iptables-nft-restore; do
	ln -s "$NSIP" "/run/nsip-test/bin/$name"
done
run /run/nsip-test/bin/iptables-nft -V
is "$OUT|$RC" "iptables v1.8.9 (nsip)|0" "a link named iptables-nft is iptables"
for name in iptables-save iptables-nft-save iptables-restore iptables-nft-restore; do
	run "/run/nsip-test/bin/$name" -V
	is "$OUT|$RC" "$name v1.8.9 (nsip)|0" "a link named $name is $name"
done
ln -s "$NSIP" /run/nsip-test/bin/nsip-static
run /run/nsip-test/bin/nsip-static -V
is "$RC|$OUT" "0|$("$NSIP" -V)" \
	"nsip with a suffix (nsip-static) is nsip"

cp "$NSIP_BIN" /run/nsip-test/suid-nsip
chown 65534:65534 /run/nsip-test/suid-nsip
chmod 4755 /run/nsip-test/suid-nsip
run setpriv --reuid=65533 --regid=65533 --clear-groups /run/nsip-test/suid-nsip netns add x
case "$ERR|$RC" in *"refusing to run set-uid"*"|255") ok 0 "a set-uid nsip refuses to run";;
	*) ok 1 "a set-uid nsip refuses to run: $ERR|$RC";; esac
# File capabilities grant privileges at exec as set-uid does: refused too
# (checked by AT_SECURE; the uid checks of before let it run).
if skip_unless setcap "an nsip with file capabilities refuses to run"; then
	cp "$NSIP_BIN" /run/nsip-test/fcap-nsip
	chmod 755 /run/nsip-test/fcap-nsip
	setcap cap_net_admin,cap_sys_admin+ep /run/nsip-test/fcap-nsip
	run setpriv --reuid=65533 --regid=65533 --clear-groups /run/nsip-test/fcap-nsip netns add y
	is "$RC|${ERR%%:*}|$(ls /run/netns 2>/dev/null | grep -c '^y$')" "255|nsip|0" \
		"an nsip with file capabilities refuses to run, and adds nothing"
	case "$ERR" in *"with file capabilities"*) ok 0 "…saying why";;
		*) ok 1 "…saying why: $ERR";; esac
fi

run "$NSIP" -V
is "$RC" 0 "-V exits 0"
case "$OUT" in "nsip utility, nsip-"*) ok 0 "-V names nsip";; *) ok 1 "-V names nsip: $OUT";; esac

done_testing
