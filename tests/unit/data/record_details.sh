#!/bin/bash
# Records tests/unit/data/details.* in a private sandbox: the kernel's link
# dump (details.dump) and what iproute2 prints for the same links in each
# mode. The peer namespace has no name, so no output needs a namespace
# name: the printer under test runs without a netlink socket.
set -e
cd "$(dirname "$0")"
exec unshare --mount --net --propagation private bash -c '
set -e
mount -t tmpfs rec /run
ip link set lo up
ip link add veth-red address 02:00:00:00:00:01 type veth peer name veth-blue address 02:00:00:00:00:02
ip link add v-net-0 address 02:00:00:00:00:03 type bridge
ip link set veth-blue master v-net-0
ip link set veth-red mtu 1400 alias "red end" up
ip link add m1 address 02:00:00:00:00:04 link veth-red type macvlan mode vepa
ip link add vx address 02:00:00:00:00:05 type vxlan id 5 dstport 4789 local 10.0.0.1 remote 10.0.0.2 dev veth-red
ip link add vx6 address 02:00:00:00:00:06 type vxlan id 6 dstport 4790 local fd00::1 remote fd00::2
ip netns add anon
ip netns exec anon sleep 60 & pid=$!
ip link add va address 02:00:00:00:00:07 type veth peer name va-in netns anon
ip netns del anon
python3 record_details.py details.dump
ip link > details.txt
ip -o link > details-o.txt
ip -br link > details-br.txt
ip -j -p link > details-j-p.txt
ip -d link > details-d.txt
ip -d -j link > details-d-j.txt
kill $pid
'
