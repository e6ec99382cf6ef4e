#!/bin/bash
# More matches against iptables-nft in the filter table (issue 18):
# multiport --ports, length, iprange, limit, addrtype; and the port
# options that need -p. The same commands leave the same listings, bad
# words get the same message and exit code, nsip finds its rules again
# (-C, -D by their words) and nft reads them as its own expressions.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

. "$TESTS_DIR/integration/xt_lib.sh"

same_listings() {
	local what=$1
	both "$what: -S" -S
	both "$what: -L -n -v --line-numbers" -L -n -v --line-numbers
	both "$what: -L" -L
}

# nft's own words for nsip's rules in chain $1 must hold each pattern.
nft_has() {
	local chain=$1 what=$2; shift 2
	local pat
	run nft list chain ip nsip_filter "$chain"
	for pat in "$@"; do
		case "$OUT" in *"$pat"*) ;; *)
			ok 1 "$what as nft lists it: want '$pat' in $OUT"; return;; esac
	done
	ok 0 "nft lists nsip's $what as its own expressions"
}

# ---- -m multiport --ports: either port --------------------------------
both "--ports" -A INPUT -p tcp -m multiport --ports 22,80:90,443 -j ACCEPT
both "! --ports" -A INPUT -p udp -m multiport ! --ports 53,67:68 -j DROP
both "--ports, a service name" -A INPUT -p tcp -m multiport --ports ssh,8000:8080
both "--port abbreviated" -A INPUT -p tcp -m multiport --port 1,1,2
same_listings "--ports"
both "check finds --ports" -C INPUT -p tcp -m multiport --ports 22,80:90,443 -j ACCEPT
both "check tells --ports from --dports" -C INPUT -p tcp -m multiport --dports 22,80:90,443 -j ACCEPT
both "delete by --ports" -D INPUT -p udp -m multiport ! --ports 53,67:68 -j DROP
both "--ports and --dports" -A INPUT -p tcp -m multiport --ports 22 --dports 80
both "--dports and --ports" -A INPUT -p tcp -m multiport --dports 22 --ports 80
both "--ports and --sports" -A INPUT -p tcp -m multiport --sports 22 --ports 80
both "all three" -A INPUT -p tcp -m multiport --ports 22 --sports 80 --dports 1
both "--ports twice" -A INPUT -p tcp -m multiport --ports 22 --ports 80
both "--dports twice" -A INPUT -p tcp -m multiport --dports 22 --destination-ports 80
both "--ports no value" -A INPUT -p tcp -m multiport --ports
both "--ports bad value" -A INPUT -p tcp -m multiport --ports frob
both "--ports bad range" -A INPUT -p tcp -m multiport --ports 9:1
both "--ports without -p" -A INPUT -m multiport --ports 22
both "--ports without -m multiport" -A INPUT -p tcp --ports 22
both "--ports with icmp" -A INPUT -p icmp -m multiport --ports 22
same_listings "after bad --ports"
nft_has INPUT "--ports" "tcp sport . tcp dport { 0-65535 . 22, 22 . 0-65535"

# ---- a port option needs its -p; "! -p all" never matches -------------
for o in "--dport 80" "--sport 80" "--syn" "--tcp-flags SYN SYN" "--icmp-type 8" \
	 "-m tcp --dport 80" "-m udp --sport 1"; do
	# shellcheck disable=SC2086
	both "$o without -p" -A FORWARD $o -j ACCEPT
done
for p in 0 all ALL; do
	both "! -p $p" -A FORWARD ! -p "$p" -j ACCEPT
done
both "! -p 0 before a bad address" -A FORWARD -s 1.2.3.4 ! -p 0 -d frob
both "-p all" -A FORWARD -p all -j ACCEPT
for p in TCP Udp ICMP All FROB; do
	both "-p $p: any case" -A FORWARD -p "$p" -j ACCEPT
done
both "-p TCP --dport" -A FORWARD -p TCP --dport 1
same_listings "after ports without -p"

# ---- -m addrtype: fib ... type, a set for several types -----------------
both "--src-type" -A INPUT -m addrtype --src-type LOCAL -j ACCEPT
both "several types, any case" -A INPUT -m addrtype --src-type local,UNICAST -j ACCEPT
both "! --dst-type, --limit-iface-in" -A INPUT -m addrtype ! --dst-type BROADCAST --limit-iface-in -j DROP
both "both sides negated, sets" -A INPUT -m addrtype ! --src-type LOCAL,unicast ! --dst-type MULTICAST,BROADCAST --limit-iface-in
both "--dst-type before --src-type" -A INPUT -m addrtype --dst-type LOCAL ! --src-type BLACKHOLE
both "every type" -A INPUT -m addrtype --src-type UNSPEC,UNICAST,LOCAL,BROADCAST,ANYCAST,MULTICAST,BLACKHOLE,UNREACHABLE,PROHIBIT,THROW,NAT,XRESOLVE
for t in L UN BL n LOCAL,LOCAL x; do
	both "type prefix '$t'" -A INPUT -m addrtype --src-type "$t"
done
both "--limit-iface-out in OUTPUT" -A OUTPUT -m addrtype ! --dst-type LOCAL --limit-iface-out -j ACCEPT
both "--limit-iface-in first" -A INPUT -m addrtype --limit-iface-in --src-type LOCAL
both "--src-t, --limit-iface-i abbreviated" -A INPUT -m addrtype --src-t LOCAL --limit-iface-i
same_listings "addrtype"
both "check finds addrtype" -C INPUT -m addrtype --src-type UNICAST,LOCAL -j ACCEPT
both "check tells types apart" -C INPUT -m addrtype --src-type UNICAST -j ACCEPT
both "check tells --limit-iface-in apart" -C INPUT -m addrtype ! --dst-type BROADCAST -j DROP
both "delete by addrtype" -D INPUT -m addrtype ! --src-type LOCAL,UNICAST ! --dst-type MULTICAST,BROADCAST --limit-iface-in
both "-m addrtype alone" -A INPUT -m addrtype
both "--limit-iface-in alone" -A INPUT -m addrtype --limit-iface-in
for t in "" FROB LOCAL,FROB LOCAL, ,LOCAL LOCAL,,UNICAST FROB,LOCAL LOCALX; do
	both "bad type '$t'" -A INPUT -m addrtype --src-type "$t"
done
both "--src-type no value" -A INPUT -m addrtype --src-type
both "--src-type twice" -A INPUT -m addrtype --src-type LOCAL --src-type UNICAST
both "--dst-type twice" -A INPUT -m addrtype --dst-type LOCAL --dst-type UNICAST
both "both ifaces" -A INPUT -m addrtype --src-type LOCAL --limit-iface-in --limit-iface-out
both "--limit-iface-in twice" -A INPUT -m addrtype --src-type LOCAL --limit-iface-in --limit-iface-in
both "! --limit-iface-in" -A INPUT -m addrtype --src-type LOCAL ! --limit-iface-in
both "--src-type without -m addrtype" -A INPUT --src-type LOCAL
both "--limit ambiguous" -A INPUT -m addrtype --limit LOCAL
both "--limit-iface-in in OUTPUT" -A OUTPUT -m addrtype --src-type LOCAL --limit-iface-in
both "--limit-iface-out in INPUT" -A INPUT -m addrtype --src-type LOCAL --limit-iface-out
same_listings "after bad addrtype"
nft_has INPUT "addrtype" "fib saddr type local counter" "fib saddr type { unicast, local } counter" \
	"fib daddr . iif type != broadcast counter"

# ---- -m length: meta length ---------------------------------------------
for v in 64 100:200 0:65535 :100 100: "" : 0x10 10:5 5:5 " 5: 6" +5; do
	both "--length '$v'" -A FORWARD -m length --length "$v" -j ACCEPT
done
both "! --length" -A FORWARD -m length ! --length 64 -j DROP
both "! --length range" -A FORWARD -m length ! --length 1000:1500 -j DROP
both "! --length reversed" -A FORWARD -m length ! --length 10:5
same_listings "length"
both "check finds a length" -C FORWARD -m length --length 100:200 -j ACCEPT
both "check tells lengths apart" -C FORWARD -m length --length 100:201 -j ACCEPT
both "delete by length" -D FORWARD -m length ! --length 64 -j DROP
for v in frob 65536 -1 1:2:3 1::2 :: 1x 1x:5 frob:5 5:frob 5:1x 70000:1 -1:5 5:-1 "5 :6" 0x:1; do
	both "bad --length '$v'" -A FORWARD -m length --length "$v"
done
both "-m length alone" -A FORWARD -m length
both "--length no value" -A FORWARD -m length --length
both "--length twice" -A FORWARD -m length --length 5 --length 6
both "--length without -m length" -A FORWARD --length 5
same_listings "after bad lengths"
nft_has FORWARD "length" "meta length 100-200 counter" "meta length != 1000-1500 counter" \
	"meta length 64 counter"

# ---- -m iprange: ip saddr A-B -------------------------------------------
both "--src-range" -A OUTPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT
both "! --dst-range" -A OUTPUT -m iprange ! --dst-range 10.0.0.1-10.0.0.9 -j DROP
both "both ranges, dst first" -A OUTPUT -m iprange --dst-range 1.2.3.4 ! --src-range 5.6.7.8-5.6.7.9
for v in 10.0.0.1 10.1 010.0.0.1 0x0a.0.0.1 " 10.0.0.1" 1.2.3.4-5 0.0.0.0-255.255.255.255 10.0.0.9-10.0.0.1; do
	both "--src-range '$v'" -A OUTPUT -m iprange --src-range "$v"
done
both "with -s" -A OUTPUT -s 10.0.0.0/8 -m iprange --src-range 10.0.0.1-10.0.0.2
same_listings "iprange"
both "check finds a range" -C OUTPUT -m iprange --src-range 10.0.0.1-10.0.0.9 -j ACCEPT
both "check tells ranges apart" -C OUTPUT -m iprange --src-range 10.0.0.1-10.0.0.8 -j ACCEPT
both "delete by range" -D OUTPUT -m iprange ! --dst-range 10.0.0.1-10.0.0.9 -j DROP
for v in 10.0.0.256 1.2.3.4-1.2.3.5-1.2.3.6 1.2.3.4- -10.0.0.1 4294967295 localhost-10.0.0.1 \
	 10.0.0.1/24-10.0.0.5 10.0.0.1-frob "" 1.2.3.4.5; do
	both "bad range '$v'" -A OUTPUT -m iprange --src-range "$v"
done
both "-m iprange alone" -A OUTPUT -m iprange
both "--src-range twice" -A OUTPUT -m iprange --src-range 1.2.3.4 --src-range 1.2.3.5
both "--dst-range no value" -A OUTPUT -m iprange --dst-range
both "--src-range without -m iprange" -A OUTPUT --src-range 1.2.3.4
same_listings "after bad ranges"
nft_has OUTPUT "iprange" "ip saddr 10.0.0.1-10.0.0.9 counter" "ip saddr != 5.6.7.8-5.6.7.9 ip daddr 1.2.3.4-1.2.3.4"

# ---- -m limit: limit rate N/unit burst B packets ---------------------------
both "-N L" -N L
for v in 3/hour 10/second 7/min 5/s 5/m 5/h 5/d 5 60/minute 3600/hour 24/day 3/HOUR \
	 5/se 03/min 5x/sec " 5/sec" 10000/s 600000/minute 1/day 7/d 2/sec; do
	both "--limit '$v'" -A L -m limit --limit "$v" -j ACCEPT
done
both "-m limit alone" -A L -m limit
for b in 20 0 10000 010 " 3" +3 5 1; do
	both "--limit-burst '$b'" -A L -m limit --limit 2/sec --limit-burst "$b"
done
both "--limit-burst alone" -A L -m limit --limit-burst 7
same_listings "limit"
both "check finds a limit" -C L -m limit --limit 7/min -j ACCEPT
both "check finds 60/minute as 1/sec" -C L -m limit --limit 1/s -j ACCEPT
both "check tells bursts apart" -C L -m limit --limit 2/sec --limit-burst 21
both "delete by limit" -D L -m limit --limit 10/second -j ACCEPT
for v in frob 0 5/frob 5/ "" /sec 5/x/sec 3/hours 0x3/min 100000/second 10001/second \
	 -5/sec 4294967296/day 600001/minute; do
	both "bad --limit '$v'" -A L -m limit --limit "$v"
done
for b in 10001 frob -1 1x "" 4294967296; do
	both "bad --limit-burst '$b'" -A L -m limit --limit-burst "$b"
done
both "--limit twice" -A L -m limit --limit 1/s --limit 2/s
both "--limit-burst twice" -A L -m limit --limit-burst 1 --limit-burst 2
both "! --limit" -A L -m limit ! --limit 1/s
both "! --limit-burst" -A L -m limit ! --limit-burst 3
both "--limit without -m limit" -A L --limit 5
both "--limit no value" -A L -m limit --limit
same_listings "after bad limits"
nft_has L "limit" "limit rate 3/hour counter" "limit rate 2/second burst 20 packets" \
	"limit rate 7/minute counter"

# The matches together, in the command's order.
both "all of them" -A FORWARD -p tcp -m multiport --ports 80 -m limit --limit 1/s -m length --length 40:60 -m iprange --dst-range 10.0.0.1-10.0.0.2 -m addrtype --dst-type UNICAST -m comment --comment all
both "another order" -A FORWARD -m addrtype --src-type LOCAL -m limit -m iprange --src-range 1.1.1.1 -m length --length 1 -p udp --sport 1
same_listings "together"
both "check the order" -C FORWARD -m addrtype --src-type LOCAL -m limit -m iprange --src-range 1.1.1.1 -m length --length 1 -p udp --sport 1
both "check another order" -C FORWARD -m limit -m addrtype --src-type LOCAL -m iprange --src-range 1.1.1.1 -m length --length 1 -p udp --sport 1

# Container runtimes' nat rules: addrtype in the nat table.
both "nat: -N DOCKER" -t nat -N DOCKER
both "nat: PREROUTING to DOCKER" -t nat -A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
both "nat: OUTPUT to DOCKER" -t nat -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
both "nat: --limit-iface-out in PREROUTING" -t nat -A PREROUTING -m addrtype --dst-type LOCAL --limit-iface-out -j DOCKER
both "nat: -S" -t nat -S
both "nat: -L -n -v" -t nat -L -n -v
both "nat: delete by addrtype" -t nat -D OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
both "nat: -S after" -t nat -S

# What the rules do, on loopback in the sandbox (both tables emptied
# first): each match drops the ping it names and lets another pass.
both "flush before traffic" -F
ip link set lo up
pings() { ping -c1 -W1 "$@" 127.0.0.1 >/dev/null 2>&1; }
fails() { ! pings "$@"; }
check "ping before the drop rules" pings
drops() {	# DESC MATCH...: the rule drops a plain ping, and goes again
	local d=$1; shift
	run "$IPT" -I OUTPUT 1 -o lo -p icmp "$@" -j DROP
	check "$d drops the ping" fails
	run "$IPT" -D OUTPUT 1
}
drops "-m length --length 84 (a ping's 56 bytes)" -m length --length 84
run "$IPT" -I OUTPUT 1 -o lo -p icmp -m length ! --length 84 -j DROP
check "! --length 84 lets it pass" pings
check "…and drops a ping of 100 bytes" fails -s 100
run "$IPT" -D OUTPUT 1
drops "-m iprange --dst-range 127.0.0.0-127.0.0.5" -m iprange --dst-range 127.0.0.0-127.0.0.5
drops "-m addrtype --dst-type LOCAL,BROADCAST" -m addrtype --dst-type LOCAL,BROADCAST
drops "-m addrtype --src-type LOCAL --limit-iface-out" -m addrtype --src-type LOCAL --limit-iface-out
run "$IPT" -I OUTPUT 1 -o lo -p icmp -m addrtype --dst-type UNICAST,MULTICAST -j DROP
check "--dst-type UNICAST,MULTICAST lets a ping to a local address pass" pings
run "$IPT" -D OUTPUT 1
# The reply goes out through OUTPUT too: only the request counts.
run "$IPT" -I OUTPUT 1 -o lo -p icmp --icmp-type echo-request -j DROP
run "$IPT" -I OUTPUT 1 -o lo -p icmp --icmp-type echo-request -m limit --limit 1/hour --limit-burst 1 -j ACCEPT
check "-m limit --limit-burst 1 lets the first ping pass" pings
check "…and not the second" fails

done_testing
