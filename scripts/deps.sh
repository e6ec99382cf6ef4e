#!/bin/sh
# Installs what nsip needs to build, to run its demo and to run its tests,
# on Debian (as root). Quiet unless something goes wrong.
set -e
export DEBIAN_FRONTEND=noninteractive
packages="build-essential autoconf automake libtool pkg-config
	libmnl-dev libnftnl-dev libjansson-dev check
	iproute2 iptables nftables iputils-ping netcat-openbsd socat
	containernetworking-plugins podman runc busybox-static util-linux mount procps findutils valgrind clang time groff-base zsh net-tools
	libcap2-bin
	libclang-rt-14-dev cppcheck clang-tidy"
missing=""
for p in $packages; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "Installing:$missing"
	apt-get update -qq
	# shellcheck disable=SC2086
	apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi
