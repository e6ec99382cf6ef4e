#!/bin/bash
# Prints what a container's network costs through nsip's CNI plugins
# beside the reference plugins (containernetworking-plugins in /usr/lib/cni)
# in the same sandbox: CONTAINERS containers, each given its network by the
# chain a runtime runs (bridge with host-local IPAM and ipMasq, then
# portmap with one port), then all taken away again (portmap DEL, bridge
# DEL). Wall time is that of the plugin invocations alone (the loop's own
# work between them is not counted); peak memory is the largest resident
# set of one invocation, with the IPAM plugin the bridge runs. Then the
# installed size of each set of four plugins. Figures only, never
# assertions.
# Usage: NSIP=path/to/nsip tests/bench/cni_bench.sh [CONTAINERS]   (as root)
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

N=${1:-100}
REF=/usr/lib/cni
B=/run/nsip-test/cnibench
mkdir -p "$B/nsip" "$B/ref-bin"
for p in bridge host-local portmap loopback; do ln -s "$NSIP" "$B/nsip/$p"; done
"$IPREAL" link set lo up

# conf TOOL: the bridge's config; each set its own bridge, subnet and store
conf() {
	local net=10.30 br=cbr-nsip
	[ "$1" = ref ] && net=10.31 br=cbr-ref
	printf '{"cniVersion":"1.0.0","name":"bench-%s","type":"bridge","bridge":"%s","isGateway":true,"ipMasq":true,"ipam":{"type":"host-local","dataDir":"%s/store-%s","ranges":[[{"subnet":"%s.0.0/16"}]]}}' \
		"$1" "$br" "$B" "$1" "$net"
}
PM='{"cniVersion":"1.0.0","name":"bench-%s","type":"portmap","capabilities":{"portMappings":true},"runtimeConfig":{"portMappings":[{"hostPort":%d,"containerPort":80,"protocol":"tcp"}]},"prevResult":%s}'

SPENT=0   # microseconds spent in the plugins so far
# call DIR PLUGIN CONFIG VAR=VALUE...: one invocation, timed; OUT its result
call() {
	local dir=$1 p=$2 c=$3 t0 t1
	shift 3
	t0=${EPOCHREALTIME/./}
	OUT=$(printf '%s' "$c" | env CNI_PATH="$dir" "$@" "$dir/$p" 2>>"$B/stderr")
	RC=$?
	t1=${EPOCHREALTIME/./}
	SPENT=$((SPENT + t1 - t0))
	[ "$RC" = 0 ] || echo "  $p $*: exit $RC: $OUT" >&2
}

# lifecycle TOOL DIR: N containers' ADD chains, then their DEL chains
lifecycle() {
	local tool=$1 dir=$2 i env br
	br=$(conf "$tool")
	for ((i = 0; i < N; i++)); do "$IPREAL" netns add "$tool$i"; done
	SPENT=0
	for ((i = 0; i < N; i++)); do
		env="CNI_CONTAINERID=$tool$i CNI_NETNS=/run/netns/$tool$i CNI_IFNAME=eth0"
		# shellcheck disable=SC2086 # env holds the words
		call "$dir" bridge "$br" CNI_COMMAND=ADD $env
		# shellcheck disable=SC2059 # PM is the format
		call "$dir" portmap "$(printf "$PM" "$tool" $((20000 + i)) "$OUT")" CNI_COMMAND=ADD $env
		printf '%s\n' "$OUT" >"$B/$tool.$i.json"
	done
	ADD_US=$SPENT SPENT=0
	for ((i = 0; i < N; i++)); do
		env="CNI_CONTAINERID=$tool$i CNI_NETNS=/run/netns/$tool$i CNI_IFNAME=eth0"
		# shellcheck disable=SC2059,SC2086
		call "$dir" portmap "$(printf "$PM" "$tool" $((20000 + i)) "$(cat "$B/$tool.$i.json")")" \
			CNI_COMMAND=DEL $env
		# shellcheck disable=SC2086
		call "$dir" bridge "$br" CNI_COMMAND=DEL $env
	done
	DEL_US=$SPENT
	for ((i = 0; i < N; i++)); do "$IPREAL" netns delete "$tool$i"; done
}

# peak TOOL DIR: the largest resident set (KiB) of one ADD and one DEL of
# each plugin (wait4 counts the IPAM plugin the bridge runs).
peak() {
	local tool=$1 dir=$2 br env="CNI_CONTAINERID=peak CNI_NETNS=/run/netns/peak CNI_IFNAME=eth0" kb=0 k
	br=$(conf "$tool")
	"$IPREAL" netns add peak
	for step in "bridge ADD" "portmap ADD" "portmap DEL" "bridge DEL"; do
		set -- $step
		c=$br
		[ "$1" = portmap ] && c=$(printf "$PM" "$tool" 30000 "$(cat "$B/peak.json")")
		# shellcheck disable=SC2086
		printf '%s' "$c" | env CNI_PATH="$dir" CNI_COMMAND="$2" $env \
			/usr/bin/time -f %M -o "$B/kb" "$dir/$1" >"$B/out" 2>>"$B/stderr"
		[ "$step" = "bridge ADD" ] && cp "$B/out" "$B/peak.json"
		k=$(tail -1 "$B/kb")
		[ "$k" -gt "$kb" ] && kb=$k
	done
	"$IPREAL" netns delete peak
	echo "$kb"
}

if [ ! -x $REF/bridge ] || ! command -v iptables-nft >/dev/null; then
	ok 1 "the reference plugins in $REF and iptables-nft (their ipMasq and portmap) are installed"
	done_testing; exit
fi
lifecycle ref "$REF"; ref_add=$ADD_US ref_del=$DEL_US
lifecycle nsip "$B/nsip"; nsip_add=$ADD_US nsip_del=$DEL_US
ref_kb=$(peak ref "$REF"); nsip_kb=$(peak nsip "$B/nsip")

per() { awk -v us="$1" -v n="$N" 'BEGIN { printf "%.2f", us / n / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
printf '# %d containers: bridge (host-local, ipMasq) + portmap; ms per container\n' "$N"
printf '# %-26s %9s %9s %6s\n' step nsip reference ratio
printf '# %-26s %9s %9s %6s\n' "ADD chain" "$(per "$nsip_add")" "$(per "$ref_add")" "$(ratio "$nsip_add" "$ref_add")"
printf '# %-26s %9s %9s %6s\n' "DEL chain" "$(per "$nsip_del")" "$(per "$ref_del")" "$(ratio "$nsip_del" "$ref_del")"
t_n=$((nsip_add + nsip_del)) t_r=$((ref_add + ref_del))
printf '# %-26s %9s %9s %6s\n' "ADD + DEL" "$(per "$t_n")" "$(per "$t_r")" "$(ratio "$t_n" "$t_r")"
printf '# %-26s %9s %9s %6s\n' "peak memory (KiB)" "$nsip_kb" "$ref_kb" "$(ratio "$nsip_kb" "$ref_kb")"
strip -o "$B/nsip-stripped" "$NSIP_BINARY"
ref_size=$(stat -L -c %s $REF/bridge $REF/host-local $REF/portmap $REF/loopback | awk '{ s += $1 } END { print s }')
printf '# %-26s %9s %9s %6s\n' "installed bytes (4 plugins)" "$(stat -c %s "$B/nsip-stripped")" \
	"$ref_size" "$(ratio "$(stat -c %s "$B/nsip-stripped")" "$ref_size")"
# The same work, or the figures compare different things: every step of
# both sets succeeded, and both left nothing behind.
is "$(grep -c 'exit' "$B/stderr" 2>/dev/null)" 0 "every invocation of both sets succeeded"
is "$(ls "$B/store-nsip/bench-nsip" "$B/store-ref/bench-ref" 2>/dev/null | grep -c '^[0-9]')" 0 \
	"both stores are empty after the DELs"
done_testing
