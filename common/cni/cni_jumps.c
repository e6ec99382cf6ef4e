/* The jumps to a container's chain, and whether the chain is there
 * (cni_jumps.h). */
#include "cni/cni_jumps.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <libnftnl/chain.h>

#include "xt/nat_rule.h"

static int take_jump(const struct nft_rule_view *v, void *data)
{
	struct cni_jumps *j = data;
	struct nat_rule r;

	if (nat_rule_from_view(v, &r) == 0 && r.target == NAT_T_JUMP &&
	    !strcmp(r.jump, j->to) && j->n < CNI_JUMPS_MAX)
		j->handles[j->n++] = r.handle;
	return 0;
}

int cni_jumps_find(struct nft *n, const char *from, struct cni_jumps *j)
{
	int got;

	do
		got = nft_each_rule(n, from, false, take_jump, j);
	while (got == NFT_RESTART && (j->n = 0, true));
	return got < 0 && n->err != ENOENT ? -1 : 0;
}

int cni_chain_there(struct nft *n, const char *chain)
{
	struct nftnl_chain *c = nft_get_chain(n, chain);

	if (c) {
		nftnl_chain_free(c);
		return 1;
	}
	return n->err == ENOENT ? 0 : -1;
}
