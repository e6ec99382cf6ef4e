/* The parts of nsip's nat table that ipMasq and portmap share
 * (cni_nat.h). */
#include "cni/cni_nat.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

int cni_nat_put(struct nft *n, const char *chain, const struct nat_rule *r)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	if (!nr || nat_rule_to_nftnl(r, nr) < 0) {
		if (nr)
			nftnl_rule_free(nr);
		return -1;
	}
	nft_add_rule(n, chain, nr, NFT_AT_END, 0, false);
	return 0;
}

struct nat_addr_match cni_nat_net(const struct cni_ip_addr *a, int prefix)
{
	struct nat_addr_match m = { true, false, 0,
				    prefix ? htonl(~0u << (32 - prefix)) : 0 };

	memcpy(&m.addr, a->bytes, 4);
	m.addr &= m.mask;
	return m;
}

int cni_nat_failed(struct nft *n, struct cni_err *e, const char *what)
{
	char t[64];

	return cni_fail(e, CNI_E_GENERIC, "%s: %s", what,
			cni_strerror(n->err ? n->err : EIO, t, sizeof(t)));
}

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
