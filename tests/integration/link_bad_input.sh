#!/bin/bash
# Bad input to link add/set/delete: iproute2's message and exit code, and
# no change at all in `ip -d link` (of every namespace) afterwards.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/link_helpers.sh"

skip_unless ip "state is built with iproute2" || { done_testing; exit; }
"$IPREAL" link set lo up
"$IPREAL" netns add red
"$IPREAL" link add veth-red type veth peer name veth-blue
"$IPREAL" link add br0 type bridge

# refused DESC ARGS...: the same words to both; nothing may change.
refused() {
	local d=$1 before
	before=$(link_state)
	same_as_ip "$d" "${@:2}"
	is "$(link_state)" "$before" "$d: no change"
}

refused "unknown device (set)" link set nosuch up
refused "unknown device (delete)" link del nosuch
refused "unknown device (dev keyword)" link set dev nosuch mtu 1400
refused "unknown lower device" link add m1 link nosuch type macvlan mode bridge
refused "unknown master" link set veth-red master nosuch
refused "unknown vxlan dev" link add vx type vxlan id 1 dstport 0 dev nosuch
refused "unknown type" link add x type frob
refused "unknown type with words" link add x type frob words
refused "name of 16 chars" link add aaaaaaaaaaaaaaaa type bridge
refused "name keyword, 16 chars" link add name aaaaaaaaaaaaaaaa type bridge
refused "rename to 16 chars" link set veth-red name aaaaaaaaaaaaaaaa
refused "name with a slash" link add name a/b type bridge
refused "empty name" link add "" type bridge
refused "invalid MAC" link add br1 address zz type bridge
refused "invalid MAC part" link set veth-red address 02:zz:00:00:00:01
refused "MAC of wrong length" link set veth-red address 02:00
refused "MAC too long on add" link add br1 address 02:00:00:00:00:00:01 type bridge
refused "invalid peer MAC" link add a type veth peer name b address 1:2:zz
refused "mtu above the maximum" link set veth-red mtu 100000
refused "mtu below the minimum" link set veth-red mtu 10
refused "mtu too big on add" link add br1 mtu 100000 type bridge
refused "mtu not a number" link set veth-red mtu frob
refused "duplicate name" link add veth-red type veth peer name x
refused "duplicate peer name" link add x type veth peer name veth-blue
refused "duplicate bridge" link add br0 type bridge
refused "netns missing" link set veth-red netns nosuch
refused "netns missing (peer)" link add a type veth peer name b netns nosuch
refused "netns no such pid" link set veth-red netns 2147483647
refused "bridge into itself" link set br0 master br0
refused "no dev" link set
refused "no dev (delete)" link del
refused "no type" link add br5
refused "dev twice" link set veth-red veth-blue
refused "mtu twice" link set veth-red mtu 1400 mtu 1300
refused "name and dev differ on add" link add name foo bar type bridge
refused "arp not on/off" link set veth-red arp frob
refused "promisc not on/off" link set veth-red promisc frob
refused "value missing" link set veth-red mtu
refused "peer type twice" link add a type veth peer name b type veth
refused "macvlan mode" link add m1 link veth-red type macvlan mode frob
refused "vxlan without id" link add vx type vxlan dstport 4789
refused "vxlan id too big" link add vx type vxlan id 16777216 dstport 4789
refused "vxlan id twice" link add vx type vxlan id 1 id 2
refused "vxlan bad port" link add vx type vxlan id 1 dstport frob
refused "vxlan bad remote" link add vx type vxlan id 1 dstport 0 remote frob
refused "vxlan multicast remote" link add vx type vxlan id 1 dstport 0 remote 239.1.1.1
refused "vxlan local any" link add vx type vxlan id 1 dstport 0 local any
# After a remote address ip takes "local any" and the kernel refuses the
# empty address it sends (exit 2); nsip refuses the word itself (man page).
before=$(link_state)
run "$IPNSIP" link add vx type vxlan id 1 dstport 0 remote fd00::2 local any
is "$RC|$ERR" '255|Error: argument "any" is wrong: invalid local address' "vxlan local any after a remote"
is "$(link_state)" "$before" "vxlan local any after a remote: no change"
refused "vxlan mixed families" link add vx type vxlan id 1 dstport 0 local fd00::1 remote 10.0.0.1
refused "bridge priority too big" link add br1 type bridge priority 70000
refused "bridge negative time" link add br1 type bridge hello_time -1
refused "bridge value missing" link add br1 type bridge stp_state
refused "abbreviation d is dynamic" link set d veth-red up
refused "a is address" link add a type veth peer name b
refused "unknown command" link frob

# dummy and vlan: this kernel may not have them; nsip must say exactly
# what iproute2 says, whatever the kernel answers.
same_as_ip "dummy as ip" link add d0 type dummy
same_as_ip "vlan as ip" link add link veth-red name veth-red.10 type vlan id 10
same_as_ip "vlan without id as ip" link add link veth-red name veth-red.11 type vlan
same_as_ip "remove dummy as ip" link del d0
same_as_ip "remove vlan as ip" link del veth-red.10

# Usage texts are nsip's own words; their first line and exit code are ip's.
run "$IPREAL" link add v9 type veth frob; want="${OUT%%$'\n'*}|$ERR|$RC"
run "$IPNSIP" link add v9 type veth frob
is "${OUT%%$'\n'*}|$ERR|$RC" "$want" "veth without peer: usage on stdout, first line ip's"
same_usage_as_ip "link help" link help
same_usage_as_ip "add help" link add help
same_usage_as_ip "macvlan unknown word" link add m1 link veth-red type macvlan frob
same_usage_as_ip "vxlan unknown word" link add vx type vxlan frob
same_usage_as_ip "vlan unknown word" link add link veth-red name v.5 type vlan frob
same_usage_as_ip "bridge unknown word" link add b9 type bridge frob

done_testing
