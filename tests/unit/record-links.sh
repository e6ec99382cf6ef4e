#!/bin/bash
# Records the input and the expected output of tests/unit/test_link_print:
# in a private sandbox it builds a few links (lo, a veth pair with one end
# down, a bridge with an alias, a bridge port whose veth peer lives in an
# unnamed namespace), saves nsip's link dump as data/links.bin and what the
# real ip prints for the same state as data/links.{txt,oneline,brief,json,
# pretty}.
#
# Usage (as root, from the build dir): make tests/unit/record_links &&
#   ../tests/unit/record-links.sh tests/unit/record_links
set -eu

RECORDER=$(realpath "${1:?usage: record-links.sh PATH-TO-record_links}")
DATA=$(cd "$(dirname "$0")" && pwd)/data

if [ "${NSIP_RECORD_SANDBOX:-}" != 1 ]; then
	NSIP_RECORD_SANDBOX=1 exec unshare --mount --net --propagation private \
		-- /bin/bash "$0" "$RECORDER"
fi
mount -t tmpfs record-run /run

ip link set lo up
ip link add va type veth peer name vb
ip link set va up group 5 promisc on mtu 9000
ip link set vb txqlen 0 arp off
ip link add br0 type bridge
ip link set br0 alias "the bridge"
ip link add vc type veth peer name vd
ip link set vc master br0
# The peer's namespace has no name: ip then shows "link-netnsid 0".
unshare --net sleep 60 &
peer=$!
trap 'kill $peer' EXIT
while [ "$(readlink /proc/$peer/ns/net)" = "$(readlink /proc/self/ns/net)" ]; do
	sleep 0.05
done
ip link set vd netns "$peer"
ip link set vc up
ip link set br0 up
sleep 1   # let carrier and operstate settle

before=$(ip -j link show)
"$RECORDER" > "$DATA/links.bin"
ip link show > "$DATA/links.txt"
ip -o link show > "$DATA/links.oneline"
ip -br link show > "$DATA/links.brief"
ip -j link show > "$DATA/links.json"
ip -j -p link show > "$DATA/links.pretty"
# The state must not have moved while the recording ran.
[ "$(ip -j link show)" = "$before" ] || { echo "state changed" >&2; exit 1; }
