#!/bin/bash
# A real runtime end to end: podman 4.3 with its CNI backend, whose
# cni_plugin_dirs names a directory of links to nsip (bridge, host-local,
# portmap, loopback), runs a busybox container in the sandbox. The
# container gets its address and default route, reaches its gateway, and
# serves a port that podman maps (-p) through nsip's portmap; when it
# ends, podman's DEL leaves no veth, no address file and no rule.
# Podman's state, its CNI cache (/var/lib/cni) and the host-local store
# live on the sandbox's /run; runc's cgroups go under a parent of the
# test's own, removed at the end.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"

P=/run/nsip-test/podman
for tool in podman runc busybox socat; do
	if ! command -v $tool >/dev/null; then
		ok 1 "$tool is installed (apt-get install podman runc busybox-static socat)"
		done_testing; exit
	fi
done
mkdir -p $P/cni $P/net $P/root $P/runroot $P/tmp $P/varlib-up $P/varlib-work
for p in bridge host-local portmap loopback; do ln -s "$NSIP" $P/cni/$p; done
# libcni caches results under /var/lib/cni: an overlay keeps it here.
mount -t overlay overlay \
	-o lowerdir=/var/lib,upperdir=$P/varlib-up,workdir=$P/varlib-work /var/lib

# A rootfs of busybox alone (static: nothing else to copy).
R=$P/rootfs
mkdir -p $R/bin $R/etc $R/proc $R/sys $R/dev $R/tmp
cp "$(command -v busybox)" $R/bin/busybox
for c in sh ip ping nc echo cat sleep; do ln -s busybox $R/bin/$c; done

cat >$P/containers.conf <<EOC
[network]
network_backend = "cni"
cni_plugin_dirs = ["$P/cni"]
network_config_dir = "$P/net"
[engine]
events_logger = "file"
cgroup_manager = "cgroupfs"
EOC
cat >$P/net/nsipnet.conflist <<EOC
{"cniVersion":"1.0.0","name":"nsipnet","plugins":[
 {"type":"bridge","bridge":"cni-nsip","isGateway":true,"ipMasq":true,"hairpinMode":true,
  "ipam":{"type":"host-local","dataDir":"$P/store","routes":[{"dst":"0.0.0.0/0"}],
          "ranges":[[{"subnet":"10.89.0.0/24","gateway":"10.89.0.1"}]]}},
 {"type":"portmap","capabilities":{"portMappings":true}}]}
EOC
export CONTAINERS_CONF=$P/containers.conf TMPDIR=$P/tmp
CG=nsip-test-$$
cleanup_cgroups() {
	local d
	for d in /sys/fs/cgroup/$CG /sys/fs/cgroup/*/$CG; do
		[ -d "$d" ] && find "$d" -depth -type d -exec rmdir {} + 2>/dev/null
	done
	return 0
}
trap cleanup_cgroups EXIT
"$NSIP" link set lo up

pod() {	# pod [RUN-OPTIONS...] -- COMMAND...
	local opts=()
	while [ "$1" != -- ]; do opts+=("$1"); shift; done
	shift
	timeout 60 podman --storage-driver vfs --root $P/root --runroot $P/runroot \
		--runtime runc run --rm --cgroup-manager cgroupfs --cgroup-parent "/$CG" \
		--ulimit nofile=1024:1024 --ulimit nproc=1024:1024 --network nsipnet \
		"${opts[@]}" --rootfs $R "$@"
}

# The container's view: its address, its route, its gateway answering.
out=$(pod -- /bin/sh -c 'ip -4 -o addr show eth0; ip route; ping -c1 -W2 10.89.0.1 >/dev/null && echo gateway-ok' 2>$P/err)
rc=$?
is "$rc" 0 "podman runs the container on nsip's plugins ($(head -c 300 $P/err))"
case $out in *"inet 10.89.0."*/24*) ok 0 "the container has an address from host-local's range";;
	*) ok 1 "the container has an address from host-local's range: $out";; esac
case $out in *"default via 10.89.0.1 dev eth0"*) ok 0 "…and the default route via the gateway";;
	*) ok 1 "…and the default route via the gateway: $out";; esac
case $out in *gateway-ok*) ok 0 "…and reaches the gateway";;
	*) ok 1 "…and reaches the gateway: $out";; esac
is "$("$NSIP" -j link show type veth)" "[]" "after --rm, podman's DEL took the veth away"
is "$(ls $P/store/nsipnet 2>/dev/null | grep -c '^10\.')" 0 "…and the address file"

# A mapped port: podman passes -p to portmap; the host reaches the server.
pod -p 8080:80 -- /bin/sh -c 'echo hello-from-container | nc -l -p 80' 2>$P/err2 &
podpid=$!
got=""
for _ in $(seq 100); do
	got=$(timeout 2 socat -T1 - TCP:10.89.0.1:8080 </dev/null 2>/dev/null) && [ -n "$got" ] && break
	sleep 0.1
done
is "$got" hello-from-container "the host reaches the container's server on its mapped port 8080"
wait $podpid
is "$?" 0 "…and the container ends cleanly ($(head -c 300 $P/err2))"
is "$("$NSIP" nat -S | grep -c 'CNI-')" 0 "podman's DEL took every rule of the container away"
is "$("$NSIP" -j link show type veth)" "[]" "…and its veth"
done_testing
