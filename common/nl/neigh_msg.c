/* A neighbour message (RTM_NEWNEIGH) taken apart and checked
 * (neigh_msg.h). */
#include "nl/neigh_msg.h"
#include "base/inet.h"

static const struct nl_policy neigh_policy[NDA_MAX + 1] = {
	[NDA_DST] = { MNL_TYPE_BINARY, 0 },
	[NDA_LLADDR] = { MNL_TYPE_BINARY, 0 },
	[NDA_CACHEINFO] = { MNL_TYPE_BINARY, sizeof(struct nda_cacheinfo) },
	[NDA_PROBES] = { MNL_TYPE_U32, 0 },
	[NDA_PROTOCOL] = { MNL_TYPE_U8, 0 },
};

int neigh_msg_parse(const struct nlmsghdr *nlh, struct neigh_msg *m)
{
	if (nl_parse(nlh, sizeof(struct ndmsg), neigh_policy, NDA_MAX, m->tb) < 0)
		return nl_malformed(nlh);
	m->ndm = mnl_nlmsg_get_payload(nlh);
	/* Bridge entries carry either family: the length tells which. */
	size_t bytes = inet_family_bits(m->ndm->ndm_family) / 8;
	size_t got = m->tb[NDA_DST] ? mnl_attr_get_payload_len(m->tb[NDA_DST]) : 0;
	if (m->tb[NDA_DST] && (bytes ? got != bytes : got != 4 && got != 16))
		return nl_malformed(nlh);
	return 0;
}
