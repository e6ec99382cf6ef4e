/* -A, -I and -R: a rule put into its chain. -A reads no rule (a jump
 * target: only that chain) and keeps nsip's index true when it was; -I
 * and -R read the rules of their one chain for the number's handle. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include "nat_run.h"
#include "xt/nat_index.h"
#include "xt/xt_refuses.h"

/* Where a rule goes (see enum nft_where), and whether the kernel is to
 * echo it back (its handle, for nsip's index). */
struct place {
	enum nft_where where;
	uint64_t handle;
	bool echo;
};

/* One batch with the rule, and with its table and chain when asked (and
 * the anonymous sets it looks its ports or address types up in). */
static int send_rule(struct run *x, const struct place *at, bool with_chain)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	nft_rule_set_ids(x->nft, &x->q->rule);
	if (!nr || nat_rule_to_nftnl(&x->q->rule, nr) < 0) {
		if (nr)
			nftnl_rule_free(nr);
		x->nft->err = ENOMEM;
		return -1;
	}
	nat_begin(x);
	if (with_chain)
		nat_ensure_chain(x, x->q->chain);
	nft_add_rule_sets(x->nft, &x->q->rule);
	nft_add_rule(x->nft, x->q->chain, nr, at->where, at->handle, at->echo);
	return nft_commit(x->nft);
}

/* In a held group nothing is sent before the end, so there is no failed
 * first try to learn from: a built-in chain is asked about once per group
 * and made in the group's batch when it is missing. */
static int held_put_rule(struct run *x, const struct place *at)
{
	bool *known = nat_group_chain_known(x->e->c, x->q->table, x->q->chain);
	int found = 1;

	if (known && !*known) {
		found = nat_chain_exists(x, x->q->chain);
		if (found < 0)
			return refused(x, x->q->chain);
		*known = true;
	}
	return send_rule(x, at, !found) < 0 ? refused(x, x->q->chain) : 0;
}

/* What iptables' own targets have the kernel refuse (xt/xt_refuses.h). */
static bool kernel_refuses(const struct run *x)
{
	return xt_kernel_refuses(x->q->table, &x->q->rule);
}

/* A NAT target on a hook it does not serve (DNAT in POSTROUTING, or a
 * jump from there to a chain with one), or an addrtype device the hook
 * has not (--limit-iface-in in OUTPUT): the kernel refuses nftables' nat
 * and fib expressions with EOPNOTSUPP, iptables' xtables targets and
 * matches with EINVAL, which is what iptables-nft says. */
static bool wrong_hook(const struct run *x)
{
	const struct nat_rule *r = &x->q->rule;

	if (x->nft->err != EOPNOTSUPP)
		return false;
	if (r->addrtype.limit_in || r->addrtype.limit_out)
		return true;
	return x->q->table == &xt_table_nat &&
	       (r->target == NAT_T_SNAT || r->target == NAT_T_DNAT ||
		r->target == NAT_T_MASQUERADE || r->target == NAT_T_REDIRECT ||
		r->target == NAT_T_JUMP);
}

/* Most rules go to a chain that is there: the rule alone. A built-in
 * chain met for the first time is made with the rule, in the retried
 * batch. (Sending an existing base chain again is not free: the kernel
 * updates its hook, some 10 ms.) */
static int put_rule(struct run *x, struct place at)
{
	if (kernel_refuses(x)) {
		x->nft->err = EINVAL;
		x->nft->err_type = NFT_MSG_NEWRULE;
		return refused(x, x->q->chain);
	}
	if (x->held)
		return held_put_rule(x, &at);

	int ret = send_rule(x, &at, false);

	if (ret < 0 && x->nft->err == ENOENT && builtin(x, x->q->chain))
		ret = send_rule(x, &at, true);
	if (ret < 0 && wrong_hook(x))
		x->nft->err = EINVAL;
	return ret < 0 ? refused(x, x->q->chain) : 0;
}

static int check_jump(struct run *x)
{
	const struct nat_rule *r = &x->q->rule;
	int found;

	if (r->target != NAT_T_JUMP)
		return 0;
	found = nat_chain_exists(x, r->jump);
	if (found < 0)
		return refused(x, r->jump);
	if (!found || builtin(x, r->jump))
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

	nft_begin(x->nft, &(struct nft_batch_opts){ .at_gen = true, .gen = gen + 1 });
	if (had) {   /* a rule like it comes first: only the count moves */
		e = (struct nat_index_entry){ had->handle, had->count + 1 };
		nat_index_del(x->nft, d);
	}
	nat_index_put(x->nft, d, &e);
	nat_index_stamp(x->nft, gen + 2);
	nft_commit(x->nft);
}

int nat_cmd_append(struct run *x)
{
	struct nat_index_entry e;
	struct nat_digest d;
	uint32_t gen;
	int ret = check_jump(x), trusted = 0, had = 0;

	if (ret)
		return ret;
	if (!x->held && nat_index_trusted(x->nft, &gen) == 1) {
		nat_digest(x->q->chain, &x->q->rule, &d);
		had = nat_index_get(x->nft, &d, &e);
		trusted = had >= 0;
	}
	/* iptables echoes it before the kernel has it (and may refuse it). */
	echo_rule(x);
	ret = put_rule(x, (struct place){ NFT_AT_END, 0, trusted });
	if (!ret && trusted && x->nft->echoed)
		index_appended(x, gen, &d, had ? &e : NULL);
	return ret;
}


int nat_cmd_insert(struct run *x)
{
	struct ruleset rs;
	unsigned int num = x->q->num ? x->q->num : 1;
	bool missing;
	int ret = check_jump(x);

	if (ret)
		return ret;
	/* The echo comes once the chain is known to be there. */
	if (num == 1) {
		if (x->q->fmt.verbose && (builtin(x, x->q->chain) ||
					  nat_chain_exists(x, x->q->chain) > 0))
			echo_rule(x);
		return put_rule(x, (struct place){ NFT_BEFORE, 0, false });
	}
	if ((ret = nat_load_chain(x, &rs, &missing)))
		return ret;
	if (missing && !builtin(x, x->q->chain))
		ret = no_chain(x);
	else if (num > rs.n + 1)
		ret = nat_fail(x->e, NAT_EXIT_OTHER, "Index of insertion too big.");
	else {
		echo_rule(x);
		ret = put_rule(x, num == rs.n + 1 ?
			       (struct place){ NFT_AT_END, 0, false } :
			       (struct place){ NFT_BEFORE, rs.v[num - 1].rule.handle,
					       false });
	}
	nat_ruleset_free(&rs);
	return ret;
}


int nat_cmd_replace(struct run *x)
{
	const struct entry *en;
	struct ruleset rs;
	bool missing;
	int ret = check_jump(x);

	if (ret || (ret = nat_load_chain(x, &rs, &missing)))
		return ret;
	if (missing)
		ret = no_chain(x);
	else if (!(en = nat_nth(&rs, x->q->num)))
		ret = nat_fail(x->e, NAT_EXIT_OTHER, "Index of replacement too big.");
	else {
		echo_rule(x);
		ret = put_rule(x, (struct place){ NFT_REPLACE, en->rule.handle, false });
	}
	nat_ruleset_free(&rs);
	return ret;
}

