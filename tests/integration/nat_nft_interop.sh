#!/bin/bash
# nsip and nft on nsip's table: rules nft writes there are read back in
# iptables form when they have one, and named plainly when they have not;
# and the cost rules of the issues, seen on the wire (strace): -A reads no
# rule, -D RULE and -C read only the rule nsip's index names (the whole
# table once, when the index is not to be trusted).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless nft "nft to write rules into nsip's table" || { done_testing; exit; }
N=$NSIP

run "$N" nat -A POSTROUTING -j ACCEPT
is "$RC" 0 "nsip makes its table and chain on first use"
run nft list chain ip nsip POSTROUTING
case "$OUT" in *"type nat hook postrouting priority srcnat; policy accept;"*)
	ok 0 "POSTROUTING is a nat base chain at iptables' priority";;
	*) ok 1 "POSTROUTING is a nat base chain: $OUT";; esac

nft add rule ip nsip POSTROUTING ip saddr 10.0.0.0/8 oifname "eth0" masquerade
nft add rule ip nsip POSTROUTING ip saddr 10.1.2.0/23 tcp sport 1000-2000 snat to 1.2.3.4-1.2.3.8:80-90
nft add chain ip nsip PREROUTING '{ type nat hook prerouting priority -100; }'
nft add rule ip nsip PREROUTING iifname "eth*" tcp dport 80 dnat to 1.2.3.4:8080
nft add rule ip nsip PREROUTING udp dport 53 redirect to :5353
nft add rule ip nsip PREROUTING meta iifgroup 1 accept

run "$N" nat -S
want="-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A PREROUTING -i eth+ -p tcp -m tcp --dport 80 -j DNAT --to-destination 1.2.3.4:8080
-A PREROUTING -p udp -m udp --dport 53 -j REDIRECT --to-ports 5353
# PREROUTING: rule with handle 7 has no iptables form (nft -a list chain ip nsip PREROUTING)
-A POSTROUTING -j ACCEPT
-A POSTROUTING -s 10.0.0.0/8 -o eth0 -j MASQUERADE
-A POSTROUTING -s 10.1.2.0/23 -p tcp -m tcp --sport 1000:2000 -j SNAT --to-source 1.2.3.4-1.2.3.8:80-90"
handle=$(nft -a list chain ip nsip PREROUTING | sed -n 's/.*iifgroup.*# handle \([0-9]*\)/\1/p')
is "$OUT|$RC" "${want/handle 7/handle $handle}|0" "rules nft wrote read back in iptables form"

run "$N" -j nat -L PREROUTING
case "$OUT" in *"{\"chain\":\"PREROUTING\",\"num\":3,\"handle\":$handle,\"iptables_form\":false}"*)
	ok 0 "JSON marks the rule with no iptables form";; *) ok 1 "JSON: $OUT";; esac

run "$N" nat -L PREROUTING --json
is "${OUT:0:23}|$RC" '[{"chain":"PREROUTING",|0' "--json on the nat grammar's side"
ln -s "$NSIP" /run/nsip-test/bin/nat
run /run/nsip-test/bin/nat -S POSTROUTING 1 --json
is "$OUT|$RC" '[{"chain":"POSTROUTING","num":1,"handle":2,"matches":{},"target":{"name":"ACCEPT"},"packets":0,"bytes":0}]|0' \
	"--json through a link named nat"

run "$N" nat -D POSTROUTING -s 10.0.0.0/8 -o eth0 -j MASQUERADE
is "$RC" 0 "-D by words finds a rule nft wrote"
run nft list chain ip nsip POSTROUTING
case "$OUT" in *masquerade*) ok 1 "…and it is gone";; *) ok 0 "…and it is gone";; esac

# nsip's global -n: the rule goes to that namespace's ruleset only.
ip netns add natns 2>/dev/null || "$N" netns add natns
run "$N" -n natns nat -A POSTROUTING -s 10.9.0.0/16 -j MASQUERADE
is "$RC" 0 "nsip -n NS nat -A"
run ip netns exec natns nft list chain ip nsip POSTROUTING
case "$OUT" in *"ip saddr 10.9.0.0/16"*masquerade*) ok 0 "…the rule is in that namespace";;
	*) ok 1 "…the rule is in that namespace: $OUT";; esac
run nft list ruleset
case "$OUT" in *10.9.0.0*) ok 1 "…and not in the sandbox's own";; *) ok 0 "…and not in the sandbox's own";; esac
ip netns delete natns 2>/dev/null || "$N" netns delete natns

if skip_unless strace "strace to see the requests"; then
	trace() {	# the netlink requests a command sends, one a line
		strace -qq -s 64 -e trace=sendto,sendmsg -e signal=none "$@" 2>&1 >/dev/null |
			grep -o 'NFT_MSG_[A-Z_]*, nlmsg_flags=[A-Z_|]*' | sort -u
	}
	out=$(trace "$N" nat -A POSTROUTING -s 1.1.1.1 -j MASQUERADE)
	case "$out" in *GETRULE*|*GETCHAIN*|"") ok 1 "-A reads no rule: $out";;
		*NFT_MSG_NEWRULE*) ok 0 "-A reads no rule, sends its rule";;
		*) ok 1 "-A sends its rule: $out";; esac
	"$N" nat -A POSTROUTING -s 1.1.1.2 -j MASQUERADE
	# A change nft makes leaves nsip's index untrusted: the first -D RULE
	# then reads the table (once) and writes the index anew.
	nft add rule ip nsip POSTROUTING ip saddr 1.1.1.3 counter masquerade
	out=$(strace -qq -s 256 -e trace=sendto -e signal=none "$N" nat -D POSTROUTING \
		-s 1.1.1.1 -j MASQUERADE 2>&1 >/dev/null | grep GETRULE)
	[ "$(grep -c NLM_F_DUMP <<<"$out")" = 1 ]
	ok $? "-D RULE with the index untrusted: one read of the table"
	for cmd in -C -D; do
		out=$(strace -qq -s 256 -e trace=sendto -e signal=none "$N" nat $cmd POSTROUTING \
			-s 1.1.1.2 -j MASQUERADE 2>&1 >/dev/null | grep GETRULE)
		case "$out" in *NLM_F_DUMP*|"") ok 1 "$cmd RULE reads only its rule: $out";;
			*) ok 0 "$cmd RULE through the index reads only its rule";; esac
	done
	out=$(trace "$N" nat -C POSTROUTING -s 1.1.1.9 -j MASQUERADE)
	case "$out" in *GETRULE*) ok 1 "-C of a missing rule reads no rule: $out";;
		*) ok 0 "-C of a missing rule reads no rule";; esac
fi

done_testing
