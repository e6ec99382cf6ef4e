/* The changes a whole-table restore (iptables-restore) adds to a batch
 * beyond nft.h's: the table removed (with its chains, rules and sets),
 * a built-in chain with its policy and counters in one message, and a
 * rule's counters set before it is sent. */
#ifndef NSIP_NFT_WHOLE_H
#define NSIP_NFT_WHOLE_H

#include <stdbool.h>
#include <stdint.h>

#include "xt/nft.h"

struct nftnl_rule;

/* 1 when the table of n->tab is there, 0 when not, -1 with n->err. */
int nft_table_exists(struct nft *n);
/* The table of n->tab, which must exist. */
void nft_del_table(struct nft *n);

/* A built-in chain's state: made if missing (create), its policy
 * (NF_ACCEPT, NF_DROP) when policy_set, its counters when counters_set. */
struct nft_base_state {
	bool create;
	bool policy_set;
	uint32_t policy;
	bool counters_set;
	uint64_t packets, bytes;
};
void nft_put_base_chain(struct nft *n, const char *name,
			const struct nft_base_state *s);

/* Gives the counter of a rule built by nat_rule_to_nftnl these numbers:
 * false when the rule has no counter. */
bool nft_rule_set_counter(struct nftnl_rule *r, uint64_t packets, uint64_t bytes);

#endif
