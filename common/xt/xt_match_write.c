/* -m length, -m iprange, -m limit and -m addrtype as native nftables
 * expressions (called by nat_rule_write.c; read back by xt_match_read.c):
 * "meta length", "ip saddr A-B", "limit rate N/unit burst B packets",
 * "fib saddr [. iif] type T" or a set of types, as nft writes them. */
#include "xt/xt_match_write.h"
#include "xt/nat_layout.h"
#include "xt/nft_put.h"
#include "xt/xt_matchparse.h"

#include <endian.h>
#include <stdio.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>

/* One value: "meta length N", in host order as nft keeps it; a range:
 * turned to network order first, as nft does for a range of it. */
static int put_length(const struct xt_length_match *m, struct nftnl_rule *nr)
{
	struct nftnl_expr *e;
	uint32_t lo = m->lo, hi = m->hi;

	if (!m->set)
		return 0;
	if (nft_put_meta(nr, NFT_META_LEN) < 0)
		return -1;
	if (m->lo == m->hi)
		return nft_put_cmp(nr, m->neg, &lo, 4);
	if (!(e = nft_put_expr(nr, "byteorder")))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_BYTEORDER_SREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BYTEORDER_DREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BYTEORDER_OP, NFT_BYTEORDER_HTON);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BYTEORDER_LEN, 4);
	nftnl_expr_set_u32(e, NFTNL_EXPR_BYTEORDER_SIZE, 4);
	lo = htobe32(lo);
	hi = htobe32(hi);
	return nft_put_range(nr, m->neg, &lo, &hi, 4);
}

static int put_range(const struct xt_range *m, uint32_t off, struct nftnl_rule *nr)
{
	if (!m->set)
		return 0;
	if (nft_put_payload(nr, NFT_PAYLOAD_NETWORK_HEADER, off, 4) < 0)
		return -1;
	return nft_put_range(nr, m->neg, &m->lo, &m->hi, 4);
}

/* The rate in the unit iptables shows it in, as iptables-nft writes it. */
static int put_limit(const struct xt_limit_match *m, struct nftnl_rule *nr)
{
	struct nftnl_expr *e;
	uint64_t unit, rate;

	if (!m->set)
		return 0;
	if (!(e = nft_put_expr(nr, "limit")))
		return -1;
	rate = xt_limit_rate(m->avg, &unit);
	nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_RATE, rate);
	nftnl_expr_set_u64(e, NFTNL_EXPR_LIMIT_UNIT, unit);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_BURST, m->burst);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_TYPE, NFT_LIMIT_PKTS);
	nftnl_expr_set_u32(e, NFTNL_EXPR_LIMIT_FLAGS, 0);
	return 0;
}

static int lowest_type(uint16_t mask)
{
	int t = 0;

	while (t < XT_ADDRTYPE_MAX && !(mask & 1u << t))
		t++;
	return t;
}

uint32_t xt_fib_flags(const struct xt_addrtype_match *a, bool dst)
{
	uint32_t f = dst ? NFTA_FIB_F_DADDR : NFTA_FIB_F_SADDR;

	if (a->limit_in)
		f |= NFTA_FIB_F_IIF;
	if (a->limit_out)
		f |= NFTA_FIB_F_OIF;
	return f;
}

/* One type: "fib saddr type T"; more: looked up in the rule's set of
 * types (nft_add_rule_sets). */
static int put_addrtype(const struct xt_addrtype_match *a, bool dst,
			struct nftnl_rule *nr)
{
	uint16_t mask = dst ? a->dst : a->src;
	bool neg = dst ? a->dst_neg : a->src_neg;
	uint32_t type = (uint32_t)lowest_type(mask);
	struct nftnl_expr *e;

	if (!mask)
		return 0;
	if (!(e = nft_put_expr(nr, "fib")))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_FIB_DREG, REG_MATCH);
	nftnl_expr_set_u32(e, NFTNL_EXPR_FIB_RESULT, NFT_FIB_RESULT_ADDRTYPE);
	nftnl_expr_set_u32(e, NFTNL_EXPR_FIB_FLAGS, xt_fib_flags(a, dst));
	if (!(mask & (mask - 1)))
		return nft_put_cmp(nr, neg, &type, 4);
	if (!(e = nft_put_expr(nr, "lookup")))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_SREG, REG_MATCH);
	nftnl_expr_set_str(e, NFTNL_EXPR_LOOKUP_SET, "__set%d");
	nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_SET_ID,
			   dst ? a->dst_set_id : a->src_set_id);
	if (neg)
		nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_FLAGS, NFT_LOOKUP_F_INV);
	return 0;
}

int xt_put_more_matches(const struct nat_rule *r, struct nftnl_rule *nr)
{
	if (put_length(&r->length, nr) < 0 ||
	    put_range(&r->iprange.src, OFF_SADDR, nr) < 0 ||
	    put_range(&r->iprange.dst, OFF_DADDR, nr) < 0 ||
	    put_addrtype(&r->addrtype, false, nr) < 0 ||
	    put_addrtype(&r->addrtype, true, nr) < 0)
		return -1;
	return put_limit(&r->limit, nr);
}
