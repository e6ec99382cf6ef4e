/* Taking a netconf message apart (netconf_msg.h). */
#include "nl/netconf_msg.h"

static const struct nl_policy netconf_policy[NETCONFA_MAX + 1] = {
	[NETCONFA_IFINDEX] = { MNL_TYPE_U32, 0 },
	[NETCONFA_FORWARDING] = { MNL_TYPE_U32, 0 },
	[NETCONFA_RP_FILTER] = { MNL_TYPE_U32, 0 },
	[NETCONFA_MC_FORWARDING] = { MNL_TYPE_U32, 0 },
	[NETCONFA_PROXY_NEIGH] = { MNL_TYPE_U32, 0 },
	[NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN] = { MNL_TYPE_U32, 0 },
	[NETCONFA_INPUT] = { MNL_TYPE_U32, 0 },
};

int netconf_msg_parse(const struct nlmsghdr *nlh, struct netconf_msg *m)
{
	if (nl_parse(nlh, sizeof(struct netconfmsg), netconf_policy,
		     NETCONFA_MAX, m->tb) < 0)
		return nl_malformed(nlh);
	m->ncm = mnl_nlmsg_get_payload(nlh);
	return 0;
}
