/* The rule request: a fib_rule_hdr, then the attributes in the order
 * iproute2's word loop writes them for a line that names each word once. */
#include "nl/rule_req.h"

#include <string.h>

void rule_spec_init(struct rule_spec *s)
{
	memset(s, 0, sizeof(*s));
}

static void put_addr(struct nlmsghdr *nlh, uint16_t type, const struct rule_addr *a)
{
	if (a->given)
		nl_put(nlh, type, a->len, a->bytes);
}

static void put_name(struct nlmsghdr *nlh, uint16_t type, const char *name)
{
	if (name[0])
		nl_put(nlh, type, strlen(name) + 1, name);
}

static void put_u32_if(struct nlmsghdr *nlh, bool given, uint16_t type, uint32_t v)
{
	if (given)
		mnl_attr_put_u32(nlh, type, v);
}

void rule_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		    const struct rule_spec *s)
{
	struct nlmsghdr *nlh = nl_req_init(r, type, flags);
	struct fib_rule_hdr *frh = nl_put_header(nlh, sizeof(*frh));

	/* Every attribute below is of fixed size or an interface name: the
	 * whole request stays far below NL_MSG_MAX, so nothing is checked. */
	*frh = s->frh;
	put_addr(nlh, FRA_SRC, &s->src);
	put_addr(nlh, FRA_DST, &s->dst);
	put_u32_if(nlh, s->has_priority, FRA_PRIORITY, s->priority);
	put_u32_if(nlh, s->has_fwmark, FRA_FWMARK, s->fwmark);
	put_u32_if(nlh, s->has_fwmask, FRA_FWMASK, s->fwmask);
	put_u32_if(nlh, s->has_flow, FRA_FLOW, s->flow);
	if (s->has_protocol)
		nl_put_u8(nlh, FRA_PROTOCOL, s->protocol);
	if (s->has_tun_id)
		mnl_attr_put_u64(nlh, FRA_TUN_ID, s->tun_id);
	put_u32_if(nlh, s->has_table, FRA_TABLE, s->table);
	put_u32_if(nlh, s->has_suppress_prefixlen, FRA_SUPPRESS_PREFIXLEN,
		   s->suppress_prefixlen);
	put_u32_if(nlh, s->has_suppress_ifgroup, FRA_SUPPRESS_IFGROUP,
		   s->suppress_ifgroup);
	put_name(nlh, FRA_IFNAME, s->iif);
	put_name(nlh, FRA_OIFNAME, s->oif);
	if (s->l3mdev)
		nl_put_u8(nlh, FRA_L3MDEV, 1);
	if (s->has_uid_range)
		nl_put(nlh, FRA_UID_RANGE, sizeof(s->uid_range), &s->uid_range);
	if (s->has_ipproto)
		nl_put_u8(nlh, FRA_IP_PROTO, s->ipproto);
	if (s->has_sport)
		nl_put(nlh, FRA_SPORT_RANGE, sizeof(s->sport), &s->sport);
	if (s->has_dport)
		nl_put(nlh, FRA_DPORT_RANGE, sizeof(s->dport), &s->dport);
	put_u32_if(nlh, s->has_goto, FRA_GOTO, s->goto_target);
}
