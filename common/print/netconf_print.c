/* netconf records (netconf_print.h). */
#include "print/netconf_print.h"

#include <sys/socket.h>

#include "nl/link_lookup.h"

static const char *family_word(int family)
{
	switch (family) {
	case AF_INET: return "inet";
	case AF_INET6: return "inet6";
	case AF_PACKET: return "link";
	case AF_MPLS: return "mpls";
	case AF_BRIDGE: return "bridge";
	default: return "???";
	}
}

static void print_device(struct out *o, const struct netconf_msg *m,
			 const struct ifnames *names)
{
	char buf[LINK_IFN_SIZE];
	int index = (int)mnl_attr_get_u32(m->tb[NETCONFA_IFINDEX]);
	const char *dev;

	if (index == NETCONFA_IFINDEX_ALL)
		dev = "all";
	else if (index == NETCONFA_IFINDEX_DEFAULT)
		dev = "default";
	else if (index == 0)
		dev = "*";    /* as ip names index 0 */
	else
		dev = link_name_or_ifn(names, index, buf, sizeof(buf));
	out_str(o, "interface", "%s ", dev);
}

static void print_on_off(struct out *o, const struct netconf_msg *m, int type,
			 const char *key, const char *fmt)
{
	if (m->tb[type])
		out_str(o, key, fmt, mnl_attr_get_u32(m->tb[type]) ? "on" : "off");
}

void netconf_print(struct out *o, const struct netconf_msg *m,
		   const struct ifnames *names)
{
	static const char *const rp_filters[] = { "off", "strict", "loose" };

	out_str(o, "family", "%s ", family_word(m->ncm->ncm_family));
	if (m->tb[NETCONFA_IFINDEX])
		print_device(o, m, names);
	print_on_off(o, m, NETCONFA_FORWARDING, "forwarding", "forwarding %s ");
	if (m->tb[NETCONFA_RP_FILTER]) {
		unsigned int rp = mnl_attr_get_u32(m->tb[NETCONFA_RP_FILTER]);
		if (rp < 3)
			out_str(o, "rp_filter", "rp_filter %s ", rp_filters[rp]);
		else
			out_uint(o, "rp_filter", "rp_filter %u ", rp);
	}
	print_on_off(o, m, NETCONFA_MC_FORWARDING, "mc_forwarding", "mc_forwarding %s ");
	print_on_off(o, m, NETCONFA_PROXY_NEIGH, "proxy_neigh", "proxy_neigh %s ");
	print_on_off(o, m, NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN,
		     "ignore_routes_with_linkdown", "ignore_routes_with_linkdown %s ");
	print_on_off(o, m, NETCONFA_INPUT, "input", "input %s ");
}
