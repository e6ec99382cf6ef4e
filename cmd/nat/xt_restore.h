/* iptables-restore (cmd/nat/xt_restore*.c): the input read line by line
 * (xt_restore.c) and its changes collected into one held nftables batch
 * (xt_restore_apply.c, the chains and rules a line sees in
 * xt_restore_model.c), sent once at the end: the whole input is one
 * transaction; the messages both give are xt_restore_msg.c's. Private to
 * cmd/nat. */
#ifndef NSIP_CMD_XT_RESTORE_H
#define NSIP_CMD_XT_RESTORE_H

#include <stdbool.h>
#include <stdint.h>

#include "nat.h"
#include "nat_run.h"
#include "xt/nft.h"
#include "xt/xt_restore_line.h"

/* A chain as the lines so far left it. */
struct xr_chain {
	char name[NAT_CHAIN_MAX + 1];
	bool builtin;
	bool in_kernel;          /* there before the restore and not removed */
	bool exists;             /* there now, as far as the batch goes */
	bool flushed;            /* the kernel's rules are gone (or none) */
	unsigned int added;      /* rules this restore put in it */
	/* -v's replacing kept the built-in chain: its first use sets its
	 * policy back to ACCEPT (iptables-nft adds the chain again then). */
	bool policy_reset;
	/* Its rules in the kernel, read on the first lookup, and which of
	 * them a line removed. */
	bool loaded;
	struct ruleset rules;
	bool *gone;
};

/* The table of the open "*TABLE" block. */
struct xr_table {
	const struct xt_table *t;
	bool loaded;             /* its chains were read */
	bool table_in_kernel;    /* nsip's table existed before the block */
	bool table_there;        /* there now, as far as the batch goes */
	struct xr_chain *v;
	size_t n, cap;
};

/* What names a change of the batch refused by the kernel: the line that
 * asked for it, its command and chain. */
struct xr_mark {
	unsigned int first;      /* its first change */
	int line;
	enum nat_cmd cmd;
	const char *chain;       /* interned in the restore's strings */
	/* An addrtype device (--limit-iface-in/-out): nftables' fib refuses
	 * one its hook lacks with EOPNOTSUPP, xt_addrtype with EINVAL. */
	bool fib_dev;
};

struct xr {
	struct nat_env e;        /* who speaks, and the line being read */
	const char *name;        /* "iptables-restore", as called */
	bool counters, test, noflush;
	bool verbose;            /* -v: iptables' lines for each block */
	FILE *vout;              /* the open block's -v lines, shown at COMMIT */
	char *vtext;
	size_t vlen;
	const char *only_table;  /* -T */
	struct nft nft;
	bool opened;
	struct xr_table tabs[2]; /* filter's and nat's, kept across blocks */
	struct xr_table *tab;    /* the open block's */
	bool in_table, skipping; /* skipping: a block -T leaves out */
	int table_line;
	/* The first jump to a chain not there when its line came: iptables
	 * finds it when the block is committed, and names the COMMIT line. */
	char bad_jump[NAT_CHAIN_MAX + 1];
	struct xr_mark *marks;
	size_t n_marks, cap_marks;
	char **strings;          /* chain names the marks point into */
	size_t n_strings;
};

/* xt_restore_apply.c: each kind of line. 0, or the exit code after the
 * message. */
int xr_open_table(struct xr *r, const struct xr_line *l);
int xr_chain_line(struct xr *r, const struct xr_line *l);
int xr_words_line(struct xr *r, struct xr_line *l);
/* COMMIT: what the block left to check. */
int xr_close_table(struct xr *r);
/* Sends the batch: 0, or the exit code after the message. */
int xr_commit(struct xr *r);
void xr_free(struct xr *r);

/* xt_restore_model.c: the chains of the open block. */
/* Reads the table's chains from the kernel: 0, or -1 with nft.err. */
int xr_model_load(struct xr *r);
/* Forgets the chains (the table was removed, or the restore ends). */
void xr_model_clear(struct xr_table *t);
struct xr_chain *xr_chain_find(struct xr_table *t, const char *name);
/* A chain added to the model (made by this restore): NULL out of memory. */
struct xr_chain *xr_chain_add(struct xr_table *t, const char *name, bool builtin);
void xr_chain_remove(struct xr_table *t, struct xr_chain *c);
/* The chain's kernel rules, read on first use: 0, or -1 with nft.err. */
int xr_chain_load(struct xr *r, struct xr_chain *c);
/* Rule number num (from 1) among those still there, or -1. */
long xr_chain_nth(const struct xr_chain *c, unsigned int num);
/* The first rule still there that is the same as rule, or -1. */
long xr_chain_match(const struct xr_chain *c, const struct nat_rule *rule);
size_t xr_chain_live(const struct xr_chain *c);

/* Messages (xt_restore_msg.c): "NAME: line N failed[: WHY]", exit 1. */
int xr_line_failed(const struct xr *r, const char *why);
/* The kernel's refusal of a change a line asked for, as iptables-restore
 * words it: "NAME vV (nsip): \nline N: OP failed (ERR): chain C", exit 4. */
int xr_refused(const struct xr *r, int line, enum nat_cmd cmd,
	       const char *chain, const struct nft *n);
/* -v (without --noflush): what a block replacing its table says, the
 * echo of a rule line, and the block's lines written out at its COMMIT. */
void xr_echo_flush(struct xr *r);
void xr_echo_rule(struct xr *r, const struct nat_req *q);
void xr_echo_commit(struct xr *r);
/* Notes which line the changes added from now on belong to. */
int xr_mark(struct xr *r, enum nat_cmd cmd, const char *chain);

#endif
