/* The nat applet's request (what the iptables words asked for) and its
 * messages, shared by the parser (nat.c) and the commands (nat_exec.c). */
#ifndef NSIP_CMD_NAT_H
#define NSIP_CMD_NAT_H

#include <stdbool.h>

#include "applets.h"
#include "print/nat_print.h"
#include "xt/nat_rule.h"
#include "xt/xt_table.h"

/* iptables' exit codes. */
/* The iptables release whose words, listings and messages nsip answers
 * with: scripts read "iptables vX.Y.Z" (from --version and every message)
 * to know which options they may use, so nsip names that release, not its
 * own version, and "(nsip)" where iptables says which backend it runs. */
#define XT_COMPAT_VERSION "1.8.9"

#define NAT_EXIT_OTHER 1      /* the command failed */
#define NAT_EXIT_PARAM 2      /* bad words */
#define NAT_EXIT_VERSION 3    /* no such table */
#define NAT_EXIT_RESOURCE 4   /* the kernel refused */

enum nat_cmd {
	NAT_CMD_NONE, NAT_CMD_APPEND, NAT_CMD_CHECK, NAT_CMD_DELETE,
	NAT_CMD_INSERT, NAT_CMD_REPLACE, NAT_CMD_LIST, NAT_CMD_SAVE,
	NAT_CMD_FLUSH, NAT_CMD_ZERO, NAT_CMD_NEWCHAIN, NAT_CMD_DELCHAIN,
	NAT_CMD_RENAME, NAT_CMD_POLICY,
};

struct nat_req {
	enum nat_cmd cmd;
	const struct xt_table *table;   /* -t's, or iptables' default */
	char letter;              /* the command's short option */
	const char *chain;        /* NULL: every chain */
	const char *arg;          /* -E's new name, -P's policy */
	unsigned int num;         /* a rule number, 0 when none */
	struct nat_rule rule;
	struct nat_fmt fmt;
	bool json;
	/* -Z with -L or -S (cmd is the listing): the counters are zeroed
	 * after the listing, those of rule num when -Z itself had it. */
	bool zero, zero_rule;
};

/* Who speaks in messages: "iptables", "nat" or "nsip nat" (or
 * "iptables-restore" for the words of a restore line, whose number, line,
 * iptables-restore's "Error occurred at line" names; 0 elsewhere). */
struct nat_env {
	struct ctx *c;
	const char *name;
	int line;
};

struct nft;

/* ---- messages (nat_msg.c), which every file of the applet calls down to */
/* "NAME vVERSION (nsip): MESSAGE" and iptables' "Try ..." line: exit 2. */
int nat_param_error(const struct nat_env *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A failure with its exit code, in iptables' two shapes: "NAME: MESSAGE"
 * for a command that failed (exit 1), "NAME vVERSION (nsip): MESSAGE" for
 * the rest (no such table, the kernel's refusal). */
int nat_fail(const struct nat_env *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* iptables' "Try `NAME -h' ..." line alone. */
void nat_try_help(const struct nat_env *e);
/* The two refusals every command may end with: exit 1. */
int nat_no_chain(const struct nat_env *e);
int nat_bad_rule(const struct nat_env *e);
/* The kernel's refusal of a read or a change (n->err, n->err_type) of the
 * command cmd on chain (NULL: none), in iptables-nft's words. */
int nat_refused(const struct nat_env *e, const struct nft *n, enum nat_cmd cmd,
		const char *chain);

/* Runs the request (nat_exec.c). */
int nat_exec(const struct nat_env *e, struct nat_req *q);

/* ---- consecutive nat lines of a -batch: one transaction (nat_group.c) ----
 * Their changes are collected in one held nfnetlink batch and sent when a
 * line of another applet comes or the batch ends: all are made or none.
 * Lookups (-D RULE, -C, a rule number, -j CHAIN, listings) see the table as
 * it was before the group. nat_group_begin, nat_group_end (0, or the batch
 * line of the change the kernel refused, after iptables' message for it)
 * and nat_group_drop (a line of it failed: nothing is sent) are the
 * applet's batch group, declared in applets.h for the table. */
/* The group's socket for this line: NULL outside a group, and NULL after
 * a message when the group cannot take the line. */
struct nft *nat_group_nft(const struct nat_env *e, const struct nat_req *q);
/* Whether a built-in chain of table t is known to exist in this group
 * (NULL: the chain is not built in). */
bool *nat_group_chain_known(struct ctx *c, const struct xt_table *t,
			    const char *chain);
/* The group's chains read for -D RULE (nat_run.h): NULL outside a group. */
struct group_rules;
struct group_rules *nat_group_cache(struct ctx *c);

#endif
