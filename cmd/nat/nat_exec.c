/* The nat applet's commands against nsip's table `ip nsip`.
 *
 * Each change is one batch. Reads are as narrow as the command allows:
 * -A reads no rule (a jump target: only that chain), -I/-R and -D NUM read
 * the rules of their one chain; -C and -D RULE ask nsip's index
 * (common/nat_index.h) and read the rule it names, and only when the index
 * is not to be trusted do they read the chain (-C) or the table (-D, which
 * then writes the index anew); listings and -X without a chain read the
 * whole table. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include "nat.h"
#include "xt/nat_index.h"
#include "xt/nft.h"

/* A dump the ruleset's changes keep interrupting is given up after this
 * many tries. */
#define RESTARTS 10
/* What a step that read the ruleset returns when the ruleset changed
 * under it: nothing was done, and it is tried again. */
#define AGAIN (-1)

struct run {
	const struct nat_env *e;
	struct nat_req *q;
	struct nft *nft;          /* its own, or the batch group's */
};

/* A rule read back: its chain, and its iptables form when it has one. */
struct entry {
	char chain[256];
	struct nat_rule rule;
	bool shown;
};

struct ruleset {
	struct entry *v;
	size_t n, cap;
};

/* The kernel said no; what, in iptables-nft's words. */
static int refused(struct run *x, const char *chain)
{
	return nat_refused(x->e, x->nft, x->q->cmd, chain);
}

static int no_chain(struct run *x)
{
	return nat_no_chain(x->e);
}

static int bad_rule(struct run *x)
{
	return nat_bad_rule(x->e);
}

/* ---- reading ---------------------------------------------------------- */

static void ruleset_free(struct ruleset *rs)
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
static int load_rules(struct run *x, const char *chain, bool reset,
		      struct ruleset *rs)
{
	int ret, tries = 0;

	memset(rs, 0, sizeof(*rs));
	do {
		ruleset_free(rs);
		ret = nft_each_rule(x->nft, chain, reset, ruleset_add, rs);
	} while (ret == NFT_RESTART && ++tries < RESTARTS);
	if (ret == NFT_RESTART)
		x->nft->err = EINTR, ret = -1;
	if (ret < 0)
		ruleset_free(rs);
	return ret < 0 ? -1 : 0;
}

/* 1: the chain exists; 0: it does not; -1: the kernel failed. */
static int chain_exists(struct run *x, const char *name)
{
	struct nftnl_chain *c = nft_get_chain(x->nft, name);

	if (c) {
		nftnl_chain_free(c);
		return 1;
	}
	return x->nft->err == ENOENT ? 0 : -1;
}

/* ---- changes ---------------------------------------------------------- */

/* The table and, for a built-in chain, the chain: made on first use in
 * the same batch as the change that needs them. */
static void ensure_chain(struct run *x, const char *chain)
{
	nft_add_table(x->nft);
	if (nft_is_builtin(chain))
		nft_add_base_chain(x->nft, chain);
}

/* One batch with the rule, and with its table and chain when asked. */
static int send_rule(struct run *x, enum nft_where where, uint64_t handle,
		     bool with_chain)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	if (!nr || nat_rule_to_nftnl(&x->q->rule, nr) < 0) {
		if (nr)
			nftnl_rule_free(nr);
		x->nft->err = ENOMEM;
		return -1;
	}
	nft_begin(x->nft);
	if (with_chain)
		ensure_chain(x, x->q->chain);
	nft_add_rule(x->nft, x->q->chain, nr, where, handle);
	return nft_commit(x->nft);
}

/* In a held group nothing is sent before the end, so there is no failed
 * first try to learn from: a built-in chain is asked about once per group
 * and made in the group's batch when it is missing. */
static int held_put_rule(struct run *x, enum nft_where where, uint64_t handle)
{
	bool *known = nat_group_chain_known(x->e->c, x->q->chain);
	int found = 1;

	if (known && !*known) {
		found = chain_exists(x, x->q->chain);
		if (found < 0)
			return refused(x, x->q->chain);
		*known = true;
	}
	return send_rule(x, where, handle, !found) < 0 ? refused(x, x->q->chain) : 0;
}

/* Most rules go to a chain that is there: the rule alone. A built-in
 * chain met for the first time is made with the rule, in the retried
 * batch. (Sending an existing base chain again is not free: the kernel
 * updates its hook, some 10 ms.) */
static int put_rule(struct run *x, enum nft_where where, uint64_t handle)
{
	if (x->nft->hold)
		return held_put_rule(x, where, handle);

	int ret = send_rule(x, where, handle, false);

	if (ret < 0 && x->nft->err == ENOENT && nft_is_builtin(x->q->chain))
		ret = send_rule(x, where, handle, true);
	return ret < 0 ? refused(x, x->q->chain) : 0;
}

static int check_jump(struct run *x)
{
	const struct nat_rule *r = &x->q->rule;
	int found;

	if (r->target != NAT_T_JUMP)
		return 0;
	found = chain_exists(x, r->jump);
	if (found < 0)
		return refused(x, r->jump);
	if (!found || nft_is_builtin(r->jump))
		return nat_param_error(x->e, "Chain '%s' does not exist", r->jump);
	return 0;
}

/* After -A made its rule (its handle echoed): the rule's entry, and the
 * generation that makes, in a batch that only the generation the rule's
 * own batch made can take. A failure leaves the index untrusted, which is
 * safe: it is not reported. */
static void index_appended(struct run *x, uint32_t gen, const struct nat_digest *d,
			   const struct nat_index_entry *had)
{
	struct nat_index_entry e = { x->nft->echo_handle, 1 };

	x->nft->genid_set = true;
	x->nft->genid = gen + 1;
	nft_begin(x->nft);
	if (had) {   /* a rule like it comes first: only the count moves */
		e = (struct nat_index_entry){ had->handle, had->count + 1 };
		nat_index_del(x->nft, d);
	}
	nat_index_put(x->nft, d, &e);
	nat_index_stamp(x->nft, gen + 2);
	nft_commit(x->nft);
	x->nft->genid_set = false;
}

static int cmd_append(struct run *x)
{
	struct nat_index_entry e;
	struct nat_digest d;
	uint32_t gen;
	int ret = check_jump(x), trusted = 0, had = 0;

	if (ret)
		return ret;
	if (!x->nft->hold && nat_index_trusted(x->nft, &gen) == 1) {
		nat_digest(x->q->chain, &x->q->rule, &d);
		had = nat_index_get(x->nft, &d, &e);
		trusted = had >= 0;
	}
	x->nft->echo = trusted;
	ret = put_rule(x, NFT_AT_END, 0);
	x->nft->echo = false;
	if (!ret && trusted && x->nft->echoed)
		index_appended(x, gen, &d, had ? &e : NULL);
	return ret;
}

/* The chain's rules for -I/-R/-D/-C/-Z: a missing chain (or table) is
 * told by *missing, with rs empty, for the command to word as iptables
 * does; other failures are reported here. */
static int load_chain(struct run *x, struct ruleset *rs, bool *missing)
{
	int found;

	*missing = false;
	if (load_rules(x, x->q->chain, false, rs) < 0) {
		if (x->nft->err != ENOENT)
			return refused(x, x->q->chain);
		*missing = true;
		return 0;
	}
	if (rs->n)
		return 0;
	/* An empty answer: the kernel filters a dump by chain without saying
	 * whether the chain is there; ask about that one chain. */
	found = chain_exists(x, x->q->chain);
	if (found < 0)
		return refused(x, x->q->chain);
	*missing = !found;
	return 0;
}

static int cmd_insert(struct run *x)
{
	struct ruleset rs;
	unsigned int num = x->q->num ? x->q->num : 1;
	bool missing;
	int ret = check_jump(x);

	if (ret)
		return ret;
	if (num == 1)
		return put_rule(x, NFT_BEFORE, 0);
	if ((ret = load_chain(x, &rs, &missing)))
		return ret;
	if (missing && !nft_is_builtin(x->q->chain))
		ret = no_chain(x);
	else if (num > rs.n + 1)
		ret = nat_fail(x->e, NAT_EXIT_OTHER, "Index of insertion too big.");
	else if (num == rs.n + 1)
		ret = put_rule(x, NFT_AT_END, 0);
	else
		ret = put_rule(x, NFT_BEFORE, rs.v[num - 1].rule.handle);
	ruleset_free(&rs);
	return ret;
}

/* Rule number num (from 1) of rs, or NULL when rs has no such rule. */
static const struct entry *nth(const struct ruleset *rs, unsigned int num)
{
	return rs->v && num >= 1 && num <= rs->n ? &rs->v[num - 1] : NULL;
}

static int cmd_replace(struct run *x)
{
	const struct entry *en;
	struct ruleset rs;
	bool missing;
	int ret = check_jump(x);

	if (ret || (ret = load_chain(x, &rs, &missing)))
		return ret;
	if (missing)
		ret = no_chain(x);
	else if (!(en = nth(&rs, x->q->num)))
		ret = nat_fail(x->e, NAT_EXIT_OTHER, "Index of replacement too big.");
	else
		ret = put_rule(x, NFT_REPLACE, en->rule.handle);
	ruleset_free(&rs);
	return ret;
}

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

/* What a batch computed at a generation made: 0, AGAIN when the ruleset
 * had moved on (nothing was changed), or an exit code after the message. */
static int commit_at(struct run *x, uint32_t gen)
{
	int ret;

	x->nft->genid_set = true;
	x->nft->genid = gen;
	ret = nft_commit(x->nft);
	x->nft->genid_set = false;
	if (ret == 0)
		return 0;
	return x->nft->err == ERESTART ? AGAIN : refused(x, x->q->chain);
}

/* The one rule with its digest: it and its entry go, and the index is
 * true at the generation this makes. */
static int delete_indexed(struct run *x, const struct indexed *ix)
{
	nft_begin(x->nft);
	nft_del_rule(x->nft, x->q->chain, ix->e.handle);
	nat_index_del(x->nft, &ix->d);
	nat_index_forget_gens(x->nft);
	nat_index_stamp(x->nft, ix->gen + 1);
	return commit_at(x, ix->gen);
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
	nft_begin(x->nft);
	nft_del_rule(x->nft, x->q->chain, ix->e.handle);
	nat_index_del(x->nft, &ix->d);
	nat_index_put(x->nft, &ix->d, &e);
	nat_index_forget_gens(x->nft);
	nat_index_stamp(x->nft, ix->gen + 1);
	return commit_at(x, ix->gen);
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
		x->nft->large = true;
		nft_begin(x->nft);
		nft_del_rule(x->nft, x->q->chain, s.handle);
		nat_index_create(x->nft);
		nat_index_clear(x->nft);
		nat_index_build_put(x->nft, &s.build, s.handle);
		nat_index_stamp(x->nft, gen + 1);
		if (x->nft->overflow) {   /* an index too big for a batch: none */
			nft_begin(x->nft);
			nft_del_rule(x->nft, x->q->chain, s.handle);
		}
		ret = commit_at(x, gen);
		x->nft->large = false;
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

/* In a batch group nothing is sent before the end: the chain is read. */
static int delete_found_held(struct run *x)
{
	struct finding f;
	int ret = find_first(x, &f);

	if (ret < 0)
		return -ret;
	if (!ret)
		return bad_rule(x);
	nft_begin(x->nft);
	nft_del_rule(x->nft, x->q->chain, f.handle);
	return nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
}

static int cmd_delete(struct run *x)
{
	struct ruleset rs;
	bool missing;
	long k;
	int ret;

	if (!x->q->num)
		return x->nft->hold ? delete_found_held(x) : delete_found(x);
	if ((ret = load_chain(x, &rs, &missing)))
		return ret;
	k = rule_to_delete(x, &rs, missing);
	if (k < 0) {
		ret = NAT_EXIT_OTHER;
	} else {
		nft_begin(x->nft);
		nft_del_rule(x->nft, x->q->chain, rs.v[k].rule.handle);
		ret = nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
	}
	ruleset_free(&rs);
	return ret;
}

static int cmd_check(struct run *x)
{
	struct indexed ix;
	struct finding f;
	int ret;

	if (!x->nft->hold && index_lookup(x, &ix) == 1 &&
	    (ix.found || still_at(x, ix.gen)))
		return ix.found ? 0 : bad_rule(x);
	ret = find_first(x, &f);

	if (ret < 0)
		return -ret;
	return ret ? 0 : bad_rule(x);
}

/* A missing table or built-in chain has nothing to flush or zero. */
static int absent_ok(struct run *x)
{
	const char *chain = x->q->chain;

	if (x->nft->err == ENOENT && (!chain || nft_is_builtin(chain)))
		return 0;
	return refused(x, chain);
}

static int cmd_flush(struct run *x)
{
	nft_begin(x->nft);
	nft_flush(x->nft, x->q->chain);
	return nft_commit(x->nft) < 0 ? absent_ok(x) : 0;
}

static int cmd_zero(struct run *x)
{
	const struct entry *en;
	struct ruleset rs;
	bool missing;
	int ret;

	if (!x->q->num) {
		/* A dump of a chain that is not there is empty, not an error:
		 * a user chain is looked up first, as iptables does. */
		if (x->q->chain && !nft_is_builtin(x->q->chain)) {
			int there = chain_exists(x, x->q->chain);

			if (there <= 0)
				return there < 0 ? refused(x, x->q->chain) : no_chain(x);
		}
		if (load_rules(x, x->q->chain, true, &rs) < 0)
			return absent_ok(x);
		ruleset_free(&rs);
		return 0;
	}
	/* One rule: find its handle in its chain, then zero only it. A number
	 * past the end zeroes nothing, as in iptables. */
	if ((ret = load_chain(x, &rs, &missing)))
		return ret;
	if (missing)
		ret = bad_rule(x);
	else if ((en = nth(&rs, x->q->num)) &&
		 nft_reset_rule(x->nft, x->q->chain, en->rule.handle) < 0)
		ret = refused(x, x->q->chain);
	ruleset_free(&rs);
	return ret;
}

static int cmd_newchain(struct run *x)
{
	if (nft_is_builtin(x->q->chain))
		return nat_fail(x->e, NAT_EXIT_OTHER, "Chain already exists.");
	nft_begin(x->nft);
	nft_add_table(x->nft);
	nft_add_user_chain(x->nft, x->q->chain);
	if (nft_commit(x->nft) == 0)
		return 0;
	if (x->nft->err == EEXIST)
		return nat_fail(x->e, NAT_EXIT_OTHER, "Chain already exists.");
	return refused(x, x->q->chain);
}

/* The names of the table's user chains, sorted as iptables lists them. */
struct names {
	char (*v)[256];
	size_t n;
};

static int by_name(const void *a, const void *b)
{
	return strcmp(a, b);
}

static int load_user_chains(struct run *x, struct names *out)
{
	struct nftnl_chain_list *list = nft_get_chains(x->nft);
	struct nftnl_chain_list_iter *it;
	struct nftnl_chain *c;
	int ret = 0;

	memset(out, 0, sizeof(*out));
	if (!list)
		return x->nft->err == ENOENT ? 0 : -1;
	it = nftnl_chain_list_iter_create(list);
	while (it && (c = nftnl_chain_list_iter_next(it))) {
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_HOOKNUM))
			continue;
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

static int cmd_delchain(struct run *x)
{
	struct names user;
	int ret = 0;

	if (x->q->chain) {
		nft_begin(x->nft);
		nft_del_chain(x->nft, x->q->chain);
		return nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
	}
	if (load_user_chains(x, &user) < 0)
		return refused(x, NULL);
	if (user.n) {
		nft_begin(x->nft);
		for (size_t k = 0; k < user.n; k++)
			nft_del_chain(x->nft, user.v[k]);
		if (nft_commit(x->nft) < 0)
			ret = refused(x, x->nft->err_index < user.n ?
				      user.v[x->nft->err_index] : NULL);
	}
	free(user.v);
	return ret;
}

static int cmd_rename(struct run *x)
{
	struct nftnl_chain *c = nft_get_chain(x->nft, x->q->chain);
	uint64_t handle;

	if (!c)
		return refused(x, x->q->chain);
	handle = nftnl_chain_get_u64(c, NFTNL_CHAIN_HANDLE);
	nftnl_chain_free(c);
	nft_begin(x->nft);
	nft_rename_chain(x->nft, handle, x->q->arg);
	if (nft_commit(x->nft) == 0)
		return 0;
	if (x->nft->err == EEXIST)
		return nat_fail(x->e, NAT_EXIT_OTHER, "File exists.");
	return refused(x, x->q->chain);
}

static int cmd_policy(struct run *x)
{
	if (!nft_is_builtin(x->q->chain))
		return nat_fail(x->e, NAT_EXIT_OTHER, "Bad built-in chain name.");
	if (strcmp(x->q->arg, "ACCEPT"))
		return nat_fail(x->e, NAT_EXIT_OTHER,
				"Bad policy name. Run `dmesg' for more information.");
	nft_begin(x->nft);
	ensure_chain(x, x->q->chain);
	nft_set_policy_accept(x->nft, x->q->chain);
	return nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
}

/* ---- listings --------------------------------------------------------- */

struct view {
	struct ruleset rules;
	struct names user;
	struct nftnl_chain_list *chains;   /* for the built-ins' counters */
};

static void view_free(struct view *v)
{
	ruleset_free(&v->rules);
	free(v->user.v);
	if (v->chains)
		nftnl_chain_list_free(v->chains);
}

static int load_view(struct run *x, struct view *v)
{
	memset(v, 0, sizeof(*v));
	if (load_user_chains(x, &v->user) < 0)
		return refused(x, NULL);
	if (load_rules(x, NULL, false, &v->rules) < 0 && x->nft->err != ENOENT)
		return refused(x, NULL);
	v->chains = nft_get_chains(x->nft);
	if (!v->chains && x->nft->err != ENOENT)
		return refused(x, NULL);
	return 0;
}

static bool view_has_chain(const struct view *v, const char *name)
{
	if (nft_is_builtin(name))
		return true;
	for (size_t k = 0; k < v->user.n; k++)
		if (!strcmp(v->user.v[k], name))
			return true;
	return false;
}

static void base_counters(const struct view *v, const char *name,
			  uint64_t *packets, uint64_t *bytes)
{
	struct nftnl_chain_list_iter *it;
	struct nftnl_chain *c;

	*packets = *bytes = 0;
	if (!v->chains || !(it = nftnl_chain_list_iter_create(v->chains)))
		return;
	while ((c = nftnl_chain_list_iter_next(it))) {
		if (strcmp(nftnl_chain_get_str(c, NFTNL_CHAIN_NAME), name))
			continue;
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_PACKETS))
			*packets = nftnl_chain_get_u64(c, NFTNL_CHAIN_PACKETS);
		if (nftnl_chain_is_set(c, NFTNL_CHAIN_BYTES))
			*bytes = nftnl_chain_get_u64(c, NFTNL_CHAIN_BYTES);
	}
	nftnl_chain_list_iter_destroy(it);
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
		nat_print_unshown(stdout, en->chain, en->rule.handle);
}

static void save_head(struct run *x, const struct view *v, const char *chain)
{
	uint64_t packets, bytes;

	if (!nft_is_builtin(chain)) {
		printf("-N %s\n", chain);
		return;
	}
	printf("-P %s ACCEPT", chain);
	if (x->q->fmt.verbose) {
		base_counters(v, chain, &packets, &bytes);
		printf(" -c %llu %llu", (unsigned long long)packets,
		       (unsigned long long)bytes);
	}
	putchar('\n');
}

static void list_rule(struct run *x, const struct entry *en, unsigned int num)
{
	if (en->shown)
		nat_print_list_rule(stdout, num, &en->rule, &x->q->fmt);
	else
		nat_print_unshown(stdout, en->chain, en->rule.handle);
}

static void list_chain(struct run *x, const struct view *v, const char *chain,
		       bool first)
{
	uint64_t packets, bytes;

	if (!x->q->num) {
		if (!first)
			putchar('\n');
		base_counters(v, chain, &packets, &bytes);
		nat_print_list_head(stdout, chain, nft_is_builtin(chain), packets,
				    bytes, references(v, chain), &x->q->fmt);
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
	for (int k = 0; nft_builtin_chains[k] && n < max; k++)
		out[n++] = nft_builtin_chains[k];
	for (size_t k = 0; k < v->user.n && n < max; k++)
		out[n++] = v->user.v[k];
	return n;
}

static int cmd_listing(struct run *x)
{
	struct view v;
	const char **chains;
	size_t n;
	int ret = load_view(x, &v);

	if (ret || (x->q->chain && !view_has_chain(&v, x->q->chain))) {
		view_free(&v);
		return ret ? ret : no_chain(x);
	}
	chains = malloc((v.user.n + 4) * sizeof(*chains));
	if (!chains) {
		view_free(&v);
		return nat_fail(x->e, NAT_EXIT_RESOURCE, "out of memory");
	}
	n = listed_chains(x, &v, chains, v.user.n + 4);
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

int nat_exec(const struct nat_env *e, struct nat_req *q)
{
	struct nft own;
	struct run x = { .e = e, .q = q, .nft = nat_group_nft(e, q) };
	int ret;

	if (!x.nft && e->c->group)
		return NAT_EXIT_RESOURCE;   /* the group could not take the line */
	if (!x.nft) {
		if (nft_open(&own) < 0)
			return NAT_EXIT_RESOURCE;
		x.nft = &own;
	}
	switch (q->cmd) {
	case NAT_CMD_APPEND: ret = cmd_append(&x); break;
	case NAT_CMD_INSERT: ret = cmd_insert(&x); break;
	case NAT_CMD_REPLACE: ret = cmd_replace(&x); break;
	case NAT_CMD_DELETE: ret = cmd_delete(&x); break;
	case NAT_CMD_CHECK: ret = cmd_check(&x); break;
	case NAT_CMD_FLUSH: ret = cmd_flush(&x); break;
	case NAT_CMD_ZERO: ret = cmd_zero(&x); break;
	case NAT_CMD_NEWCHAIN: ret = cmd_newchain(&x); break;
	case NAT_CMD_DELCHAIN: ret = cmd_delchain(&x); break;
	case NAT_CMD_RENAME: ret = cmd_rename(&x); break;
	case NAT_CMD_POLICY: ret = cmd_policy(&x); break;
	case NAT_CMD_LIST: case NAT_CMD_SAVE: ret = cmd_listing(&x); break;
	default: ret = NAT_EXIT_PARAM; break;
	}
	if (x.nft == &own)
		nft_close(&own);
	return ret;
}
