#!/bin/bash
# CNI portmap: nsip as the chained plugin after its own bridge+host-local,
# against the reference portmap (/usr/lib/cni) in the same sandbox: the
# same result, rules and errors; a TCP server in the container reached on
# the host's port from an outside namespace (also on an address the host
# gets after ADD), from the host and back from the container itself
# (hairpin); DEL takes exactly the container's rules away.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

REF=/usr/lib/cni
bin=/run/nsip-test/cni
mkdir -p $bin
for p in bridge host-local portmap; do ln -s "$NSIP" "$bin/$p"; done
if [ ! -x $REF/portmap ] || ! command -v socat >/dev/null || ! command -v iptables-nft >/dev/null; then
	ok 1 "the reference portmap in $REF, socat and iptables-nft are installed"
	done_testing; exit
fi

"$NSIP" netns add c1 && "$NSIP" netns add c2 && "$NSIP" link set lo up
export CNI_CONTAINERID=ctr1 CNI_IFNAME=eth0 CNI_NETNS=/run/netns/c1 CNI_PATH=$bin

plugin() {	# plugin PATH CONFIG [VAR=VALUE...]: sets OUT and RC
	local p=$1 conf=$2; shift 2
	OUT=$(printf '%s' "$conf" | env "$@" "$p" 2>/run/nsip-test/stderr)
	RC=$?
}
same() {	# same DESCRIPTION CONFIG [VAR=VALUE...]: reference and nsip agree
	local d=$1 conf=$2 want; shift 2
	plugin $REF/portmap "$conf" "$@"; want="$OUT|$RC"
	plugin $bin/portmap "$conf" "$@"
	is "$OUT|$RC" "$want" "$d"
}
code() { printf '%s' "$OUT" | jq -c '.code'; }
same_code() {	# same_code DESCRIPTION CONFIG: the same error code and exit
	local d=$1 conf=$2 want
	plugin $REF/portmap "$conf" CNI_COMMAND=ADD; want="$(code)|$RC"
	plugin $bin/portmap "$conf" CNI_COMMAND=ADD
	is "$(code)|$RC" "$want" "$d"
}

BR='{"cniVersion":"1.0.0","name":"pmnet","type":"bridge","bridge":"cni0","isGateway":true,"isDefaultGateway":true,"hairpinMode":true,"ipam":{"type":"host-local","dataDir":"/run/store","ranges":[[{"subnet":"10.21.0.0/24"}]]}}'
plugin $bin/bridge "$BR" CNI_COMMAND=ADD
is "$RC" 0 "nsip's bridge+host-local: the container is on cni0"
prev=$OUT
ctr=$(jq -r '.ips[0].address' <<<"$prev"); ctr=${ctr%/*}
# the outside: a namespace routed to the host, with no route to 10.21/24
"$NSIP" link add out0 type veth peer name out1 netns c2
"$NSIP" addr add 10.98.0.1/24 dev out0 && "$NSIP" link set out0 up
"$NSIP" -n c2 addr add 10.98.0.2/24 dev out1 && "$NSIP" -n c2 link set out1 up
"$NSIP" -n c2 route add default via 10.98.0.1
ip netns exec c1 socat TCP-LISTEN:80,fork,reuseaddr SYSTEM:'echo hello' >/dev/null 2>&1 &
server=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do
	timeout 2 ip netns exec c1 socat -T1 - TCP:127.0.0.1:80 </dev/null >/dev/null 2>&1 && break
	sleep 0.1
done
reach() { timeout 3 "$@" socat -T2 - "TCP:$where" </dev/null 2>/dev/null; }

PM='{"cniVersion":"1.0.0","name":"pmnet","type":"portmap","capabilities":{"portMappings":true},"runtimeConfig":{"portMappings":[{"hostPort":8080,"containerPort":80,"protocol":"tcp"},{"hostPort":5353,"containerPort":53,"protocol":"udp"}]}}'
conf=$(jq -c --argjson p "$prev" '. + {prevResult: $p}' <<<"$PM")

# The reference first (its rules in iptables-nft's table, then removed):
# its DNAT rules, the match of its jumps from PREROUTING and OUTPUT, and
# whether an address the host gets after its ADD is mapped too.
dnat_rules() { sed -n 's/^-A CNI-DN-[^ ]* \(.*-j DNAT .*\)/\1/p'; }
jump_match() { sed -n 's/^-A \(PREROUTING\|OUTPUT\) .*\(-m addrtype [^j]*\)-j .*/\1 \2/p'; }
late=10.98.0.9/24
plugin $REF/portmap "$conf" CNI_COMMAND=ADD CNI_CONTAINERID=ref
want="$OUT|$RC"
is "$(cat /proc/sys/net/ipv4/conf/cni0/route_localnet)" 1 \
	"the reference sets route_localnet on the bridge toward the container"
ref_dnat=$(iptables-nft -t nat -S | dnat_rules)
ref_jump=$(iptables-nft -t nat -S | jump_match)
"$NSIP" addr add $late dev out0
where=${late%/*}:8080
ref_late=$(reach ip netns exec c2)
"$NSIP" addr del $late dev out0
plugin $REF/portmap "$conf" CNI_COMMAND=DEL CNI_CONTAINERID=ref
echo 0 >/proc/sys/net/ipv4/conf/cni0/route_localnet
iptables-nft -t nat -F && iptables-nft -t nat -X

where=10.98.0.1:8080
is "$(reach ip netns exec c2)" "" "before ADD the outside reaches nothing on the host's port"
plugin $bin/portmap "$conf" CNI_COMMAND=ADD
is "$OUT|$RC" "$want" "portmap ADD: prevResult passed on, as the reference prints it"
is "$(cat /proc/sys/net/ipv4/conf/cni0/route_localnet)" 1 "…route_localnet on cni0, as the reference"
is "$("$NSIP" nat -S | dnat_rules)" "$ref_dnat" "…one DNAT rule per mapping, as the reference's"
is "$("$NSIP" nat -S | jump_match)" "$ref_jump" \
	"…jumped to from PREROUTING and OUTPUT for local addresses, as the reference"
is "$(reach ip netns exec c2)" hello "…the outside reaches the server on the host's address:8080"
"$NSIP" addr add $late dev out0
where=${late%/*}:8080
is "$(reach ip netns exec c2)|$ref_late" "hello|hello" \
	"…and on an address the host got after ADD, as with the reference"
"$NSIP" addr del $late dev out0
where=127.0.0.1:8080
is "$(reach env)" hello "…the host reaches it on 127.0.0.1:8080"
where=10.21.0.1:8080
is "$(reach env)" hello "…and on its bridge address"
is "$(reach ip netns exec c1)" hello "…the container reaches its own port through the host (hairpin)"
plugin $bin/portmap "$conf" CNI_COMMAND=CHECK
is "$OUT|$RC" "|0" "portmap CHECK: the rules are there"

# A second container's mapping stays when the first goes.
conf2=$(jq -c '.runtimeConfig.portMappings = [{"hostPort":9090,"containerPort":80,"protocol":"tcp","hostIP":"10.98.0.1"}]' <<<"$conf")
plugin $bin/portmap "$conf2" CNI_COMMAND=ADD CNI_CONTAINERID=ctr2
is "$RC|$("$NSIP" nat -S | grep -c -- '-d 10.98.0.1/32 -p tcp -m tcp --dport 9090 -j DNAT')" "0|1" \
	"a second container id, hostIP given: one DNAT rule, on that address"
plugin $bin/portmap "$conf" CNI_COMMAND=DEL
is "$OUT|$RC" "|0" "portmap DEL"
is "$("$NSIP" nat -S | grep -c 'id: \\"ctr1\\"\|--dport 8080')" 0 "…no rule of the container is left"
where=10.98.0.1:8080
is "$(reach ip netns exec c2)" "" "…and the outside no longer reaches the server"
where=10.98.0.1:9090
is "$(reach ip netns exec c2)" hello "…while the other container's port still maps"
plugin $bin/portmap "$conf" CNI_COMMAND=DEL
is "$OUT|$RC" "|0" "portmap DEL again: success"
plugin $bin/portmap "$conf" CNI_COMMAND=CHECK
is "$(code)|$RC" "999|1" "portmap CHECK after DEL: the rules are missing"
plugin $bin/portmap "$conf2" CNI_COMMAND=DEL CNI_CONTAINERID=ctr2
is "$RC|$("$NSIP" nat -S | grep -c CNI-)" "0|0" "the second DEL leaves no portmap chain or jump"

# Bad input, as the reference answers it.
bad() { jq -c --argjson p "$prev" ". + {prevResult: \$p} | $1" <<<"$PM"; }
same "no prevResult: must be chained" "$PM" CNI_COMMAND=ADD
same "hostPort 0" "$(bad '.runtimeConfig.portMappings[0].hostPort = 0')" CNI_COMMAND=ADD
same "containerPort 0" "$(bad '.runtimeConfig.portMappings[0].containerPort = 0')" CNI_COMMAND=ADD
same "hostPort a string" "$(bad '.runtimeConfig.portMappings[0].hostPort = "x"')" CNI_COMMAND=ADD
same "no mappings: prevResult passed on" "$(bad 'del(.runtimeConfig)')" CNI_COMMAND=ADD
same_code "containerPort 70000: error 999" "$(bad '.runtimeConfig.portMappings[0].containerPort = 70000')"
same_code "protocol frob: error 999" "$(bad '.runtimeConfig.portMappings[0].protocol = "frob"')"
iptables-nft -t nat -F && iptables-nft -t nat -X
plugin $bin/portmap "$(bad '.runtimeConfig.portMappings[0].hostPort = 70000')" CNI_COMMAND=ADD
is "$(code)|$RC|$("$NSIP" nat -S | grep -c CNI-)" "999|1|0" "hostPort 70000: error 999, nothing made"
plugin $bin/portmap "$(bad '. + {masqAll: true}')" CNI_COMMAND=ADD
is "$(code)|$RC|$(grep -c 'not supported' <<<"$OUT")|$("$NSIP" nat -S | grep -c CNI-)" "999|1|1|0" \
	"masqAll (not supported yet): refused in one line, nothing made"
kill "$server"; wait "$server" 2>/dev/null
done_testing
