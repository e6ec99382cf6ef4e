#include "print/link_print.h"
#include "nl/link_lookup.h"
#include "print/link_details.h"
#include "ns/nsid.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

/* glibc's <net/if_arp.h> lags the kernel's list (and <linux/if_arp.h>
 * clashes with <net/if.h>): the newer types by number. */
#ifndef ARPHRD_PHONET
#define ARPHRD_IEEE802154_MONITOR 805
#define ARPHRD_PHONET 820
#define ARPHRD_PHONET_PIPE 821
#define ARPHRD_CAIF 822
#define ARPHRD_IP6GRE 823
#define ARPHRD_NETLINK 824
#define ARPHRD_6LOWPAN 825
#endif

#ifndef IFF_LOWER_UP
#define IFF_LOWER_UP 0x10000
#define IFF_DORMANT 0x20000
#define IFF_ECHO 0x40000
#endif

static const struct {
	unsigned short type;
	const char *name;
} link_types[] = {
	{ ARPHRD_NETROM, "netrom" }, { ARPHRD_ETHER, "ether" },
	{ ARPHRD_EETHER, "eether" }, { ARPHRD_AX25, "ax25" },
	{ ARPHRD_PRONET, "pronet" }, { ARPHRD_CHAOS, "chaos" },
	{ ARPHRD_IEEE802, "ieee802" }, { ARPHRD_ARCNET, "arcnet" },
	{ ARPHRD_APPLETLK, "atalk" }, { ARPHRD_DLCI, "dlci" },
	{ ARPHRD_ATM, "atm" }, { ARPHRD_METRICOM, "metricom" },
	{ ARPHRD_IEEE1394, "ieee1394" }, { ARPHRD_INFINIBAND, "infiniband" },
	{ ARPHRD_SLIP, "slip" }, { ARPHRD_CSLIP, "cslip" },
	{ ARPHRD_SLIP6, "slip6" }, { ARPHRD_CSLIP6, "cslip6" },
	{ ARPHRD_RSRVD, "rsrvd" }, { ARPHRD_ADAPT, "adapt" },
	{ ARPHRD_ROSE, "rose" }, { ARPHRD_X25, "x25" },
	{ ARPHRD_HWX25, "hwx25" }, { ARPHRD_CAN, "can" },
	{ ARPHRD_PPP, "ppp" }, { ARPHRD_HDLC, "hdlc" },
	{ ARPHRD_LAPB, "lapb" }, { ARPHRD_DDCMP, "ddcmp" },
	{ ARPHRD_RAWHDLC, "rawhdlc" }, { ARPHRD_TUNNEL, "ipip" },
	{ ARPHRD_TUNNEL6, "tunnel6" }, { ARPHRD_FRAD, "frad" },
	{ ARPHRD_SKIP, "skip" }, { ARPHRD_LOOPBACK, "loopback" },
	{ ARPHRD_LOCALTLK, "ltalk" }, { ARPHRD_FDDI, "fddi" },
	{ ARPHRD_BIF, "bif" }, { ARPHRD_SIT, "sit" },
	{ ARPHRD_IPDDP, "ip/ddp" }, { ARPHRD_IPGRE, "gre" },
	{ ARPHRD_PIMREG, "pimreg" }, { ARPHRD_HIPPI, "hippi" },
	{ ARPHRD_ASH, "ash" }, { ARPHRD_ECONET, "econet" },
	{ ARPHRD_IRDA, "irda" }, { ARPHRD_FCPP, "fcpp" },
	{ ARPHRD_FCAL, "fcal" }, { ARPHRD_FCPL, "fcpl" },
	{ ARPHRD_FCFABRIC, "fcfb0" }, { ARPHRD_IEEE802_TR, "tr" },
	{ ARPHRD_IEEE80211, "ieee802.11" },
	{ ARPHRD_IEEE80211_PRISM, "ieee802.11/prism" },
	{ ARPHRD_IEEE80211_RADIOTAP, "ieee802.11/radiotap" },
	{ ARPHRD_IEEE802154, "ieee802.15.4" },
	{ ARPHRD_IEEE802154_MONITOR, "ieee802.15.4/monitor" },
	{ ARPHRD_PHONET, "phonet" }, { ARPHRD_PHONET_PIPE, "phonet_pipe" },
	{ ARPHRD_CAIF, "caif" }, { ARPHRD_IP6GRE, "gre6" },
	{ ARPHRD_NETLINK, "netlink" }, { ARPHRD_6LOWPAN, "6lowpan" },
	{ ARPHRD_NONE, "none" }, { ARPHRD_VOID, "void" },
};

const char *link_type_name(unsigned short type, char *buf, size_t len)
{
	for (size_t i = 0; i < sizeof(link_types) / sizeof(link_types[0]); i++)
		if (link_types[i].type == type)
			return link_types[i].name;
	snprintf(buf, len, "[%u]", type);
	return buf;
}

/* Tunnels carry IP addresses as their link-layer addresses. */
const char *link_addr_str(const unsigned char *a, size_t alen,
			  unsigned short type, char *buf, size_t len)
{
	if (alen == 4 && (type == ARPHRD_TUNNEL || type == ARPHRD_SIT ||
			  type == ARPHRD_IPGRE))
		return inet_ntop(AF_INET, a, buf, (socklen_t)len);
	if (alen == 16 && (type == ARPHRD_TUNNEL6 || type == ARPHRD_IP6GRE))
		return inet_ntop(AF_INET6, a, buf, (socklen_t)len);
	/* By hand, not snprintf per byte: two addresses a link, thousands of
	 * links a dump, and this was a third of `link show`'s work. */
	static const char hex[] = "0123456789abcdef";
	size_t used = 0;

	for (size_t i = 0; i < alen && used + 3 < len; i++) {
		if (i)
			buf[used++] = ':';
		buf[used++] = hex[a[i] >> 4];
		buf[used++] = hex[a[i] & 15];
	}
	buf[used] = '\0';
	return buf;
}

const char *operstate_name(unsigned int state, char *buf, size_t len)
{
	static const char *const names[] = {
		"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
		"DORMANT", "UP"
	};

	if (state < sizeof(names) / sizeof(names[0]))
		return names[state];
	snprintf(buf, len, "%#x", state);
	return buf;
}

static const struct flag_name flag_names[] = {
	{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
	{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
	{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" },
	{ IFF_PROMISC, "PROMISC" }, { IFF_MASTER, "MASTER" },
	{ IFF_SLAVE, "SLAVE" }, { IFF_DEBUG, "DEBUG" },
	{ IFF_DYNAMIC, "DYNAMIC" }, { IFF_AUTOMEDIA, "AUTOMEDIA" },
	{ IFF_PORTSEL, "PORTSEL" }, { IFF_NOTRAILERS, "NOTRAILERS" },
	{ IFF_UP, "UP" }, { IFF_LOWER_UP, "LOWER_UP" },
	{ IFF_DORMANT, "DORMANT" }, { IFF_ECHO, "ECHO" },
};

/* "<A,B,C> ": each name is followed by a comma while flags remain. */
static void print_flags(struct out *o, unsigned int flags, bool mdown)
{
	out_arr_begin(o, "flags");
	out_text(o, "<");
	if ((flags & IFF_UP) && !(flags & IFF_RUNNING))
		out_elem_str(o, flags ? "%s," : "%s", "NO-CARRIER");
	flags &= ~IFF_RUNNING;
	out_flag_names(o, flags, flag_names, sizeof(flag_names) / sizeof(flag_names[0]));
	if (mdown)
		out_elem_str(o, ",%s", "M-DOWN");
	out_arr_end(o);
	out_text(o, "> ");
}

/* a, then b, into buf[size], cut to fit: names are copied by hand, not by
 * snprintf, as a dump names thousands of links. */
static const char *join(char *buf, size_t size, const char *a, const char *b)
{
	size_t n = strnlen(a, size - 1);
	size_t m = strnlen(b, size - 1 - n);

	memcpy(buf, a, n);
	memcpy(buf + n, b, m);
	buf[n + m] = '\0';
	return buf;
}

/* "NAME@PEER" in text, with "link"/"link_index" members in JSON. Returns
 * whether the peer (in this namespace) is down: the M-DOWN flag. */
static bool print_name(struct out *o, const struct link_msg *m,
		       const struct link_print_opts *opts, const char *fmt)
{
	const char *name = m->tb[IFLA_IFNAME] ? mnl_attr_get_str(m->tb[IFLA_IFNAME]) : "";
	char full[64], peer[32], at_peer[34];
	bool mdown = false;

	if (m->tb[IFLA_LINK]) {
		int iflink = (int)mnl_attr_get_u32(m->tb[IFLA_LINK]);
		const char *p;

		if (!iflink) {
			out_null(o, "link", NULL);
			p = "NONE";
		} else if (m->tb[IFLA_LINK_NETNSID]) {
			out_int(o, "link_index", NULL, iflink);
			p = link_name_or_ifn(NULL, iflink, peer, sizeof(peer));
		} else {
			const struct ifname_entry *e = ifnames_find(opts->names, iflink);
			p = link_name_or_ifn(opts->names, iflink, peer, sizeof(peer));
			out_str(o, "link", NULL, p);
			mdown = !(e && (e->flags & IFF_UP));
		}
		join(full, sizeof(full), name, join(at_peer, sizeof(at_peer), "@", p));
	}
	out_str(o, "ifname", NULL, name);
	out_str(o, NULL, fmt, m->tb[IFLA_LINK] ? full : name);
	return mdown;
}

/* The run-dir name of the namespace known here as id, or NULL. */
static const char *netns_name(const struct link_print_opts *opts, int id,
			      char *buf, size_t len)
{
	if (id < 0)
		return NULL;
	if (opts->nsid_name)
		return opts->nsid_name(id, opts->nsid_data);
	if (opts->nl && name_of_nsid(opts->nl, id, buf, len) == 0)
		return buf;
	return NULL;
}

static void print_link_netns(struct out *o, const struct link_msg *m,
			     const struct link_print_opts *opts)
{
	char buf[256];
	int id = (int)mnl_attr_get_u32(m->tb[IFLA_LINK_NETNSID]);
	const char *ns;

	if (o->json)
		out_int(o, "link_netnsid", NULL, id);
	else if (id < 0)
		out_text(o, " link-netnsid unknown");
	else if ((ns = netns_name(opts, id, buf, sizeof(buf))))
		out_str(o, NULL, " link-netns %s", ns);
	else
		out_int(o, NULL, " link-netnsid %d", id);
}

/* Where a link went (RTM_DELLINK of a move to another namespace): text
 * only, as ip prints it. */
static void print_new_netns(struct out *o, const struct link_msg *m,
			    const struct link_print_opts *opts)
{
	char buf[256];

	if (o->json)
		return;
	if (m->tb[IFLA_NEW_NETNSID]) {
		int id = (int)mnl_attr_get_u32(m->tb[IFLA_NEW_NETNSID]);
		const char *ns = netns_name(opts, id, buf, sizeof(buf));
		if (ns)
			out_str(o, NULL, " new-netns %s", ns);
		else
			out_int(o, NULL, " new-netnsid %d", id);
	}
	if (m->tb[IFLA_NEW_IFINDEX])
		out_int(o, NULL, " new-ifindex %d",
			(int)mnl_attr_get_u32(m->tb[IFLA_NEW_IFINDEX]));
}

static void print_link_line(struct out *o, const struct link_msg *m,
			    bool numeric)
{
	unsigned short type = m->ifi->ifi_type;
	char buf[128];

	out_nl(o);
	if (numeric)   /* -N: as ip, the number in brackets */
		snprintf(buf, sizeof(buf), "[%u]", type);
	out_str(o, "link_type", "    link/%s ",
		numeric ? buf : link_type_name(type, buf, sizeof(buf)));
	if (m->tb[IFLA_ADDRESS])
		out_str(o, "address", "%s",
			link_addr_str(mnl_attr_get_payload(m->tb[IFLA_ADDRESS]),
				      mnl_attr_get_payload_len(m->tb[IFLA_ADDRESS]),
				      type, buf, sizeof(buf)));
	if (m->tb[IFLA_BROADCAST]) {
		if (m->ifi->ifi_flags & IFF_POINTOPOINT) {
			out_text(o, " peer ");
			out_bool(o, "link_pointtopoint", NULL, true);
		} else {
			out_text(o, " brd ");
		}
		out_str(o, "broadcast", "%s",
			link_addr_str(mnl_attr_get_payload(m->tb[IFLA_BROADCAST]),
				      mnl_attr_get_payload_len(m->tb[IFLA_BROADCAST]),
				      type, buf, sizeof(buf)));
	}
}

static void print_brief(struct out *o, const struct link_msg *m,
			const struct link_print_opts *opts)
{
	char buf[128];
	bool mdown = print_name(o, m, opts, "%-16s ");
	unsigned int state = m->tb[IFLA_OPERSTATE] ?
		mnl_attr_get_u8(m->tb[IFLA_OPERSTATE]) : 0;

	out_str(o, "operstate", "%-14s ", operstate_name(state, buf, sizeof(buf)));
	if (!opts->show_link_line)
		return;
	if (m->tb[IFLA_ADDRESS])
		out_str(o, "address", "%s ",
			link_addr_str(mnl_attr_get_payload(m->tb[IFLA_ADDRESS]),
				      mnl_attr_get_payload_len(m->tb[IFLA_ADDRESS]),
				      m->ifi->ifi_type, buf, sizeof(buf)));
	print_flags(o, m->ifi->ifi_flags, mdown);
}

/* AF_INET6 link records (ip -6 address) carry no IFLA_TXQLEN: ip asks
 * the device by ioctl, and so do we; 0 (not shown) if that fails. */
static unsigned int txqlen_by_name(const struct link_msg *m)
{
	struct ifreq ifr = { 0 };
	int fd;

	if (!m->tb[IFLA_IFNAME])
		return 0;
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s",
		 mnl_attr_get_str(m->tb[IFLA_IFNAME]));
	if ((fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
		return 0;
	int r = ioctl(fd, SIOCGIFTXQLEN, &ifr);
	close(fd);
	return r < 0 ? 0 : (unsigned int)ifr.ifr_qlen;
}

/* What a notification says happened to the link (IFLA_EVENT): only
 * notifications carry it, a dump never does. */
static void print_event(struct out *o, unsigned int event)
{
	static const char *const events[] = {
		"NONE", "REBOOT", "FEATURE CHANGE", "BONDING FAILOVER",
		"NOTIFY PEERS", "RESEND IGMP", "BONDING OPTION",
	};

	if (event >= sizeof(events) / sizeof(events[0]))
		out_int(o, "event", "event %d ", (int)event);
	else if (event)
		out_str(o, "event", "event %s ", events[event]);
}

static void print_header(struct out *o, const struct link_msg *m,
			 const struct link_print_opts *opts)
{
	char buf[64];

	out_int(o, "ifindex", "%d: ", m->ifi->ifi_index);
	bool mdown = print_name(o, m, opts, "%s: ");
	print_flags(o, m->ifi->ifi_flags, mdown);
	if (m->tb[IFLA_MTU])
		out_uint(o, "mtu", "mtu %u ", mnl_attr_get_u32(m->tb[IFLA_MTU]));
	if (m->tb[IFLA_QDISC])
		out_str(o, "qdisc", "qdisc %s ", mnl_attr_get_str(m->tb[IFLA_QDISC]));
	if (m->tb[IFLA_MASTER]) {
		int master = (int)mnl_attr_get_u32(m->tb[IFLA_MASTER]);
		out_str(o, "master", "master %s ",
			link_name_or_ifn(opts->names, master, buf, sizeof(buf)));
	}
	if (m->tb[IFLA_OPERSTATE])
		out_str(o, "operstate", "state %s ",
			operstate_name(mnl_attr_get_u8(m->tb[IFLA_OPERSTATE]),
				       buf, sizeof(buf)));
	if (opts->show_mode && m->tb[IFLA_LINKMODE]) {
		unsigned int mode = mnl_attr_get_u8(m->tb[IFLA_LINKMODE]);
		static const char *const modes[] = { "DEFAULT", "DORMANT", "TESTING" };
		if (mode < 3)
			out_str(o, "linkmode", "mode %s ", modes[mode]);
		else
			out_uint(o, "linkmode", "mode %#x ", mode);
	}
	if (m->tb[IFLA_GROUP]) {
		unsigned int group = mnl_attr_get_u32(m->tb[IFLA_GROUP]);
		if (group == 0 && !opts->numeric)
			snprintf(buf, sizeof(buf), "default");
		else
			snprintf(buf, sizeof(buf), "%u", group);
		out_str(o, "group", "group %s ", buf);
	}
	if (!opts->hide_qlen) {
		unsigned int qlen = m->tb[IFLA_TXQLEN] ?
			mnl_attr_get_u32(m->tb[IFLA_TXQLEN]) : txqlen_by_name(m);
		if (qlen)
			out_uint(o, "txqlen", "qlen %u", qlen);
	}
	if (m->tb[IFLA_EVENT])
		print_event(o, mnl_attr_get_u32(m->tb[IFLA_EVENT]));
}

void link_print(struct out *o, const struct link_msg *m,
		const struct link_print_opts *opts)
{
	if (opts->brief) {
		print_brief(o, m, opts);
		return;
	}
	print_header(o, m, opts);
	if (opts->show_link_line)
		print_link_line(o, m, opts->numeric);
	if (m->tb[IFLA_LINK_NETNSID])
		print_link_netns(o, m, opts);
	print_new_netns(o, m, opts);
	if (m->tb[IFLA_PROTO_DOWN] && mnl_attr_get_u8(m->tb[IFLA_PROTO_DOWN]))
		out_bool(o, "proto_down", " protodown on ", true);
	if (opts->details)
		link_print_details(o, m, opts);
	/* ip prints the alias in link's records, and in every other's with -d. */
	if ((opts->show_mode || opts->details) && m->tb[IFLA_IFALIAS]) {
		out_nl(o);
		out_str(o, "ifalias", "    alias %s", mnl_attr_get_str(m->tb[IFLA_IFALIAS]));
	}
}

static void print_altname(const char *name, void *data)
{
	struct out *o = data;

	out_nl(o);
	out_elem_str(o, "    altname %s", name);
}

void link_print_altnames(struct out *o, const struct link_msg *m)
{
	if (!m->tb[IFLA_PROP_LIST])
		return;
	out_arr_begin(o, "altnames");
	link_msg_each_altname(m, print_altname, o);
	out_arr_end(o);
}
