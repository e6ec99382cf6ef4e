/* -m length, iprange, limit and addrtype read back (see xt_match_read.h). */
#include "xt/xt_match_read.h"
#include "xt/xt_matchparse.h"

#include <endian.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>

static bool several(uint16_t mask)
{
	return mask & (mask - 1);
}

/* ---- length ----------------------------------------------------------- */

/* Only nsip's turn of "meta length" to network order, in place. */
int xt_on_byteorder(struct decoder *d, const struct expr *e)
{
	if (d->what != LD_META || d->key != NFT_META_LEN || d->swapped ||
	    get_u32(e, NFTA_BYTEORDER_SREG) != d->reg ||
	    get_u32(e, NFTA_BYTEORDER_DREG) != d->reg ||
	    get_u32(e, NFTA_BYTEORDER_OP) != NFT_BYTEORDER_HTON ||
	    get_u32(e, NFTA_BYTEORDER_LEN) != 4 ||
	    get_u32(e, NFTA_BYTEORDER_SIZE) != 4)
		return -1;
	d->swapped = true;
	return 0;
}

static int set_length(struct nat_rule *r, bool neg, uint32_t lo, uint32_t hi)
{
	if (r->length.set || lo > 65535 || hi > 65535)
		return -1;
	r->length = (struct xt_length_match){ true, neg, (uint16_t)lo, (uint16_t)hi };
	return 0;
}

int xt_cmp_length(struct decoder *d, bool neg, const void *data, uint32_t len)
{
	uint32_t v;

	if (d->swapped || len != 4)
		return -1;
	memcpy(&v, data, 4);
	return set_length(d->r, neg, v, v);
}

int xt_range_length(struct decoder *d, bool neg, const void *lo, const void *hi)
{
	uint32_t a, b;

	if (!d->swapped)
		return -1;
	memcpy(&a, lo, 4);
	memcpy(&b, hi, 4);
	/* One value is written as a comparison, never as a range. */
	if (be32toh(a) == be32toh(b))
		return -1;
	return set_length(d->r, neg, be32toh(a), be32toh(b));
}

/* ---- iprange ---------------------------------------------------------- */

int xt_range_addr(struct decoder *d, bool dst, bool neg, const void *lo,
		  const void *hi)
{
	struct xt_range *m = dst ? &d->r->iprange.dst : &d->r->iprange.src;

	if (m->set || d->masked || d->len != 4)
		return -1;
	m->set = true;
	m->neg = neg;
	memcpy(&m->lo, lo, 4);
	memcpy(&m->hi, hi, 4);
	return 0;
}

/* ---- limit ------------------------------------------------------------ */

/* Packets (not bytes), not inverted, in a unit and rate iptables would
 * write for the same mean time between packets. */
int xt_on_limit(struct decoder *d, const struct expr *e)
{
	struct xt_limit_match *m = &d->r->limit;
	uint64_t rate = get_u64(e, NFTA_LIMIT_RATE), unit = get_u64(e, NFTA_LIMIT_UNIT);
	uint32_t burst = get_u32(e, NFTA_LIMIT_BURST);
	uint64_t again_unit, avg;

	if (m->set || get_u32(e, NFTA_LIMIT_TYPE) != NFT_LIMIT_PKTS ||
	    get_u32(e, NFTA_LIMIT_FLAGS) || !rate || !burst || burst > 10000 ||
	    (unit != 1 && unit != 60 && unit != 3600 && unit != 86400))
		return -1;
	avg = XT_LIMIT_SCALE * unit / rate;
	if (!avg || xt_limit_rate((uint32_t)avg, &again_unit) != rate ||
	    again_unit != unit)
		return -1;
	*m = (struct xt_limit_match){ true, (uint32_t)avg, burst };
	return 0;
}

/* ---- addrtype --------------------------------------------------------- */

/* "fib saddr|daddr [. iif|oif] type": the side is the address it looks
 * up; both sides of a rule share the device part. */
int xt_on_fib(struct decoder *d, const struct expr *e)
{
	struct xt_addrtype_match *a = &d->r->addrtype;
	uint32_t f = get_u32(e, NFTA_FIB_FLAGS);
	uint32_t side = f & (NFTA_FIB_F_SADDR | NFTA_FIB_F_DADDR);
	uint32_t dev = f & (NFTA_FIB_F_IIF | NFTA_FIB_F_OIF);

	if (!is_set(e, NFTA_FIB_DREG) ||
	    get_u32(e, NFTA_FIB_RESULT) != NFT_FIB_RESULT_ADDRTYPE ||
	    (f & ~(side | dev)) || (side != NFTA_FIB_F_SADDR && side != NFTA_FIB_F_DADDR) ||
	    dev == (NFTA_FIB_F_IIF | NFTA_FIB_F_OIF))
		return -1;
	if (d->fib_seen && (a->limit_in != (dev == NFTA_FIB_F_IIF) ||
			    a->limit_out != (dev == NFTA_FIB_F_OIF)))
		return -1;
	d->fib_seen = true;
	a->limit_in = dev == NFTA_FIB_F_IIF;
	a->limit_out = dev == NFTA_FIB_F_OIF;
	d->what = LD_FIB;
	d->reg = get_u32(e, NFTA_FIB_DREG);
	d->fib_flags = f;
	d->masked = false;
	return 0;
}

static bool fib_dst(const struct decoder *d)
{
	return d->fib_flags & NFTA_FIB_F_DADDR;
}

/* One type: the side had none yet (not from the user data either). */
int xt_cmp_fib(struct decoder *d, bool neg, const void *data, uint32_t len)
{
	struct xt_addrtype_match *a = &d->r->addrtype;
	uint16_t *mask = fib_dst(d) ? &a->dst : &a->src;
	uint32_t v;

	if (len != 4)
		return -1;
	memcpy(&v, data, 4);
	if (*mask || v > XT_ADDRTYPE_MAX)
		return -1;
	*mask = (uint16_t)(1u << v);
	if (fib_dst(d))
		a->dst_neg = neg;
	else
		a->src_neg = neg;
	return 0;
}

/* Several types: in a set; which they are, the user data says. */
int xt_lookup_fib(struct decoder *d, bool neg)
{
	int side = fib_dst(d);

	if (d->fib_set[side])
		return -1;
	d->fib_set[side] = true;
	d->fib_set_neg[side] = neg;
	d->what = LD_NONE;
	return 0;
}

int xt_read_addrtype_udata(struct nat_rule *r, const uint8_t *v, uint8_t len)
{
	uint16_t src, dst;

	if (len != 4)
		return -1;
	src = (uint16_t)(v[0] << 8 | v[1]);
	dst = (uint16_t)(v[2] << 8 | v[3]);
	if ((src && !several(src)) || (dst && !several(dst)) || (!src && !dst) ||
	    (src | dst) >> (XT_ADDRTYPE_MAX + 1))
		return -1;
	r->addrtype.src = src;
	r->addrtype.dst = dst;
	return 0;
}

int xt_more_matches_done(const struct decoder *d)
{
	struct xt_addrtype_match *a = &d->r->addrtype;

	if (several(a->src) != d->fib_set[0] || several(a->dst) != d->fib_set[1])
		return -1;
	if (d->fib_set[0])
		a->src_neg = d->fib_set_neg[0];
	if (d->fib_set[1])
		a->dst_neg = d->fib_set_neg[1];
	/* A device part with no side says nothing iptables can. */
	return !a->src && !a->dst && (a->limit_in || a->limit_out) ? -1 : 0;
}
