/* The commands on whole chains: -F, -Z, -N, -X, -E and -P. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include "nat_run.h"

/* A missing table or built-in chain has nothing to flush or zero. */
static int absent_ok(struct run *x)
{
	const char *chain = x->q->chain;

	if (x->nft->err == ENOENT && (!chain || builtin(x, chain)))
		return 0;
	return refused(x, chain);
}
/* -v: iptables names each chain it flushed, zeroed or deleted
 * ("Flushing chain `INPUT'"), once the kernel has done it. */
static void say(const struct run *x, const char *verb, const char *chain)
{
	if (x->q->fmt.verbose)
		printf("%s chain `%s'\n", verb, chain);
}

/* The same for the whole table: its built-in chains in iptables' order,
 * then its user chains as iptables sorts them. */
static void say_all(struct run *x, const char *verb)
{
	struct names user;

	if (!x->q->fmt.verbose)
		return;
	for (size_t k = 0; k < x->q->table->n_chains; k++)
		say(x, verb, x->q->table->chains[k].name);
	if (nat_load_user_chains(x, &user) < 0)
		return;
	for (size_t k = 0; k < user.n; k++)
		say(x, verb, user.v[k]);
	free(user.v);
}

int nat_cmd_flush(struct run *x)
{
	int ret;

	nat_begin(x);
	nft_flush(x->nft, x->q->chain);
	/* A table not made yet has its built-in chains, empty, for -v too
	 * (iptables-nft names them). */
	if (nft_commit(x->nft) < 0 && (ret = absent_ok(x)))
		return ret;
	if (x->q->chain)
		say(x, "Flushing", x->q->chain);
	else
		say_all(x, "Flushing");
	return 0;
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
			return absent_ok(x);
		nat_ruleset_free(&rs);
		/* iptables-nft names no chain of a table not yet made. */
		if (x->q->chain)
			say(x, "Zeroing", x->q->chain);
		else if (nat_chain_exists(x, x->q->table->chains[0].name) > 0)
			say_all(x, "Zeroing");
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


int nat_cmd_delchain(struct run *x)
{
	struct names user;
	int ret = 0;

	if (x->q->chain) {
		nat_begin(x);
		nft_del_chain(x->nft, x->q->chain);
		if (nft_commit(x->nft) < 0)
			return refused(x, x->q->chain);
		say(x, "Deleting", x->q->chain);
		return 0;
	}
	if (nat_load_user_chains(x, &user) < 0)
		return refused(x, NULL);
	if (user.n) {
		nat_begin(x);
		for (size_t k = 0; k < user.n; k++)
			nft_del_chain(x->nft, user.v[k]);
		if (nft_commit(x->nft) < 0)
			ret = refused(x, x->nft->err_index < user.n ?
				      user.v[x->nft->err_index] : NULL);
		for (size_t k = 0; !ret && k < user.n; k++)
			say(x, "Deleting", user.v[k]);
	}
	free(user.v);
	return ret;
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

