/* The table of applets: a new applet is one line here (and its entry in
 * applets.h); the dispatcher finds it by name and calls it, knowing nothing
 * else of it. */
#include "applets.h"

#include <stddef.h>

static const struct applet_group nat_group = {
	nat_group_begin, nat_group_end, nat_group_drop,
};

/* iproute2's object order: it decides what an abbreviation means. */
const struct applet applets[] = {
	{ "address", addr_main, false, false, NULL },
	{ "addrlabel", NULL, false, false, NULL },
	{ "maddress", NULL, false, false, NULL },
	{ "route", route_main, false, false, NULL },
	{ "rule", rule_main, false, false, NULL },
	{ "neighbor", neigh_main, false, false, NULL },
	{ "neighbour", neigh_main, false, false, NULL },
	{ "ntable", NULL, false, false, NULL },
	{ "ntbl", NULL, false, false, NULL },
	{ "link", link_main, false, false, NULL },
	{ "l2tp", NULL, false, false, NULL },
	{ "fou", NULL, false, false, NULL },
	{ "ila", NULL, false, false, NULL },
	{ "macsec", NULL, false, false, NULL },
	{ "tunnel", NULL, false, false, NULL },
	{ "tunl", NULL, false, false, NULL },
	{ "tuntap", tuntap_main, false, false, NULL },
	{ "tap", tuntap_main, false, false, NULL },
	{ "token", NULL, false, false, NULL },
	{ "tcpmetrics", NULL, false, false, NULL },
	{ "tcp_metrics", NULL, false, false, NULL },
	{ "monitor", monitor_main, false, false, NULL },
	{ "xfrm", NULL, false, false, NULL },
	{ "mroute", NULL, false, false, NULL },
	{ "mrule", NULL, false, false, NULL },
	{ "netns", netns_main, false, false, NULL },
	{ "netconf", NULL, false, false, NULL },
	{ "vrf", NULL, false, false, NULL },
	{ "sr", NULL, false, false, NULL },
	{ "nexthop", NULL, false, false, NULL },
	{ "mptcp", NULL, false, false, NULL },
	{ "ioam", NULL, false, false, NULL },
	{ "stats", NULL, false, false, NULL },
	{ "help", NULL, false, false, NULL },
	{ "nat", nat_main, true, true, &nat_group },
	{ "iptables-save", xt_save_main, true, true, NULL },
	{ "iptables-restore", xt_restore_main, true, true, NULL },
	/* procps' grammar (getopt), not an ip object. */
	{ "sysctl", sysctl_main, true, true, NULL },
	/* CNI plugins: their words are the environment and stdin. */
	{ "cni-bridge", cni_bridge_main, true, true, NULL },
	{ "cni-host-local", cni_host_local_main, true, true, NULL },
	{ "cni-loopback", cni_loopback_main, true, true, NULL },
	{ "cni-portmap", cni_portmap_main, true, true, NULL },
};

const size_t n_applets = sizeof(applets) / sizeof(applets[0]);

/* A link named like an applet is that applet; a link named ip is ip, one
 * named iptables (or iptables-nft) is iptables (the nat applet, iptables'
 * grammar), iptables-save and iptables-restore (and their -nft names) are
 * those tools, one
 * named sysctl is procps' sysctl; one named bridge, host-local or
 * loopback is that CNI plugin. */
const struct personality_name personality_names[] = {
	{ "ip", AS_IP, NULL },
	{ "iptables", AS_IPTABLES, "nat" },
	/* iptables-nft's names are the same tools (nsip is nftables only). */
	{ "iptables-nft", AS_IPTABLES, "nat" },
	{ "iptables-save", AS_IPTABLES, "iptables-save" },
	{ "iptables-nft-save", AS_IPTABLES, "iptables-save" },
	{ "iptables-restore", AS_IPTABLES, "iptables-restore" },
	{ "iptables-nft-restore", AS_IPTABLES, "iptables-restore" },
	{ "netns", AS_APPLET, "netns" },
	{ "link", AS_APPLET, "link" },
	{ "addr", AS_APPLET, "addr" },
	{ "route", AS_APPLET, "route" },
	{ "neigh", AS_APPLET, "neigh" },
	{ "rule", AS_APPLET, "rule" },
	{ "monitor", AS_APPLET, "monitor" },
	{ "nat", AS_APPLET, "nat" },
	{ "tuntap", AS_APPLET, "tuntap" },
	{ "sysctl", AS_APPLET, "sysctl" },
	/* A runtime finds CNI plugins by their type in CNI_PATH. */
	{ "bridge", AS_APPLET, "cni-bridge" },
	{ "host-local", AS_APPLET, "cni-host-local" },
	{ "loopback", AS_APPLET, "cni-loopback" },
	{ "portmap", AS_APPLET, "cni-portmap" },
	{ NULL, AS_NSIP, NULL },
};
