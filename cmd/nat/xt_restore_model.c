/* The chains of a restore's open block as its lines so far left them, and
 * their kernel rules, read only when a line looks a rule up (-D, -C, -I N,
 * -R): a restore of appends reads nothing but the table's chains. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libnftnl/chain.h>

#include "xt_restore.h"
#include "xt/nft_whole.h"

static void chain_free(struct xr_chain *c)
{
	nat_ruleset_free(&c->rules);
	free(c->gone);
	c->gone = NULL;
	c->loaded = false;
}

void xr_model_clear(struct xr_table *t)
{
	for (size_t k = 0; k < t->n; k++)
		chain_free(&t->v[k]);
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

struct xr_chain *xr_chain_find(struct xr_table *t, const char *name)
{
	for (size_t k = 0; k < t->n; k++)
		if (!strcmp(t->v[k].name, name))
			return &t->v[k];
	return NULL;
}

struct xr_chain *xr_chain_add(struct xr_table *t, const char *name, bool builtin)
{
	struct xr_chain *c;

	if (t->n == t->cap) {
		size_t cap = t->cap ? 2 * t->cap : 16;
		struct xr_chain *v = realloc(t->v, cap * sizeof(*v));

		if (!v)
			return NULL;
		t->v = v;
		t->cap = cap;
	}
	c = &t->v[t->n++];
	memset(c, 0, sizeof(*c));
	snprintf(c->name, sizeof(c->name), "%s", name);
	c->builtin = builtin;
	c->flushed = true;   /* made here: no kernel rules */
	return c;
}

void xr_chain_remove(struct xr_table *t, struct xr_chain *c)
{
	chain_free(c);
	*c = t->v[--t->n];
}

/* Every chain of the table in the kernel (built-in ones too, for whether
 * they must be made), and whether the table is there. */
int xr_model_load(struct xr *r)
{
	struct nftnl_chain_list *list;
	struct nftnl_chain_list_iter *it;
	struct nftnl_chain *ch;
	int ret = nft_table_exists(&r->nft);

	if (ret <= 0)
		return ret;
	r->tab->table_in_kernel = true;
	ret = 0;
	if (!(list = nft_get_chains(&r->nft)))
		return r->nft.err == ENOENT ? 0 : -1;
	it = nftnl_chain_list_iter_create(list);
	while (it && !ret && (ch = nftnl_chain_list_iter_next(it))) {
		const char *name = nftnl_chain_get_str(ch, NFTNL_CHAIN_NAME);
		bool base = nftnl_chain_is_set(ch, NFTNL_CHAIN_HOOKNUM);
		struct xr_chain *c;

		if (!name || strlen(name) > NAT_CHAIN_MAX)
			continue;   /* no iptables chain */
		if (!(c = xr_chain_add(r->tab, name, base && xt_is_builtin(r->tab->t, name)))) {
			r->nft.err = ENOMEM;
			ret = -1;
			break;
		}
		c->in_kernel = c->exists = true;
		c->flushed = false;
	}
	if (it)
		nftnl_chain_list_iter_destroy(it);
	nftnl_chain_list_free(list);
	return ret;
}

int xr_chain_load(struct xr *r, struct xr_chain *c)
{
	struct run x = { .e = &r->e, .nft = &r->nft };

	if (c->loaded || c->flushed || !c->in_kernel)
		return 0;
	if (nat_load_rules(&x, c->name, false, &c->rules) < 0 && r->nft.err != ENOENT)
		return -1;
	c->gone = calloc(c->rules.n + 1, sizeof(*c->gone));
	if (!c->gone) {
		r->nft.err = ENOMEM;
		return -1;
	}
	c->loaded = true;
	return 0;
}

size_t xr_chain_live(const struct xr_chain *c)
{
	size_t n = 0;

	for (size_t k = 0; c->loaded && k < c->rules.n; k++)
		n += !c->gone[k];
	return n;
}

long xr_chain_nth(const struct xr_chain *c, unsigned int num)
{
	for (size_t k = 0; c->loaded && k < c->rules.n; k++)
		if (!c->gone[k] && --num == 0)
			return (long)k;
	return -1;
}

long xr_chain_match(const struct xr_chain *c, const struct nat_rule *rule)
{
	for (size_t k = 0; c->loaded && k < c->rules.n; k++)
		if (!c->gone[k] && c->rules.v[k].shown &&
		    nat_rule_same(&c->rules.v[k].rule, rule))
			return (long)k;
	return -1;
}
