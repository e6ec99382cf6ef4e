/* The neighbour request: an ndmsg and its attributes, in the order the
 * word loop wrote them before (protocol, destination, link address). */
#include "nl/neigh_req.h"

#include <string.h>
#include <linux/rtnetlink.h>

void neigh_spec_init(struct neigh_spec *s)
{
	*s = (struct neigh_spec){
		.size = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct ndmsg)),
	};
}

void neigh_spec_grow(struct neigh_spec *s, size_t len)
{
	s->size += MNL_ATTR_HDRLEN + MNL_ALIGN(len);
}

bool neigh_spec_full(const struct neigh_spec *s)
{
	return s->size > NL_MSG_MAX - NL_WORD_ROOM;
}

int neigh_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		    const struct neigh_spec *s)
{
	struct nlmsghdr *nlh = nl_req_init(r, type, flags);
	struct ndmsg *ndm = nl_put_header(nlh, sizeof(*ndm));
	bool ok = true;

	memcpy(ndm, &s->ndm, sizeof(*ndm));
	if (s->has_protocol)
		ok = nl_put_check(nlh, NDA_PROTOCOL, 1, &s->protocol);
	if (ok && s->has_dst)
		ok = nl_put_check(nlh, NDA_DST, s->dst_len, s->dst);
	if (ok && s->lladdr_len)
		ok = nl_put_check(nlh, NDA_LLADDR, s->lladdr_len, s->lladdr);
	return ok ? 0 : -1;
}
