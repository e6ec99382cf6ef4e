/* The commands on whole chains: -F, -Z, -N, -X, -E and -P. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>
#include <libmnl/libmnl.h>

#include "nat_run.h"

/* A missing table or built-in chain has nothing to flush or zero. */
static int absent_ok(struct run *x)
{
	const char *chain = x->q->chain;

	if (x->nft->err == ENOENT && (!chain || builtin(x, chain)))
		return 0;
	return refused(x, chain);
}

/* What -F, -Z and -X without a chain need to know of the table, as
 * iptables-nft keeps it: whether it is there, its built-in chains (which
 * are there, which have policy ACCEPT: those iptables-nft's -X deletes
 * when empty) and its user chains. */
struct inventory {
	bool table;
	struct builtins b;
	struct names user;
};

static int table_cb(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_OK;
}

/* 1: the table is there; 0: it is not; -1: the kernel failed. */
static int table_exists(struct run *x)
{
	char req[512] = { 0 };
	struct nlmsghdr *nlh = nft_req_init(x->nft, req, NFT_MSG_GETTABLE,
					    NFPROTO_IPV4, NLM_F_ACK);

	mnl_attr_put_strz(nlh, NFTA_TABLE_NAME, x->q->table->nft_name);
	if (nft_query(x->nft, nlh, table_cb, NULL) == 0)
		return 1;
	return x->nft->err == ENOENT ? 0 : -1;
}

static int take_stock(struct run *x, struct inventory *in)
{
	int there = table_exists(x);

	memset(in, 0, sizeof(*in));
	if (there <= 0)
		return there;
	in->table = true;
	return nat_load_chains(x, &in->user, &in->b);
}

/* -v: iptables names each chain it flushed, zeroed or deleted
 * ("Flushing chain `INPUT'"). */
static void say(const struct run *x, const char *verb, const char *chain)
{
	if (x->q->fmt.verbose)
		printf("%s chain `%s'\n", verb, chain);
}

/* The same for the whole table: the built-in chains of mask in iptables'
 * order, then the user chains as iptables sorts them. */
static void say_all(struct run *x, const char *verb, unsigned int mask,
		    const struct names *user)
{
	for (size_t k = 0; k < x->q->table->n_chains; k++)
		if (mask & 1u << k)
			say(x, verb, x->q->table->chains[k].name);
	for (size_t k = 0; user && k < user->n; k++)
		say(x, verb, user->v[k]);
}

static unsigned int every_builtin(const struct run *x)
{
	return (1u << x->q->table->n_chains) - 1;
}

/* -F without a chain. With -v, iptables-nft names every built-in chain
 * and so makes the table and those missing (which -Z then names as it
 * does): the same here. */
static int flush_all(struct run *x)
{
	struct inventory in = { 0 };
	int ret = 0;

	if (x->q->fmt.verbose && take_stock(x, &in) < 0)
		return refused(x, NULL);
	nat_begin(x);
	for (size_t k = 0; x->q->fmt.verbose && k < x->q->table->n_chains; k++)
		if (!(in.b.there & 1u << k))
			nat_ensure_chain(x, x->q->table->chains[k].name);
	nft_flush(x->nft, NULL);
	if (nft_commit(x->nft) < 0)
		ret = absent_ok(x);
	if (!ret)
		say_all(x, "Flushing", every_builtin(x), &in.user);
	free(in.user.v);
	return ret;
}

/* In a batch group nothing is sent before its end: a built-in chain
 * neither the kernel nor the group has yet is made in the group's batch
 * before it is flushed. 0, or the exit code after the message. */
static int held_ensure_builtin(struct run *x)
{
	bool *known = nat_group_chain_known(x->e->c, x->q->table, x->q->chain);
	int found;

	if (!known || *known)
		return 0;
	if ((found = nat_chain_exists(x, x->q->chain)) < 0)
		return refused(x, x->q->chain);
	if (!found) {
		nat_begin(x);
		nat_ensure_chain(x, x->q->chain);
		if (nft_commit(x->nft) < 0)
			return refused(x, x->q->chain);
	}
	*known = true;
	return 0;
}

int nat_cmd_flush(struct run *x)
{
	int ret;

	if (!x->q->chain)
		return flush_all(x);
	if (x->held && (ret = held_ensure_builtin(x)))
		return ret;
	nat_begin(x);
	nft_flush(x->nft, x->q->chain);
	ret = nft_commit(x->nft);
	/* A built-in chain not made yet: iptables-nft makes it (and its
	 * table), empty. */
	if (ret < 0 && x->nft->err == ENOENT && builtin(x, x->q->chain)) {
		nat_begin(x);
		nat_ensure_chain(x, x->q->chain);
		ret = nft_commit(x->nft);
	}
	if (ret < 0)
		return refused(x, x->q->chain);
	say(x, "Flushing", x->q->chain);
	return 0;
}

/* -v -Z without a chain names the chains that are there; after -L or
 * -S (which name every built-in chain), every built-in one. */
static void say_zeroed(struct run *x)
{
	struct inventory in;

	if (!x->q->fmt.verbose || take_stock(x, &in) < 0)
		return;
	say_all(x, "Zeroing", x->q->zero ? every_builtin(x) : in.b.there, &in.user);
	free(in.user.v);
}

/* -Z of a built-in chain that is not there (not made yet, or taken by
 * -X): iptables-nft says there is no such chain. 0, or the exit code
 * after the message. In a batch group the chain may be one of the
 * group's own, which a read cannot see yet: taken as there. */
static int builtin_gone(struct run *x)
{
	if (x->held)
		return 0;
	int chain = nat_chain_exists(x, x->q->chain);

	if (chain < 0)
		return refused(x, x->q->chain);
	return chain ? 0 : no_chain(x);
}

int nat_cmd_zero(struct run *x)
{
	const struct entry *en;
	struct ruleset rs;
	bool missing;
	int ret;

	if (!x->q->num) {
		/* A dump of a chain that is not there is empty, not an error:
		 * a user chain is looked up first, as iptables does. */
		if (x->q->chain && !builtin(x, x->q->chain)) {
			int there = nat_chain_exists(x, x->q->chain);

			if (there <= 0)
				return there < 0 ? refused(x, x->q->chain) : no_chain(x);
		}
		if (nat_load_rules(x, x->q->chain, true, &rs) < 0)
			return x->q->chain && x->nft->err == ENOENT ?
			       builtin_gone(x) : absent_ok(x);
		bool none = rs.n == 0;

		nat_ruleset_free(&rs);
		if (x->q->chain && none && (ret = builtin_gone(x)))
			return ret;
		if (x->q->chain)
			say(x, "Zeroing", x->q->chain);
		else
			say_zeroed(x);
		return 0;
	}
	/* One rule: find its handle in its chain, then zero only it. A number
	 * past the end zeroes nothing, as in iptables. */
	if ((ret = nat_load_chain(x, &rs, &missing)))
		return ret;
	if (missing)
		ret = bad_rule(x);
	else if ((en = nat_nth(&rs, x->q->num)) &&
		 nft_reset_rule(x->nft, x->q->chain, en->rule.handle) < 0)
		ret = refused(x, x->q->chain);
	nat_ruleset_free(&rs);
	return ret;
}

int nat_cmd_newchain(struct run *x)
{
	if (builtin(x, x->q->chain))
		return nat_fail(x->e, NAT_EXIT_OTHER, "Chain already exists.");
	nat_begin(x);
	nft_add_table(x->nft);
	nft_add_user_chain(x->nft, x->q->chain);
	if (nft_commit(x->nft) == 0)
		return 0;
	if (x->nft->err == EEXIST)
		return nat_fail(x->e, NAT_EXIT_OTHER, "Chain already exists.");
	return refused(x, x->q->chain);
}


/* -X without a chain: the user chains, and (as iptables-nft does) the
 * built-in chains that are empty with policy ACCEPT, each in a batch of
 * its own, so that one the kernel keeps (it has rules) costs nothing
 * else. Not in a batch group, whose lines after this one count on the
 * chains they knew. -v names the user chains, even when the kernel
 * refused, as iptables does. */
static int delete_all(struct run *x)
{
	struct inventory in;
	int ret = 0;

	if (take_stock(x, &in) < 0)
		return refused(x, NULL);
	if (in.user.n) {
		nat_begin(x);
		for (size_t k = 0; k < in.user.n; k++)
			nft_del_chain(x->nft, in.user.v[k]);
		if (nft_commit(x->nft) < 0)
			ret = refused(x, x->nft->err_index < in.user.n ?
				      in.user.v[x->nft->err_index] : NULL);
		say_all(x, "Deleting", 0, &in.user);
	}
	/* The kernel keeps a chain that has rules (NLM_F_NONREC): no read of
	 * its rules is needed to know. */
	for (size_t k = 0; !ret && !x->held && k < x->q->table->n_chains; k++) {
		if (!(in.b.accepting & 1u << k))
			continue;
		nat_begin(x);
		nft_del_chain(x->nft, x->q->table->chains[k].name);
		nft_commit(x->nft);   /* refused: it has rules */
	}
	free(in.user.v);
	return ret;
}

int nat_cmd_delchain(struct run *x)
{
	if (!x->q->chain)
		return delete_all(x);
	nat_begin(x);
	nft_del_chain(x->nft, x->q->chain);
	if (nft_commit(x->nft) < 0)
		return refused(x, x->q->chain);
	say(x, "Deleting", x->q->chain);
	return 0;
}

int nat_cmd_rename(struct run *x)
{
	struct nftnl_chain *c = nft_get_chain(x->nft, x->q->chain);
	uint64_t handle;

	if (!c)
		return refused(x, x->q->chain);
	handle = nftnl_chain_get_u64(c, NFTNL_CHAIN_HANDLE);
	nftnl_chain_free(c);
	nat_begin(x);
	nft_rename_chain(x->nft, handle, x->q->arg);
	if (nft_commit(x->nft) == 0)
		return 0;
	if (x->nft->err == EEXIST)
		return nat_fail(x->e, NAT_EXIT_OTHER, "File exists.");
	return refused(x, x->q->chain);
}

int nat_cmd_policy(struct run *x)
{
	if (!builtin(x, x->q->chain))
		return nat_fail(x->e, NAT_EXIT_OTHER, "Bad built-in chain name.");
	uint32_t verdict;

	if (!strcmp(x->q->arg, "ACCEPT"))
		verdict = NF_ACCEPT;
	else if (!strcmp(x->q->arg, "DROP") && x->q->table->may_drop)
		verdict = NF_DROP;
	else
		return nat_fail(x->e, NAT_EXIT_OTHER,
				"Bad policy name. Run `dmesg' for more information.");
	nat_begin(x);
	nat_ensure_chain(x, x->q->chain);
	nft_set_policy(x->nft, x->q->chain, verdict);
	return nft_commit(x->nft) < 0 ? refused(x, x->q->chain) : 0;
}

