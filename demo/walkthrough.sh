#!/bin/bash
# The walkthrough's namespace part -- two namespaces, red and blue, joined by
# a veth pair, addressed and pinging each other -- run in a throwaway
# sandbox: a private mount and network namespace with its own /run, so the
# host's links, routes and mounts are never touched.
#
# Usage: demo/walkthrough.sh [PATH-TO-NSIP]
set -e
NSIP=${1:-$(command -v nsip || echo "$(dirname "$0")/../_build/nsip")}
NSIP=$(cd "$(dirname "$NSIP")" && pwd)/$(basename "$NSIP")
[ -x "$NSIP" ] || { echo "nsip not found: build it first (scripts/build.sh)" >&2; exit 1; }

if [ "${NSIP_DEMO_SANDBOX:-}" != 1 ]; then
	[ "$(id -u)" = 0 ] || { echo "the demo needs root (for its sandbox)" >&2; exit 1; }
	NSIP_DEMO_SANDBOX=1 exec unshare --mount --net --propagation private \
		-- bash "$0" "$NSIP"
fi
mount -t tmpfs demo-run /run

# Each step is printed as a user would type it, then run.
bin=/run/demo-bin
mkdir -p "$bin"
ln -s "$NSIP" "$bin/nsip"
export PATH="$bin:$PATH"
step() {
	printf '\n$ %s\n' "$*"
	"$@"
}


echo "nsip walkthrough in a throwaway sandbox ($(nsip -V))"
step nsip netns add red
step nsip netns add blue
step nsip netns
step nsip link add veth-red type veth peer name veth-blue
step nsip link set veth-red netns red
step nsip link set veth-blue netns blue
step nsip netns exec red nsip link
step nsip -n red addr add 192.168.15.1/24 dev veth-red
step nsip -n blue addr add 192.168.15.2/24 dev veth-blue
step nsip -n red link set veth-red up
step nsip -n blue link set veth-blue up
step nsip -n red link show veth-red
step nsip netns exec red ping -c 2 -W 2 192.168.15.2
step nsip netns exec blue ping -c 2 -W 2 192.168.15.1
step nsip netns delete red
step nsip netns delete blue
step nsip netns
echo
echo "Done: the sandbox and everything in it vanish with this process."
