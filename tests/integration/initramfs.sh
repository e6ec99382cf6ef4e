#!/bin/bash
# The initramfs story: an empty root holding only nsip and the shared
# libraries ldd names for it -- no shell, no /etc, no /run, no iproute2 or
# iptables -- where nsip builds two namespaces, a veth pair, addresses,
# routes and a MASQUERADE rule and shows them with its own commands.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

R=/run/nsip-test/initramfs
mkdir -p "$R"
# The binary itself: under scripts/valgrind-tests $NSIP is a wrapper
# script, and the bare root has neither sh nor valgrind.
cp "$NSIP_BINARY" "$R/nsip"
for lib in $(ldd "$NSIP_BINARY" | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }'); do
	cp --parents -L "$lib" "$R"
done
# What an initramfs' init mounts before anything else runs; and its root
# is a mount (rootfs), which a plain directory is not until bound.
mkdir "$R/proc" "$R/sys"
mount -t proc proc "$R/proc"
chroot "$R" /nsip netns add probe
run chroot "$R" /nsip netns exec probe /nsip link
chroot "$R" /nsip netns delete probe
umount -R "$R/run/netns"
rm -rf "${R:?}/run"
case "$ERR" in *"bind-mount the new root onto itself"*) ok 0 "a root that is no mount point is explained";;
	*) ok 1 "a root that is no mount point is explained: $ERR";; esac
mount --bind "$R" "$R"
mount -t proc proc "$R/proc"

is "$(cd "$R" && find . -maxdepth 1 | sort | tr '\n' ' ')" \
	"$(cd "$R" && { echo .; echo ./nsip; echo ./proc; echo ./sys; find . -mindepth 1 -maxdepth 1 -name 'lib*' -o -mindepth 1 -maxdepth 1 -name usr; } | sort | tr '\n' ' ')" \
	"the root holds only nsip, its libraries, /proc and /sys"
check "no /etc in the root" test ! -e "$R/etc"
check "no /run in the root" test ! -e "$R/run"
check "no shell in the root" test ! -e "$R/bin/sh"

in_root() { chroot "$R" /nsip "$@"; }
steps=(
	"netns add red"
	"netns add blue"
	"link add veth-red type veth peer name veth-blue"
	"link set veth-red netns red"
	"link set veth-blue netns blue"
	"-n red addr add 192.168.15.1/24 dev veth-red"
	"-n blue addr add 192.168.15.2/24 dev veth-blue"
	"-n red link set veth-red up"
	"-n blue link set veth-blue up"
	"-n red route add 10.9.0.0/16 via 192.168.15.2"
	"-n blue nat -t nat -A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE"
)
for s in "${steps[@]}"; do
	# shellcheck disable=SC2086
	run in_root $s
	is "$RC|$ERR" "0|" "in the bare root: nsip $s"
done

is "$(in_root netns list | cut -d' ' -f1 | sort | tr '\n' ' ')" "blue red " "netns list shows both"
case "$(in_root -n red -br addr show dev veth-red)" in
	*"192.168.15.1/24"*) ok 0 "addr show finds red's address";;
	*) ok 1 "addr show finds red's address";; esac
case "$(in_root -n red route show)" in
	*"10.9.0.0/16 via 192.168.15.2 dev veth-red"*) ok 0 "route show finds red's route";;
	*) ok 1 "route show finds red's route: $(in_root -n red route show)";; esac
is "$(in_root -n blue nat -t nat -S POSTROUTING | tail -1)" \
	"-A POSTROUTING -s 192.168.15.0/24 -j MASQUERADE" "nat -S shows the MASQUERADE rule"
is "$(in_root -n red link show veth-red | head -1 | cut -d: -f2)" " veth-red@if2" \
	"link show sees the veth's peer in another namespace"
check "nsip made /run itself" test -d "$R/run/netns"

done_testing
