/* A whole-table restore's changes (see nft_whole.h). */
#include "xt/nft_whole.h"

#include <errno.h>
#include <string.h>
#include <linux/netfilter.h>
#include <libnftnl/chain.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>

#include "xt/nft_private.h"

static int table_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	*(bool *)data = true;
	return MNL_CB_OK;
}

int nft_table_exists(struct nft *n)
{
	char req[REQ_SIZE];
	struct nftnl_table *t = nftnl_table_alloc();
	struct nlmsghdr *nlh;
	bool seen = false;
	int ret;

	if (!t) {
		n->err = ENOMEM;
		return -1;
	}
	nlh = nft_req_init(n, req, NFT_MSG_GETTABLE, NFPROTO_IPV4, NLM_F_ACK);
	nftnl_table_set_str(t, NFTNL_TABLE_NAME, n->tab->nft_name);
	nftnl_table_nlmsg_build_payload(nlh, t);
	nftnl_table_free(t);
	ret = nft_query(n, nlh, table_cb, &seen);
	if (ret < 0)
		return n->err == ENOENT ? 0 : -1;
	return seen;
}

void nft_del_table(struct nft *n)
{
	struct nftnl_table *t = nftnl_table_alloc();
	struct nlmsghdr *nlh = t ? nft_msg(n, NFT_MSG_DELTABLE, 0) : NULL;

	if (t && nlh) {
		nftnl_table_set_str(t, NFTNL_TABLE_NAME, n->tab->nft_name);
		nftnl_table_nlmsg_build_payload(nlh, t);
		nft_msg_done(n);
	} else {
		n->overflow = true;
	}
	if (t)
		nftnl_table_free(t);
}

void nft_put_base_chain(struct nft *n, const char *name,
			const struct nft_base_state *s)
{
	/* An existing chain is named alone: sending its hook again would
	 * have the kernel register it anew. */
	struct nftnl_chain *c = s->create ? nft_base_chain_of(n, name)
					  : nft_chain_of(n, name);
	struct nlmsghdr *nlh = c ? nft_msg(n, NFT_MSG_NEWCHAIN,
					   s->create ? NLM_F_CREATE : 0) : NULL;

	if (!nlh) {
		n->overflow = true;
	} else {
		if (s->policy_set)
			nftnl_chain_set_u32(c, NFTNL_CHAIN_POLICY, s->policy);
		if (s->counters_set) {
			nftnl_chain_set_u64(c, NFTNL_CHAIN_PACKETS, s->packets);
			nftnl_chain_set_u64(c, NFTNL_CHAIN_BYTES, s->bytes);
		}
		nftnl_chain_nlmsg_build_payload(nlh, c);
		nft_msg_done(n);
	}
	if (c)
		nftnl_chain_free(c);
}

bool nft_rule_set_counter(struct nftnl_rule *r, uint64_t packets, uint64_t bytes)
{
	struct nftnl_expr_iter *it = nftnl_expr_iter_create(r);
	struct nftnl_expr *e;
	bool found = false;

	while (it && !found && (e = nftnl_expr_iter_next(it))) {
		if (strcmp(nftnl_expr_get_str(e, NFTNL_EXPR_NAME), "counter"))
			continue;
		nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_PACKETS, packets);
		nftnl_expr_set_u64(e, NFTNL_EXPR_CTR_BYTES, bytes);
		found = true;
	}
	if (it)
		nftnl_expr_iter_destroy(it);
	return found;
}
