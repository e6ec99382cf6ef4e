/* The route request: an rtmsg, its address and number attributes, then
 * the device, the metrics nest and the next hops, in the order the word
 * loop wrote them before for a line that names each word once. */
#include "nl/route_req.h"

#include <string.h>

void route_spec_init(struct route_spec *s)
{
	memset(s, 0, sizeof(*s));
	s->size = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct rtmsg));
}

void route_spec_grow(struct route_spec *s, size_t len)
{
	s->size += MNL_ATTR_HDRLEN + MNL_ALIGN(len);
}

void route_spec_grow_nexthop(struct route_spec *s)
{
	s->size += sizeof(struct rtnexthop);
}

bool route_spec_full(const struct route_spec *s)
{
	return s->size > NL_MSG_MAX - NL_WORD_ROOM;
}

/* Each piece is checked against the buffer: a request that would not fit
 * fails as a whole instead of being cut. */
static bool put_u32(struct nlmsghdr *nlh, uint16_t type, uint32_t v)
{
	return nl_put_check(nlh, type, sizeof(v), &v);
}

static bool put_addr(struct nlmsghdr *nlh, uint16_t type, const struct route_addr *a)
{
	unsigned char via[2 + 16];

	if (!a->given)
		return true;
	if (type != RTA_VIA)
		return nl_put_check(nlh, type, a->len, a->bytes);
	/* struct rtvia: the family, then the address. */
	memcpy(via, &a->via_family, 2);
	memcpy(via + 2, a->bytes, a->len);
	return nl_put_check(nlh, type, 2 + (size_t)a->len, via);
}

static bool put_metrics(struct nlmsghdr *nlh, const struct route_spec *s)
{
	struct nlattr *nest;
	bool ok;

	if (!s->metrics_set)
		return true;
	if (!(nest = mnl_attr_nest_start_check(nlh, NL_MSG_MAX, RTA_METRICS)))
		return false;
	ok = !s->lock || put_u32(nlh, RTAX_LOCK, s->lock);
	for (uint16_t a = 1; ok && a <= RTAX_MAX; a++)
		if (s->metrics_set & (1u << a))
			ok = put_u32(nlh, a, s->metrics[a]);
	mnl_attr_nest_end(nlh, nest);
	return ok;
}

static bool put_nexthop(struct nlmsghdr *nlh, const struct route_nexthop *nh)
{
	size_t at = nlh->nlmsg_len;
	struct rtnexthop *rtnh;

	if (at + sizeof(*rtnh) > NL_MSG_MAX)
		return false;
	rtnh = nl_put_header(nlh, sizeof(*rtnh));
	*rtnh = nh->rtnh;
	if (!put_addr(nlh, RTA_GATEWAY, &nh->gateway) ||
	    !put_addr(nlh, RTA_VIA, &nh->via))
		return false;
	rtnh->rtnh_len = (unsigned short)(nlh->nlmsg_len - at);
	return true;
}

static bool put_nexthops(struct nlmsghdr *nlh, const struct route_spec *s)
{
	struct nlattr *nest;
	bool ok = true;

	if (!s->n_nexthops)
		return true;
	if (!(nest = mnl_attr_nest_start_check(nlh, NL_MSG_MAX, RTA_MULTIPATH)))
		return false;
	for (size_t i = 0; ok && i < s->n_nexthops; i++)
		ok = put_nexthop(nlh, &s->nexthops[i]);
	mnl_attr_nest_end(nlh, nest);
	return ok;
}

/* The words' own attributes, before what is resolved after them. */
static bool put_words(struct nlmsghdr *nlh, const struct route_spec *s)
{
	return put_addr(nlh, RTA_DST, &s->dst) && put_addr(nlh, RTA_SRC, &s->src) &&
	       put_addr(nlh, RTA_GATEWAY, &s->gateway) &&
	       put_addr(nlh, RTA_VIA, &s->via) &&
	       put_addr(nlh, RTA_PREFSRC, &s->prefsrc) &&
	       (!s->has_priority || put_u32(nlh, RTA_PRIORITY, s->priority)) &&
	       (!s->table || put_u32(nlh, RTA_TABLE, s->table)) &&
	       (!s->has_expires || put_u32(nlh, RTA_EXPIRES, s->expires)) &&
	       (!s->has_pref || nl_put_check(nlh, RTA_PREF, 1, &s->pref));
}

int route_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		    const struct route_spec *s)
{
	struct nlmsghdr *nlh = nl_req_init(r, type, flags);
	struct rtmsg *rtm = nl_put_header(nlh, sizeof(*rtm));

	*rtm = s->rtm;
	if (!put_words(nlh, s) || (s->oif && !put_u32(nlh, RTA_OIF, s->oif)) ||
	    !put_metrics(nlh, s) || !put_nexthops(nlh, s))
		return -1;
	return 0;
}
