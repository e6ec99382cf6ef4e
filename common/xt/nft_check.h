/* Rule messages from the kernel, checked and then read in place. The
 * kernel never sends a string without its NUL or an integer of the wrong
 * size; nsip checks anyway, so that a bad message is one error and not a
 * read past the end of a string. */
#ifndef NSIP_NFT_CHECK_H
#define NSIP_NFT_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include <libmnl/libmnl.h>

/* The expressions nsip reads, by name (EXPR_OTHER: any other). */
enum nft_expr_kind {
	EXPR_OTHER, EXPR_META, EXPR_CMP, EXPR_PAYLOAD, EXPR_BITWISE,
	EXPR_COUNTER, EXPR_IMMEDIATE, EXPR_NAT, EXPR_MASQ, EXPR_REDIR,
	EXPR_RANGE, EXPR_CT, EXPR_REJECT, EXPR_LOG, EXPR_LOOKUP, EXPR_FIB,
	EXPR_BYTEORDER, EXPR_LIMIT, EXPR_KINDS
};
enum nft_expr_kind nft_expr_kind(const char *name);

/* Whether the rule message (NFT_MSG_NEWRULE) has the attribute sizes and
 * strings nsip reads: its table, chain and handle, and the expressions it
 * maps onto iptables (meta, cmp, payload, bitwise, counter, immediate,
 * nat, masq, redir, range, ct, reject, log, lookup, fib, byteorder,
 * limit) attribute by attribute; other expressions only
 * need a name, as nsip shows them as rules without an iptables form. */
bool nft_rule_msg_sane(const struct nlmsghdr *nlh);

/* A rule of a dump, read in place from its message (nothing is allocated
 * or copied: a listing of 20,000 rules reads them as they arrive). */
struct nft_rule_view {
	const char *table;
	const char *chain;
	uint64_t handle;
	const struct nlattr *exprs;   /* NFTA_RULE_EXPRESSIONS, or NULL */
	const uint8_t *udata;         /* NFTA_RULE_USERDATA, or NULL */
	size_t udata_len;
};

/* Fills v from a message nft_rule_msg_sane passed: false when the rule
 * lacks its table, chain or handle. */
bool nft_rule_view_of(const struct nlmsghdr *nlh, struct nft_rule_view *v);

#endif
