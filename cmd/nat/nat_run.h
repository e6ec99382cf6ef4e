/* What the nat applet's commands share (cmd/nat/nat_run.c): one run of a
 * request, the rules and chains read back, and the reads and the first-use
 * changes every command is made of. Private to cmd/nat. */
#ifndef NSIP_CMD_NAT_RUN_H
#define NSIP_CMD_NAT_RUN_H

#include <stdbool.h>
#include <stdint.h>

#include "nat.h"
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
	bool held;                /* the group's: changes wait for its end */
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


/* The kernel said no: what, in iptables-nft's words (nat_msg.c). */
static inline int refused(struct run *x, const char *chain)
{
	return nat_refused(x->e, x->nft, x->q->cmd, chain);
}

static inline int no_chain(struct run *x)
{
	return nat_no_chain(x->e);
}

static inline int bad_rule(struct run *x)
{
	return nat_bad_rule(x->e);
}

/* Whether name is one of the request's table's built-in chains. */
static inline bool builtin(const struct run *x, const char *name)
{
	return xt_is_builtin(x->q->table, name);
}

/* -v on a rule command: iptables echoes the rule it adds, or the one it
 * found (-D RULE, -C). */
static inline void echo_rule(const struct run *x)
{
	if (x->q->fmt.verbose)
		nat_print_echo(stdout, &x->q->rule);
}

/* Opens the batch of a change: the group's when the run is in one. */
static inline void nat_begin(struct run *x)
{
	nft_begin(x->nft, &(struct nft_batch_opts){ .held = x->held, .quiet = x->held });
}

/* A chain's rules as the -D RULE lines of a batch group see them
 * (nat_group_rules.c): read once per group, as they were before it, less
 * those the group's lines deleted. (Read per line, 200 -D lines of a group
 * cost 200 reads of the chain, each on a socket of its own.) */
struct group_chain {
	const struct xt_table *t;
	char name[256];
	struct ruleset rs;
	bool *gone;
};

struct group_rules {
	struct group_chain *v;
	size_t n;
};

/* The view of group g (nat_group_cache's, NULL outside a group) of the
 * request's chain: NULL outside a group, or NULL with *code the exit code
 * after the message when it cannot be read. */
struct group_chain *nat_group_rules(struct group_rules *g, struct run *x, int *code);
/* The first rule of c not deleted that is r: its index in c->rs, or -1. */
long nat_group_find(const struct group_chain *c, const struct nat_rule *r);
void nat_group_rules_free(struct group_rules *g);

/* The names of the table's user chains, sorted as iptables lists them. */
struct names {
	char (*v)[256];
	size_t n;
};

void nat_ruleset_free(struct ruleset *rs);
/* The rules of one chain (or of the table), in order, each converted as it
 * arrives (no second copy of the table in libnftnl's form). A missing
 * chain or table leaves rs empty and returns -1 with nft.err ENOENT. */
int nat_load_rules(struct run *x, const char *chain, bool reset,
		   struct ruleset *rs);
/* The chain's rules for -I/-R/-D/-C/-Z: a missing chain (or table) is
 * told by *missing, with rs empty, for the command to word as iptables
 * does; other failures are reported here. */
int nat_load_chain(struct run *x, struct ruleset *rs, bool *missing);
/* Rule number num (from 1) of rs, or NULL when rs has no such rule. */
const struct entry *nat_nth(const struct ruleset *rs, unsigned int num);
/* 1: the chain exists; 0: it does not; -1: the kernel failed. */
int nat_chain_exists(struct run *x, const char *name);
/* The table's user chains: 0, or -1 with nft.err. */
int nat_load_user_chains(struct run *x, struct names *out);
/* The built-in chains that are there (bit k: the table's chains[k]), and
 * those of them whose policy is ACCEPT. */
struct builtins {
	unsigned int there, accepting;
};
/* The user chains and (b not NULL) the built-in ones, from one read. */
int nat_load_chains(struct run *x, struct names *out, struct builtins *b);
/* The table and, for a built-in chain, the chain: made on first use in
 * the same batch as the change that needs them. */
void nat_ensure_chain(struct run *x, const char *chain);

/* The commands, by the files that own them. */
int nat_cmd_append(struct run *x);     /* nat_rules.c: -A, -I, -R */
int nat_cmd_insert(struct run *x);
int nat_cmd_replace(struct run *x);
int nat_cmd_delete(struct run *x);     /* nat_find.c: -D, -C */
int nat_cmd_check(struct run *x);
int nat_cmd_flush(struct run *x);      /* nat_chains.c: -F, -Z, -N, -X, -E, -P */
int nat_cmd_zero(struct run *x);
int nat_cmd_newchain(struct run *x);
int nat_cmd_delchain(struct run *x);
int nat_cmd_rename(struct run *x);
int nat_cmd_policy(struct run *x);
int nat_cmd_listing(struct run *x);    /* nat_list.c: -L, -S */

#endif
