/* A route message (RTM_NEWROUTE) taken apart and checked (route_msg.h). */
#include "nl/route_msg.h"
#include "base/inet.h"

static const struct nl_policy route_policy[RTA_MAX + 1] = {
	[RTA_DST] = { MNL_TYPE_BINARY, 0 },
	[RTA_SRC] = { MNL_TYPE_BINARY, 0 },
	[RTA_IIF] = { MNL_TYPE_U32, 0 },
	[RTA_OIF] = { MNL_TYPE_U32, 0 },
	[RTA_GATEWAY] = { MNL_TYPE_BINARY, 0 },
	[RTA_PRIORITY] = { MNL_TYPE_U32, 0 },
	[RTA_PREFSRC] = { MNL_TYPE_BINARY, 0 },
	[RTA_METRICS] = { MNL_TYPE_NESTED, 0 },
	[RTA_CACHEINFO] = { MNL_TYPE_BINARY, sizeof(struct rta_cacheinfo) },
	[RTA_TABLE] = { MNL_TYPE_U32, 0 },
	[RTA_MARK] = { MNL_TYPE_U32, 0 },
	[RTA_PREF] = { MNL_TYPE_U8, 0 },
	[RTA_UID] = { MNL_TYPE_U32, 0 },
	[RTA_NH_ID] = { MNL_TYPE_U32, 0 },
	[RTA_MULTIPATH] = { MNL_TYPE_BINARY, 0 },
	[RTA_VIA] = { MNL_TYPE_BINARY, 0 },
};

const struct nlattr *route_nh_attrs(const struct rtnexthop *nh, int *len)
{
	*len = nh->rtnh_len - (int)RTNH_LENGTH(0);
	return (const struct nlattr *)((const char *)nh + RTNH_LENGTH(0));
}

/* An RTA_VIA holds a family and an address of that family. */
static bool via_fits(const struct nlattr *a)
{
	const struct rtvia *v = mnl_attr_get_payload(a);

	if (mnl_attr_get_payload_len(a) < sizeof(*v))
		return false;
	int bits = inet_family_bits(v->rtvia_family);
	return bits && mnl_attr_get_payload_len(a) == sizeof(*v) + (size_t)bits / 8;
}

/* Next hops of a multipath route: each a struct rtnexthop and attributes
 * that stay inside it; gateways of the route's family. */
static bool multipath_fits(const struct nlattr *mp, int family)
{
	const char *p = mnl_attr_get_payload(mp);
	size_t left = mnl_attr_get_payload_len(mp);
	size_t bytes = (size_t)inet_family_bits(family) / 8;

	while (left >= sizeof(struct rtnexthop)) {
		const struct rtnexthop *nh = (const void *)p;
		int len;

		if (nh->rtnh_len < sizeof(*nh) || nh->rtnh_len > left)
			return false;
		const struct nlattr *a = route_nh_attrs(nh, &len);
		for (; mnl_attr_ok(a, len); len -= (int)MNL_ALIGN(a->nla_len), a = mnl_attr_next(a))
			if ((mnl_attr_get_type(a) == RTA_GATEWAY &&
			     mnl_attr_get_payload_len(a) != bytes) ||
			    (mnl_attr_get_type(a) == RTA_VIA && !via_fits(a)))
				return false;
		if (len > 0)
			return false;
		size_t step = RTNH_ALIGN(nh->rtnh_len);
		if (step >= left)
			return true;
		p += step;
		left -= step;
	}
	return left == 0;
}

/* Address attributes must hold exactly one address of the route's family. */
static bool addresses_fit(const struct route_msg *m)
{
	static const int addr_attrs[] = { RTA_DST, RTA_SRC, RTA_GATEWAY, RTA_PREFSRC };
	int bytes = inet_family_bits(m->rtm->rtm_family) / 8;

	for (size_t i = 0; i < sizeof(addr_attrs) / sizeof(addr_attrs[0]); i++) {
		const struct nlattr *a = m->tb[addr_attrs[i]];
		if (a && (bytes == 0 || mnl_attr_get_payload_len(a) != (size_t)bytes))
			return false;
	}
	return true;
}

int route_msg_parse(const struct nlmsghdr *nlh, struct route_msg *m)
{
	if (nl_parse(nlh, sizeof(struct rtmsg), route_policy, RTA_MAX, m->tb) < 0)
		return nl_malformed(nlh);
	m->rtm = mnl_nlmsg_get_payload(nlh);
	if (!addresses_fit(m) || (m->tb[RTA_VIA] && !via_fits(m->tb[RTA_VIA])) ||
	    (m->tb[RTA_MULTIPATH] &&
	     !multipath_fits(m->tb[RTA_MULTIPATH], m->rtm->rtm_family)))
		return nl_malformed(nlh);
	m->table = m->tb[RTA_TABLE] ? mnl_attr_get_u32(m->tb[RTA_TABLE])
				    : m->rtm->rtm_table;
	return 0;
}
