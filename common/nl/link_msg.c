/* Taking a link message (RTM_NEWLINK) apart: the attributes nsip reads,
 * each checked for its type and length before anyone uses it. */
#include "nl/link_msg.h"
#include "nl/link_stats.h"

#include <libmnl/libmnl.h>

static const struct nl_policy link_policy[IFLA_MAX + 1] = {
	[IFLA_ADDRESS] = { MNL_TYPE_BINARY, 0 },
	[IFLA_BROADCAST] = { MNL_TYPE_BINARY, 0 },
	[IFLA_IFNAME] = { MNL_TYPE_NUL_STRING, 0 },
	[IFLA_MTU] = { MNL_TYPE_U32, 0 },
	[IFLA_LINK] = { MNL_TYPE_U32, 0 },
	[IFLA_QDISC] = { MNL_TYPE_NUL_STRING, 0 },
	[IFLA_MASTER] = { MNL_TYPE_U32, 0 },
	[IFLA_TXQLEN] = { MNL_TYPE_U32, 0 },
	[IFLA_OPERSTATE] = { MNL_TYPE_U8, 0 },
	[IFLA_LINKMODE] = { MNL_TYPE_U8, 0 },
	[IFLA_LINKINFO] = { MNL_TYPE_NESTED, 0 },
	[IFLA_IFALIAS] = { MNL_TYPE_NUL_STRING, 0 },
	[IFLA_GROUP] = { MNL_TYPE_U32, 0 },
	[IFLA_LINK_NETNSID] = { MNL_TYPE_U32, 0 },
	[IFLA_PROTO_DOWN] = { MNL_TYPE_U8, 0 },
	[IFLA_PERM_ADDRESS] = { MNL_TYPE_BINARY, 0 },
	[IFLA_PROMISCUITY] = { MNL_TYPE_U32, 0 },
	[IFLA_MIN_MTU] = { MNL_TYPE_U32, 0 },
	[IFLA_MAX_MTU] = { MNL_TYPE_U32, 0 },
	[IFLA_NUM_TX_QUEUES] = { MNL_TYPE_U32, 0 },
	[IFLA_NUM_RX_QUEUES] = { MNL_TYPE_U32, 0 },
	[IFLA_AF_SPEC] = { MNL_TYPE_NESTED, 0 },
	[IFLA_GSO_MAX_SIZE] = { MNL_TYPE_U32, 0 },
	[IFLA_GSO_MAX_SEGS] = { MNL_TYPE_U32, 0 },
	[IFLA_TSO_MAX_SIZE] = { MNL_TYPE_U32, 0 },
	[IFLA_TSO_MAX_SEGS] = { MNL_TYPE_U32, 0 },
	[IFLA_GRO_MAX_SIZE] = { MNL_TYPE_U32, 0 },
	[IFLA_ALLMULTI] = { MNL_TYPE_U32, 0 },
	/* Counter sets: at least the counters every kernel sends. */
	[IFLA_STATS] = { MNL_TYPE_BINARY, LINK_STATS_MIN_FIELDS * sizeof(uint32_t) },
	[IFLA_STATS64] = { MNL_TYPE_BINARY, LINK_STATS_MIN_FIELDS * sizeof(uint64_t) },
	[IFLA_CARRIER_CHANGES] = { MNL_TYPE_U32, 0 },
	[IFLA_EVENT] = { MNL_TYPE_U32, 0 },
	[IFLA_NEW_NETNSID] = { MNL_TYPE_U32, 0 },
	[IFLA_NEW_IFINDEX] = { MNL_TYPE_U32, 0 },
	[IFLA_PROP_LIST] = { MNL_TYPE_NESTED, 0 },
};

int link_msg_parse(const struct nlmsghdr *nlh, struct link_msg *m)
{
	if (nl_parse(nlh, sizeof(struct ifinfomsg), link_policy, IFLA_MAX, m->tb) < 0)
		return nl_malformed(nlh);
	m->ifi = mnl_nlmsg_get_payload(nlh);
	return 0;
}

static const struct nl_policy linkinfo_policy[IFLA_INFO_MAX + 1] = {
	[IFLA_INFO_KIND] = { MNL_TYPE_NUL_STRING, 0 },
	[IFLA_INFO_SLAVE_KIND] = { MNL_TYPE_NUL_STRING, 0 },
};

const char *link_msg_kind(const struct link_msg *m, bool slave)
{
	const struct nlattr *info[IFLA_INFO_MAX + 1];
	int type = slave ? IFLA_INFO_SLAVE_KIND : IFLA_INFO_KIND;

	if (!m->tb[IFLA_LINKINFO] ||
	    nl_parse_nested(m->tb[IFLA_LINKINFO], linkinfo_policy, IFLA_INFO_MAX,
			    info) < 0 || !info[type])
		return NULL;
	return mnl_attr_get_str(info[type]);
}

void link_msg_each_altname(const struct link_msg *m,
			   void (*fn)(const char *name, void *data), void *data)
{
	const struct nlattr *a;

	if (!m->tb[IFLA_PROP_LIST])
		return;
	/* A list of repeated attributes, so not a table: each one is checked
	 * as it is met, and one that is not a NUL-ended name is passed over. */
	mnl_attr_for_each_nested(a, m->tb[IFLA_PROP_LIST])
		if (mnl_attr_get_type(a) == IFLA_ALT_IFNAME &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
			fn(mnl_attr_get_str(a), data);
}
