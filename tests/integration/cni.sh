#!/bin/bash
# CNI plugin mode: nsip as bridge, host-local and loopback, against the
# reference plugins (containernetworking-plugins, /usr/lib/cni) in the same
# sandbox: the same result JSON and exit codes, the same host-local store,
# each bridge working with the other's host-local, traffic from the
# container to its gateway, and nothing left behind by DEL or a failed ADD.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

REF=/usr/lib/cni
bin=/run/nsip-test/cni
mkdir -p $bin/nsip $bin/mix-a $bin/mix-b
for p in bridge host-local loopback; do ln -s "$NSIP" "$bin/nsip/$p"; done
ln -s "$NSIP" $bin/mix-a/bridge; ln -s $REF/host-local $bin/mix-a/host-local
ln -s $REF/bridge $bin/mix-b/bridge; ln -s "$NSIP" $bin/mix-b/host-local

if [ ! -x $REF/bridge ]; then
	ok 1 "the reference plugins are in $REF (apt-get install containernetworking-plugins)"
	done_testing; exit
fi

sysctl -qw net.ipv6.conf.default.addr_gen_mode=1
"$NSIP" netns add c1 && "$NSIP" netns add c2 && "$NSIP" netns add c3
export CNI_CONTAINERID=ctr1 CNI_IFNAME=eth0 CNI_NETNS=/run/netns/c1 CNI_PATH=$bin/nsip

# plugin DIR CONFIG [VAR=VALUE...]: sets OUT and RC (stdout, exit code).
plugin() {
	local p=$1 conf=$2; shift 2
	OUT=$(printf '%s' "$conf" | env "$@" "$p" 2>/run/nsip-test/stderr)
	RC=$?
}

# same DESCRIPTION TYPE CONFIG [VAR=VALUE...]: reference and nsip agree.
same() {
	local d=$1 type=$2 conf=$3 want; shift 3
	plugin "$REF/$type" "$conf" "$@"; want="$OUT|$RC"
	plugin "$bin/nsip/$type" "$conf" "$@"
	is "$OUT|$RC" "$want" "$d"
}

# --- the protocol ------------------------------------------------------
# with1_1 CMD...: the reference's answer with spec 1.1.0 among the versions
# (nsip has its GC and STATUS; the reference 1.1.1 does not).
with1_1() { "$@" | sed 's/"1\.0\.0"\]/"1.0.0","1.1.0"]/; s/\\"1\.0\.0\\"\]/\\"1.0.0\\" \\"1.1.0\\"]/'; }
for p in bridge host-local loopback; do
	plugin "$REF/$p" "" CNI_COMMAND=VERSION; want="$(with1_1 echo "$OUT")|$RC"
	plugin "$bin/nsip/$p" "" CNI_COMMAND=VERSION
	is "$OUT|$RC" "$want" "$p: VERSION, the reference's and 1.1.0"
done
LO='{"cniVersion":"1.0.0","name":"lo-net","type":"loopback"}'
same "truncated JSON: decode error (6)" loopback '{"cniVersion":' CNI_COMMAND=ADD
plugin "$bin/nsip/loopback" '{bad' CNI_COMMAND=ADD
is "$RC|$(printf '%s' "$OUT" | jq -c '{code}')" '1|{"code":6}' \
	"malformed JSON: decode error (6), in jansson's words where Go's parser has its own"
same "empty config: decode error" loopback "" CNI_COMMAND=ADD
plugin "$REF/loopback" '{"cniVersion":"9.9.9","name":"n","type":"loopback"}' CNI_COMMAND=ADD
want="$(with1_1 echo "$OUT")|$RC"
plugin "$bin/nsip/loopback" '{"cniVersion":"9.9.9","name":"n","type":"loopback"}' CNI_COMMAND=ADD
is "$OUT|$RC" "$want" "unknown cniVersion: error 1 with details (and 1.1.0 among them)"
same "no network name: error 7" loopback '{"cniVersion":"1.0.0","type":"loopback"}' CNI_COMMAND=ADD
same "bad network name: error 7 with details" loopback \
	'{"cniVersion":"1.0.0","name":"a/b","type":"loopback"}' CNI_COMMAND=ADD
same "missing variables: error 4 naming them" loopback "$LO" CNI_COMMAND=ADD \
	CNI_NETNS= CNI_PATH=
same "bad container id: error 4" loopback "$LO" CNI_COMMAND=ADD CNI_CONTAINERID='a b'
same "unknown CNI_COMMAND: error 4" loopback "$LO" CNI_COMMAND=FROB
same "CHECK with a config before 0.4.0: error 1" loopback \
	'{"cniVersion":"0.3.1","name":"n","type":"loopback"}' CNI_COMMAND=CHECK
plugin "$bin/nsip/loopback" "$LO" CNI_COMMAND=
is "$RC|$OUT|$(head -c 19 /run/nsip-test/stderr)" "0||CNI loopback plugin" \
	"no CNI_COMMAND: what the plugin is, on stderr, exit 0 (as the reference)"
same "CNI_NETNS that does not exist" loopback "$LO" CNI_COMMAND=ADD CNI_NETNS=/run/nope
same "CNI_NETNS that is no namespace" loopback "$LO" CNI_COMMAND=ADD CNI_NETNS=/run

# --- loopback ----------------------------------------------------------
for v in 0.2.0 0.3.1 0.4.0 1.0.0; do
	same "loopback ADD, version $v" loopback \
		"{\"cniVersion\":\"$v\",\"name\":\"lo-net\",\"type\":\"loopback\"}" \
		CNI_COMMAND=ADD CNI_IFNAME=lo
done
is "$("$NSIP" -n c1 link show lo | grep -c '<LOOPBACK,UP')" 1 "…lo is up in the container"
same "loopback CHECK of an up lo" loopback "$LO" CNI_COMMAND=CHECK CNI_IFNAME=lo
same "loopback DEL" loopback "$LO" CNI_COMMAND=DEL CNI_IFNAME=lo
is "$("$NSIP" -n c1 link show lo | grep -c ',UP')" 0 "…lo is down again"
same "loopback CHECK of a down lo: error" loopback "$LO" CNI_COMMAND=CHECK CNI_IFNAME=lo
same "loopback DEL of a namespace gone: success" loopback "$LO" CNI_COMMAND=DEL \
	CNI_IFNAME=lo CNI_NETNS=/run/netns/gone
same "loopback ADD passes prevResult on" loopback \
	'{"cniVersion":"1.0.0","name":"n","type":"loopback","prevResult":{"cniVersion":"1.0.0","interfaces":[{"name":"lo","sandbox":"/x"}],"ips":[{"address":"127.0.0.1/8","interface":0}],"dns":{}}}' \
	CNI_COMMAND=ADD CNI_IFNAME=lo

# --- host-local --------------------------------------------------------
# The same calls on two stores, one written by each: same answers, same files.
hl() {	# hl DESCRIPTION ID COMMAND VERSION IPAM-KEYS
	local d=$1 id=$2 cmd=$3 v=$4 keys=$5 want
	local c="{\"cniVersion\":\"$v\",\"name\":\"hl\",\"type\":\"host-local\",\"ipam\":{\"type\":\"host-local\",\"dataDir\":\"/run/store-%s\"$keys}}"
	# shellcheck disable=SC2059
	plugin "$REF/host-local" "$(printf "$c" ref)" CNI_COMMAND="$cmd" CNI_CONTAINERID="$id"
	want="$OUT|$RC"
	# shellcheck disable=SC2059
	plugin "$bin/nsip/host-local" "$(printf "$c" nsip)" CNI_COMMAND="$cmd" CNI_CONTAINERID="$id"
	is "$OUT|$RC" "$want" "host-local: $d"
}
R=',"ranges":[[{"subnet":"10.1.0.0/24","gateway":"10.1.0.254"}],[{"subnet":"fd00::/120"}]],"routes":[{"dst":"0.0.0.0/0"},{"dst":"192.168.0.0/16","gw":"10.1.0.9"}]'
for v in 0.1.0 0.2.0 0.3.1 0.4.0 1.0.0; do hl "ADD, IPv4 and IPv6, version $v" "c$v" ADD $v "$R"; done
hl "a second ADD of one container: refused" c1.0.0 ADD 1.0.0 "$R"
hl "DEL" c0.4.0 DEL 1.0.0 "$R"
hl "DEL again: success" c0.4.0 DEL 1.0.0 "$R"
hl "ADD after a DEL goes round (round robin)" c9 ADD 1.0.0 "$R"
hl "legacy subnet, rangeStart, rangeEnd, gateway" l1 ADD 1.0.0 \
	',"subnet":"10.3.0.0/24","rangeStart":"10.3.0.10","rangeEnd":"10.3.0.11","gateway":"10.3.0.1"'
T=',"ranges":[[{"subnet":"10.2.0.0/30"}]]'
hl "a /30 holds one address besides its gateway" t1 ADD 1.0.0 "$T"
hl "an exhausted range: error" t2 ADD 1.0.0 "$T"
S=',"ranges":[[{"subnet":"10.4.0.0/30"},{"subnet":"10.5.0.0/30"}]]'
for id in s1 s2 s3; do hl "two ranges in a set, $id" $id ADD 1.0.0 "$S"; done
hl "the second set exhausted: the first one's address is freed" f1 ADD 1.0.0 \
	',"ranges":[[{"subnet":"10.8.0.0/24"}],[{"subnet":"10.2.0.0/30"}]]'
hl "a subnet with host bits" b1 ADD 1.0.0 ',"ranges":[[{"subnet":"10.6.0.1/24"}]]'
hl "a subnet too small" b2 ADD 1.0.0 ',"ranges":[[{"subnet":"10.6.0.0/31"}]]'
hl "rangeStart outside the subnet" b3 ADD 1.0.0 \
	',"ranges":[[{"subnet":"10.6.0.0/24","rangeStart":"10.7.0.1"}]]'
hl "no ranges" b4 ADD 1.0.0 ''
listing() { (cd "$1" && for f in *; do printf '%s %s:' "$f" "$(stat -c %a "$f")"; od -An -c "$f" | tr -s ' \n' ' '; echo; done); }
is "$(listing /run/store-nsip/hl)" "$(listing /run/store-ref/hl)" \
	"host-local: the same store files, modes and contents"
case "$(cat /run/store-nsip/hl/10.1.0.1)" in "c0.1.0"$'\r\n'"eth0") ok 0 "…an address file holds ID CRLF IFNAME";;
	*) ok 1 "…an address file holds ID CRLF IFNAME";; esac
# nsip's host-local goes on from the reference's store, and the reverse.
plugin "$REF/host-local" "$(printf '{"cniVersion":"1.0.0","name":"hl","type":"host-local","ipam":{"type":"host-local","dataDir":"/run/store-nsip"%s}}' "$T")" \
	CNI_COMMAND=DEL CNI_CONTAINERID=t1
is "$RC|$(ls /run/store-nsip/hl | grep -c '^10\.2\.')" "0|0" "the reference's DEL frees nsip's address"

# Twenty ADDs at once: twenty addresses, none twice.
P='{"cniVersion":"1.0.0","name":"par","type":"host-local","ipam":{"type":"host-local","dataDir":"/run/store-par","ranges":[[{"subnet":"10.20.0.0/24"}]]}}'
for i in $(seq 1 20); do
	(printf '%s' "$P" | CNI_COMMAND=ADD CNI_CONTAINERID=p$i "$bin/nsip/host-local" |
		jq -r '.ips[0].address' >/run/nsip-test/par.$i) &
done
wait
is "$(cat /run/nsip-test/par.* | sort -u | grep -c '^10\.20\.0\.')" 20 \
	"host-local: 20 parallel ADDs get 20 distinct addresses"
is "$(ls /run/store-par/par | grep -c '^10\.')" 20 "…and 20 files"

# --- bridge ------------------------------------------------------------
BR='{"cniVersion":"1.0.0","name":"brnet","type":"bridge","bridge":"cni0","isGateway":true,"isDefaultGateway":true,"hairpinMode":true,"mtu":1400,"dns":{"nameservers":["10.1.0.53"],"search":["example"]},"ipam":{"type":"host-local","dataDir":"/run/store-br","ranges":[[{"subnet":"10.11.0.0/24"}]],"routes":[{"dst":"192.168.0.0/16"}]}}'
# Masks what differs by nature: MACs, the host end's random name, the
# address host-local handed out.
mask() { jq -S '(.interfaces // [] | .[] | .mac) |= "MAC" | (.interfaces[1].name // empty) |= "VETH" | (.ips // [] | .[] | .address) |= "ADDR"' 2>&1; }
# The pair's settings as ip shows them: container end, host end.
pair() { echo "$(ip -n c1 -j link show eth0 | jq -c '.[0] | [.mtu, .txqlen, .qdisc]')$(ip -j link show master cni0 | jq -c '.[0] | [.mtu, .txqlen, .qdisc]')"; }
plugin "$REF/bridge" "$BR" CNI_COMMAND=ADD CNI_CONTAINERID=ref CNI_PATH=$REF
want=$(printf '%s' "$OUT" | mask)
want_pair=$(pair)
plugin "$REF/bridge" "$BR" CNI_COMMAND=DEL CNI_CONTAINERID=ref CNI_PATH=$REF
"$NSIP" link del cni0
for mix in nsip mix-a; do
	plugin "$bin/$mix/bridge" "$BR" CNI_COMMAND=ADD CNI_PATH=$bin/$mix
	is "$RC|$(printf '%s' "$OUT" | mask)" "0|$want" "bridge ($mix): ADD's result is the reference's"
	addr=$(printf '%s' "$OUT" | jq -r '.ips[0].address')
	check "…the address is on eth0 in the container" sh -c \
		"'$NSIP' -n c1 addr show dev eth0 | grep -q 'inet $addr '"
	is "$("$NSIP" -n c1 route show default)" "default via 10.11.0.1 dev eth0 " \
		"…the default route via the gateway"
	check "…the gateway is on the bridge" sh -c "'$NSIP' addr show dev cni0 | grep -q 'inet 10.11.0.1/24'"
	check "…the host end is on cni0 with hairpin on" sh -c \
		"ip -d link show master cni0 | grep -q 'hairpin on'"
	check "…the container pings its gateway" sh -c "ip netns exec c1 ping -c1 -W2 10.11.0.1 >/dev/null"
	is "$(pair)" "$want_pair" "…both ends with the reference's mtu, queue length and qdisc"
	added=$OUT
	plugin "$bin/$mix/bridge" "$(jq -c --argjson p "$added" '. + {prevResult: $p}' <<<"$BR")" \
		CNI_COMMAND=CHECK CNI_PATH=$bin/$mix
	is "$RC|$OUT" "0|" "…CHECK with ADD's result as prevResult: success"
	plugin "$bin/$mix/bridge" "$BR" CNI_COMMAND=DEL CNI_PATH=$bin/$mix
	is "$RC|$OUT" "0|" "bridge ($mix): DEL"
	is "$("$NSIP" -n c1 link show | grep -c eth0)|$(ip link show master cni0 | wc -l)|$(ls /run/store-br/brnet | grep -c '^10\.')" \
		"0|0|0" "…no veth on either side, no address file"
	plugin "$bin/$mix/bridge" "$BR" CNI_COMMAND=DEL CNI_PATH=$bin/$mix
	is "$RC|$OUT" "0|" "…DEL again: success"
done
plugin "$bin/mix-b/bridge" "$BR" CNI_COMMAND=ADD CNI_PATH=$bin/mix-b
is "$RC|$(printf '%s' "$OUT" | mask)" "0|$want" "the reference bridge with nsip's host-local"
plugin "$bin/mix-b/bridge" "$BR" CNI_COMMAND=DEL CNI_PATH=$bin/mix-b
is "$RC|$(ls /run/store-br/brnet | grep -c '^10\.')" "0|0" "…and its DEL through nsip's host-local"
plugin "$bin/nsip/bridge" "$BR" CNI_COMMAND=DEL CNI_NETNS=/run/netns/gone
is "$RC|$OUT" "0|" "bridge DEL of a namespace gone: success"

# Dual stack: the same addresses, gateways and default routes of each
# family as the reference (each with a store of its own).
V6='{"cniVersion":"1.0.0","name":"v6","type":"bridge","bridge":"br6","isDefaultGateway":true,"ipam":{"type":"host-local","dataDir":"/run/store-v6-%s","ranges":[[{"subnet":"10.30.0.0/24"}],[{"subnet":"fd30::/64"}]]}}'
macs() { jq -S '(.interfaces // [] | .[] | .mac) |= "MAC" | (.interfaces[1].name // empty) |= "VETH"'; }
# shellcheck disable=SC2059
plugin "$REF/bridge" "$(printf "$V6" ref)" CNI_COMMAND=ADD CNI_PATH=$REF
want=$(printf '%s' "$OUT" | macs)
# shellcheck disable=SC2059
plugin "$REF/bridge" "$(printf "$V6" ref)" CNI_COMMAND=DEL CNI_PATH=$REF
"$NSIP" link del br6
# shellcheck disable=SC2059
plugin "$bin/nsip/bridge" "$(printf "$V6" nsip)" CNI_COMMAND=ADD
is "$RC|$(printf '%s' "$OUT" | macs)" "0|$want" "bridge: IPv4 and IPv6, the reference's result"
check "…the IPv6 default route via the bridge" sh -c \
	"'$NSIP' -n c1 -6 route show default | grep -q '^default via fd30::1 dev eth0 '"
# shellcheck disable=SC2059
plugin "$bin/nsip/bridge" "$(printf "$V6" nsip)" CNI_COMMAND=DEL
is "$RC|$(ls /run/store-v6-nsip/v6 | grep -c ':\|^10')" "0|0" "…DEL frees both addresses"
"$NSIP" link del br6

# Five containers at once onto one new bridge: five addresses, five ports.
PB='{"cniVersion":"1.0.0","name":"pb","type":"bridge","bridge":"br-par","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/store-pb","ranges":[[{"subnet":"10.14.0.0/24"}]]}}'
for i in 1 2 3 4 5; do "$NSIP" netns add p$i; done
for i in 1 2 3 4 5; do
	(printf '%s' "$PB" | CNI_COMMAND=ADD CNI_NETNS=/run/netns/p$i CNI_CONTAINERID=p$i \
		"$bin/nsip/bridge" | jq -r '.ips[0].address' >/run/nsip-test/pb.$i) &
done
wait
is "$(sort -u /run/nsip-test/pb.* | grep -c '^10\.14\.0\.')|$("$NSIP" link show master br-par | grep -c veth)" \
	"5|5" "bridge: five parallel ADDs onto one new bridge: five addresses, five ports"
for i in 1 2 3 4 5; do
	printf '%s' "$PB" | CNI_COMMAND=DEL CNI_NETNS=/run/netns/p$i CNI_CONTAINERID=p$i "$bin/nsip/bridge"
	"$NSIP" netns del p$i
done
"$NSIP" link del br-par

# A failed ADD leaves nothing: no bridge it made, no veth, no address file.
state() { echo "$("$NSIP" link show | grep -c veth)|$("$NSIP" -n c2 link show | grep -c eth0)|$(ls /run/store-br/* 2>/dev/null | grep -c '^10\.')|$("$NSIP" link show | grep -c br-fail)"; }
before=$(state)
FAIL='{"cniVersion":"1.0.0","name":"tiny","type":"bridge","bridge":"br-fail","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/store-br","ranges":[[{"subnet":"10.12.0.0/30"}]]}}'
"$NSIP" link del cni0
plugin "$bin/nsip/bridge" "$FAIL" CNI_COMMAND=ADD CNI_NETNS=/run/netns/c3 CNI_CONTAINERID=t1
is "$RC" 0 "bridge: the one address of a /30 taken"
before=$(state)
for ns in c2 nope; do
	plugin "$bin/nsip/bridge" "$FAIL" CNI_COMMAND=ADD CNI_NETNS=/run/netns/$ns CNI_CONTAINERID=t2
	is "$RC|$(printf '%s' "$OUT" | jq -c '{code}')" '1|{"code":999}' \
		"bridge: ADD into $ns fails with the spec's error"
	is "$(state)" "$before" "…and leaves nothing behind"
done
plugin "$bin/nsip/bridge" "$FAIL" CNI_COMMAND=DEL CNI_NETNS=/run/netns/c3 CNI_CONTAINERID=t1
"$NSIP" link del br-fail
NOIP='{"cniVersion":"1.0.0","name":"x","type":"bridge","bridge":"br-new","ipam":{"type":"nosuch"}}'
plugin "$bin/nsip/bridge" "$NOIP" CNI_COMMAND=ADD CNI_NETNS=/run/netns/c2
is "$RC|$(printf '%s' "$OUT" | jq -r .msg)|$("$NSIP" link show | grep -c 'br-new\|veth')" \
	"1|failed to find plugin \"nosuch\" in path [$bin/nsip]|0" \
	"bridge: an IPAM plugin not in CNI_PATH: error, and the bridge it made is gone"
plugin "$bin/nsip/bridge" '{"cniVersion":"1.0.0","name":"x","type":"bridge","vlan":5}' \
	CNI_COMMAND=ADD CNI_NETNS=/run/netns/c2
is "$RC|$(printf '%s' "$OUT" | jq -c '{code}')|$("$NSIP" link show | grep -c cni0)" '1|{"code":2}|0' \
	"bridge: vlan (not supported yet) is refused before anything is made"

# ipMasq: the reference's rules (in iptables-nft's table, with comments),
# nsip's in its own table; the same rules once the comments and the
# chain's name are masked; DEL takes exactly them away.
MQ='{"cniVersion":"1.0.0","name":"mq","type":"bridge","bridge":"br-mq","isDefaultGateway":true,"ipMasq":true,"ipam":{"type":"host-local","dataDir":"/run/store-mq","ranges":[[{"subnet":"10.13.0.0/24"}]]}}'
masq_rules() {
	grep -- 'CNI-' | sed -E -e 's/ -m comment --comment "([^"\\]|\\.)*"//' \
		-e 's/CNI-[0-9a-f]+/CNI-X/g' -e 's/-s 10\.13\.0\.[0-9]+/-s ADDR/'
}
plugin "$REF/bridge" "$MQ" CNI_COMMAND=ADD CNI_PATH=$REF
want=$(iptables-nft -t nat -S | masq_rules)
plugin "$REF/bridge" "$MQ" CNI_COMMAND=DEL CNI_PATH=$REF
ok $(( $(wc -l <<<"$want") == 4 ? 0 : 1 )) "the reference's ipMasq: a chain, a jump and two rules"
"$NSIP" link del br-mq
plugin "$bin/nsip/bridge" "$MQ" CNI_COMMAND=ADD
is "$RC|$("$NSIP" nat -S | masq_rules)" "0|$want" "bridge ipMasq: the reference's rules, in nsip's table"
# An outside network behind the host that has no way back to the
# container's subnet: the container reaches it only masqueraded.
"$NSIP" link add out0 type veth peer name out1 netns c2
"$NSIP" addr add 10.99.0.1/24 dev out0 && "$NSIP" link set out0 up
"$NSIP" -n c2 addr add 10.99.0.2/24 dev out1 && "$NSIP" -n c2 link set out1 up
check "…the container reaches an outside address, masqueraded" sh -c \
	"ip netns exec c1 ping -c1 -W2 10.99.0.2 >/dev/null"
plugin "$bin/nsip/bridge" "$MQ" CNI_COMMAND=DEL
is "$RC|$("$NSIP" nat -S | grep -c CNI-)" "0|0" "…DEL removes the chain and the jump"
plugin "$bin/nsip/bridge" "$MQ" CNI_COMMAND=DEL
is "$RC|$OUT" "0|" "…DEL again: success"

# A gateway the bridge cannot take beside its address: the reference's
# error; forceAddress replaces the address. Each tool on a bridge of its own.
gwconf() {	# gwconf BRIDGE SUBNET FORCE
	printf '{"cniVersion":"1.0.0","name":"gw%s","type":"bridge","bridge":"%s","isGateway":true,"forceAddress":%s,"ipam":{"type":"host-local","dataDir":"/run/store-gw","ranges":[[{"subnet":"%s.0/24"}]]}}' \
		"$2" "$1" "$3" "$2"
}
bridge_addrs() { "$NSIP" -4 -o addr show dev "$1" | awk '{ print $4 }' | tr '\n' ' '; }
for t in ref nsip; do
	p=$REF/bridge path=$REF
	[ $t = nsip ] && p=$bin/nsip/bridge path=$bin/nsip
	plugin "$p" "$(gwconf gw-$t 10.61.0 false)" CNI_COMMAND=ADD CNI_CONTAINERID=gw1 CNI_PATH=$path
	plugin "$p" "$(gwconf gw-$t 10.62.0 false)" CNI_COMMAND=ADD CNI_CONTAINERID=gw2 \
		CNI_NETNS=/run/netns/c2 CNI_PATH=$path
	eval "${t}_clash=\"\$(printf '%s' \"\$OUT\" | sed s/gw-$t/BR/)|\$RC|\$(bridge_addrs gw-$t)\""
	plugin "$p" "$(gwconf gw-$t 10.63.0 true)" CNI_COMMAND=ADD CNI_CONTAINERID=gw3 \
		CNI_NETNS=/run/netns/c3 CNI_PATH=$path
	eval "${t}_force=\"\$RC|\$(bridge_addrs gw-$t)\""
	for id in gw1 gw2 gw3; do
		plugin "$p" "$(gwconf gw-$t 10.6${id#gw}.0 false)" CNI_COMMAND=DEL CNI_CONTAINERID=$id \
			CNI_NETNS=/run/netns/c${id#gw} CNI_PATH=$path
	done
done
is "$nsip_clash" "$ref_clash" "a second IPv4 gateway on one bridge: the reference's error, its address kept"
is "$nsip_force" "$ref_force" "forceAddress: the new gateway replaces the bridge's address"
is "${ref_clash#*different from }|${ref_force}" $'10.62.0.1/24"\n}|1|10.61.0.1/24 |0|10.63.0.1/24 ' \
	"…(the reference: that error, exit 1, the first address kept; with force only the new one)"
is "$(ls /run/store-gw/gw10.62.0 2>/dev/null | grep -c '^10\.')" 0 "…the failed ADD left no address on file"
done_testing
