#!/bin/bash
# nsip's filter table and nft: nsip's rules are native nftables rules in
# `ip nsip_filter` that nft lists in its own words, and rules nft writes
# there are read back in iptables form (or named plainly when they have
# none). iptables-nft's own `ip filter` is a table beside it.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

skip_unless nft "nft to read and write nsip's table" || { done_testing; exit; }
ln -s "$NSIP" /run/nsip-test/bin/iptables
IPT=/run/nsip-test/bin/iptables

run "$IPT" -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m comment --comment ssh -j ACCEPT
is "$RC|$ERR" "0|" "nsip makes its filter table and INPUT on first use"
run "$IPT" -A INPUT -j LOG --log-prefix "in: " --log-level debug
run "$IPT" -A INPUT -p tcp -j REJECT --reject-with tcp-reset
run "$IPT" -P OUTPUT DROP
run nft list table ip nsip_filter
case "$OUT" in *"chain INPUT {"*"type filter hook input priority filter; policy accept;"*"tcp dport 22 ct state new counter packets 0 bytes 0 accept comment \"ssh\""*"log prefix \"in: \" level debug"*"reject with tcp reset"*)
	ok 0 "nft lists nsip's rules in its own words";;
	*) ok 1 "nft lists nsip's rules: $OUT";; esac
case "$OUT" in *"type filter hook output priority filter; policy drop;"*)
	ok 0 "…and OUTPUT's DROP policy";; *) ok 1 "…OUTPUT's policy: $OUT";; esac

nft add rule ip nsip_filter INPUT ct state established,related accept
nft add rule ip nsip_filter INPUT iifname "lo" tcp flags syn / fin,syn,rst,ack drop
nft add chain ip nsip_filter FORWARD '{ type filter hook forward priority 0; policy drop; }'
nft add rule ip nsip_filter FORWARD ct state != invalid reject with icmp type host-prohibited
nft add rule ip nsip_filter FORWARD meta mark 1 accept
nft add rule ip nsip_filter FORWARD meta skuid 0 accept
run "$IPT" -S
handle=$(nft -a list chain ip nsip_filter FORWARD | sed -n 's/.*skuid.*# handle \([0-9]*\)/\1/p')
want="-P INPUT ACCEPT
-P FORWARD DROP
-P OUTPUT DROP
-A INPUT -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -m comment --comment ssh -j ACCEPT
-A INPUT -j LOG --log-prefix \"in: \" --log-level 7
-A INPUT -p tcp -j REJECT --reject-with tcp-reset
-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A INPUT -i lo -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN -j DROP
-A FORWARD -m conntrack ! --ctstate INVALID -j REJECT --reject-with icmp-host-prohibited
-A FORWARD -m mark --mark 0x1 -j ACCEPT
# FORWARD: rule with handle $handle has no iptables form (nft -a list chain ip nsip_filter FORWARD)"
is "$OUT|$RC" "$want|0" "rules nft wrote read back in iptables form"

run "$IPT" -D INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
is "$RC" 0 "-D by words finds a rule nft wrote"
run "$IPT" -C INPUT -i lo -p tcp --syn -j DROP
is "$RC" 0 "-C finds another"

# In a -batch, filter lines join the nat lines' transaction: all or none.
printf '%s\n' "nat -A POSTROUTING -j ACCEPT" "nat -t filter -N BATCHED" \
	"nat -t filter -A BATCHED -m state --state NEW -j RETURN" >/run/nsip-test/ok.batch
run "$NSIP" -batch /run/nsip-test/ok.batch
is "$RC|$("$IPT" -S BATCHED)|$("$IPT" -t nat -S POSTROUTING)" \
	"0|-N BATCHED
-A BATCHED -m state --state NEW -j RETURN|-P POSTROUTING ACCEPT
-A POSTROUTING -j ACCEPT" "a batch of nat and filter lines"
before=$(nft list ruleset)
printf '%s\n' "nat -t filter -A BATCHED -j ACCEPT" "nat -A POSTROUTING -j RETURN" \
	"nat -t filter -A BATCHED -j LOG --log-level 9" >/run/nsip-test/bad.batch
run "$NSIP" -batch /run/nsip-test/bad.batch
is "$RC|${ERR##*$'\n'}|$(nft list ruleset)" "1|Command failed /run/nsip-test/bad.batch:3|$before" \
	"…a bad filter line fails the group: nothing of it is made"

if skip_unless iptables-nft "iptables-nft beside nsip's table"; then
	run iptables-nft -S
	is "$RC|$ERR" "0|" "iptables-nft -S works with nsip's filter table present"
	iptables-nft -A INPUT -s 10.9.9.9 -j DROP
	run "$IPT" -S INPUT
	case "$OUT" in *10.9.9.9*) ok 1 "iptables-nft's rule is not in nsip's table";;
		*) ok 0 "iptables-nft's rule is not in nsip's table";; esac
fi

done_testing
