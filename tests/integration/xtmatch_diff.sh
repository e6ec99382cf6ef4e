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

done_testing
