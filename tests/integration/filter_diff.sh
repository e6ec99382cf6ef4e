#!/bin/bash
# The filter table against iptables-nft: the same commands leave the same
# listings (-S, -L -n -v --line-numbers, -L, ...) and bad words get the
# same message and exit code. iptables-nft works on its table `ip filter`,
# nsip on `ip nsip_filter`, side by side in the sandbox's network
# namespace (which carries no traffic here: policies may drop).
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

. "$TESTS_DIR/integration/xt_lib.sh"

same_listings() {
	local what=$1
	both "$what: -S" -S
	both "$what: -L -n -v --line-numbers" -L -n -v --line-numbers
	both "$what: -L" -L
	both "$what: -L -v -x -n" -t filter -L -v -x -n
	both "$what: -S -v" -S -v
}

same_listings "empty table"

# Policies and chains.
both "policy DROP" -P FORWARD DROP
both "policy ACCEPT" -P INPUT ACCEPT
both "bad policy" -P OUTPUT REJECT
both "policy of a user chain" -N MY
both "…refused" -P MY DROP
both "second user chain" -N OTHER
both "jump" -A INPUT -j MY
both "goto" -A INPUT -p tcp --dport 22 -g OTHER
both "RETURN in a user chain" -A MY -s 10.0.0.0/8 -j RETURN
both "DROP" -A FORWARD -i eth0 -o eth1 -j DROP
both "ACCEPT with negations" -A FORWARD ! -s 10.1.0.0/16 ! -p udp -j ACCEPT

# Targets.
both "REJECT" -A INPUT -p udp -j REJECT
both "REJECT tcp-reset" -A INPUT -p tcp --dport 23 -j REJECT --reject-with tcp-reset
both "REJECT host-prohibited" -A INPUT -j REJECT --reject-with icmp-host-prohibited
both "REJECT alias" -A OUTPUT -j REJECT --reject-with admin-prohib
both "REJECT net-unreach" -A OUTPUT -j REJECT --reject-with net-unreach
both "LOG" -A INPUT -j LOG
both "LOG prefix and level" -A INPUT -j LOG --log-prefix "in: " --log-level 6
both "LOG level by name" -A INPUT -j LOG --log-level debug
both "LOG prefix with a quote" -A INPUT -j LOG --log-prefix 'a"b'
both "LOG prefix truncated" -A INPUT -j LOG --log-prefix aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
both "LOG flags" -A INPUT -j LOG --log-tcp-options --log-uid --log-ip-options

# Matches.
both "ctstate" -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
both "ctstate order and case" -A FORWARD -m conntrack --ctstate new,invalid,untracked -j ACCEPT
both "! ctstate" -A FORWARD -m conntrack ! --ctstate INVALID -j ACCEPT
both "state" -A FORWARD -m state --state NEW -j ACCEPT
both "! state" -A FORWARD -m state ! --state ESTABLISHED,RELATED -j ACCEPT
both "comment" -A FORWARD -m comment --comment "hello world" -j ACCEPT
both "comment without blanks" -A FORWARD -m comment --comment hi -j ACCEPT
both "comment with quotes" -A FORWARD -m comment --comment "it's \"q\"" -j ACCEPT
both "comment with a backslash and a dollar" -A FORWARD -m comment --comment 'a\b$c' -j ACCEPT
both "comment of - and _" -A FORWARD -m comment --comment a-b_c9 -j ACCEPT
both "--syn" -A INPUT -p tcp --syn -j ACCEPT
both "! --syn" -A INPUT -p tcp ! --syn -j DROP
both "--syn with a port" -A INPUT -p tcp --dport 80 --syn -j ACCEPT
both "-m tcp --syn" -A INPUT -p tcp -m tcp --syn -j ACCEPT
both "tcp, conntrack and comment" -A INPUT -p tcp --dport 22 -m conntrack --ctstate NEW -m comment --comment ssh -j ACCEPT
both "-m udp in the filter table" -A INPUT -p udp -m udp --sport 53 -j ACCEPT
both "multiport" -A INPUT -p tcp -m multiport --dports 22,80:90,443 -j ACCEPT
both "! multiport --sports" -A INPUT -p udp -m multiport ! --sports 53,123 -j ACCEPT
both "multiport long names" -A INPUT -p tcp -m multiport --destination-ports 1,2 -j ACCEPT
both "multiport of 15 places" -A INPUT -p tcp -m multiport --dports 1:2,3,4,5,6,7,8,9,10,11,12,13,14,15 -j ACCEPT
both "multiport as given (repeats, order)" -A INPUT -p tcp -m multiport --dports 80,22,22,0,65535 -j ACCEPT
both "matches in the command's order" -A INPUT -p tcp -m conntrack --ctstate NEW -m tcp --dport 22 -j ACCEPT
both "comment first" -A INPUT -m comment --comment first -p tcp --syn -m state --state NEW -j ACCEPT
both "multiport after conntrack" -A INPUT -p udp -m conntrack ! --ctstate INVALID -m multiport --dports 53,67 -m comment --comment x -j ACCEPT
both "check finds it in another order" -C INPUT -p tcp -m tcp --dport 22 -m conntrack --ctstate NEW -j ACCEPT
both "multiport with names and a comment" -A INPUT -p tcp --dport 5 -m multiport --sports http,ssh -m comment --comment hi -j ACCEPT

same_listings "after appends"
both "-S of one chain" -S INPUT
both "-S of one rule" -S INPUT 3
both "-L of a user chain" -L MY -n -v
both "-L of one rule" -L INPUT 2 -n
both "-nvL cluster" -nvL

# Finding rules by their words.
both "check present" -C FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
both "check other states" -C FORWARD -m conntrack --ctstate RELATED -j ACCEPT
both "check state vs conntrack" -C FORWARD -m state --state RELATED,ESTABLISHED -j ACCEPT
both "check comment" -C FORWARD -m comment --comment "hello world" -j ACCEPT
both "check other comment" -C FORWARD -m comment --comment "hello" -j ACCEPT
both "check goto" -C INPUT -p tcp --dport 22 -g OTHER
both "check jump, not goto" -C INPUT -p tcp --dport 22 -j OTHER
both "check LOG" -C INPUT -j LOG --log-prefix "in: " --log-level 6
both "check multiport" -C INPUT -p tcp -m multiport --dports 80,22,22,0,65535 -j ACCEPT
both "check multiport, other order" -C INPUT -p tcp -m multiport --dports 22,80,22,0,65535 -j ACCEPT
both "delete multiport" -D INPUT -p tcp -m multiport --destination-ports 1,2 -j ACCEPT
both "check REJECT type" -C INPUT -j REJECT --reject-with icmp-host-prohibited
both "check other REJECT type" -C INPUT -j REJECT --reject-with icmp-net-prohibited
both "delete by words" -D INPUT -p tcp ! --syn -j DROP
both "delete by number" -D INPUT 1
both "insert" -I FORWARD 2 -m state --state INVALID -j DROP
both "replace" -R FORWARD 1 -p icmp -j ACCEPT
both "rename" -E OTHER THIRD
both "zero" -Z
same_listings "after changes"

# Bad words and what iptables' targets refuse.
both "tcp-reset without -p tcp" -A INPUT -j REJECT --reject-with tcp-reset
both "REJECT in nat" -t nat -A POSTROUTING -j REJECT
both "MASQUERADE in filter" -A FORWARD -j MASQUERADE
both "bad reject type" -A INPUT -j REJECT --reject-with frob
both "bad log level" -A INPUT -j LOG --log-level 8
both "empty log prefix" -A INPUT -j LOG --log-prefix ""
both "log prefix twice" -A INPUT -j LOG --log-prefix a --log-prefix b
both "LOG option with REJECT" -A INPUT -j REJECT --log-prefix x
both "REJECT option with DROP" -A INPUT -j DROP --reject-with tcp-reset
both "bad ctstate" -A INPUT -m conntrack --ctstate FROB -j ACCEPT
both "bad state" -A INPUT -m state --state FROB -j ACCEPT
both "SNAT is no state" -A INPUT -m state --state SNAT -j ACCEPT
both "empty ctstate" -A INPUT -m conntrack --ctstate "" -j ACCEPT
both "trailing comma" -A INPUT -m conntrack --ctstate NEW, -j ACCEPT
both "--ctstate twice" -A INPUT -m conntrack --ctstate NEW --ctstate NEW -j ACCEPT
both "--comment twice" -A INPUT -m comment --comment a --comment b -j ACCEPT
both "--syn twice" -A INPUT -p tcp --syn --syn -j ACCEPT
both "! before -m" -A INPUT ! -m conntrack --ctstate NEW -j ACCEPT
both "conntrack without options" -A INPUT -m conntrack -j ACCEPT
both "state without --state" -A INPUT -m state -j ACCEPT
both "--ctstate without -m conntrack" -A INPUT --ctstate NEW -j ACCEPT
both "comment without --comment" -A INPUT -m comment -j ACCEPT
both "--comment without -m comment" -A INPUT --comment x -j ACCEPT
both "--syn without -p tcp" -A INPUT --syn -j ACCEPT
both "--syn with -p udp" -A INPUT -p udp --syn -j ACCEPT
both "unknown match" -A INPUT -m frob -j ACCEPT
both "too many ports" -A INPUT -p tcp -m multiport --dports 1,2,3,4,5,6,7,8,9,10,11,12,13,14:15,16 -j ACCEPT
both "multiport range upside down" -A INPUT -p tcp -m multiport --dports 30:20 -j ACCEPT
both "multiport open range" -A INPUT -p tcp -m multiport --dports 80: -j ACCEPT
both "multiport bad port" -A INPUT -p tcp -m multiport --dports 22,frob -j ACCEPT
both "multiport both directions" -A INPUT -p tcp -m multiport --dports 22 --sports 80 -j ACCEPT
both "multiport without option" -A INPUT -p tcp -m multiport -j ACCEPT
both "multiport without -p" -A INPUT -m multiport --dports 22 -j ACCEPT
both "multiport with icmp" -A INPUT -p icmp -m multiport --dports 22 -j ACCEPT
both "--dports without -m multiport" -A INPUT -p tcp --dports 22 -j ACCEPT
both "-j and -g" -A INPUT -j ACCEPT -g MY
both "-g to a missing chain" -A INPUT -g FROB
both "-g to a built-in target" -A INPUT -g ACCEPT
both "jump to a missing chain" -A INPUT -j FROB
both "empty chain name" -N ""
# iptables-nft renames a chain to "" (which no rule can name); nsip
# refuses that name for -E as for -N.
run "$IPT" -E MY ""
is "$(norm <<<"${ERR%%$'\n'*}")|$RC" "iptables VERSION: chain name may not clash with target name|2" \
	"-E to an empty name: refused as -N refuses it"
both "long chain name" -N aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa
both "chain named like a target" -N LOG
both "policy of a missing chain" -P FROB DROP
both "-o in INPUT" -A INPUT -o eth0 -j ACCEPT
both "-i in OUTPUT" -A OUTPUT -i eth0 -j ACCEPT
both "-i in FORWARD is fine" -C FORWARD -i eth0 -j ACCEPT
both "zero one rule" -Z INPUT 1
both "flush one chain" -F OUTPUT
both "delete an empty user chain" -N EMPTY
both "…gone" -X EMPTY
both "deleting a referenced chain" -X MY
same_listings "after bad words"

# A match or target iptables has and nsip lacks: one line naming it, exit
# 2, nothing changed (iptables-nft takes these, so no comparison).
for w in "-m pkttype --pkt-type host" "-m ttl --ttl-eq 1" "-j MARK --set-mark 1" \
	 "-j NFLOG" "-m owner --uid-owner 0" "-m conntrack --ctstatus SEEN_REPLY" \
	 "--tcp-option 2"; do
	before=$(nft list table ip nsip_filter)
	# shellcheck disable=SC2086
	run "$IPT" -A INPUT -p tcp $w
	name=${w#-? }; name=${name%% *}
	kind=match; case "$w" in -j*) kind=target;; esac
	want="$kind '$name' is not supported by nsip"
	case "$w" in
	*--ctstatus*) want="option \"--ctstatus\" of match 'conntrack' is not supported by nsip";;
	--tcp-option*) want="option \"--tcp-option\" of match 'tcp' is not supported by nsip";;
	esac
	is "$(norm <<<"${ERR%%$'\n'*}")|$RC|$(nft list table ip nsip_filter)" \
		"iptables VERSION: $want|2|$before" "$w: refused by name"
done

run nft list table ip nsip_filter
case "$OUT" in *"tcp dport { 22, 80-90, 443 } counter"*"udp sport != { 53, 123 } counter"*)
	ok 0 "multiport is an anonymous set nft lists in its own words";;
	*) ok 1 "multiport as nft lists it: $OUT";; esac
both "flush" -F
both "delete user chains" -X
both "policies back" -P FORWARD ACCEPT
same_listings "after flush"

# The nat table is unchanged by all of this, and -t nat still works.
both "nat beside filter" -t nat -A POSTROUTING -m conntrack --ctstate NEW -m comment --comment x -j LOG
both "nat -S" -t nat -S
run nft list ruleset
is "$RC|$(grep -ci error <<<"$ERR")" "0|0" "nft list ruleset reads nsip's filter table"
case "$OUT" in *"table ip nsip_filter {"*"type filter hook forward priority filter; policy accept;"*)
	ok 0 "nsip's filter chains are filter base chains at priority 0";;
	*) ok 1 "nsip's filter chains: $OUT";; esac

done_testing
