/* What ipMasq and portmap share on nsip's nat table: a rule into the
 * batch, an address match, the error a failed transaction gives, and, when
 * a container goes, the rules of a base chain that jump to its own chain
 * and whether that chain is there at all. */
#ifndef NSIP_CNI_NAT_H
#define NSIP_CNI_NAT_H

#include <stddef.h>
#include <stdint.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"
#include "xt/nat_rule.h"
#include "xt/nft.h"

/* One rule into chain's end in n's batch, its expressions from r; -1 when
 * they cannot be built. */
int cni_nat_put(struct nft *n, const char *chain, const struct nat_rule *r);

/* -s/-d of the IPv4 address a under its first prefix bits. */
struct nat_addr_match cni_nat_net(const struct cni_ip_addr *a, int prefix);

/* The CNI error for a failed step what, with n's errno in words. */
int cni_nat_failed(struct nft *n, struct cni_err *e, const char *what);

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
