/* -m length, iprange, limit and addrtype into nftables expressions, and
 * the fib flags of an addrtype side (shared with the reader). */
#ifndef NSIP_XT_MATCH_WRITE_H
#define NSIP_XT_MATCH_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "xt/nat_rule.h"

struct nftnl_rule;

/* Appends the rule's length, iprange, addrtype and limit matches (limit
 * last: a packet the other matches refuse takes no token): 0 or -1. */
int xt_put_more_matches(const struct nat_rule *r, struct nftnl_rule *nr);
/* NFTA_FIB_F_* of the source (or destination) side. */
uint32_t xt_fib_flags(const struct xt_addrtype_match *a, bool dst);

#endif
