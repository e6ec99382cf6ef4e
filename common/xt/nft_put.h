/* The expressions a rule's matches are made of, appended to a libnftnl
 * rule: loads into a register, a mask, comparisons. Shared by the writers
 * of nsip's rules (nat_rule_write.c, xt_match_write.c); every load and
 * comparison is on REG_MATCH (nat_layout.h) unless a register is named. */
#ifndef NSIP_NFT_PUT_H
#define NSIP_NFT_PUT_H

#include <stdbool.h>
#include <stdint.h>

struct nftnl_rule;
struct nftnl_expr;

/* A new expression of that name at the rule's end, or NULL. */
struct nftnl_expr *nft_put_expr(struct nftnl_rule *nr, const char *name);
/* Each 0, or -1 when out of memory. */
int nft_put_meta(struct nftnl_rule *nr, uint32_t key);
int nft_put_payload(struct nftnl_rule *nr, uint32_t base, uint32_t off,
		    uint32_t len);
int nft_put_payload_reg(struct nftnl_rule *nr, uint32_t base, uint32_t off,
			uint32_t len, uint32_t reg);
/* "== data" (or "!=" when neg); nft_put_cmp_op with any NFT_CMP_* op. */
int nft_put_cmp(struct nftnl_rule *nr, bool neg, const void *data, uint32_t len);
int nft_put_cmp_op(struct nftnl_rule *nr, uint32_t op, const void *data,
		   uint32_t len);
/* The register and'ed with mask in place (xor zero). */
int nft_put_mask(struct nftnl_rule *nr, const void *mask, uint32_t len);
/* In [lo, hi] (or not, when neg), both len bytes. */
int nft_put_range(struct nftnl_rule *nr, bool neg, const void *lo,
		  const void *hi, uint32_t len);

#endif
