/* The expressions of a rule's matches (see nft_put.h). */
#include "xt/nft_put.h"
#include "xt/nat_layout.h"

#include <stdio.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>

struct nftnl_expr *nft_put_expr(struct nftnl_rule *nr, const char *name)
{
	struct nftnl_expr *e = nftnl_expr_alloc(name);

	if (e)
		nftnl_rule_add_expr(nr, e);
	return e;
}

int nft_put_meta(struct nftnl_rule *nr, uint32_t key)
{
	struct nftnl_expr *e = nft_put_expr(nr, "meta");

	if (!e)
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, key);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, REG_MATCH);
	return 0;
}

int nft_put_payload_reg(struct nftnl_rule *nr, uint32_t base, uint32_t off,
			uint32_t len, uint32_t reg)
{
	struct nftnl_expr *e = nft_put_expr(nr, "payload");

	if (!e)
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, off);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, reg);
	return 0;
}

int nft_put_payload(struct nftnl_rule *nr, uint32_t base, uint32_t off,
		    uint32_t len)
{
	return nft_put_payload_reg(nr, base, off, len, REG_MATCH);
}

int nft_put_cmp_op(struct nftnl_rule *nr, uint32_t op, const void *data,
		   uint32_t len)
{
	struct nftnl_expr *e = nft_put_expr(nr, "cmp");

	if (!e)
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, op);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, len);
	return 0;
}

int nft_put_cmp(struct nftnl_rule *nr, bool neg, const void *data, uint32_t len)
{
	return nft_put_cmp_op(nr, neg ? NFT_CMP_NEQ : NFT_CMP_EQ, data, len);
}

int nft_put_mask(struct nftnl_rule *nr, const void *mask, uint32_t len)
{
	struct nftnl_expr *e = nft_put_expr(nr, "bitwise");
	uint32_t zero[4] = { 0 };

	if (!e || len > sizeof(zero))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_SREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_DREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BITWISE_LEN, len);
	nftnl_expr_set(e, NFTNL_EXPR_BITWISE_MASK, mask, len);
	nftnl_expr_set(e, NFTNL_EXPR_BITWISE_XOR, zero, len);
	return 0;
}

int nft_put_range(struct nftnl_rule *nr, bool neg, const void *lo,
		  const void *hi, uint32_t len)
{
	struct nftnl_expr *e = nft_put_expr(nr, "range");

	if (!e)
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_SREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_RANGE_OP, neg ? NFT_RANGE_NEQ : NFT_RANGE_EQ);
	nftnl_expr_set(e, NFTNL_EXPR_RANGE_FROM_DATA, lo, len);
	nftnl_expr_set(e, NFTNL_EXPR_RANGE_TO_DATA, hi, len);
	return 0;
}
