#!/bin/bash
# link show in every output mode, against iproute2 on the same system: veth
# pairs across namespaces (a peer's namespace named, with an nsid given by
# hand, and with no name at all), a bridge with members, macvlan, vxlan.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "topology is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" netns add red
"$IPREAL" netns add blue
"$IPREAL" netns set blue 7
"$IPREAL" link add veth-red type veth peer name veth-blue
"$IPREAL" link add v-net-0 type bridge
"$IPREAL" link set veth-blue master v-net-0
"$IPREAL" link add br1 type bridge
"$IPREAL" link add v3 type veth peer name v3p
"$IPREAL" link set v3 master br1
"$IPREAL" link set v3p up
"$IPREAL" link set veth-red mtu 1400 alias "red end"
"$IPREAL" link add m1 link veth-red type macvlan mode private
"$IPREAL" link add m2 link veth-red type macvlan mode vepa
"$IPREAL" link add vx type vxlan id 5 dstport 4789 local 10.0.0.1 remote 10.0.0.2 dev veth-red
"$IPREAL" link add vx6 type vxlan id 6 dstport 4789 local fd00::1 remote fd00::2
"$IPREAL" link add vxg type vxlan id 7 dstport 0 group 239.1.1.1 dev veth-red ttl 5 nolearning
"$IPREAL" link add vr type veth peer name vr-in netns red
"$IPREAL" link add vb type veth peer name vb-in netns blue
"$IPREAL" -n blue link set vb-in up
"$IPREAL" link set vb up
"$IPREAL" netns add anon
start_bg "$IPREAL" netns exec anon sleep 600
"$IPREAL" link add va type veth peer name va-in netns anon
"$IPREAL" netns del anon

settle
for mode in "" -o -br -j "-j -p" -d "-d -o" "-d -j" "-d -j -p"; do
	# shellcheck disable=SC2086
	same_as_ip "link $mode" $mode link
	same_as_ip "link show $mode (list)" $mode link list
	same_as_ip "link show dev veth-blue $mode" $mode link show dev veth-blue
	same_as_ip "link show vx $mode" $mode link show vx
	same_as_ip "link show up $mode" $mode link show up
	same_as_ip "link show master v-net-0 $mode" $mode link show master v-net-0
	same_as_ip "link show type veth $mode" $mode link show type veth
	same_as_ip "link show type bridge $mode" $mode link show type bridge
	same_as_ip "link show type vxlan $mode" $mode link show type vxlan
	same_as_ip "-n red link $mode" -n red $mode link
	same_as_ip "-n blue link $mode" -n blue $mode link
done
same_as_ip "abbreviated: l sh" l sh
same_as_ip "lst" link lst
same_as_ip "missing device" link show nosuch
same_as_ip "missing master" link show master nosuch
same_as_ip "two devices" link show lo veth-red

# A running bridge: its timers tick between the two runs.
"$IPREAL" link set br1 up
"$IPREAL" link set v3 up
# The bridge's carrier and operstate follow its port asynchronously (the
# kernel's link watch runs up to a second later): wait until it is up, or
# ip and nsip may read it on either side of the change.
for _ in $(seq 50); do
	"$IPREAL" link show br1 | grep -q 'state UP' && break
	sleep 0.1
done
same_as_ip_masked "running bridge -d" -d link show br1
same_as_ip_masked "running bridge -d -j" -d -j link show br1
same_as_ip_masked "running bridge port -d" -d link show v3

kill_started
done_testing
