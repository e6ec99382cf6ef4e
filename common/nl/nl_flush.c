#include "nl/nl_flush.h"
#include "base/err.h"

#include <errno.h>
#include <string.h>

int nl_flush_one(struct nl *nl, const struct nlmsghdr *nlh, uint16_t del_type)
{
	struct nl_req req;

	if (nlh->nlmsg_len > sizeof(req.buf))
		return 0;
	memcpy(req.buf, nlh, nlh->nlmsg_len);
	req.nlh.nlmsg_type = del_type;
	req.nlh.nlmsg_flags = NLM_F_REQUEST;
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) == 0 ||
	    nl->last.err == ENOENT || nl->last.err == ESRCH)
		return 1;
	return fail(-1, "Failed to send flush request: %s", strerror(nl->last.err));
}
