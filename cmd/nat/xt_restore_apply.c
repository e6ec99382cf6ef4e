/* A restore's lines turned into changes of its one held batch: the block
 * that replaces (or, --noflush, changes) its table, chain lines, and the
 * iptables commands a restore may carry. Each line checks what it can
 * against the model of the table the lines so far made (xt_restore_model.c);
 * the kernel has the last word when the batch is sent, and its refusal is
 * named by the line that asked for the change. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <libnftnl/rule.h>

#include "nat_words.h"
#include "xt_restore.h"
#include "xt/nft_whole.h"
#include "xt/xt_refuses.h"

/* ---- which line each change came from ---------------------------------- */

/* The chain's name, kept for the message of a change refused later. */
static const char *intern(struct xr *r, const char *name)
{
	char **v, *s;

	if (!name)
		return NULL;
	if (r->n_strings && !strcmp(r->strings[r->n_strings - 1], name))
		return r->strings[r->n_strings - 1];
	v = realloc(r->strings, (r->n_strings + 1) * sizeof(*v));
	if (!v || !(s = strdup(name))) {
		if (v)
			r->strings = v;
		return NULL;
	}
	r->strings = v;
	v[r->n_strings++] = s;
	return s;
}

int xr_mark(struct xr *r, enum nat_cmd cmd, const char *chain)
{
	struct xr_mark *m;

	if (r->n_marks == r->cap_marks) {
		size_t cap = r->cap_marks ? 2 * r->cap_marks : 256;

		m = realloc(r->marks, cap * sizeof(*m));
		if (!m)
			return -1;
		r->marks = m;
		r->cap_marks = cap;
	}
	r->marks[r->n_marks++] = (struct xr_mark){ nft_changes(&r->nft), r->e.line,
						   cmd, intern(r, chain), false };
	return 0;
}

static int out_of_memory(struct xr *r)
{
	return nat_fail(&r->e, NAT_EXIT_RESOURCE, "out of memory");
}

/* ---- blocks and chain lines -------------------------------------------- */

static int open_batch(struct xr *r)
{
	if (r->opened)
		return 0;
	if (nft_open(&r->nft) < 0)
		return NAT_EXIT_RESOURCE;
	r->opened = true;
	nft_begin(&r->nft, &(struct nft_batch_opts){ .held = true, .quiet = true });
	return 0;
}

/* -v's way of replacing a table, iptables-nft-restore's too: every rule
 * flushed and the user chains deleted, chain by chain, so the built-in
 * chains keep their policies until a line uses them (without -v the
 * table goes, and they with it). */
static void flush_chains(struct xr *r)
{
	nft_flush(&r->nft, NULL);
	for (size_t k = r->tab->n; k-- > 0;) {
		struct xr_chain *c = &r->tab->v[k];

		c->flushed = true;
		c->added = 0;
		c->policy_reset = c->builtin && c->exists;
		if (c->builtin || !c->exists)
			continue;
		nft_del_chain(&r->nft, c->name);
		xr_chain_remove(r->tab, c);
	}
}

int xr_open_table(struct xr *r, const struct xr_line *l)
{
	const struct xt_table *t = xt_table_find(l->name);
	int ret = open_batch(r);

	if (ret)
		return ret;
	r->tab = &r->tabs[t == &xt_table_nat];
	r->tab->t = t;
	nft_use_table(&r->nft, t);
	if (!r->tab->loaded) {
		if (xr_model_load(r) < 0)
			return nat_refused(&r->e, &r->nft, NAT_CMD_NONE, NULL);
		r->tab->loaded = true;
		r->tab->table_there = r->tab->table_in_kernel;
	}
	if (xr_mark(r, NAT_CMD_FLUSH, NULL) < 0)
		return out_of_memory(r);
	xr_echo_flush(r);
	if (!r->noflush && r->verbose && r->tab->table_there) {
		flush_chains(r);
		return 0;
	}
	if (!r->noflush && r->tab->table_there) {
		/* the table goes with everything in it: chains, rules, and
		 * nsip's index (rebuilt when next needed); it is made again
		 * only when a line puts something in it */
		nft_del_table(&r->nft);
		xr_model_clear(r->tab);
		r->tab->table_there = false;
	}
	return 0;
}

/* The table, made in the batch before the first thing put in it. */
static void ensure_table(struct xr *r)
{
	if (!r->tab->table_there)
		nft_add_table(&r->nft);
	r->tab->table_there = true;
}

/* A built-in chain, made in the batch when it is not there yet. */
static struct xr_chain *builtin_chain(struct xr *r, const char *name,
				      const struct nft_base_state *s)
{
	struct xr_chain *c = xr_chain_find(r->tab, name);
	struct nft_base_state st = s ? *s : (struct nft_base_state){ 0 };

	if (!c && !(c = xr_chain_add(r->tab, name, true)))
		return NULL;
	ensure_table(r);
	st.create = !c->exists;
	if (c->policy_reset && !st.policy_set) {
		st.policy_set = true;
		st.policy = NF_ACCEPT;
	}
	c->policy_reset = false;
	if (st.create || st.policy_set || st.counters_set)
		nft_put_base_chain(&r->nft, name, &st);
	c->exists = true;
	return c;
}

static int policy_line(struct xr *r, const struct xr_line *l)
{
	struct nft_base_state s = { 0 };

	if (r->counters &&
	    !xr_chain_counters(l->counters, &s.packets, &s.bytes))
		return nat_param_error(&r->e, "invalid policy counters for chain '%s'",
				       l->name);
	s.counters_set = r->counters;
	if (strcmp(l->policy, "-")) {
		s.policy_set = true;
		if (!strcmp(l->policy, "ACCEPT"))
			s.policy = NF_ACCEPT;
		else if (!strcmp(l->policy, "DROP") && r->tab->t->may_drop)
			s.policy = NF_DROP;
		else
			return xr_line_failed(r, "Bad policy name.");
	}
	return builtin_chain(r, l->name, &s) ? 0 : out_of_memory(r);
}

/* A user chain's line: made, or emptied when it is there. */
static int user_chain_line(struct xr *r, const char *name)
{
	struct xr_chain *c = xr_chain_find(r->tab, name);

	if (c && c->exists) {
		nft_flush(&r->nft, name);
		c->flushed = true;
		c->added = 0;
		return 0;
	}
	ensure_table(r);
	nft_add_user_chain(&r->nft, name);
	if (!c && !(c = xr_chain_add(r->tab, name, false)))
		return out_of_memory(r);
	c->exists = true;
	return 0;
}

int xr_chain_line(struct xr *r, const struct xr_line *l)
{
	bool base = xt_is_builtin(r->tab->t, l->name);

	if (strlen(l->name) >= NAT_CHAIN_MAX)
		return nat_param_error(&r->e, "chain name `%s' too long (must be "
				       "under 29 chars)", l->name);
	if (xr_mark(r, base ? NAT_CMD_POLICY : NAT_CMD_NEWCHAIN, l->name) < 0)
		return out_of_memory(r);
	return base ? policy_line(r, l) : user_chain_line(r, l->name);
}

/* ---- iptables words ------------------------------------------------------ */

/* The chain a command names, as the lines so far left it; a built-in
 * chain is always there (made on first use). NULL: no such chain. */
static struct xr_chain *named_chain(struct xr *r, const char *name)
{
	struct xr_chain *c = xr_chain_find(r->tab, name);

	if (c && c->exists)
		return c;
	if (xt_is_builtin(r->tab->t, name))
		return c ? c : xr_chain_add(r->tab, name, true);
	return NULL;
}

static int check_jump(struct xr *r, const struct nat_rule *rule)
{
	struct xr_chain *c;

	if (rule->target != NAT_T_JUMP)
		return 0;
	c = xr_chain_find(r->tab, rule->jump);
	if ((!c || !c->exists || c->builtin) && !r->bad_jump[0])
		snprintf(r->bad_jump, sizeof(r->bad_jump), "%s", rule->jump);
	return 0;
}

int xr_close_table(struct xr *r)
{
	if (r->bad_jump[0])
		return nat_param_error(&r->e, "Chain '%s' does not exist", r->bad_jump);
	return 0;
}

/* The rule of q into the batch at where (handle as nft_add_rule takes
 * it), with its counters when -c gave them. */
static int put_rule(struct xr *r, struct nat_req *q, struct xr_chain *c,
		    enum nft_where where, uint64_t handle, const struct xr_line *l)
{
	struct nftnl_rule *nr;
	uint64_t p, b;

	if (xt_kernel_refuses(r->tab->t, &q->rule)) {
		r->nft.err = EINVAL;
		r->nft.err_type = NFT_MSG_NEWRULE;
		return xr_refused(r, r->e.line, q->cmd, q->chain, &r->nft);
	}
	nft_rule_set_ids(&r->nft, &q->rule);
	if (!(nr = nftnl_rule_alloc()) || nat_rule_to_nftnl(&q->rule, nr) < 0) {
		if (nr)
			nftnl_rule_free(nr);
		return out_of_memory(r);
	}
	if (r->counters && l->pcnt && xr_number(l->pcnt, &p) && xr_number(l->bcnt, &b))
		nft_rule_set_counter(nr, p, b);
	if (c->builtin && !builtin_chain(r, c->name, NULL))
		return out_of_memory(r);
	nft_add_rule_sets(&r->nft, &q->rule);
	nft_add_rule(&r->nft, q->chain, nr, where, handle, false);
	c->added++;
	return 0;
}

/* A lookup by number or by rule among the chain's rules: the kernel's,
 * less those removed. A chain this restore already added rules to is not
 * looked into: the added rules have no handle before the batch is made. */
static int lookup_ready(struct xr *r, struct xr_chain *c)
{
	if (c->added)
		return xr_line_failed(r, "nsip cannot look up rules in a chain this "
				      "restore already added rules to");
	if (xr_chain_load(r, c) < 0)
		return nat_refused(&r->e, &r->nft, NAT_CMD_NONE, c->name);
	return 0;
}

static int cmd_insert(struct xr *r, struct nat_req *q, struct xr_chain *c,
		      const struct xr_line *l)
{
	unsigned int num = q->num ? q->num : 1;
	size_t live;
	long k;
	int ret;

	if (num == 1)
		return put_rule(r, q, c, NFT_BEFORE, 0, l);
	if ((ret = lookup_ready(r, c)))
		return ret;
	live = xr_chain_live(c);
	if (num > live + 1)
		return xr_line_failed(r, "Index of insertion too big.");
	if (num == live + 1)
		return put_rule(r, q, c, NFT_AT_END, 0, l);
	k = xr_chain_nth(c, num);
	return put_rule(r, q, c, NFT_BEFORE, c->rules.v[k].rule.handle, l);
}

/* -D, -C and -R: the rule they name. */
static int cmd_found(struct xr *r, struct nat_req *q, struct xr_chain *c,
		     const struct xr_line *l)
{
	long k;
	int ret = lookup_ready(r, c);

	if (ret)
		return ret;
	k = q->num ? xr_chain_nth(c, q->num) : xr_chain_match(c, &q->rule);
	if (k < 0) {
		if (q->cmd == NAT_CMD_REPLACE)
			return xr_line_failed(r, "Index of replacement too big.");
		if (q->num)
			return xr_line_failed(r, "Index of deletion too big.");
		return xr_line_failed(r, "Bad rule (does a matching rule exist in "
				      "that chain?).");
	}
	if (q->cmd == NAT_CMD_CHECK)
		return 0;
	c->gone[k] = true;
	if (q->cmd == NAT_CMD_REPLACE)
		return put_rule(r, q, c, NFT_REPLACE, c->rules.v[k].rule.handle, l);
	nft_del_rule(&r->nft, c->name, c->rules.v[k].rule.handle);
	return 0;
}

static void flush_chain(struct xr *r, struct xr_chain *c)
{
	c->flushed = true;
	c->added = 0;
	(void)r;
}

static int cmd_flush(struct xr *r, struct nat_req *q)
{
	struct xr_chain *c;

	if (!q->chain) {
		nft_flush(&r->nft, NULL);
		for (size_t k = 0; k < r->tab->n; k++)
			flush_chain(r, &r->tab->v[k]);
		return 0;
	}
	if (!(c = named_chain(r, q->chain)))
		return xr_line_failed(r, "No chain/target/match by that name.");
	if (c->exists)
		nft_flush(&r->nft, q->chain);
	flush_chain(r, c);
	return 0;
}

static int cmd_newchain(struct xr *r, struct nat_req *q)
{
	struct xr_chain *c = xr_chain_find(r->tab, q->chain);

	if ((c && c->exists) || xt_is_builtin(r->tab->t, q->chain))
		return xr_line_failed(r, "Chain already exists.");
	return user_chain_line(r, q->chain);
}

static int cmd_delchain(struct xr *r, struct nat_req *q)
{
	struct xr_chain *c;

	if (!q->chain) {
		for (size_t k = r->tab->n; k-- > 0;) {
			if (r->tab->v[k].builtin || !r->tab->v[k].exists)
				continue;
			nft_del_chain(&r->nft, r->tab->v[k].name);
			xr_chain_remove(r->tab, &r->tab->v[k]);
		}
		return 0;
	}
	c = xr_chain_find(r->tab, q->chain);
	if (!c || !c->exists || c->builtin)
		return xr_line_failed(r, "No chain/target/match by that name.");
	nft_del_chain(&r->nft, q->chain);
	xr_chain_remove(r->tab, c);
	return 0;
}

static int cmd_policy(struct xr *r, struct nat_req *q)
{
	struct nft_base_state s = { .policy_set = true, .policy = NF_ACCEPT };

	if (!xt_is_builtin(r->tab->t, q->chain))
		return xr_line_failed(r, "Bad built-in chain name.");
	if (!strcmp(q->arg, "DROP") && r->tab->t->may_drop)
		s.policy = NF_DROP;
	else if (strcmp(q->arg, "ACCEPT"))
		return xr_line_failed(r, "Bad policy name. Run `dmesg' for more "
				      "information.");
	return builtin_chain(r, q->chain, &s) ? 0 : out_of_memory(r);
}

static int run_rule_cmd(struct xr *r, struct nat_req *q, const struct xr_line *l)
{
	struct xr_chain *c = named_chain(r, q->chain);
	int ret = check_jump(r, &q->rule);

	if (ret)
		return ret;
	if (!c)
		return xr_line_failed(r, "No chain/target/match by that name.");
	switch (q->cmd) {
	case NAT_CMD_APPEND: return put_rule(r, q, c, NFT_AT_END, 0, l);
	case NAT_CMD_INSERT: return cmd_insert(r, q, c, l);
	default: return cmd_found(r, q, c, l);
	}
}

static int run_cmd(struct xr *r, struct nat_req *q, const struct xr_line *l)
{
	if (xr_mark(r, q->cmd, q->chain) < 0)
		return out_of_memory(r);
	r->marks[r->n_marks - 1].fib_dev = q->rule.addrtype.limit_in ||
					   q->rule.addrtype.limit_out;
	switch (q->cmd) {
	case NAT_CMD_APPEND: case NAT_CMD_INSERT: case NAT_CMD_DELETE:
	case NAT_CMD_CHECK: case NAT_CMD_REPLACE:
		if (!(q->cmd == NAT_CMD_DELETE && q->num))
			xr_echo_rule(r, q);
		return run_rule_cmd(r, q, l);
	case NAT_CMD_FLUSH: return cmd_flush(r, q);
	case NAT_CMD_NEWCHAIN: return cmd_newchain(r, q);
	case NAT_CMD_DELCHAIN: return cmd_delchain(r, q);
	case NAT_CMD_POLICY: return cmd_policy(r, q);
	default:
		return xr_line_failed(r, "nsip's iptables-restore takes -A, -I, -D, "
				      "-R, -C, -F, -N, -X and -P only");
	}
}

/* "[P:B]" checked as iptables checks -c's numbers. */
static int check_counters(struct xr *r, const struct xr_line *l)
{
	uint64_t v;

	if (!r->counters || !l->pcnt)
		return 0;
	if (!xr_number(l->pcnt, &v))
		return nat_param_error(&r->e, "-c packet counter not numeric");
	if (!xr_number(l->bcnt, &v))
		return nat_param_error(&r->e, "-c byte counter not numeric");
	return 0;
}

int xr_words_line(struct xr *r, struct xr_line *l)
{
	struct nat_req q = { .cmd = NAT_CMD_NONE };
	struct parse p = { .e = &r->e, .q = &q, .argc = l->argc, .argv = l->argv,
			   .table = r->tab->t->name };
	int ret;

	if ((ret = check_counters(r, l)) || (ret = nat_read_words(&p)))
		return ret;
	if (p.invert)
		return nat_param_error(&r->e, "unexpected '!' flag");
	if (p.help || p.version)
		return xr_line_failed(r, "-h and -V have no place in a restore");
	q.table = r->tab->t;
	if ((ret = nat_build_request(&p)))
		return ret;
	return run_cmd(r, &q, l);
}

/* ---- the end ------------------------------------------------------------- */

static const struct xr_mark *mark_of(const struct xr *r, unsigned int k)
{
	const struct xr_mark *m = &r->marks[0];

	for (size_t i = 1; i < r->n_marks && r->marks[i].first <= k; i++)
		m = &r->marks[i];
	return m;
}

int xr_commit(struct xr *r)
{
	const struct xr_mark *m;

	if (!r->opened || !nft_changes(&r->nft))
		return 0;
	if (nft_commit_held(&r->nft) == 0)
		return 0;
	if (!r->n_marks)
		return nat_refused(&r->e, &r->nft, NAT_CMD_NONE, NULL);
	m = mark_of(r, r->nft.err_index);
	if (r->nft.err == EOPNOTSUPP && m->fib_dev)
		r->nft.err = EINVAL;
	if (r->nft.err == ENOBUFS && r->nft.overflow)
		return nat_fail(&r->e, NAT_EXIT_OTHER,
				"Too many changes for one nftables batch.");
	return xr_refused(r, m->line, m->cmd, m->chain, &r->nft);
}

void xr_free(struct xr *r)
{
	if (r->vout)
		fclose(r->vout);
	free(r->vtext);
	if (r->opened)
		nft_close(&r->nft);
	for (size_t k = 0; k < 2; k++)
		xr_model_clear(&r->tabs[k]);
	for (size_t k = 0; k < r->n_strings; k++)
		free(r->strings[k]);
	free(r->strings);
	free(r->marks);
}
