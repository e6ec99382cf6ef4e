/* -L and -S: the table (or one chain, or one rule) read whole and printed
 * in iptables' listing, in its -S form, or as JSON. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include "nat_run.h"

struct view {
	struct ruleset rules;
	struct names user;
	struct nftnl_chain_list *chains;   /* for the built-ins' counters */
};

static void view_free(struct view *v)
{
	nat_ruleset_free(&v->rules);
	free(v->user.v);
	if (v->chains)
		nftnl_chain_list_free(v->chains);
}

static int load_view(struct run *x, struct view *v)
{
	memset(v, 0, sizeof(*v));
	if (nat_load_user_chains(x, &v->user) < 0)
		return refused(x, NULL);
	if (nat_load_rules(x, NULL, false, &v->rules) < 0 && x->nft->err != ENOENT)
		return refused(x, NULL);
	v->chains = nft_get_chains(x->nft);
	if (!v->chains && x->nft->err != ENOENT)
		return refused(x, NULL);
	return 0;
}

static bool view_has_chain(const struct run *x, const struct view *v,
			   const char *name)
{
	if (builtin(x, name))
		return true;
	for (size_t k = 0; k < v->user.n; k++)
		if (!strcmp(v->user.v[k], name))
			return true;
	return false;
}

/* A built-in chain's counters and policy (a chain not made yet: ACCEPT,
 * nothing counted). */
struct base_info {
	uint64_t packets, bytes;
	const char *policy;
};

static struct base_info base_info(const struct view *v, const char *name)
{
	struct base_info b = { 0, 0, "ACCEPT" };
	struct nftnl_chain_list_iter *it;
	struct nftnl_chain *c;

	if (!v->chains || !(it = nftnl_chain_list_iter_create(v->chains)))
		return b;
	while ((c = nftnl_chain_list_iter_next(it))) {
		if (strcmp(nftnl_chain_get_str(c, NFTNL_CHAIN_NAME), name))
			continue;
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_PACKETS))
			b.packets = nftnl_chain_get_u64(c, NFTNL_CHAIN_PACKETS);
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_BYTES))
			b.bytes = nftnl_chain_get_u64(c, NFTNL_CHAIN_BYTES);
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_POLICY) &&
		    nftnl_chain_get_u32(c, NFTNL_CHAIN_POLICY) == NF_DROP)
			b.policy = "DROP";
	}
	nftnl_chain_list_iter_destroy(it);
	return b;
}

static unsigned int references(const struct view *v, const char *name)
{
	unsigned int n = 0;

	for (size_t k = 0; k < v->rules.n; k++)
		if (v->rules.v[k].shown && v->rules.v[k].rule.target == NAT_T_JUMP &&
		    !strcmp(v->rules.v[k].rule.jump, name))
			n++;
	return n;
}

/* Calls fn for each rule of chain (or only rule number num). */
typedef void rule_fn(struct run *x, const struct entry *en, unsigned int num);

static void each_rule(struct run *x, const struct view *v, const char *chain,
		      rule_fn *fn)
{
	unsigned int num = 0;

	for (size_t k = 0; k < v->rules.n; k++) {
		if (strcmp(v->rules.v[k].chain, chain))
			continue;
		num++;
		if (!x->q->num || x->q->num == num)
			fn(x, &v->rules.v[k], num);
	}
}

static void save_rule(struct run *x, const struct entry *en, unsigned int num)
{
	(void)num;
	if (en->shown)
		nat_print_save(stdout, en->chain, &en->rule, x->q->fmt.verbose);
	else
		nat_print_unshown(stdout, x->q->table->nft_name, en->chain,
				  en->rule.handle);
}

static void save_head(struct run *x, const struct view *v, const char *chain)
{
	struct base_info b;

	if (!builtin(x, chain)) {
		printf("-N %s\n", chain);
		return;
	}
	b = base_info(v, chain);
	printf("-P %s %s", chain, b.policy);
	if (x->q->fmt.verbose)
		printf(" -c %llu %llu", (unsigned long long)b.packets,
		       (unsigned long long)b.bytes);
	putchar('\n');
}

static void list_rule(struct run *x, const struct entry *en, unsigned int num)
{
	if (en->shown)
		nat_print_list_rule(stdout, num, &en->rule, &x->q->fmt);
	else
		nat_print_unshown(stdout, x->q->table->nft_name, en->chain,
				  en->rule.handle);
}

static void list_chain(struct run *x, const struct view *v, const char *chain,
		       bool first)
{
	if (!x->q->num) {
		struct base_info b = base_info(v, chain);

		if (!first)
			putchar('\n');
		nat_print_list_head(stdout, chain, builtin(x, chain) ? b.policy : NULL,
				    b.packets, b.bytes, references(v, chain),
				    &x->q->fmt);
	}
	each_rule(x, v, chain, list_rule);
}

static void json_rule(struct run *x, const struct entry *en, unsigned int num)
{
	nat_print_json(&x->e->c->out, en->chain, num, en->rule.handle,
		       en->shown ? &en->rule : NULL);
}

/* The chains a listing covers, built-ins first, in order. */
static size_t listed_chains(const struct run *x, const struct view *v,
			    const char **out, size_t max)
{
	size_t n = 0;

	if (x->q->chain) {
		out[0] = x->q->chain;
		return 1;
	}
	for (size_t k = 0; k < x->q->table->n_chains && n < max; k++)
		out[n++] = x->q->table->chains[k].name;
	for (size_t k = 0; k < v->user.n && n < max; k++)
		out[n++] = v->user.v[k];
	return n;
}

int nat_cmd_listing(struct run *x)
{
	struct view v;
	const char **chains;
	size_t n;
	int ret = load_view(x, &v);

	if (ret || (x->q->chain && !view_has_chain(x, &v, x->q->chain))) {
		view_free(&v);
		return ret ? ret : no_chain(x);
	}
	chains = malloc((v.user.n + XT_MAX_CHAINS) * sizeof(*chains));
	if (!chains) {
		view_free(&v);
		return nat_fail(x->e, NAT_EXIT_RESOURCE, "out of memory");
	}
	n = listed_chains(x, &v, chains, v.user.n + XT_MAX_CHAINS);
	if (x->q->json) {
		out_list_begin(&x->e->c->out);
		for (size_t k = 0; k < n; k++)
			each_rule(x, &v, chains[k], json_rule);
		out_list_end(&x->e->c->out);
	} else if (x->q->cmd == NAT_CMD_SAVE) {
		for (size_t k = 0; k < n && !x->q->num; k++)
			save_head(x, &v, chains[k]);
		for (size_t k = 0; k < n; k++)
			each_rule(x, &v, chains[k], save_rule);
	} else {
		for (size_t k = 0; k < n; k++)
			list_chain(x, &v, chains[k], k == 0);
	}
	free(chains);
	view_free(&v);
	return 0;
}

