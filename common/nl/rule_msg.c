/* The rule message's decoder: every attribute read later is checked here
 * for its type and size, so the printer and the filters read without
 * checks of their own. */
#include "nl/rule_msg.h"
#include "base/inet.h"

static const struct nl_policy rule_policy[RULE_ATTR_MAX + 1] = {
	[FRA_DST] = { MNL_TYPE_BINARY, 0 },
	[FRA_SRC] = { MNL_TYPE_BINARY, 0 },
	[FRA_IIFNAME] = { MNL_TYPE_NUL_STRING, 0 },
	[FRA_GOTO] = { MNL_TYPE_U32, 0 },
	[FRA_PRIORITY] = { MNL_TYPE_U32, 0 },
	[FRA_FWMARK] = { MNL_TYPE_U32, 0 },
	[FRA_FLOW] = { MNL_TYPE_U32, 0 },
	[FRA_TUN_ID] = { MNL_TYPE_U64, 0 },
	[FRA_SUPPRESS_IFGROUP] = { MNL_TYPE_U32, 0 },
	[FRA_SUPPRESS_PREFIXLEN] = { MNL_TYPE_U32, 0 },
	[FRA_TABLE] = { MNL_TYPE_U32, 0 },
	[FRA_FWMASK] = { MNL_TYPE_U32, 0 },
	[FRA_OIFNAME] = { MNL_TYPE_NUL_STRING, 0 },
	[FRA_L3MDEV] = { MNL_TYPE_U8, 0 },
	[FRA_UID_RANGE] = { MNL_TYPE_BINARY, sizeof(struct fib_rule_uid_range) },
	[FRA_PROTOCOL] = { MNL_TYPE_U8, 0 },
	[FRA_IP_PROTO] = { MNL_TYPE_U8, 0 },
	[FRA_SPORT_RANGE] = { MNL_TYPE_BINARY, sizeof(struct fib_rule_port_range) },
	[FRA_DPORT_RANGE] = { MNL_TYPE_BINARY, sizeof(struct fib_rule_port_range) },
};

/* An address must be exactly its family's size: the printer and the
 * prefix filters copy that many bytes. */
static bool addr_ok(const struct nlattr *a, int family)
{
	size_t want = inet_addr_len(family);

	return !a || (want && mnl_attr_get_payload_len(a) == want);
}

int rule_msg_parse(const struct nlmsghdr *nlh, struct rule_msg *m)
{
	if (nl_parse(nlh, sizeof(struct fib_rule_hdr), rule_policy, RULE_ATTR_MAX,
		     m->tb) < 0)
		return nl_malformed(nlh);
	m->frh = mnl_nlmsg_get_payload(nlh);
	if (!addr_ok(m->tb[FRA_SRC], m->frh->family) ||
	    !addr_ok(m->tb[FRA_DST], m->frh->family))
		return nl_malformed(nlh);
	return 0;
}

uint32_t rule_msg_table(const struct rule_msg *m)
{
	return m->tb[FRA_TABLE] ? mnl_attr_get_u32(m->tb[FRA_TABLE]) : m->frh->table;
}

uint32_t rule_msg_u32(const struct rule_msg *m, int type)
{
	return m->tb[type] ? mnl_attr_get_u32(m->tb[type]) : 0;
}
