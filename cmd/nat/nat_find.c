/* -D and -C: the rule the words name, found through nsip's index
 * (common/xt/nat_index.h) when it is to be trusted, else by reading the
 * chain (-C, and -D in a batch group) or the table (-D, which then writes
 * the index anew); -D NUM reads the rules of its chain. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include "nat_run.h"
#include "xt/nat_index.h"

/* -D RULE and -C: the rules of the chain are read one by one and the
 * first one that is the request's rule ends the read. Nothing is kept, so
 * time and memory do not grow with what comes after it. */
struct finding {
	const struct nat_rule *want;
	uint64_t handle;
	bool found;
};

static int match_one(const struct nft_rule_view *nr, void *data)
{
	struct finding *f = data;
	struct nat_rule r;

	if (nat_rule_from_view(nr, &r) < 0 || !nat_rule_same(&r, f->want))
		return 0;
	f->handle = nr->handle;
	f->found = true;
	return 1;
}

/* 1 found (handle in f), 0 not there (or no such chain), or an exit code
 * after the message, as a negative number. */
static int find_first(struct run *x, struct finding *f)
{
	int ret, tries = 0;

	do {
		*f = (struct finding){ .want = &x->q->rule };
		ret = nft_each_rule(x->nft, x->q->chain, false, match_one, f);
	} while (ret == NFT_RESTART && ++tries < RESTARTS);
	if (ret == NFT_RESTART)
		x->nft->err = EINTR, ret = -1;
	if (ret < 0 && x->nft->err != ENOENT)
		return -refused(x, x->q->chain);
	return f->found;
}

/* The index of the rule -D NUM means, or -1 after saying why there is none. */
static long rule_to_delete(struct run *x, const struct ruleset *rs, bool missing)
{
	if (missing)
		no_chain(x);
	else if (x->q->num > rs->n)
		nat_fail(x->e, NAT_EXIT_OTHER, "Index of deletion too big.");
	else
		return (long)x->q->num - 1;
	return -1;
}

/* ---- -C and -D RULE through the index ---------------------------------- */

/* What the index said about the request's rule. */
struct indexed {
	uint32_t gen;
	struct nat_digest d;
	struct nat_index_entry e;
	bool found;               /* e.handle is checked to be the rule */
};

/* 1 when the index answered (ix->found: the rule is there, as its first
 * entry says), 0 when it cannot: not trusted, or its entry is not the
 * rule (digests met by chance). Kernel failures count as 0: the read that
 * follows reports them. */
static int index_lookup(struct run *x, struct indexed *ix)
{
	struct finding f = { .want = &x->q->rule };
	int got;

	memset(ix, 0, sizeof(*ix));
	if (nat_index_trusted(x->nft, &ix->gen) != 1)
		return 0;
	nat_digest(x->q->chain, &x->q->rule, &ix->d);
	got = nat_index_get(x->nft, &ix->d, &ix->e);
	if (got <= 0)
		return got == 0;
	if (nft_get_rule(x->nft, x->q->chain, ix->e.handle, match_one, &f) < 0 ||
	    !f.found)
		return 0;
	ix->found = true;
	return 1;
}

/* Whether the ruleset is still at generation gen: the index's "no such
 * rule" holds only for the generation it was read at. */
static bool still_at(struct run *x, uint32_t gen)
{
	uint32_t now;

	return nft_get_gen(x->nft, &now) == 0 && now == gen;
}

/* Opens a batch that only generation gen can take: what it was computed
 * from is then what it changes. */
static void begin_at(struct run *x, uint32_t gen, bool large)
{
	nft_begin(x->nft, &(struct nft_batch_opts){ .large = large,
						    .at_gen = true, .gen = gen });
}

/* What a batch begun at a generation (begin_at) made: 0, AGAIN when the
 * ruleset had moved on (nothing was changed), or an exit code after the
 * message. */
static int commit_at(struct run *x)
{
	if (nft_commit(x->nft) == 0)
		return 0;
	return x->nft->err == ERESTART ? AGAIN : refused(x, x->q->chain);
}

/* The one rule with its digest: it and its entry go, and the index is
 * true at the generation this makes. */
static int delete_indexed(struct run *x, const struct indexed *ix)
{
	begin_at(x, ix->gen, false);
	nft_del_rule(x->nft, x->q->chain, ix->e.handle);
	nat_index_del(x->nft, &ix->d);
	nat_index_forget_gens(x->nft);
	nat_index_stamp(x->nft, ix->gen + 1);
	return commit_at(x);
}

/* The first rule like the request's that is not the one the index names:
 * the next one, read from the head of the chain. */
struct next_like {
	const struct nat_rule *want;
	uint64_t skip, handle;
	bool found;
};

static int match_next(const struct nft_rule_view *nr, void *data)
{
	struct next_like *nl = data;
	uint64_t handle = nr->handle;
	struct nat_rule r;

	if (handle == nl->skip || nat_rule_from_view(nr, &r) < 0 ||
	    !nat_rule_same(&r, nl->want))
		return 0;
	nl->handle = handle;
	nl->found = true;
	return 1;
}

/* One of several same rules: the first goes, and the entry names the next
 * one, which the chain is read for (up to it). AGAIN when that read does
 * not find it (the index's count was wrong) or was interrupted: the table
 * is then read whole. */
static int delete_first_of_many(struct run *x, const struct indexed *ix)
{
	struct next_like nl = { &x->q->rule, ix->e.handle, 0, false };
	struct nat_index_entry e;

	if (nft_each_rule(x->nft, x->q->chain, false, match_next, &nl) < 0 ||
	    !nl.found)
		return AGAIN;
	e = (struct nat_index_entry){ nl.handle, ix->e.count - 1 };
	begin_at(x, ix->gen, false);
	nft_del_rule(x->nft, x->q->chain, ix->e.handle);
	nat_index_del(x->nft, &ix->d);
	nat_index_put(x->nft, &ix->d, &e);
	nat_index_forget_gens(x->nft);
	nat_index_stamp(x->nft, ix->gen + 1);
	return commit_at(x);
}

/* A read of the whole table: every rule into the new index, and the first
 * that is the request's. */
struct survey {
	struct run *x;
	struct nat_index_build build;
	uint64_t handle;
	bool found;
};

static int survey_one(const struct nft_rule_view *nr, void *data)
{
	struct survey *s = data;
	const char *chain = nr->chain;
	uint64_t handle = nr->handle;
	struct nat_rule r;

	if (nat_rule_from_view(nr, &r) < 0)
		return 0;
	nat_index_build_add(&s->build, chain, &r, handle);
	if (!s->found && !strcmp(chain, s->x->q->chain) &&
	    nat_rule_same(&r, &s->x->q->rule)) {
		s->found = true;
		s->handle = handle;
	}
	return 0;
}

/* -D RULE when the index cannot say: the table is read, and the rule's
 * deletion carries the index made from that read. 0 or an exit code, or
 * AGAIN when the ruleset moved on during the read. */
static int delete_surveyed(struct run *x)
{
	struct survey s = { .x = x };
	uint32_t gen;
	int ret;

	if (nft_get_gen(x->nft, &gen) < 0)
		return refused(x, x->q->chain);
	ret = nft_each_rule(x->nft, NULL, false, survey_one, &s);
	if (ret < 0 && x->nft->err != ENOENT)
		ret = refused(x, x->q->chain);
	else if (ret == NFT_RESTART)
		ret = AGAIN;
	else if (!s.found)
		ret = bad_rule(x);
	else if (s.build.failed)
		ret = nat_fail(x->e, NAT_EXIT_RESOURCE, "out of memory");
	else {
		begin_at(x, gen, true);
		nft_del_rule(x->nft, x->q->chain, s.handle);
		nat_index_create(x->nft);
		nat_index_clear(x->nft);
		nat_index_build_put(x->nft, &s.build, s.handle);
		nat_index_stamp(x->nft, gen + 1);
		if (x->nft->overflow) {   /* an index too big for a batch: none */
			begin_at(x, gen, true);
			nft_del_rule(x->nft, x->q->chain, s.handle);
		}
		ret = commit_at(x);
	}
	nat_index_build_free(&s.build);
	return ret;
}

/* -D RULE: by the index when it knows the rule (with a read of the chain
 * up to the next same rule when there are several), by a read of the
 * table otherwise. */
static int delete_found(struct run *x)
{
	struct indexed ix;
	int ret = AGAIN;
	bool whole = false;   /* the index failed once: read the table */

	for (int tries = 0; ret == AGAIN && tries < RESTARTS; tries++) {
		if (whole || index_lookup(x, &ix) != 1) {
			ret = delete_surveyed(x);
		} else if (!ix.found) {
			ret = still_at(x, ix.gen) ? bad_rule(x) : delete_surveyed(x);
		} else if (ix.e.count == 1) {
			ret = delete_indexed(x, &ix);
		} else {
			ret = delete_first_of_many(x, &ix);
			whole = ret == AGAIN;
		}
	}
	if (ret == AGAIN) {
		x->nft->err = EINTR;
		return refused(x, x->q->chain);
	}
	return ret;
}

/* In a batch group nothing is sent before the end: the chain is read, once
 * for the whole group, and the rules its lines delete are marked so (two
 * lines deleting two same rules delete the first and then the second). */
static int delete_found_held(struct run *x)
{
	int code = NAT_EXIT_OTHER;
	struct group_chain *c = nat_group_rules(nat_group_cache(x->e->c), x, &code);
	long k;

	if (!c)
		return code;
	if ((k = nat_group_find(c, &x->q->rule)) < 0)
		return bad_rule(x);
	c->gone[k] = true;
	nat_begin(x);
	nft_del_rule(x->nft, x->q->chain, c->rs.v[k].rule.handle);
	return nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
}

int nat_cmd_delete(struct run *x)
{
	struct ruleset rs;
	bool missing;
	long k;
	int ret;

	if (!x->q->num) {
		ret = x->held ? delete_found_held(x) : delete_found(x);
		if (!ret)   /* the rule was found, and is gone */
			echo_rule(x);
		return ret;
	}
	if ((ret = nat_load_chain(x, &rs, &missing)))
		return ret;
	k = rule_to_delete(x, &rs, missing);
	if (k < 0) {
		ret = NAT_EXIT_OTHER;
	} else {
		nat_begin(x);
		nft_del_rule(x->nft, x->q->chain, rs.v[k].rule.handle);
		ret = nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
	}
	nat_ruleset_free(&rs);
	return ret;
}

int nat_cmd_check(struct run *x)
{
	struct indexed ix;
	struct finding f;
	int ret;

	if (!x->held && index_lookup(x, &ix) == 1 &&
	    (ix.found || still_at(x, ix.gen)))
		ret = ix.found;
	else if ((ret = find_first(x, &f)) < 0)
		return -ret;
	if (!ret)
		return bad_rule(x);
	echo_rule(x);
	return 0;
}

