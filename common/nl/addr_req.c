/* The bytes of an address request (see addr_req.h): every attribute is
 * checked against the buffer, so a request that would not fit fails
 * whole instead of being cut. */
#include "nl/addr_req.h"

#include <string.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

static bool put_bytes(struct nlmsghdr *nlh, uint16_t type, const struct addr_bytes *a)
{
	return !a->set || nl_put_check(nlh, type, a->len, a->data);
}

static bool put_lifetimes(struct nlmsghdr *nlh, const struct addr_spec *s)
{
	struct ifa_cacheinfo ci = { .ifa_prefered = s->preferred, .ifa_valid = s->valid };

	return !s->has_lifetimes || nl_put_check(nlh, IFA_CACHEINFO, sizeof(ci), &ci);
}

int addr_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		   const struct addr_spec *s)
{
	struct nlmsghdr *nlh = nl_req_init(r, type, flags);
	struct ifaddrmsg *ifa = nl_put_header(nlh, sizeof(*ifa));
	bool wide = s->flags > 0xff;

	ifa->ifa_family = s->family;
	ifa->ifa_prefixlen = s->prefixlen;
	ifa->ifa_flags = wide ? 0 : (unsigned char)s->flags;
	ifa->ifa_scope = s->scope;
	ifa->ifa_index = s->ifindex;
	bool ok = put_bytes(nlh, IFA_LOCAL, &s->local) &&
		  put_bytes(nlh, IFA_ADDRESS, &s->address) &&
		  put_bytes(nlh, IFA_BROADCAST, &s->broadcast) &&
		  put_bytes(nlh, IFA_ANYCAST, &s->anycast) &&
		  (!s->label || nl_put_check(nlh, IFA_LABEL, strlen(s->label) + 1, s->label)) &&
		  (!s->has_metric || nl_put_check(nlh, IFA_RT_PRIORITY, sizeof(s->metric),
						  &s->metric)) &&
		  (!wide || nl_put_check(nlh, IFA_FLAGS, sizeof(s->flags), &s->flags)) &&
		  put_lifetimes(nlh, s);
	return ok ? 0 : -1;
}
