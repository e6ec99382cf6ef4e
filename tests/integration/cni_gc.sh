#!/bin/bash
# CNI spec 1.1's GC and STATUS on nsip's plugins (the reference 1.1.1 has
# neither): STATUS answers ready with no output; GC frees what belongs to
# attachments the runtime no longer lists (host-local's address files,
# through the bridge too; portmap's rules) and keeps the others; both are
# refused for a config of an older version, and GC without its list.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

bin=/run/nsip-test/cni
mkdir -p $bin
for p in bridge host-local portmap loopback; do ln -s "$NSIP" "$bin/$p"; done
"$NSIP" link set lo up
"$NSIP" netns add c1 && "$NSIP" netns add c2
export CNI_IFNAME=eth0 CNI_PATH=$bin

plugin() {	# plugin NAME CONFIG [VAR=VALUE...]: sets OUT and RC
	local p=$1 conf=$2; shift 2
	OUT=$(printf '%s' "$conf" | env "$@" "$bin/$p" 2>/run/nsip-test/stderr)
	RC=$?
}
code() { printf '%s' "$OUT" | jq -c '[.code, .msg]'; }

BR='{"cniVersion":"1.1.0","name":"gcnet","type":"bridge","bridge":"cni-gc","isGateway":true,"ipam":{"type":"host-local","dataDir":"/run/store","ranges":[[{"subnet":"10.40.0.0/24"}]]}}'
PM='{"cniVersion":"1.1.0","name":"gcnet","type":"portmap","capabilities":{"portMappings":true},"runtimeConfig":{"portMappings":[{"hostPort":%d,"containerPort":80,"protocol":"tcp"}]},"prevResult":%s}'
for i in 1 2; do
	plugin bridge "$BR" CNI_COMMAND=ADD CNI_CONTAINERID=ctr$i CNI_NETNS=/run/netns/c$i
	is "$RC|$(printf '%s' "$OUT" | jq -r .cniVersion)" "0|1.1.0" "ADD ctr$i with a 1.1.0 config: a 1.1.0 result"
	# shellcheck disable=SC2059 # PM is the format
	plugin portmap "$(printf "$PM" $((8000 + i)) "$OUT")" CNI_COMMAND=ADD \
		CNI_CONTAINERID=ctr$i CNI_NETNS=/run/netns/c$i
	is "$RC" 0 "…and its port through portmap"
done
files() { ls /run/store/gcnet | grep -c '^10\.'; }
rules() { "$NSIP" nat -S | grep -c -- "id: \\\\\"$1\\\\\""; }
chains() { "$NSIP" nat -S | grep -c '^-N CNI-'; }
is "$(files)|$(rules ctr1)|$(rules ctr2)" "2|3|3" \
	"two addresses on file, three jumps for each container (PREROUTING, OUTPUT, POSTROUTING)"
before=$(chains)

for p in bridge host-local portmap loopback; do
	conf=$BR; [ $p = portmap ] && conf='{"cniVersion":"1.1.0","name":"gcnet","type":"portmap"}'
	[ $p = loopback ] && conf='{"cniVersion":"1.1.0","name":"gcnet","type":"loopback"}'
	plugin $p "$conf" CNI_COMMAND=STATUS
	is "$RC|$OUT" "0|" "$p: STATUS is ready, with no output"
done
plugin bridge "${BR/1.1.0/1.0.0}" CNI_COMMAND=STATUS
is "$RC|$(code)" '1|[1,"config version does not allow STATUS"]' "STATUS of a 1.0.0 config: error 1"
plugin bridge "${BR/1.1.0/1.0.0}" CNI_COMMAND=GC
is "$RC|$(code)" '1|[1,"config version does not allow GC"]' "GC of a 1.0.0 config: error 1"
plugin bridge "$BR" CNI_COMMAND=STATUS CNI_PATH=
is "$RC|$(printf '%s' "$OUT" | jq -c .code)" "1|4" "STATUS without CNI_PATH: error 4"
plugin bridge "$BR" CNI_COMMAND=GC
is "$RC|$(printf '%s' "$OUT" | jq -c .code)|$(files)" "1|6|2" \
	"GC without cni.dev/valid-attachments: refused, nothing freed"

keep1=$(jq -c '. + {"cni.dev/valid-attachments": [{"containerID": "ctr1", "ifname": "eth0"}]}' <<<"$BR")
plugin bridge "$keep1" CNI_COMMAND=GC
is "$RC|$OUT" "0|" "bridge GC listing ctr1 only: success, no output"
is "$(files)|$(grep -l ctr1 /run/store/gcnet/10.* | wc -l)" "1|1" "…host-local freed ctr2's address, kept ctr1's"
pmkeep=$(jq -c '. + {"cni.dev/valid-attachments": [{"containerID": "ctr1", "ifname": "eth0"}]}' \
	<<<'{"cniVersion":"1.1.0","name":"gcnet","type":"portmap"}')
plugin portmap "$pmkeep" CNI_COMMAND=GC
is "$RC|$OUT|$(rules ctr1)|$(rules ctr2)" "0||3|0" "portmap GC: ctr2's jumps gone, ctr1's kept"
is "$(chains)" $((before / 2)) "…and ctr2's chains"
other=$(jq -c '.name = "othernet"' <<<"$pmkeep")
plugin portmap "$other" CNI_COMMAND=GC
is "$RC|$(rules ctr1)" "0|3" "GC of another network leaves this one's rules alone"
plugin bridge "$keep1" CNI_COMMAND=GC
is "$RC|$(files)" "0|1" "a second GC changes nothing"
none=$(jq -c '. + {"cni.dev/valid-attachments": []}' <<<"$BR")
plugin host-local "$none" CNI_COMMAND=GC
is "$RC|$(files)" "0|0" "host-local GC with an empty list frees the rest"
done_testing
