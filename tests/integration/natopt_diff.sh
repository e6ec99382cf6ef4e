#!/bin/bash
# The NAT targets' options and -v against iptables-nft 1.8.9: --random,
# --random-fully and --persistent where iptables takes them; ports as it
# reads them (service names, C's bases, ranges, ports alone, with and
# without /etc/services); -4 and -6; the rule echo of -v on -A/-I/-R/-D/-C
# and the chain lines of -v -F/-Z/-X. Each command goes through both, and
# the listings after them are compared; nsip's rules are native nftables
# expressions, read back by -S, -L, -C and -D. iptables-nft works on `ip
# nat`, nsip on `ip nsip`, side by side.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

. "$TESTS_DIR/integration/xt_lib.sh"

same_listings() {
	local what=$1
	both "$what: -S" -t nat -S
	both "$what: -L -n" -t nat -L -n
	both "$what: -L -n -v" -t nat -L -n -v
	both "$what: -L" -t nat -L
}

# nsip_only DESC RC MESSAGE ARGS...: a form nsip refuses where iptables-nft
# takes it, in one line with exit 2, and nothing changed.
nsip_only() {
	local d=$1 rc=$2 msg=$3; shift 3
	local before
	before=$(nft list table ip nsip 2>&1)
	run "$IPT" "$@"
	is "$RC|${ERR%%$'\n'*}|$(nft list table ip nsip 2>&1)" \
		"$rc|$msg|$before" "$d"
}

# ---- --random, --random-fully, --persistent ------------------------------
both "MASQUERADE --random" -t nat -A POSTROUTING -p tcp -j MASQUERADE --random
both "MASQUERADE --random-fully" -t nat -A POSTROUTING -j MASQUERADE --random-fully
both "MASQUERADE ports, both randoms" -t nat -A POSTROUTING -p udp -j MASQUERADE --to-ports 5-6 --random-fully --random
both "SNAT every flag, in another order" -t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:100-200 --persistent --random-fully --random
both "SNAT --persistent by a prefix" -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.5 --pers
both "SNAT --random-fully by a prefix" -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.6 --random-f
both "DNAT --random --persistent" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:80-90 --random --persistent
both "REDIRECT ports --random" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 80-90 --random
both "MASQUERADE takes no --persistent" -t nat -A POSTROUTING -j MASQUERADE --persistent
both "DNAT takes no --random-fully" -t nat -A PREROUTING -j DNAT --to-destination 10.0.0.2 --random-fully
both "REDIRECT takes no --random-fully" -t nat -A OUTPUT -j REDIRECT --random-fully
both "REDIRECT takes no --persistent" -t nat -A OUTPUT -j REDIRECT --persistent
both "ACCEPT takes none" -t nat -A OUTPUT -j ACCEPT --persistent
both "--rand is ambiguous" -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4 --rand
both "--random twice" -t nat -A POSTROUTING -j MASQUERADE --random --random
both "--random-fully twice" -t nat -A POSTROUTING -j MASQUERADE --random-fully --random-fully
both "--persistent twice" -t nat -A POSTROUTING -j SNAT --to-source 1.2.3.4 --persistent --persistent
same_listings "flags"

both "-C SNAT with every flag" -t nat -C POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:100-200 --random --random-fully --persistent
both "-C without one of them" -t nat -C POSTROUTING -p tcp -j SNAT --to-source 1.2.3.4:100-200 --random --random-fully
both "-D MASQUERADE --random-fully" -t nat -D POSTROUTING -j MASQUERADE --random-fully
both "-D it again" -t nat -D POSTROUTING -j MASQUERADE --random-fully
both "-D DNAT by its rule" -t nat -D PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:80-90 --persistent --random
same_listings "after -D"

run nft list table ip nsip
for want in "snat to 1.2.3.4:100-200 random,fully-random,persistent" \
	    "masquerade to :5-6 random,fully-random"; do
	case "$OUT" in *"$want"*) ok 0 "nft reads native: $want";;
	*)	ok 1 "nft reads native: $want"; printf '# %s\n' "$OUT";; esac
done

both "-L -v of negated interfaces" -t nat -A POSTROUTING ! -o eth0 -j ACCEPT
both "…and a long one" -t nat -A PREROUTING ! -i verylongname12 -j ACCEPT
both "-L -v -n" -t nat -L -v -n
run "$IPT" -t nat -S POSTROUTING --json
case "$OUT" in *'"to":"1.2.3.4:100-200","random":true,"random_fully":true,"persistent":true'*)
	ok 0 "--json names the flags";;
*)	ok 1 "--json names the flags"; printf '# %s\n' "$OUT";; esac
both "flush" -t nat -F

# ---- ports ---------------------------------------------------------------
both "DNAT to a service" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:http
both "DNAT to a service of udp's, for tcp" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:domain
both "REDIRECT to a service with a dash" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports ftp-data
both "MASQUERADE to a service" -t nat -A POSTROUTING -p tcp -j MASQUERADE --to-ports http
both "ports in C's bases" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 010-0x10
both "a leading +" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:+5
both "SNAT address range and port range" -t nat -A POSTROUTING -p tcp -j SNAT --to-source 10.0.0.1-10.0.0.9:1000-2000
both "SNAT ports alone" -t nat -A POSTROUTING -p udp -j SNAT --to-source :53
both "DNAT port 0" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:0
both "DNAT of ICMP ids" -t nat -A PREROUTING -p icmp -j DNAT --to-destination 10.0.0.2:7
both "--dport by service" -t nat -A OUTPUT -p tcp --dport ssh -j ACCEPT
both "--sport range by services" -t nat -A OUTPUT -p tcp --sport ssh:http -j ACCEPT
same_listings "ports"
both "-C by another spelling" -t nat -C OUTPUT -p tcp -j REDIRECT --to-ports 8-16
both "-D ports alone" -t nat -D POSTROUTING -p udp -j SNAT --to-source :53
both "-C ports alone, gone" -t nat -C POSTROUTING -p udp -j SNAT --to-source :53

both "range end is no service" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:1000-http
both "two services" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports ftp-http
both "unknown service" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:nosuchsvc
both "funky range" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 2000-1000
both "garbage after a port" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 1000x
both "garbage after a range" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 1000-2000x
both "port:port" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 1000:2000
both "a shift needs a range" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:1000/1000
both "shift of 0" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:1000-2000/0
both "empty port" -t nat -A POSTROUTING -p tcp -j SNAT --to-source 10.0.0.1:
both "a negative port" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:-5
both "two colons: one address" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:1:2
both "ports need their protocol" -t nat -A PREROUTING -j DNAT --to-destination 10.0.0.2:80
both "…even negated" -t nat -A PREROUTING ! -p tcp -j DNAT --to-destination 10.0.0.2:80
both "…not all" -t nat -A PREROUTING -p all -j DNAT --to-destination 10.0.0.2:80
both "sctp and dccp ports" -t nat -A PREROUTING -p sctp -j DNAT --to-destination 10.0.0.2:5-6
both "dccp" -t nat -A POSTROUTING -p dccp -j SNAT --to-source 10.0.0.2:5
both "udplite has none" -t nat -A PREROUTING -p udplite -j DNAT --to-destination 10.0.0.2:5
both "ICMP ids for MASQUERADE" -t nat -A POSTROUTING -p icmp -j MASQUERADE --to-ports 5
both "REDIRECT's shift" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports 1000-2000/10
nsip_only "DNAT's shift: no native form, refused by name" 2 \
	"iptables v1.8.9 (nsip): DNAT: port shift \`/1000' is not supported by nsip (nftables has no native form of it)" \
	-t nat -A PREROUTING -p tcp -j DNAT --to-destination 1.1.1.1:1000-2000/1000
nsip_only "SNAT's shift too" 2 \
	"iptables v1.8.9 (nsip): SNAT: port shift \`/5' is not supported by nsip (nftables has no native form of it)" \
	-t nat -A POSTROUTING -p tcp -j SNAT --to-source 1.1.1.1:1000-2000/5
same_listings "after bad ports"

# A NAT target on a hook it does not serve: the kernel's refusal, in
# iptables-nft's words.
both "DNAT in POSTROUTING" -t nat -A POSTROUTING -p tcp -j DNAT --to-destination 10.0.0.2
both "REDIRECT in INPUT" -t nat -I INPUT -p tcp -j REDIRECT
both "SNAT in OUTPUT" -t nat -A OUTPUT -j SNAT --to-source 10.0.0.2
both "MASQUERADE in PREROUTING" -t nat -A PREROUTING -j MASQUERADE --random-fully
both "a chain with DNAT" -t nat -N DN
both "DNAT in it" -t nat -A DN -p tcp -j DNAT --to-destination 10.0.0.2 --persistent
both "a jump to it from POSTROUTING" -t nat -A POSTROUTING -j DN
both "a jump to it from PREROUTING" -t nat -A PREROUTING -j DN
same_listings "after the hooks"
both "flush" -t nat -F
both "delete DN" -t nat -X DN

# A minimal image without /etc/services: names fail as in iptables.
: >/run/nsip-test/no-services
mount --bind /run/nsip-test/no-services /etc/services
both "no /etc/services: --to-ports name" -t nat -A OUTPUT -p tcp -j REDIRECT --to-ports ftp-data
both "no /etc/services: --to-destination name" -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.2:http
both "no /etc/services: --dport name" -t nat -A OUTPUT -p tcp --dport ssh -j ACCEPT
both "no /etc/services: numbers still" -t nat -A OUTPUT -p tcp --dport 22 -j REDIRECT --to-ports 20
both "no /etc/services: -L names no port" -t nat -L OUTPUT
umount /etc/services
both "flush" -t nat -F

# ---- -4 and -6 -------------------------------------------------------------
both "-4 is iptables' own" -t nat -4 -A POSTROUTING -s 10.9.0.0/16 -j MASQUERADE
both "--ipv4, ! -4" --ipv4 ! -4 -t nat -S
both "-4 in a cluster" -t nat -4nL
both "-6 is refused" -t nat -6 -A POSTROUTING -j MASQUERADE
both "--ipv6 before a bad word" --ipv6 --frob
both "a bad word before -6" --frob -6
both "-6 in a cluster" -t nat -6nL

# ---- -v: the rule echo ----------------------------------------------------
both "-v -A" -t nat -v -A POSTROUTING -s 1.2.3.4 -j ACCEPT
both "-v -A with matches and flags" -t nat -A POSTROUTING -v -s 1.2.3.0/24 -o eth0 -p tcp --dport 80 -j SNAT --to-source 5.5.5.5:100-200 --random --persistent
both "-v -A negations" -t nat -v -A PREROUTING ! -i lo ! -p udp ! -s 1.0.0.0/8 ! -d 2.2.2.2 -j RETURN
both "-v -A no target" -t nat -v -A OUTPUT -o eth+
both "-v -A protocol by number" -t nat -v -A OUTPUT -p 47 -d localhost -j ACCEPT
both "-v -A sctp" -t nat -v -A OUTPUT -p 132 -j ACCEPT
both "-v -A more matches" -t nat -v -A OUTPUT -p tcp -m comment --comment hi -m conntrack --ctstate NEW -m mark --mark 3 -j ACCEPT
both "-v -A icmp" -t nat -v -A OUTPUT -p icmp --icmp-type echo-request -j ACCEPT
both "-v -A --syn, dotted mask" -t nat -v -A OUTPUT -p tcp --syn -s 1.2.3.4/255.0.255.0 -j ACCEPT
both "-v -A ports alone" -t nat -v -A POSTROUTING -p tcp -j SNAT --to-source :80 --random-fully
both "-v -N" -t nat -v -N U2
both "-v -A multiport to a chain" -t nat -v -A OUTPUT -p tcp -m multiport --dports 1,2:3 -j U2
both "-v -A goto" -t nat -v -A OUTPUT -g U2
both "-v -A to a missing chain" -t nat -v -A NOPE -j ACCEPT
both "-v -A to a missing target" -t nat -v -A OUTPUT -j NOPE
both "-v -I" -t nat -v -I POSTROUTING 2 -d 1.2.3.0/24 -j MASQUERADE --random-fully
both "-v -I at 1" -t nat -v -I POSTROUTING -j RETURN
both "-v -I missing chain" -t nat -v -I NOPE -j ACCEPT
both "-v -I too far" -t nat -v -I OUTPUT 50 -j ACCEPT
both "-v -R" -t nat -v -R POSTROUTING 1 -s 1.2.3.5 -j ACCEPT
both "-v -R too far" -t nat -v -R OUTPUT 50 -j ACCEPT
both "-v -R missing chain" -t nat -v -R NOPE 1 -j ACCEPT
both "-v -C present" -t nat -v -C POSTROUTING -s 1.2.3.5 -j ACCEPT
both "-v -C missing" -t nat -v -C POSTROUTING -s 1.2.3.9 -j ACCEPT
both "-v -D by rule" -t nat -v -D POSTROUTING -s 1.2.3.5 -j ACCEPT
both "-v -D missing" -t nat -v -D POSTROUTING -s 1.2.3.5 -j ACCEPT
both "-v -D by number" -t nat -v -D POSTROUTING 1
both "-v -P, -E print nothing" -t nat -v -P INPUT ACCEPT
same_listings "after -v"

# -Z with -L or -S: the listing, then the counters zeroed.
both "-v -L -Z" -t nat -v -L -Z
both "-v -Z CHAIN -L" -t nat -v -Z POSTROUTING -L
both "-v -S CHAIN -Z" -t nat -v -S POSTROUTING -Z
both "-v -L CHAIN -Z OTHER: the last chain" -t nat -v -L POSTROUTING -Z U2
both "-L CHAIN NUM -Z: the whole chain zeroed" -t nat -v -L POSTROUTING 1 -Z
both "-Z CHAIN NUM -L: that rule" -t nat -v -Z POSTROUTING 1 -L
both "-L -n -x --line-numbers -Z" -t nat -L -n -v -x --line-numbers -Z
both "a third command" -t nat -L -Z -F
both "-Z with -A" -t nat -A POSTROUTING -Z -j ACCEPT

# ---- -v: Flushing, Zeroing, Deleting chain ----------------------------------
both "-v -Z of a chain" -t nat -v -Z POSTROUTING
both "-v -Z" -t nat -v -Z
both "-v -F of a chain" -t nat -v -F U2
both "-v -F" -t nat -v -F
both "-v -Z after -F" -t nat -v -Z
both "-v -X of a chain" -t nat -v -X U2
both "-N two" -t nat -N A
both "-A A" -t nat -A A -j RETURN
both "-N B" -t nat -N B
both "-A B -j A" -t nat -A B -j A
both "-v -X refused, still named" -t nat -v -X
both "-v -F B" -t nat -v -F B
both "-v -X" -t nat -v -X
both "-v -Z after -X" -t nat -v -Z
both "-A INPUT" -t nat -A INPUT -j ACCEPT
both "-F without -v makes nothing" -t nat -F
both "-v -Z names what is there" -t nat -v -Z
both "-v -X keeps... and drops empty built-in chains" -t nat -v -X
both "-v -Z then" -t nat -v -Z
both "-v -Z of a built-in chain -X took" -t nat -v -Z OUTPUT
both "-Z of it by number" -t nat -Z OUTPUT 1
both "-v -F of it makes it" -t nat -v -F OUTPUT
both "-v -Z of it then" -t nat -v -Z OUTPUT
both "-v -X of a missing chain" -t nat -v -X NOPE
both "-v -F of a missing chain" -t nat -v -F NOPE
both "-v -Z of a missing chain" -t nat -v -Z NOPE
same_listings "after the chain commands"
both "filter: -P FORWARD DROP" -v -P FORWARD DROP
both "filter: -A INPUT" -v -A INPUT -j ACCEPT
both "filter: -F OUTPUT" -v -F OUTPUT
both "filter: -X keeps the DROP chain and the full one" -v -X
both "filter: -v -Z" -v -Z
both "filter: -S" -S

# In a -batch group the built-in chains the group makes count as there.
both "flush all for the group" -t nat -F
both "and -X" -t nat -X
run "$NSIP" -batch - <<'EOF_BATCH'
nat -v -A POSTROUTING -j MASQUERADE --random-fully
nat -v -Z POSTROUTING
nat -v -F INPUT
nat -v -A INPUT -j ACCEPT
EOF_BATCH
is "$RC|$OUT" "0|MASQUERADE  all opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0   random-fully
Zeroing chain \`POSTROUTING'
Flushing chain \`INPUT'
ACCEPT  all opt -- in * out *  0.0.0.0/0  -> 0.0.0.0/0  " "a batch group: echoes and chain lines, chains it makes"
run "$IPT" -t nat -S
is "$OUT" "-P PREROUTING ACCEPT
-P INPUT ACCEPT
-P OUTPUT ACCEPT
-P POSTROUTING ACCEPT
-A INPUT -j ACCEPT
-A POSTROUTING -j MASQUERADE --random-fully" "…and its rules are there"
"$IPT" -t nat -F   # nsip's table alone had the group's rules

# -vv dumps iptables-nft's netlink messages, which nsip does not have.
run "$IPT" -t nat -vv -A POSTROUTING -j ACCEPT
is "$RC|$ERR" "2|iptables v1.8.9 (nsip): -vv (nftables' debug output) is not supported by nsip; use -v
Try \`iptables -h' or 'iptables --help' for more information." "-vv on a change is refused"
both "-vv on a listing is -v" -t nat -vv -L INPUT

done_testing
