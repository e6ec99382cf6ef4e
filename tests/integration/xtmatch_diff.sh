#!/bin/bash
# The tcp match's --tcp-flags (and later matches) against iptables-nft in
# the filter table: the same commands leave the same listings, bad words
# get the same message and exit code, and nft reads nsip's rules.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

. "$TESTS_DIR/integration/xt_lib.sh"

same_listings() {
	local what=$1
	both "$what: -S" -S
	both "$what: -L -n -v --line-numbers" -L -n -v --line-numbers
	both "$what: -L" -L
}

# --tcp-flags MASK COMP: names in any case, ALL and NONE, empty items.
both "--tcp-flags" -A INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
both "! --tcp-flags ALL NONE" -A INPUT -p tcp ! --tcp-flags ALL NONE -j DROP
both "--tcp-flags ALL ALL" -A INPUT -p tcp --tcp-flags ALL ALL -j DROP
both "--tcp-flags lower case, any order" -A INPUT -p tcp --tcp-flags syn,fin,psh,urg ack
both "--tcp-flags as --syn writes it" -A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN
both "--tcp-flags empty item" -A INPUT -p tcp --tcp-flags SYN,,ACK SYN -j ACCEPT
both "--tcp-flags with a port" -A INPUT -p tcp --dport 22 --tcp-flags RST RST -j DROP
both "--tcp-flags with conntrack" -A INPUT -m conntrack --ctstate NEW -p tcp ! --tcp-flags FIN,SYN,RST,ACK SYN -j DROP
same_listings "tcp flags"
both "check finds --tcp-flags" -C INPUT -p tcp --tcp-flags SYN,ACK SYN -j ACCEPT
both "check tells other flags apart" -C INPUT -p tcp --tcp-flags SYN,ACK ACK -j ACCEPT
both "delete by --tcp-flags" -D INPUT -p tcp ! --tcp-flags ALL NONE -j DROP
same_listings "after delete"

both "--tcp-flags one word" -A INPUT -p tcp --tcp-flags SYN
both "--tcp-flags then an option" -A INPUT -p tcp --tcp-flags SYN -j ACCEPT
both "--tcp-flags then !" -A INPUT -p tcp --tcp-flags SYN ! --dport 1
both "--tcp-flags unknown flag" -A INPUT -p tcp --tcp-flags FOO SYN
both "--tcp-flags unknown in comp" -A INPUT -p tcp --tcp-flags SYN ECE
both "--tcp-flags and --syn" -A INPUT -p tcp --syn --tcp-flags SYN SYN
both "--tcp-flags twice" -A INPUT -p tcp --tcp-flags SYN SYN --tcp-flags ACK ACK
both "--tcp-flags without -p tcp" -A INPUT --tcp-flags SYN SYN
both "--tcp-flags with -p udp" -A INPUT -p udp --tcp-flags SYN SYN
same_listings "after bad words"

run nft list table ip nsip_filter
case "$OUT" in *"tcp flags syn / syn,ack"*"tcp flags & rst == rst"*)
	ok 0 "nft lists nsip's --tcp-flags as its own tcp flags";;
	*) ok 1 "--tcp-flags as nft lists it: $OUT";; esac

# -p icmp --icmp-type: names (unique prefixes, any case, aliases),
# TYPE[/CODE] in any base, "any"; in OUTPUT, after the tcp rules.
for t in echo-request 8 3/4 any destination-unreachable port-unreachable \
	 0/0 3/255 255 11/1 pong 8/0 5 200 ECHO-REQUEST echo-req 0x8 010 \
	 TOS-host-redirect ttl-exceeded address-mask-reply parameter-problem \
	 network-unknown host-precedence-violation; do
	both "--icmp-type $t" -A OUTPUT -p icmp --icmp-type "$t" -j ACCEPT
done
both "! --icmp-type" -A OUTPUT -p icmp ! --icmp-type echo-reply -j DROP
both "-m icmp ! --icmp-type 8" -A OUTPUT -p icmp -m icmp ! --icmp-type 8
both "--icmp-type with a comment" -A OUTPUT -m comment --comment c -p icmp --icmp-type 3/3
both "--icmp abbreviated" -A OUTPUT -p icmp --icmp 13
same_listings "icmp types"
both "check finds --icmp-type" -C OUTPUT -p icmp --icmp-type 3/4 -j ACCEPT
both "check tells codes apart" -C OUTPUT -p icmp --icmp-type 3/5 -j ACCEPT
both "check tells types apart" -C OUTPUT -p icmp --icmp-type 9 -j ACCEPT
both "delete by --icmp-type" -D OUTPUT -p icmp --icmp-type any -j ACCEPT

for t in frob 300 3/300 8/ /3 -1 8a 8/1x "" host echo time router p \
	 address-mask-re any/3 echo-request/3 8/-1; do
	both "bad --icmp-type '$t'" -A OUTPUT -p icmp --icmp-type "$t"
done
both "--icmp-type twice" -A OUTPUT -p icmp --icmp-type 8 --icmp-type 0
both "--icmp-type twice, one negated" -A OUTPUT -p icmp --icmp-type 8 ! --icmp-type 0
both "-m icmp without --icmp-type" -A OUTPUT -p icmp -m icmp
both "--icmp-type with -p tcp" -A OUTPUT -p tcp --icmp-type 8
both "--icmp-type without -p" -A OUTPUT --icmp-type 8
same_listings "after bad icmp types"

# nftables says "not type T with code C" only in the xtables match
# iptables-nft falls back to: nsip refuses it by name, nothing changed.
for t in 3/4 any; do
	before=$(nft list table ip nsip_filter)
	run "$IPT" -A OUTPUT -p icmp ! --icmp-type $t
	is "$(norm <<<"${ERR%%$'\n'*}")|$RC|$(nft list table ip nsip_filter)" \
		"iptables VERSION: ! --icmp-type with a code or \"any\" is not supported by nsip|2|$before" \
		"! --icmp-type $t: refused by name"
done

run nft list chain ip nsip_filter OUTPUT
case "$OUT" in *"icmp type echo-request counter"*"icmp type destination-unreachable icmp code frag-needed counter"*"icmp type != echo-reply counter"*)
	ok 0 "nft lists nsip's --icmp-type as its own icmp type and code";;
	*) ok 1 "--icmp-type as nft lists it: $OUT";; esac

# -m mark --mark VALUE[/MASK], in FORWARD.
for v in 1 0xffffffff 5/0xffffffff 010 0/0 0x10/0xff 4294967295/1; do
	both "--mark $v" -A FORWARD -m mark --mark "$v" -j ACCEPT
done
both "! --mark" -A FORWARD -m mark ! --mark 0x10/0xff -j DROP
both "mark between other matches" -A FORWARD -p tcp --dport 22 -m mark --mark 3 -m conntrack --ctstate NEW -j ACCEPT
both "mark before tcp" -A FORWARD -m mark --mark 7 -p tcp --dport 80
same_listings "marks"
both "check finds a mark" -C FORWARD -m mark --mark 0x10/0xff -j ACCEPT
both "check tells masks apart" -C FORWARD -m mark --mark 0x10/0xf0 -j ACCEPT
both "delete by mark" -D FORWARD -m mark --mark 010 -j ACCEPT
for v in frob 1/ /1 4294967296 -1 1/0x1ffffffff 1x 1/1x 1/2/3 " 1" ""; do
	both "bad --mark '$v'" -A FORWARD -m mark --mark "$v"
done
both "-m mark without --mark" -A FORWARD -m mark
both "--mark twice" -A FORWARD -m mark --mark 1 --mark 2
both "--mark without -m mark" -A FORWARD --mark 1
same_listings "after bad marks"
run nft list chain ip nsip_filter FORWARD
case "$OUT" in *"meta mark 0x00000001 counter"*"meta mark & 0x000000ff != 0x00000010 counter"*)
	ok 0 "nft lists nsip's -m mark as its own meta mark";;
	*) ok 1 "-m mark as nft lists it: $OUT";; esac

# Masks that are no prefix, as given (the address and'ed with them).
for a in "-s 10.0.12.0/255.0.255.0" "! -d 10.1.12.7/255.0.255.0" \
	 "-s 10.0.12.0/0.0.0.255" "-s 1.2.3.4/0.0.0.0" "-d 10.0.0.0/255.255.0.0"; do
	# shellcheck disable=SC2086
	both "mask: $a" -A OUTPUT $a -j ACCEPT
done
same_listings "masks"
both "delete by a mask that is no prefix" -D OUTPUT -s 10.0.12.0/255.0.255.0 -j ACCEPT
both "bad dotted mask" -A OUTPUT -s 10.0.0.0/255.0.255. -j ACCEPT
same_listings "after masks"
run nft list chain ip nsip_filter OUTPUT
case "$OUT" in *"ip daddr & 255.0.255.0 != 10.0.12.0"*)
	ok 0 "nft lists a mask that is no prefix";;
	*) ok 1 "a mask that is no prefix as nft lists it: $OUT";; esac

# What the rules do, on loopback in the sandbox: the type and code, and
# the mark, are the packet's (ping -m sets its socket's mark).
ip link set lo up
pings() { ping -c1 -W1 "$@" 127.0.0.1 >/dev/null 2>&1; }
fails() { ! pings "$@"; }
check "ping before the drop rules" pings
run "$IPT" -I OUTPUT 1 -o lo -p icmp --icmp-type 8/1 -j DROP
check "--icmp-type 8/1 lets an echo request (code 0) pass" pings
run "$IPT" -I OUTPUT 1 -o lo -p icmp --icmp-type echo-request -j DROP
check "--icmp-type echo-request drops it" fails
run "$IPT" -D OUTPUT 1
run "$IPT" -I OUTPUT 1 -o lo -m mark --mark 0x7/0xf -j DROP
check "-m mark --mark 0x7/0xf lets an unmarked ping pass" pings
check "…and one with mark 0x18" pings -m 24
check "…and drops one with mark 0x17" fails -m 23

# -v names each chain -F, -Z and -X worked on.
both "-N for -v" -N VB
both "-N another" -N VA
both "-v -Z a chain" -v -Z FORWARD
both "-v -Z the table" -v -Z
both "-v -F a chain" -v -F OUTPUT
both "-v -F a missing chain" -v -F FROB
both "-v -F the table" -v -F
both "-v -X a chain" -v -X VB
both "-v -X a missing chain" -v -X FROB
both "-v -X the table" -v -X
both "-v -X with no user chain" -v -X
both "-v -F in a table not made yet" -v -t nat -F
same_listings "after -v"

done_testing
