/* What the files of the nftables transport share and nothing else uses:
 * buffer sizes, the table's objects named for a message, and the socket
 * replaced when its stream is out of step. Private to common/xt/nft*.c. */
#ifndef NSIP_NFT_PRIVATE_H
#define NSIP_NFT_PRIVATE_H

#include "xt/nft.h"

#define REQ_SIZE 1024            /* a get or dump request */

/* A chain of the table, named (NULL: unnamed, for a dump); NULL when out
 * of memory. */
struct nftnl_chain *nft_chain_of(const struct nft *n, const char *name);
/* A built-in chain: its type, hook and priority with its name. */
struct nftnl_chain *nft_base_chain_of(const struct nft *n, const char *name);
/* r placed in the table and, unless NULL, in chain; r itself (NULL stays
 * NULL). */
struct nftnl_rule *nft_rule_in(const struct nft *n, struct nftnl_rule *r,
			       const char *chain);
/* A new socket in place of one with an unread dump in it: 0, or -1 with
 * n->err. */
int nft_reopen(struct nft *n);
/* The same after a failure, keeping the error that put the stream out of
 * step. */
void nft_restart(struct nft *n);

#endif
