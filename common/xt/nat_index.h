/* An index of nsip's nat rules, kept in nsip's table beside them, so that
 * -C and -D RULE find a rule without reading the chain (nftables finds a
 * rule only by its handle; without an index every -D reads the chain up to
 * the rule, and at 20,000 rules that read is 0.3 s).
 *
 * Two sets of table `ip nsip`:
 *   map "nsip-index": digest of (chain, iptables form) -> the handle of the
 *       first rule of that chain with that form, and how many there are;
 *   set "nsip-gen": ruleset generations at which the index is known true.
 * The index is trusted only when the ruleset's current generation is in
 * nsip-gen. Every change made by anyone (nft, iptables-nft, an nsip command
 * that does not keep the index) moves the generation on, so the index then
 * stops being trusted by itself: nothing has to know about it. Those that
 * keep it (nsip's -A and -D RULE) write the generation their change makes,
 * in a batch that carries the generation it was computed at (so the kernel
 * refuses it if anything changed meanwhile). A hit is checked against the
 * rule itself (fetched by its handle) before it is used; a miss is
 * trusted. -D of one of several same rules reads the chain up to the next
 * one, which the entry then names. When the index is not trusted, -D RULE
 * reads the whole table, deletes its rule and writes the index anew in the
 * same batch. */
#ifndef NSIP_NAT_INDEX_H
#define NSIP_NAT_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xt/nat_rule.h"
#include "xt/nft.h"

#define NAT_DIGEST_LEN 16

struct nat_digest {
	uint8_t b[NAT_DIGEST_LEN];
};

/* What the index says about one digest. */
struct nat_index_entry {
	uint64_t handle;     /* the first rule with it */
	uint32_t count;      /* how many rules have it */
};

/* The digest of what nat_rule_same compares, and of the chain: two rules
 * that are the same have the same digest. */
void nat_digest(const char *chain, const struct nat_rule *r, struct nat_digest *d);

/* 1 when the index is true at the current generation (put in *gen), 0 when
 * it is not (or is missing), -1 when the kernel could not say (n->err). */
int nat_index_trusted(struct nft *n, uint32_t *gen);

/* 1 found (*e), 0 no rule has this digest, -1 failure (n->err). */
int nat_index_get(struct nft *n, const struct nat_digest *d,
		  struct nat_index_entry *e);

/* ---- changes, added to the batch being built -------------------------- */
/* Both sets, where they are missing. */
void nat_index_create(struct nft *n);
/* Every entry and every generation removed. */
void nat_index_clear(struct nft *n);
/* Every generation removed (those -A leaves behind: removing them there
 * would cost -A the wait that deletions cost, see BENCHMARKS.md). */
void nat_index_forget_gens(struct nft *n);
void nat_index_put(struct nft *n, const struct nat_digest *d,
		   const struct nat_index_entry *e);
void nat_index_del(struct nft *n, const struct nat_digest *d);
/* The index is true at generation gen. */
void nat_index_stamp(struct nft *n, uint32_t gen);

/* ---- a whole index, from a read of the table ------------------------- */
struct nat_index_build {
	struct nat_index_item *v;
	size_t n, cap;
	bool failed;         /* out of memory */
};

/* One rule with an iptables form, in table order. */
void nat_index_build_add(struct nat_index_build *b, const char *chain,
			 const struct nat_rule *r, uint64_t handle);
/* Adds the built index to the batch (sorting b), leaving out the rule with
 * handle skip (the one the batch deletes). */
void nat_index_build_put(struct nft *n, struct nat_index_build *b, uint64_t skip);
void nat_index_build_free(struct nat_index_build *b);

#endif
