#!/bin/bash
# ip rule add/del/flush/show: iproute2 in one namespace, nsip in its twin;
# same output, messages and exit codes, and the same rules afterwards
# (IPv4 and IPv6). Listings are then compared on the same namespace, in
# text and JSON, with and without selectors.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

ip netns add want && ip netns add got ||
	{ echo "Bail out! cannot make the twin namespaces"; exit 1; }

rules() { ip -n "$1" rule show; ip -n "$1" -6 rule show; }

# same_effect DESC ARGS...: iproute2 in "want", nsip in "got".
same_effect() {
	local d=$1; shift
	skip_unless ip "$d" || return 0
	local want_out want_err want_rc got want
	run "$IPREAL" -n want "$@"; want_out=$OUT; want_err=$ERR; want_rc=$RC
	run "$IPNSIP" -n got "$@"
	is "$OUT|$ERR|$RC" "$want_out|$want_err|$want_rc" "$d"
	got=$(rules got); want=$(rules want)
	is "$got" "$want" "$d: same rules"
}

# same_listing DESC ARGS...: both tools list the same namespace alike.
same_listing() {
	local d=$1; shift
	same_as_ip "$d" -n want "$@"
}

same_listing "default rules" rule
same_listing "default IPv6 rules" -6 rule show
same_listing "default rules, JSON" -j rule list
same_listing "default rules, pretty JSON" -j -p rule lst

same_effect "add from a prefix to a table" rule add from 10.0.0.0/8 table 100 pref 100
same_effect "add it again" rule add from 10.0.0.0/8 table 100 pref 100
same_effect "add with most selectors" rule add not to 10.1.0.0/16 fwmark 0x10/0xff \
	iif lo oif lo lookup main pref 200 proto 99 tos 0x10
same_effect "add uidrange and goto" rule add uidrange 100-200 goto 32766 pref 300
same_effect "add nop" rule add nop pref 301
same_effect "add blackhole" rule add blackhole pref 302
same_effect "add type unreachable" rule add type unreachable pref 303
same_effect "add prohibit (abbreviated words)" ru a pro prohibit pref 304
same_effect "add unicast" rule add unicast pref 305
same_effect "add suppress_prefixlength" rule add table main suppress_prefixlength 0 pref 307
same_effect "add suppress_ifgroup" rule add table main suppress_ifgroup default pref 308
same_effect "add l3mdev" rule add l3mdev pref 309
same_effect "add fwmark 0 with a mask" rule add fwmark 0/0xff pref 312
same_effect "add from all to a host, a big table" rule add from all to 10.0.0.1 pref 313 table 1000
same_effect "add dsfield" rule add dsfield 0x04 pref 314
same_effect "add a named table and protocol" rule add from 192.168.0.0/16 lookup local protocol static order 315
same_effect "add without a priority" rule add to 172.16.0.0/12 table 7
same_effect "add realms" rule add realms 1/2 pref 316 table 8
same_effect "add ipproto and ports" rule add ipproto tcp sport 80 dport 1000-2000 pref 317 table 9
same_effect "add tun_id" rule add tun_id 7 pref 318 table 9
same_effect "add a mark without mask, oif only" rule add fwmark 7 oif nosuch pref 319
same_effect "add a port range read as ip reads it" rule add sport 1-x dport 7- table 5 pref 321
same_effect "add a uidrange to keep" rule add uidrange 1000-1999 table 6 pref 322
same_effect "add with the last of repeated words" rule add pref 323 pref 324 table 6 table 7 from 10.3.0.0/16 from 10.4.0.0/16
same_effect "add IPv6 from a prefix" -6 rule add from fd00::/8 table 100
same_effect "add IPv6 with a mark and a type" -6 rule add fwmark 3 unreachable pref 40
same_effect "add IPv6 with -f inet6" -f inet6 rule add to fd01::1 iif lo prio 50 table main
same_effect "del by priority" rule del pref 100
same_effect "del by selector" rule delete uidrange 100-200
same_effect "del IPv6 by selector" -6 rule d from fd00::/8

# Listings with selectors, on the rules made above.
same_listing "show all" rule show
same_listing "show JSON" -j rule show
same_listing "show pretty JSON" -j -p rule show
same_listing "show with details" -d rule show
same_listing "show table main" rule show table main
same_listing "show lookup by number" rule show lookup 1000
same_listing "show pref" rule sh pref 200
same_listing "show not" rule show not
same_listing "show from" rule show from 192.168.0.0/16
same_listing "show to" rule show to 10.0.0.1
same_listing "show bare prefix" rule show 172.16.0.0/12
same_listing "show fwmark" rule show fwmark 0x10/0xff
same_listing "show iif" rule show iif lo
same_listing "show oif" rule show oif nosuch
same_listing "show tos" rule show tos 0x10
same_listing "show l3mdev" rule show l3mdev
same_listing "show ports" rule show sport 80 dport 1000-2000
same_listing "show ipproto" rule show ipproto tcp
same_listing "show tun_id" rule show tun_id 7
same_listing "show uidrange" rule show uidrange 1000-1999
same_listing "show from all" rule show from all
same_listing "show to with dst" rule show dst 10.0.0.0/8
same_listing "show with abbreviated words" rule s ta 6 pri 322
same_listing "show nothing selected, JSON" -j rule show pref 4242
same_listing "show IPv6" -6 rule show
same_listing "show IPv6 JSON" -6 -j rule show

# Bad input: the message, the exit code, and nothing changed.
same_effect "add without words" rule add
same_effect "del without words" rule del
same_effect "unknown rule type" rule add frob
same_effect "unknown table" rule add table foo
same_effect "missing table" rule add from 10.9.0.0/16 table
same_effect "bad prefix" rule add from 10.0.0.300
same_effect "bad prefix length" rule add to 10.0.0.0/33
same_effect "IPv6 prefix under IPv4" rule add from fd00::/8 table 100
same_effect "bad preference" rule add pref x table 5
same_effect "bad tos" rule add tos lowdelay
same_effect "bad fwmark" rule add fwmark x
same_effect "bad fwmask" rule add fwmark 1/y
same_effect "bad uidrange" rule add uidrange 5
same_effect "bad iif" rule add iif a/b
same_effect "bad goto" rule add goto x
same_effect "goto without target" rule add type local pref 306
same_effect "l3mdev with a table" rule add l3mdev table 5 pref 310
same_effect "bad suppress_prefixlength" rule add suppress_prefixlength -1
same_effect "bad protocol" rule add protocol foo
same_effect "delete a missing rule" rule del pref 9999
same_effect "unknown command" rule frob
same_effect "bad show word" rule show frob
same_effect "bad show table" rule show table foo
same_effect "bad show prefix family" rule show from fd00::/8
same_effect "a family without rules" -0 rule show
same_usage_as_ip "help" -n want rule help
same_usage_as_ip "help as a type" -n want rule add help

same_effect "bad show uidrange" rule show uidrange 9
same_effect "missing show value" rule show pref

# Flush: the selected rules go, rule 0 stays.
same_effect "IPv6 flush by table" -6 rule flush table 100
same_effect "flush by protocol" rule flush protocol static
same_effect "flush by table" rule flush table 9
same_effect "flush IPv4" rule flush
same_effect "flush IPv6" -6 rule flush

# Save and restore: each tool reads what the other wrote (the files hold
# the dump's sequence numbers and port ids, so their bytes differ).
"$IPREAL" -n want rule save >/run/nsip-test/ip.save
"$IPNSIP" -n want rule save >/run/nsip-test/nsip.save
is "$(wc -c </run/nsip-test/nsip.save)" "$(wc -c </run/nsip-test/ip.save)" "save: as many bytes as ip's"
ip netns add r1 && ip netns add r2
run "$IPNSIP" -n r1 rule restore </run/nsip-test/ip.save
is "$OUT|$ERR|$RC" "||0" "nsip restores ip's save"
run "$IPREAL" -n r2 rule restore </run/nsip-test/nsip.save
is "$OUT|$ERR|$RC" "||0" "ip restores nsip's save"
is "$(ip -n r1 rule; ip -n r1 -6 rule)" "$(ip -n r2 rule; ip -n r2 -6 rule)" "both restores made the same rules"
head -c 30 /run/nsip-test/ip.save >/run/nsip-test/cut.save
printf 'xxxxyyyy' >/run/nsip-test/bad.save
for f in cut bad; do
	run "$IPREAL" -n r1 rule restore </run/nsip-test/$f.save; want="$OUT|$ERR|$RC"
	run "$IPNSIP" -n r1 rule restore </run/nsip-test/$f.save
	is "$OUT|$ERR|$RC" "$want" "restore of a $f file"
done
same_effect "save takes no words" rule save now

# The object's abbreviations: "r" stays route, "ru" is rule.
same_listing "ip r is route" r
same_listing "ip ru is rule" ru

# Through nsip's own name, in a batch, and under -n.
run "$NSIP" help rule
is "${OUT%%$'\n'*}|$RC" "Usage: nsip rule { add | del } SELECTOR ACTION|0" "nsip help rule: on stdout, exit 0"
run "$NSIP" rule add
is "$ERR|$RC" '"nsip rule add" requires arguments.|1' "nsip's own name in its messages"
run "$NSIP" -n got rule show
is "$OUT|$RC" "$(ip -n got rule show)|0" "nsip -n NS rule show"
printf 'rule add pref 77 table 5\nrule show pref 77\nrule del pref 77\n' >/run/nsip-test/rule.batch
run "$IPNSIP" -n got -batch /run/nsip-test/rule.batch
is "$OUT|$ERR|$RC" "77:	from all lookup 5||0" "rule lines in a batch"
is "$(rules got)" "$(rules want)" "the batch left no rule behind"

done_testing
