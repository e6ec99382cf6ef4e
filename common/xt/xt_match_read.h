/* -m length, iprange, limit and addrtype read back from what
 * xt_match_write.c writes, for nat_rule_read.c's decoder: each step 0, or
 * -1 when the expressions are not nsip's form of the match. Private to
 * the readers. */
#ifndef NSIP_XT_MATCH_READ_H
#define NSIP_XT_MATCH_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "xt/nft_decoder.h"
#include "xt/nft_expr.h"

/* Expressions: byteorder (of meta length), fib (a type), limit. */
int xt_on_byteorder(struct decoder *d, const struct expr *e);
int xt_on_fib(struct decoder *d, const struct expr *e);
int xt_on_limit(struct decoder *d, const struct expr *e);

/* Comparisons of the load in front of them: meta length (cmp or range),
 * a fib type (cmp or a set lookup), an address range (iprange). */
int xt_cmp_length(struct decoder *d, bool neg, const void *data, uint32_t len);
int xt_range_length(struct decoder *d, bool neg, const void *lo, const void *hi);
int xt_cmp_fib(struct decoder *d, bool neg, const void *data, uint32_t len);
int xt_lookup_fib(struct decoder *d, bool neg);
int xt_range_addr(struct decoder *d, bool dst, bool neg, const void *lo,
		  const void *hi);

/* The user data's addrtype value (NSIP_UDATA_ADDRTYPE), read before the
 * expressions; and at the end, whether each side's set agrees with it. */
int xt_read_addrtype_udata(struct nat_rule *r, const uint8_t *v, uint8_t len);
int xt_more_matches_done(const struct decoder *d);

#endif
