/* The chains a batch group's -D RULE lines look into, each read once per
 * group (see nat_run.h's struct group_chain). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "nat_run.h"

static struct group_chain *cached(struct group_rules *g, const struct xt_table *t,
				  const char *name)
{
	for (size_t k = 0; k < g->n; k++)
		if (g->v[k].t == t && !strcmp(g->v[k].name, name))
			return &g->v[k];
	return NULL;
}

struct group_chain *nat_group_rules(struct group_rules *g, struct run *x, int *code)
{
	struct group_chain *c, *v;

	if (!g)
		return NULL;
	if ((c = cached(g, x->q->table, x->q->chain)))
		return c;
	if (!(v = realloc(g->v, (g->n + 1) * sizeof(*v)))) {
		*code = nat_fail(x->e, NAT_EXIT_RESOURCE, "out of memory");
		return NULL;
	}
	g->v = v;
	c = &v[g->n];
	memset(c, 0, sizeof(*c));
	c->t = x->q->table;
	snprintf(c->name, sizeof(c->name), "%s", x->q->chain);
	/* a chain (or table) not there has no rules to find */
	if (nat_load_rules(x, x->q->chain, false, &c->rs) < 0 && x->nft->err != ENOENT) {
		*code = refused(x, x->q->chain);
		return NULL;
	}
	if (!(c->gone = calloc(c->rs.n + 1, sizeof(*c->gone)))) {
		nat_ruleset_free(&c->rs);
		*code = nat_fail(x->e, NAT_EXIT_RESOURCE, "out of memory");
		return NULL;
	}
	g->n++;
	return c;
}

long nat_group_find(const struct group_chain *c, const struct nat_rule *r)
{
	for (size_t k = 0; k < c->rs.n; k++)
		if (!c->gone[k] && c->rs.v[k].shown && nat_rule_same(&c->rs.v[k].rule, r))
			return (long)k;
	return -1;
}

void nat_group_rules_free(struct group_rules *g)
{
	for (size_t k = 0; k < g->n; k++) {
		nat_ruleset_free(&g->v[k].rs);
		free(g->v[k].gone);
	}
	free(g->v);
	*g = (struct group_rules){ 0 };
}
