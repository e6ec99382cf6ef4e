#!/bin/bash
# nat against iptables-nft: the same commands leave the same listings
# (-S, -L -n, -L -n -v --line-numbers, -L -v -x, -L), and bad words get the
# same message and exit code. iptables-nft works on its table `ip nat`,
# nsip on `ip nsip`, side by side in the sandbox's network namespace.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

. "$TESTS_DIR/integration/xt_lib.sh"

same_listings() {
	local what=$1
	both "$what: -S" -t nat -S
	both "$what: -L -n" -t nat -L -n
	both "$what: -L -n -v --line-numbers" -t nat -L -n -v --line-numbers
	both "$what: -L -v -x" -t nat -L -v -x
	both "$what: -L" -t nat -L
	both "$what: -S -v" -t nat -S -v
}

same_listings "empty table"

both "append MASQUERADE" -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
both "append DNAT" -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 192.168.15.2:80
both "append SNAT with -o" -t nat -A POSTROUTING -o eth0 -s 10.0.0.0/8 -j SNAT --to-source 192.168.1.2
both "append REDIRECT" -t nat -A PREROUTING -i eth0 -p udp --dport 53 -j REDIRECT --to-ports 5353
both "insert RETURN at 1" -t nat -I POSTROUTING 1 -d 1.2.3.4 -j RETURN
both "insert at 2" -t nat -I POSTROUTING 2 ! -d 5.6.7.0/24 -j ACCEPT
both "append with negations" -t nat -A PREROUTING -i eth+ ! -p tcp -j RETURN
both "no interface at all: ! -i +" -t nat -A PREROUTING ! -i + -j ACCEPT
both "-S shows ! -i +" -t nat -S PREROUTING
both "delete ! -i +" -t nat -D PREROUTING ! -i + -j ACCEPT
both "port range, negated" -t nat -A PREROUTING -p udp ! --sport 1:1024 -j ACCEPT
both "SNAT range with ports" -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4-1.2.3.9:100-200
both "MASQUERADE ports random" -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 1000-2000 --random
both "REDIRECT with no ports" -t nat -A OUTPUT -j REDIRECT
both "protocol by number" -t nat -A PREROUTING -p 47 -j ACCEPT
both "protocol icmp" -t nat -A PREROUTING -p icmp -j ACCEPT
both "dotted mask" -t nat -A PREROUTING -s 1.2.3.4/255.255.0.0 -j ACCEPT
both "long options" -t nat --append OUTPUT --destination 9.9.9.9 --protocol tcp --destination-port 443 --jump DNAT --to-destination 10.0.0.1:8443
both "--to for DNAT" -t nat -A PREROUTING -p tcp --dp 81 -j DNAT --to 10.0.0.9:81
both "--to for SNAT" -t nat -A POSTROUTING -j SNAT --to 10.0.0.8
both "--to for REDIRECT" -t nat -A OUTPUT -p tcp -j REDIRECT --to 8080
both "service name port" -t nat -A OUTPUT -p tcp --dport http -j ACCEPT
both "host with a name (-L says localhost)" -t nat -A OUTPUT -d 127.0.0.1 -j ACCEPT
both "network with a name (-L says loopback/8)" -t nat -A OUTPUT -d 127.0.0.0/8 -j ACCEPT
both "new chain" -t nat -N MYCHAIN
both "second chain" -t nat -N AAA
both "jump to a user chain" -t nat -A PREROUTING -j MYCHAIN
both "rule in a user chain" -t nat -A MYCHAIN -s 10.1.0.0/16 -j RETURN
same_listings "after appends"
both "-S of one chain" -t nat -S POSTROUTING
both "-S of one rule" -t nat -S POSTROUTING 2
both "-L of one chain" -t nat -L PREROUTING -n
both "-L of a user chain" -t nat -L MYCHAIN -n -v
both "-L of one rule" -t nat -L POSTROUTING 3 -n
both "-nvL cluster" -t nat -nvL

both "check present rule" -t nat -C POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
both "check missing rule" -t nat -C POSTROUTING -s 192.168.16.0/24 -j MASQUERADE
both "delete by rule" -t nat -D POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
both "delete by number" -t nat -D PREROUTING 2
both "delete missing rule" -t nat -D POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
both "delete number too big" -t nat -D POSTROUTING 40
both "replace" -t nat -R POSTROUTING 1 -d 4.3.2.1 -j RETURN
both "replace too big" -t nat -R POSTROUTING 40 -j RETURN
both "insert too big" -t nat -I POSTROUTING 40 -j RETURN
both "delete referenced chain" -t nat -X MYCHAIN
both "rename chain" -t nat -E AAA BBB
both "policy ACCEPT" -t nat -P INPUT ACCEPT
both "policy on a user chain" -t nat -P BBB ACCEPT
both "existing chain" -t nat -N BBB
both "zero counters" -t nat -Z
same_listings "after deletes"
both "flush one chain" -t nat -F PREROUTING
both "delete chain" -t nat -X BBB
same_listings "after flush of one chain"
both "flush all" -t nat -F
both "delete all user chains" -t nat -X
same_listings "after flush"

# nsip's own form: target options before -j.
run "$IPT" -t nat -A PREROUTING -p tcp --dport 80 --to-destination 192.168.15.2:80 -j DNAT
is "$RC" 0 "walkthrough DNAT line is accepted"
iptables-nft -t nat -A PREROUTING -p tcp --dport 80 -j DNAT --to-destination 192.168.15.2:80
both "…and reads back as iptables' own form" -t nat -S PREROUTING
run "$IPT" -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
iptables-nft -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE
both "walkthrough MASQUERADE line" -t nat -S POSTROUTING

# Living side by side.
run iptables-nft -t nat -S
is "$RC|$ERR" "0|" "iptables-nft -t nat -S works with nsip's table present"
run nft list ruleset
# nft warns that iptables-nft owns `ip nat`; an error would be a failure.
is "$RC|$(grep -ci error <<<"$ERR")" "0|0" "nft list ruleset works with nsip's table present"
case "$OUT" in *"table ip nsip {"*"table ip nat {"*|*"table ip nat {"*"table ip nsip {"*)
	ok 0 "nft shows both tables";; *) ok 1 "nft shows both tables";; esac
case "$OUT" in *"dnat to 192.168.15.2:80"*"masquerade"*|*"masquerade"*"dnat to 192.168.15.2:80"*)
	ok 0 "nft reads nsip's rules in its own words";; *) ok 1 "nft reads nsip's rules";; esac

done_testing
