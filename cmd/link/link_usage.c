/* The usage text of `ip link`: its own file, so that every file of the
 * applet that meets "help" (or a word it cannot read) prints it without
 * calling back into the applet's entry, link.c. */
#include <stdio.h>

#include "link.h"

/* The first line is iproute2's; the rest says what nsip reads. prog is
 * "ip" or "nsip", as called. */
static int print_usage(const char *prog, struct usage_to u)
{
	fprintf(u.f,
		"Usage: %1$s link add [link DEV | parentdev NAME] [ name ] NAME\n"
		"                   [ txqueuelen PACKETS ] [ address LLADDR ]\n"
		"                   [ broadcast LLADDR ] [ mtu MTU ] [ up ]\n"
		"                   [ netns { PID | NAME | PATH } ]\n"
		"                   type TYPE [ ARGS ]\n"
		"       %1$s link set { DEVICE | dev DEVICE } [ SETTING ]...\n"
		"       %1$s link delete { DEVICE | dev DEVICE } [ type TYPE ]\n"
		"       %1$s link show [ [dev] DEVICE ] [ up ] [ master DEV ] [ type TYPE ]\n"
		"       %1$s link property add dev DEVICE [ altname NAME .. ]\n"
		"       %1$s link property del dev DEVICE [ altname NAME .. ]\n"
		"       %1$s link help\n"
		"SETTING := { up | down | name NEWNAME | mtu MTU | address LLADDR |\n"
		"             broadcast LLADDR | txqueuelen PACKETS | alias TEXT |\n"
		"             master DEVICE | nomaster | netns { PID | NAME | PATH } |\n"
		"             { arp | promisc | multicast | allmulticast | dynamic |\n"
		"               trailers } { on | off } }\n"
		"TYPE := { veth | bridge | macvlan | macvtap | ipvlan | ipvtap | vxlan |\n"
		"          geneve | ipip | sit | gre | gretap | erspan | ip6gre | ip6gretap |\n"
		"          ip6erspan | ip6tnl | vti | vti6 | vlan | vrf | bond | dummy |\n"
		"          wireguard | ... }\n"
		"ARGS of veth    := peer [ [ name ] NAME ] [ OPTIONS ]\n"
		"ARGS of bridge  := [ forward_delay N ] [ hello_time N ] [ max_age N ]\n"
		"                   [ ageing_time N ] [ stp_state N ] [ priority N ]\n"
		"                   [ vlan_filtering N ] [ mcast_snooping N ]\n"
		"ARGS of macvlan, macvtap := mode MODE [ flag MODE_FLAG ] [ nopromisc ] [ nodst ]\n"
		"                   [ macaddr { { add | del } MAC | set [ MAC ]... | flush } ]\n"
		"                   [ bcqueuelen N ]   (with link DEV; try \"type macvlan help\")\n"
		"ARGS of ipvlan, ipvtap := [ mode { l2 | l3 | l3s } ] [ private | vepa | bridge ]\n"
		"ARGS of vxlan   := id VNI [ { group | remote } ADDR ] [ local ADDR ] [ dev DEVICE ]\n"
		"                   [ dstport PORT ] [ srcport MIN MAX ] [ ttl TTL ] [ tos TOS ]\n"
		"                   [ ... ]   (try \"type vxlan help\")\n"
		"ARGS of vlan    := id VLANID [ protocol VLANPROTO ] [ FLAG { on | off } ]...\n"
		"                   [ { ingress | egress }-qos-map FROM:TO... ]   (with link DEV)\n"
		"ARGS of geneve  := id VNI remote ADDR [ ttl TTL ] [ tos TOS ] [ dstport PORT ]\n"
		"                   [ [no]udpcsum ] [ ... ]   (try \"type geneve help\")\n"
		"ARGS of ipip, sit := [ remote ADDR ] [ local ADDR ] [ ttl TTL ] [ tos TOS ]\n"
		"                   [ dev DEVICE ] [ mode MODE ] [ ... ]   (try \"type ipip help\")\n"
		"ARGS of gre, gretap, erspan, ip6gre, ip6gretap, ip6erspan := [ remote ADDR ]\n"
		"                   [ local ADDR ] [ [i|o]key KEY ] [ [no][i|o]seq ]\n"
		"                   [ [no][i|o]csum ] [ ttl TTL ] [ dev DEVICE ] [ ... ]\n"
		"                   (try \"type gre help\")\n"
		"ARGS of ip6tnl  := [ mode MODE ] [ remote ADDR ] [ local ADDR ] [ hoplimit HLIM ]\n"
		"                   [ encaplimit ELIM ] [ ... ]   (try \"type ip6tnl help\")\n"
		"ARGS of vti, vti6 := [ remote ADDR ] [ local ADDR ] [ [i|o]key KEY ]\n"
		"                   [ dev DEVICE ] [ fwmark MARK ]\n"
		"ARGS of vrf     := table TABLE\n"
		"ARGS of bond    := [ mode MODE ] [ miimon MS ] [ primary DEV ] [ ... ]\n"
		"                   (try \"type bond help\")\n", prog);
	return u.code;
}

int link_usage(const struct ctx *asker)
{
	return print_usage(asker ? asker->prog : "ip", usage_to(asker));
}

int link_usage_after(const char *prog)
{
	return print_usage(prog, usage_to(NULL));
}
