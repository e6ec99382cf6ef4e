/* What ipMasq and portmap both do when a container goes: find the rules
 * of a base chain that jump to the container's own chain, and ask whether
 * that chain is there at all. */
#ifndef NSIP_CNI_JUMPS_H
#define NSIP_CNI_JUMPS_H

#include <stddef.h>
#include <stdint.h>

#include "xt/nft.h"

#define CNI_JUMPS_MAX 64

struct cni_jumps {
	const char *to;                       /* the chain jumped to */
	uint64_t handles[CNI_JUMPS_MAX];
	size_t n;
};

/* The handles of base chain from's rules that jump to j->to (a missing
 * base chain has none); 0, or -1 (n->err) when it cannot be read. */
int cni_jumps_find(struct nft *n, const char *from, struct cni_jumps *j);

/* 1 when chain is there, 0 when not, -1 (n->err) when it cannot be read. */
int cni_chain_there(struct nft *n, const char *chain);

#endif
