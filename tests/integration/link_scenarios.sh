# Scenarios of the link tests: each is run once with iproute2 and once with
# nsip (as $IP), each time in a fresh sandbox, and the transcripts compared.

# The walkthrough: two namespaces joined by a bridge, its forms verbatim.
walkthrough() {
	step "netns add red" netns add red
	step "netns add blue" netns add blue
	step "add bridge" link add v-net-0 type bridge
	step "bridge up" link set dev v-net-0 up
	step "add veth pair" link add veth-red type veth peer name veth-blue
	step "add red pair" link add veth-r type veth peer name veth-red-br
	step "add blue pair" link add veth-b type veth peer name veth-blue-br
	step "into red" link set veth-red netns red
	step "into blue" link set veth-blue netns blue
	step "red port" link set veth-red-br master v-net-0
	step "blue port" link set veth-blue-br master v-net-0
	settle
	step "show master" link show master v-net-0
	step "show in red" -n red link
	step "show in blue -j" -n blue -j link
	step "delete in red" -n red link del veth-red
	step "red after" -n red link
}

# Every kind nsip creates, with the options of add.
kinds() {
	step "veth with peer options" link add va mtu 1400 txqueuelen 50 type veth peer name vb mtu 1300 address 02:00:00:00:00:0b up
	step "veth peer without name keyword" link add vc type veth peer vd
	step "veth with kernel names" link add type veth
	step "bridge up with address" link add br0 address 02:00:00:00:00:01 up type bridge
	step "bridge options" link add br2 type bridge stp_state 1 forward_delay 400 priority 100 ageing_time 1000 hello_time 150 max_age 1500 mcast_snooping 0
	step "bridge options abbreviated" link add br3 type bridge stp 1 fo 500 m 1000
	step "bridge options on set" link set br2 type bridge stp_state 0 priority 200
	step "macvlan private" link add mp link va type macvlan mode private
	step "macvlan vepa" link add mv link va type macvlan mode vepa
	step "macvlan bridge" link add mb link va type macvlan mode bridge
	step "macvlan passthru" link add mpt link vc type macvlan mode passthru
	step "vxlan v4" link add vx4 type vxlan id 42 dstport 4789 local 10.1.0.1 remote 10.1.0.2 dev va
	step "vxlan v6" link add vx6 type vxlan vni 43 dstport 4790 local fd00::1 remote fd00::2
	step "vxlan default port" link add vx0 type vxlan id 44
	step "dummy" link add d0 type dummy
	step "vlan" link add link va name va.10 type vlan id 10
	step "add in a namespace" netns add green
	step "add netns green" link add vg netns green type veth peer name vg-out
	settle
	step "show -d" -d link
	step "show -d -j" -d -j link
	step "show green -d" -n green -d link
}

# link set: every setting, alone and together, and delete.
settings() {
	"$IPREAL" netns add red
	"$IPREAL" link add br0 type bridge
	"$IPREAL" link add v1 type veth peer name v2
	"$IPREAL" link add v3 type veth peer name v4
	"$IPREAL" link add v5 type veth peer name v6
	start_bg "$IPREAL" netns exec red sleep 600
	step "up" link set v1 up
	step "down" link set dev v1 down
	step "several at once" link set v1 mtu 1400 txqueuelen 77 address 02:00:00:00:01:01 arp off promisc on alias "side one" up
	settle
	step "show v1" link show v1
	step "show v1 -j" -j link show v1
	step "arp on promisc off" link set v1 arp on promisc off
	step "multicast off" link set v1 multicast off
	step "rename" link set v2 name v2new
	step "master" link set v3 master br0
	settle
	step "show master" -d link show master br0
	step "nomaster" link set v3 nomaster
	step "netns by name" link set v5 netns red
	step "netns by path" link set v6 netns /run/netns/red
	step "netns by pid" link set v4 netns "$BG_PID"
	step "red sees them" -n red link
	step "abbreviations" link set v1 t 500 m br0
	step "change is set" link change v1 mtu 1450
	step "delete one end" link del v1
	step "delete with dev and type" link delete dev v3 type veth
	step "delete bridge" link del br0 type bridge
	step "show all" link
}

# A peer whose namespace has no name here: shown by its nsid.
anonymous_peer() {
	"$IPREAL" netns add anon
	start_bg "$IPREAL" netns exec anon sleep 600
	step "peer into anon" link add va type veth peer name vb netns anon
	"$IPREAL" netns del anon
	step "show by nsid" link
	step "show by nsid -j" -j link
	step "show by nsid -d -o" -d -o link
}
