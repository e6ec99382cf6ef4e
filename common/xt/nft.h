/* nftables transactions on libnftnl: one NETLINK_NETFILTER socket, changes
 * collected in one batch (all or nothing), and the reads nsip needs, each
 * limited to nsip's own table for the iptables table in use (xt_table.h). */
#ifndef NSIP_NFT_H
#define NSIP_NFT_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter/nf_tables.h>

#include "nl/nl.h"
#include "xt/nft_check.h"
#include "xt/xt_table.h"

struct nftnl_chain;
struct nftnl_chain_list;
struct nftnl_rule;
struct nftnl_rule_list;

/* Reads rules and zeroes their counters (Linux 6.4); older headers lack
 * the name. */
#ifndef NFT_MSG_GETRULE_RESET
#define NFT_MSG_GETRULE_RESET 25
#endif

/* One change of the batch being built, for the kernel's answers. */
struct nft_change {
	uint16_t type;                   /* message type */
	uint32_t seq;                    /* its sequence number */
};

/* How a batch is made: nft_begin's argument, for that batch alone. */
struct nft_batch_opts {
	/* A group's batch (consecutive nat lines of a -batch), which must
	 * succeed or fail as a whole: nft_begin opens it only once, nft_commit
	 * only collects (it fails only when the batch is full), and
	 * nft_commit_held sends it. */
	bool held;
	bool large;                      /* may be HELD_LIMIT big */
	/* No ack asked for each change, only the refusals come back: the
	 * kernel handles the whole batch before the send returns, so its
	 * answers are all waiting then. (A restore of 20,000 rules spent a
	 * fifth of its time on 20,000 acks.) */
	bool quiet;
	/* Made only if the ruleset is still at generation gen (the kernel
	 * answers ERESTART otherwise): what the batch was computed from is
	 * then what it changes. */
	bool at_gen;
	uint32_t gen;
};

struct nft {
	struct nl nl;                    /* the socket, on common/nl's transport */
	const struct xt_table *tab;      /* whose nftables table */
	uint32_t seq;
	char *buf;                       /* the batch being built */
	size_t buf_size;
	struct mnl_nlmsg_batch *batch;
	bool held;                       /* it was begun as a group's */
	bool quiet;                      /* begun quiet (nft_batch_opts) */
	struct nft_change *changes;
	unsigned int cap;
	unsigned int n_msgs;
	bool overflow;
	uint32_t set_ids;                /* the last anonymous set's id */
	/* What the last commit or read gave back. A rule added with echo:
	 * the handle the kernel gave it (echoed set) once the batch is made. */
	bool echoed;
	uint64_t echo_handle;
	/* The kernel's refusal. */
	int err;
	uint16_t err_type;
	unsigned int err_index;          /* which change, from 0; the number
					  * of changes when no one change was */
};

/* Opens the socket; prints a message and returns -1 on failure. */
int nft_open(struct nft *n);
void nft_close(struct nft *n);

/* The iptables table the next changes and reads are on (nft_open: nat). */
static inline void nft_use_table(struct nft *n, const struct xt_table *t)
{
	n->tab = t;
}

/* ---- one batch -------------------------------------------------------- */
/* Opens a batch made as o says (NULL: a plain one). */
void nft_begin(struct nft *n, const struct nft_batch_opts *o);
/* How many changes the batch holds: the open one (where the changes added
 * next will stand), or once sent the one nft_commit sent (for naming the
 * change the kernel refused); 0 before the first. */
unsigned int nft_changes(const struct nft *n);
/* The table, if it is missing. */
void nft_add_table(struct nft *n);
/* A built-in chain (the table's type at iptables' priority), if it is
 * missing. */
void nft_add_base_chain(struct nft *n, const char *name);
/* A user chain; it must not exist. */
void nft_add_user_chain(struct nft *n, const char *name);
void nft_del_chain(struct nft *n, const char *name);
void nft_rename_chain(struct nft *n, uint64_t handle, const char *name);
/* A built-in chain's policy: NF_ACCEPT or NF_DROP. */
void nft_set_policy(struct nft *n, const char *name, uint32_t verdict);
/* Where a new rule goes: at the end, before the rule whose handle is
 * given (handle 0: at the head), or in place of it. */
enum nft_where { NFT_AT_END, NFT_BEFORE, NFT_REPLACE };
/* Adds r (which it takes) to chain; echo: the kernel is asked to echo the
 * rule back, and its handle is kept (n->echo_handle) once it is made. */
void nft_add_rule(struct nft *n, const char *chain, struct nftnl_rule *r,
		  enum nft_where where, uint64_t handle, bool echo);
void nft_del_rule(struct nft *n, const char *chain, uint64_t handle);
/* -m multiport's anonymous interval set of ports (nft_set.c), to go into
 * the batch before the rule that looks it up by id; the ids are unique on
 * this socket. */
struct xt_multiport;
uint32_t nft_next_set_id(struct nft *n);
void nft_add_port_set(struct nft *n, uint32_t id, const struct xt_multiport *m);
/* Every anonymous set a rule looks up (multiport's ports, addrtype's
 * types of a side with several): nft_rule_set_ids names them in r before
 * the rule is written, nft_add_rule_sets puts them into the batch before
 * the rule. */
struct nat_rule;
void nft_rule_set_ids(struct nft *n, struct nat_rule *r);
void nft_add_rule_sets(struct nft *n, const struct nat_rule *r);
/* Every rule of a chain, or of the table when chain is NULL. */
void nft_flush(struct nft *n, const char *chain);
/* Sends the batch and collects the kernel's answers: 0, or -1 with
 * n->err and n->err_type set (nothing was changed). */
int nft_commit(struct nft *n);
/* For other kinds of change: the header of the batch's next message (NULL
 * when it is full), to be filled and then closed by nft_msg_done. */
struct nlmsghdr *nft_msg(struct nft *n, uint16_t type, uint16_t flags);
void nft_msg_done(struct nft *n);

/* A held batch (nft_batch_opts.held), for a group of commands that must
 * succeed or fail together: reads still go to the kernel meanwhile and see
 * the state before the group. nft_commit_held sends everything at once:
 * 0, or -1 with n->err_index naming the change the kernel refused. */
int nft_commit_held(struct nft *n);

/* ---- reads (return NULL and set n->err on failure) --------------------- */
struct nftnl_chain *nft_get_chain(struct nft *n, const char *name);
struct nftnl_chain_list *nft_get_chains(struct nft *n);
/* Calls fn with each rule of chain (of the table when chain is NULL) as its
 * message arrives, keeping none (memory stays flat at any chain length);
 * reset zeroes their counters as it reads them. fn returns 0 to go on, 1 to
 * stop: the rest of the dump is left unread, so the kernel does not even
 * build it, and the socket is opened anew for what follows. Returns 0,
 * -1 with n->err (ENOENT: no such chain or table), or NFT_RESTART when the
 * kernel marked the dump interrupted: the caller starts again from zero. */
#define NFT_RESTART 1
typedef int nft_rule_fn(const struct nft_rule_view *r, void *data);
int nft_each_rule(struct nft *n, const char *chain, bool reset, nft_rule_fn *fn,
		  void *data);
/* Zeroes the counters of one rule. */
int nft_reset_rule(struct nft *n, const char *chain, uint64_t handle);
/* Calls fn with the one rule of chain that has handle: 0, or -1 with n->err
 * (ENOENT: no such rule, chain or table). No dump: the kernel finds it. */
int nft_get_rule(struct nft *n, const char *chain, uint64_t handle,
		 nft_rule_fn *fn, void *data);
/* The ruleset's generation, which every change made anywhere in the
 * network namespace moves on: 0 or -1 with n->err. */
int nft_get_gen(struct nft *n, uint32_t *gen);
/* Sends a get request built by the caller (a header from nft_req_init)
 * and gives each answer to cb: 0, or -1 with n->err. */
struct nlmsghdr *nft_req_init(struct nft *n, char *buf, uint16_t type,
			      uint16_t family, uint16_t flags);
int nft_query(struct nft *n, const struct nlmsghdr *req, mnl_cb_t cb, void *data);
/* Whether an answer is an nftables message of that type, long enough for
 * its nfgenmsg header (its attributes follow it). */
bool nft_msg_is(const struct nlmsghdr *nlh, uint16_t type);
/* Such a message's first attribute of that type, validated as kind: NULL
 * when there is none, NULL with *bad set when it is malformed. */
const struct nlattr *nft_msg_attr(const struct nlmsghdr *nlh, uint16_t type,
				  enum mnl_attr_data_type kind, bool *bad);

#endif
