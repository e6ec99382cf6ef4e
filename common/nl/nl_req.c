/* Requests are built in a buffer that is not zeroed first: libmnl (1.0.4)
 * leaves the bytes that align a put as it finds them, so each put here
 * zeroes its own, and no stale stack byte reaches the kernel. */
#include "nl/nl.h"

#include <string.h>
#include <linux/netlink.h>

struct nlmsghdr *nl_req_init(struct nl_req *r, uint16_t type, uint16_t flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(r->buf);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	return nlh;
}

/* Zeroes the message's tail from its offset `from` to its (aligned) end. */
static void zero_tail(struct nlmsghdr *nlh, size_t from)
{
	memset((char *)nlh + from, 0, nlh->nlmsg_len - from);
}

void *nl_put_header(struct nlmsghdr *nlh, size_t size)
{
	size_t at = nlh->nlmsg_len;
	void *h = mnl_nlmsg_put_extra_header(nlh, size);

	zero_tail(nlh, at);
	return h;
}

void nl_put(struct nlmsghdr *nlh, uint16_t type, size_t len, const void *data)
{
	size_t end = nlh->nlmsg_len + MNL_ATTR_HDRLEN + len;

	mnl_attr_put(nlh, type, len, data);
	zero_tail(nlh, end);
}

bool nl_put_check(struct nlmsghdr *nlh, uint16_t type, size_t len,
		  const void *data)
{
	size_t end = nlh->nlmsg_len + MNL_ATTR_HDRLEN + len;

	if (!mnl_attr_put_check(nlh, NL_MSG_MAX, type, len, data))
		return false;
	zero_tail(nlh, end);
	return true;
}

void nl_put_u8(struct nlmsghdr *nlh, uint16_t type, uint8_t v)
{
	nl_put(nlh, type, sizeof(v), &v);
}
