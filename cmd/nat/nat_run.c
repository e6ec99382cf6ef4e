/* What the nat applet's commands share: the rules of a chain or of the
 * table read back in iptables form, chain lookups, and the table and
 * built-in chain made on first use. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include <linux/netfilter.h>

#include "nat_run.h"

void nat_ruleset_free(struct ruleset *rs)
{
	free(rs->v);
	*rs = (struct ruleset){ 0 };
}

static int ruleset_add(const struct nft_rule_view *nr, void *data)
{
	struct ruleset *rs = data;
	struct entry *en;

	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? 2 * rs->cap : 64;
		struct entry *v = realloc(rs->v, cap * sizeof(*v));

		if (!v) {
			errno = ENOMEM;
			return -1;
		}
		rs->v = v;
		rs->cap = cap;
	}
	en = &rs->v[rs->n++];
	memset(en, 0, sizeof(*en));
	snprintf(en->chain, sizeof(en->chain), "%s", nr->chain);
	en->shown = nat_rule_from_view(nr, &en->rule) == 0;
	en->rule.handle = nr->handle;
	return 0;
}

/* The rules of one chain (or of the table), in order, each converted as it
 * arrives (no second copy of the table in libnftnl's form). A missing
 * chain or table leaves rs empty and returns -1 with nft.err ENOENT. */
int nat_load_rules(struct run *x, const char *chain, bool reset,
		      struct ruleset *rs)
{
	int ret, tries = 0;

	memset(rs, 0, sizeof(*rs));
	do {
		nat_ruleset_free(rs);
		ret = nft_each_rule(x->nft, chain, reset, ruleset_add, rs);
	} while (ret == NFT_RESTART && ++tries < RESTARTS);
	if (ret == NFT_RESTART)
		x->nft->err = EINTR, ret = -1;
	if (ret < 0)
		nat_ruleset_free(rs);
	return ret < 0 ? -1 : 0;
}

/* 1: the chain exists; 0: it does not; -1: the kernel failed. */
int nat_chain_exists(struct run *x, const char *name)
{
	struct nftnl_chain *c = nft_get_chain(x->nft, name);

	if (c) {
		nftnl_chain_free(c);
		return 1;
	}
	return x->nft->err == ENOENT ? 0 : -1;
}


/* The table and, for a built-in chain, the chain: made on first use in
 * the same batch as the change that needs them. */
void nat_ensure_chain(struct run *x, const char *chain)
{
	nft_add_table(x->nft);
	if (builtin(x, chain))
		nft_add_base_chain(x->nft, chain);
}


/* The chain's rules for -I/-R/-D/-C/-Z: a missing chain (or table) is
 * told by *missing, with rs empty, for the command to word as iptables
 * does; other failures are reported here. */
int nat_load_chain(struct run *x, struct ruleset *rs, bool *missing)
{
	int found;

	*missing = false;
	if (nat_load_rules(x, x->q->chain, false, rs) < 0) {
		if (x->nft->err != ENOENT)
			return refused(x, x->q->chain);
		*missing = true;
		return 0;
	}
	if (rs->n)
		return 0;
	/* An empty answer: the kernel filters a dump by chain without saying
	 * whether the chain is there; ask about that one chain. */
	found = nat_chain_exists(x, x->q->chain);
	if (found < 0)
		return refused(x, x->q->chain);
	*missing = !found;
	return 0;
}


/* Rule number num (from 1) of rs, or NULL when rs has no such rule. */
const struct entry *nat_nth(const struct ruleset *rs, unsigned int num)
{
	return rs->v && num >= 1 && num <= rs->n ? &rs->v[num - 1] : NULL;
}


static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* A base chain of the table's built-in ones: its bit in b (and in
 * accepting, when its policy is ACCEPT). */
static void note_builtin(const struct run *x, const struct nftnl_chain *c,
			 struct builtins *b)
{
	const char *name = nftnl_chain_get_str(c, NFTNL_CHAIN_NAME);

	for (size_t k = 0; b && name && k < x->q->table->n_chains; k++) {
		if (strcmp(name, x->q->table->chains[k].name))
			continue;
		b->there |= 1u << k;
		if (nftnl_chain_get_u32(c, NFTNL_CHAIN_POLICY) == NF_ACCEPT)
			b->accepting |= 1u << k;
	}
}

int nat_load_user_chains(struct run *x, struct names *out)
{
	return nat_load_chains(x, out, NULL);
}

int nat_load_chains(struct run *x, struct names *out, struct builtins *b)
{
	struct nftnl_chain_list *list = nft_get_chains(x->nft);
	struct nftnl_chain_list_iter *it;
	struct nftnl_chain *c;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (b)
		memset(b, 0, sizeof(*b));
	if (!list)
		return x->nft->err == ENOENT ? 0 : -1;
	it = nftnl_chain_list_iter_create(list);
	while (it && (c = nftnl_chain_list_iter_next(it))) {
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_HOOKNUM)) {
			note_builtin(x, c, b);
			continue;
		}
		void *v = realloc(out->v, (out->n + 1) * sizeof(*out->v));

		if (!v) {
			x->nft->err = ENOMEM;
			ret = -1;
			break;
		}
		out->v = v;
		snprintf(out->v[out->n++], sizeof(*out->v), "%s",
			 nftnl_chain_get_str(c, NFTNL_CHAIN_NAME));
	}
	if (it)
		nftnl_chain_list_iter_destroy(it);
	nftnl_chain_list_free(list);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), by_name);
	return ret;
}

