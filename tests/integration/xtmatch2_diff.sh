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

done_testing
