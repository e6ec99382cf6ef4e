/* Consecutive nat lines of a -batch as one nftables transaction.
 *
 * The rule, kept simple on purpose: each nat line is parsed and checked
 * when it is read, and its changes are added to one held nfnetlink batch
 * (see nft_commit_held). The batch goes to the kernel when a line of
 * another applet comes or the batch file ends, so the group is all or
 * nothing. A line that fails on its own (bad words, no such rule) drops
 * the whole group before anything is sent; a change the kernel refuses
 * fails the whole group too, and `Command failed FILE:LINE` names the line
 * that asked for it. Lookups made by a line see the table as it was before
 * the group: a rule added in a group cannot be deleted later in it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>

#include "nat_run.h"
#include "base/err.h"
#include "xt/nft.h"

/* What a refusal message needs to know about a line. */
struct nat_line {
	int lineno;
	unsigned int first;           /* the batch's first change of its own */
	enum nat_cmd cmd;
	char chain[256];
	bool has_chain;
};

struct nat_group {
	struct nft nft;
	bool opened;
	struct nat_env env;           /* who speaks in messages */
	struct nat_line *lines;
	size_t n;
	/* Built-in chains checked: nat's and filter's, each in its order. */
	bool known[2][XT_MAX_CHAINS];
	struct group_rules rules;     /* chains read for -D RULE */
};

int nat_group_begin(struct ctx *c)
{
	c->group = calloc(1, sizeof(struct nat_group));
	return c->group ? 0 : -1;
}

static int add_line(struct nat_group *g, const struct ctx *c, const struct nat_req *q)
{
	struct nat_line *v = realloc(g->lines, (g->n + 1) * sizeof(*v));

	if (!v)
		return -1;
	g->lines = v;
	v[g->n] = (struct nat_line){ .lineno = c->batch_line,
				     .first = nft_changes(&g->nft), .cmd = q->cmd,
				     .has_chain = q->chain != NULL };
	if (q->chain)
		snprintf(v[g->n].chain, sizeof(v[g->n].chain), "%s", q->chain);
	g->n++;
	return 0;
}

struct nft *nat_group_nft(const struct nat_env *e, const struct nat_req *q)
{
	struct nat_group *g = e->c->group;

	if (!g)
		return NULL;
	if (!g->opened) {
		if (nft_open(&g->nft) < 0)
			return NULL;
		g->opened = true;
		g->env = *e;
	}
	if (add_line(g, e->c, q) < 0) {
		errmsg("Out of memory");
		return NULL;
	}
	return &g->nft;
}

bool *nat_group_chain_known(struct ctx *c, const struct xt_table *t,
			    const char *chain)
{
	struct nat_group *g = c->group;
	const struct xt_base_chain *b = xt_table_chain(t, chain);

	if (!g || !b)
		return NULL;
	return &g->known[t == &xt_table_filter][b - t->chains];
}

struct group_rules *nat_group_cache(struct ctx *c)
{
	struct nat_group *g = c->group;

	return g ? &g->rules : NULL;
}

/* The line that asked for change number k of the group's batch: the last
 * one whose changes start at or before it (a line that changed nothing
 * starts where the next one does). With no one change to blame (the batch
 * as a whole was refused), the group's first line. */
static const struct nat_line *line_of(const struct nat_group *g, unsigned int k)
{
	const struct nat_line *l = &g->lines[0];

	if (k >= nft_changes(&g->nft))
		return l;
	for (size_t i = 1; i < g->n && g->lines[i].first <= k; i++)
		l = &g->lines[i];
	return l;
}

/* The message for the change of the group the kernel refused. */
static void group_refused(const struct nat_env *e, const struct nft *n,
			  const struct nat_line *l)
{
	const char *chain = l->has_chain ? l->chain : NULL;

	if (n->err == EEXIST && n->err_type == NFT_MSG_NEWCHAIN)
		nat_fail(e, NAT_EXIT_OTHER, "Chain already exists.");
	else
		nat_refused(e, n, l->cmd, chain);
}

int nat_group_end(struct ctx *c)
{
	struct nat_group *g = c->group;
	int failed = 0;

	if (g && g->opened && nft_commit_held(&g->nft) < 0) {
		const struct nat_line *l = line_of(g, g->nft.err_index);

		group_refused(&g->env, &g->nft, l);
		failed = l->lineno;
	}
	nat_group_drop(c);
	return failed;
}

void nat_group_drop(struct ctx *c)
{
	struct nat_group *g = c->group;

	if (!g)
		return;
	if (g->opened)
		nft_close(&g->nft);
	nat_group_rules_free(&g->rules);
	free(g->lines);
	free(g);
	c->group = NULL;
}
