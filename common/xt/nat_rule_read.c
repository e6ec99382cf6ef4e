/* Native nftables expressions -> an iptables rule (nat or filter).
 *
 * A small state machine over a rule message's expressions, read in place:
 * it remembers what the last load put into which register and what
 * immediates hold, and gives up on anything the iptables grammar cannot
 * say (the rule then has no iptables form). */
#include "xt/nat_rule.h"
#include "nl/attr.h"
#include "xt/nat_layout.h"
#include "xt/nft_check.h"
#include "xt/nft_expr.h"
#include "xt/filter_read.h"
#include "xt/nft_decoder.h"
#include "xt/xt_match_read.h"

#include <endian.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/rule.h>

static int on_meta(struct decoder *d, const struct expr *e)
{
	if (!is_set(e, NFTA_META_DREG))
		return -1;
	d->what = LD_META;
	d->key = get_u32(e, NFTA_META_KEY);
	d->reg = get_u32(e, NFTA_META_DREG);
	d->len = 4;   /* what a mask of the mark spans */
	d->masked = false;
	d->swapped = false;
	return 0;
}

/* Conntrack's state, for -m conntrack --ctstate and -m state. */
static int on_ct(struct decoder *d, const struct expr *e)
{
	if (!is_set(e, NFTA_CT_DREG) || get_u32(e, NFTA_CT_KEY) != NFT_CT_STATE ||
	    is_set(e, NFTA_CT_DIRECTION))
		return -1;
	d->what = LD_CT;
	d->reg = get_u32(e, NFTA_CT_DREG);
	d->len = 4;
	d->masked = false;
	return 0;
}

static bool is_port(const struct decoder *d, uint32_t off);

static int on_payload(struct decoder *d, const struct expr *e)
{
	if (!is_set(e, NFTA_PAYLOAD_DREG))
		return -1;
	if (get_u32(e, NFTA_PAYLOAD_DREG) == REG_PAIR_DPORT &&
	    is_port(d, OFF_SPORT) && d->reg == REG_MATCH &&
	    get_u32(e, NFTA_PAYLOAD_BASE) == NFT_PAYLOAD_TRANSPORT_HEADER &&
	    get_u32(e, NFTA_PAYLOAD_OFFSET) == OFF_DPORT &&
	    get_u32(e, NFTA_PAYLOAD_LEN) == 2) {
		d->what = LD_PORT_PAIR;
		return 0;
	}
	d->what = LD_PAYLOAD;
	d->base = get_u32(e, NFTA_PAYLOAD_BASE);
	d->off = get_u32(e, NFTA_PAYLOAD_OFFSET);
	d->len = get_u32(e, NFTA_PAYLOAD_LEN);
	d->reg = get_u32(e, NFTA_PAYLOAD_DREG);
	d->masked = false;
	return 0;
}

/* Only a plain mask (xor zero, in place) of an address, of the TCP flags
 * or of the conntrack state maps onto iptables. */
static int on_bitwise(struct decoder *d, const struct expr *e)
{
	const uint8_t *mask, *xor;
	uint32_t len = get_u32(e, NFTA_BITWISE_LEN);

	if (is_set(e, NFTA_BITWISE_OP) &&
	    get_u32(e, NFTA_BITWISE_OP) != NFT_BITWISE_BOOL)
		return -1;   /* a shift, not a mask */
	if ((d->what != LD_PAYLOAD && d->what != LD_CT &&
	     (d->what != LD_META || d->key != NFT_META_MARK)) || d->masked ||
	    len != d->len || len > 4 ||
	    get_u32(e, NFTA_BITWISE_SREG) != d->reg ||
	    get_u32(e, NFTA_BITWISE_DREG) != d->reg)
		return -1;
	mask = data_of(e, NFTA_BITWISE_MASK, len);
	xor = data_of(e, NFTA_BITWISE_XOR, len);
	if (!mask || !xor)
		return -1;
	for (uint32_t i = 0; i < len; i++)
		if (xor[i])
			return -1;
	d->mask = 0;
	memcpy(&d->mask, mask, len);
	d->masked = true;
	return 0;
}

static int set_ifname(struct nat_if_match *m, bool neg, const char *data,
		      uint32_t len)
{
	if (m->set || len == 0 || len > IFNAMSIZ)
		return -1;
	if (!neg && len == sizeof(NO_IFNAME) && !memcmp(data, NO_IFNAME, len)) {
		*m = (struct nat_if_match){ .set = true, .neg = true, .wildcard = true };
		return 0;
	}
	size_t n = strnlen(data, len);

	if (n == 0 || n >= IFNAMSIZ)
		return -1;
	m->set = true;
	m->neg = neg;
	m->wildcard = n == len;   /* no NUL compared: a prefix */
	memcpy(m->name, data, n);
	m->name[n] = '\0';
	return 0;
}

static int set_addr(struct decoder *d, struct nat_addr_match *m, bool neg,
		    const void *data, uint32_t len)
{
	uint32_t prefix_mask = 0;

	if (m->set || len != d->len || len == 0 || len > 4)
		return -1;
	memset(&prefix_mask, 0xff, len);
	m->set = true;
	m->neg = neg;
	m->addr = 0;
	memcpy(&m->addr, data, len);
	m->mask = d->masked ? d->mask : prefix_mask;
	m->addr &= m->mask;
	return 0;
}

static int set_port(struct nat_port_match *m, bool neg, const void *lo,
		    const void *hi)
{
	uint16_t a, b;

	if (m->set)
		return -1;
	memcpy(&a, lo, 2);
	memcpy(&b, hi, 2);
	m->set = true;
	m->neg = neg;
	m->lo = ntohs(a);
	m->hi = ntohs(b);
	return 0;
}

static bool is_port(const struct decoder *d, uint32_t off)
{
	return d->what == LD_PAYLOAD && d->base == NFT_PAYLOAD_TRANSPORT_HEADER &&
	       d->off == off && d->len == 2 && !d->masked;
}

static bool is_net(const struct decoder *d, uint32_t off)
{
	return d->what == LD_PAYLOAD && d->base == NFT_PAYLOAD_NETWORK_HEADER &&
	       d->off == off;
}

static int set_proto(struct nat_rule *r, bool neg, const uint8_t *data)
{
	if (r->proto_set)
		return -1;
	r->proto_set = true;
	r->proto_neg = neg;
	r->proto = data[0];
	return 0;
}

/* What the comparison in front of us is about, from the last load. */
enum field {
	F_NONE, F_IN, F_OUT, F_PROTO, F_SRC, F_DST, F_SPORT, F_DPORT,
	F_CTSTATE, F_TCPFLAGS, F_ICMPTYPE, F_ICMPCODE, F_MARK, F_PORT_PAIR,
	F_LENGTH, F_FIB,
};

static enum field loaded_field(const struct decoder *d)
{
	if (d->what == LD_META) {
		switch (d->key) {
		case NFT_META_IIFNAME: return F_IN;
		case NFT_META_OIFNAME: return F_OUT;
		case NFT_META_L4PROTO: return F_PROTO;
		case NFT_META_MARK: return F_MARK;
		case NFT_META_LEN: return F_LENGTH;
		}
		return F_NONE;
	}
	if (d->what == LD_CT)
		return F_CTSTATE;
	if (d->what == LD_PORT_PAIR)
		return F_PORT_PAIR;
	if (d->what == LD_FIB)
		return F_FIB;
	if (d->what == LD_PAYLOAD && d->base == NFT_PAYLOAD_TRANSPORT_HEADER &&
	    d->off == OFF_TCP_FLAGS && d->len == 1)
		return d->masked ? F_TCPFLAGS : F_NONE;
	if (d->what == LD_PAYLOAD && d->base == NFT_PAYLOAD_TRANSPORT_HEADER &&
	    d->len == 1 && !d->masked && d->off <= OFF_ICMP_CODE)
		return d->off == OFF_ICMP_TYPE ? F_ICMPTYPE : F_ICMPCODE;
	if (is_net(d, OFF_PROTO) && d->len == 1 && !d->masked)
		return F_PROTO;
	if (is_net(d, OFF_SADDR))
		return F_SRC;
	if (is_net(d, OFF_DADDR))
		return F_DST;
	if (is_port(d, OFF_SPORT))
		return F_SPORT;
	if (is_port(d, OFF_DPORT))
		return F_DPORT;
	return F_NONE;
}

/* nft writes a port range as "cmp gte LO" and "cmp lte HI" on one load. */
static int on_cmp_bound(struct decoder *d, uint32_t op, enum field f,
			const void *data, uint32_t len)
{
	struct nat_port_match *m = f == F_SPORT ? &d->r->sport : &d->r->dport;

	if ((f != F_SPORT && f != F_DPORT) || len != 2)
		return -1;
	if (op == NFT_CMP_GTE) {
		if (d->have_lo)
			return -1;
		memcpy(d->lo, data, 2);
		d->have_lo = true;
		return 0;
	}
	if (!d->have_lo)
		return -1;
	d->have_lo = false;
	d->what = LD_NONE;
	return set_port(m, false, d->lo, data);
}

static int on_cmp(struct decoder *d, const struct expr *e)
{
	uint32_t op = get_u32(e, NFTA_CMP_OP), len = 0;
	const void *data = get_value(e, NFTA_CMP_DATA, &len);
	bool neg = op == NFT_CMP_NEQ;
	enum field f = loaded_field(d);
	struct nat_rule *r = d->r;
	bool from_payload;

	if (!data || get_u32(e, NFTA_CMP_SREG) != d->reg)
		return -1;
	if (op == NFT_CMP_GTE || op == NFT_CMP_LTE)
		return on_cmp_bound(d, op, f, data, len);
	if ((op != NFT_CMP_EQ && op != NFT_CMP_NEQ) || d->have_lo)
		return -1;
	from_payload = d->what == LD_PAYLOAD;
	d->what = LD_NONE;   /* each load feeds one comparison */
	switch (f) {
	case F_IN:
		return set_ifname(&r->in, neg, data, len);
	case F_OUT:
		return set_ifname(&r->out, neg, data, len);
	case F_PROTO:
		/* "ip protocol icmp" after -p icmp: --icmp-type any. */
		if (r->proto_set && from_payload)
			return xt_read_icmp(r, XT_ICMP_ANY_PROTO, neg, data, len);
		return len == 1 ? set_proto(r, neg, data) : -1;
	case F_ICMPTYPE:
		return xt_read_icmp(r, XT_ICMP_TYPE, neg, data, len);
	case F_ICMPCODE:
		return xt_read_icmp(r, XT_ICMP_CODE, neg, data, len);
	case F_SRC:
		return set_addr(d, &r->src, neg, data, len);
	case F_DST:
		return set_addr(d, &r->dst, neg, data, len);
	case F_SPORT:
		return len == 2 ? set_port(&r->sport, neg, data, data) : -1;
	case F_DPORT:
		return len == 2 ? set_port(&r->dport, neg, data, data) : -1;
	case F_CTSTATE:
		return xt_read_ct_state(r, op, d->masked, d->mask, data, len);
	case F_TCPFLAGS: {
		uint8_t m;

		memcpy(&m, &d->mask, 1);
		return xt_read_tcp_flags(r, op, m, data, len);
	}
	case F_MARK:
		return xt_read_mark(r, neg, d->masked ? d->mask : UINT32_MAX, data,
				    len);
	case F_LENGTH:
		return xt_cmp_length(d, neg, data, len);
	case F_FIB:
		return xt_cmp_fib(d, neg, data, len);
	case F_PORT_PAIR:
	case F_NONE:
		break;
	}
	return -1;
}

/* A range of a port, of an address (-m iprange) or of the length. */
static int on_range(struct decoder *d, const struct expr *e)
{
	uint32_t op = get_u32(e, NFTA_RANGE_OP);
	enum field f = loaded_field(d);
	uint32_t len = f == F_SPORT || f == F_DPORT ? 2 : 4;
	const void *lo = data_of(e, NFTA_RANGE_FROM_DATA, len);
	const void *hi = data_of(e, NFTA_RANGE_TO_DATA, len);
	bool neg = op == NFT_RANGE_NEQ;

	if (!lo || !hi || (op != NFT_RANGE_EQ && op != NFT_RANGE_NEQ) ||
	    get_u32(e, NFTA_RANGE_SREG) != d->reg)
		return -1;
	d->what = LD_NONE;
	switch (f) {
	case F_SPORT: return set_port(&d->r->sport, neg, lo, hi);
	case F_DPORT: return set_port(&d->r->dport, neg, lo, hi);
	case F_SRC: return xt_range_addr(d, false, neg, lo, hi);
	case F_DST: return xt_range_addr(d, true, neg, lo, hi);
	case F_LENGTH: return xt_range_length(d, neg, lo, hi);
	default: return -1;
	}
}

static int on_lookup(struct decoder *d, const struct expr *e)
{
	enum field f = loaded_field(d);
	uint32_t flags = get_u32(e, NFTA_LOOKUP_FLAGS);

	if (f == F_FIB && !d->have_lo && !is_set(e, NFTA_LOOKUP_DREG) &&
	    is_set(e, NFTA_LOOKUP_SET) && get_u32(e, NFTA_LOOKUP_SREG) == d->reg &&
	    !(flags & ~NFT_LOOKUP_F_INV))
		return xt_lookup_fib(d, flags & NFT_LOOKUP_F_INV);
	if ((f != F_SPORT && f != F_DPORT && f != F_PORT_PAIR) || d->lookup_seen ||
	    d->have_lo ||
	    is_set(e, NFTA_LOOKUP_DREG) || !is_set(e, NFTA_LOOKUP_SET) ||
	    get_u32(e, NFTA_LOOKUP_SREG) != d->reg || (flags & ~NFT_LOOKUP_F_INV))
		return -1;
	d->what = LD_NONE;
	d->lookup_seen = true;
	d->lookup_src = f == F_SPORT;
	d->lookup_any = f == F_PORT_PAIR;
	d->lookup_neg = flags & NFT_LOOKUP_F_INV;
	return 0;
}

static int on_counter(struct decoder *d, const struct expr *e)
{
	if (d->r->has_counter)
		return -1;
	d->r->has_counter = true;
	d->r->packets = get_u64(e, NFTA_COUNTER_PACKETS);
	d->r->bytes = get_u64(e, NFTA_COUNTER_BYTES);
	return 0;
}

static int on_verdict(struct decoder *d, const struct expr *e)
{
	struct nat_rule *r = d->r;
	const struct nlattr *verdict = data_part(e, NFTA_IMMEDIATE_DATA, NFTA_DATA_VERDICT);
	struct expr parts = { .name = NULL };
	const char *chain;
	int32_t v;

	if (!verdict)
		return -1;
	read_attrs(verdict, &parts);
	v = (int32_t)get_u32(&parts, NFTA_VERDICT_CODE);

	d->target_seen = true;
	switch (v) {
	case NF_ACCEPT:
		r->target = NAT_T_ACCEPT;
		return 0;
	case NF_DROP:
		r->target = NAT_T_DROP;
		return 0;
	case NFT_RETURN:
		r->target = NAT_T_RETURN;
		return 0;
	case NFT_GOTO:
		r->go = true;
		/* fall through */
	case NFT_JUMP:
		chain = is_set(&parts, NFTA_VERDICT_CHAIN) ?
			attr_data(parts.tb[NFTA_VERDICT_CHAIN]) : NULL;
		if (!chain || strlen(chain) > NAT_CHAIN_MAX)
			return -1;
		r->target = NAT_T_JUMP;
		memcpy(r->jump, chain, strlen(chain) + 1);
		return 0;
	}
	return -1;
}

static int on_immediate(struct decoder *d, const struct expr *e)
{
	uint32_t reg = get_u32(e, NFTA_IMMEDIATE_DREG), len = 0;
	const void *data;

	if (!is_set(e, NFTA_IMMEDIATE_DREG))
		return -1;
	if (reg == NFT_REG_VERDICT)
		return on_verdict(d, e);
	data = get_value(e, NFTA_IMMEDIATE_DATA, &len);
	if (!data || reg >= N_REGS || len == 0 || len > 16)
		return -1;
	memcpy(d->imm[reg], data, len);
	d->imm_len[reg] = len;
	return 0;
}

/* A register an immediate loaded with exactly len bytes, or NULL. */
static const void *reg_value(const struct decoder *d, const struct expr *e,
			     uint16_t attr, uint32_t len)
{
	uint32_t reg;

	if (!is_set(e, attr))
		return NULL;
	reg = get_u32(e, attr);
	if (reg >= N_REGS || d->imm_len[reg] != len)
		return NULL;
	return d->imm[reg];
}

/* Ports of a NAT range, from the registers the expression names. */
static int read_ports(const struct decoder *d, const struct expr *e,
		      uint16_t min_attr, uint16_t max_attr)
{
	const void *lo = reg_value(d, e, min_attr, 2);
	const void *hi = reg_value(d, e, max_attr, 2);
	uint16_t a, b;

	if (!is_set(e, min_attr))
		return 0;
	if (!lo)
		return -1;
	if (!hi && is_set(e, max_attr))
		return -1;
	memcpy(&a, lo, 2);
	memcpy(&b, hi ? hi : lo, 2);
	d->r->has_ports = true;
	d->r->port_lo = ntohs(a);
	d->r->port_hi = ntohs(b);
	return 0;
}

/* --random, --random-fully and --persistent; other flags (a port shift,
 * netmap) have no iptables form in nsip's grammar. */
static int read_flags(struct nat_rule *r, const struct expr *e, uint16_t attr)
{
	const uint32_t known = NF_NAT_RANGE_PROTO_RANDOM |
		NF_NAT_RANGE_PROTO_RANDOM_FULLY | NF_NAT_RANGE_PERSISTENT;
	uint32_t f = is_set(e, attr) ? get_u32(e, attr) : 0;

	f &= ~(uint32_t)(NF_NAT_RANGE_MAP_IPS | NF_NAT_RANGE_PROTO_SPECIFIED);
	r->random = f & NF_NAT_RANGE_PROTO_RANDOM;
	r->random_fully = f & NF_NAT_RANGE_PROTO_RANDOM_FULLY;
	r->persistent = f & NF_NAT_RANGE_PERSISTENT;
	return (f & ~known) ? -1 : 0;
}

static int on_nat(struct decoder *d, const struct expr *e)
{
	uint32_t type = get_u32(e, NFTA_NAT_TYPE);
	const void *lo = reg_value(d, e, NFTA_NAT_REG_ADDR_MIN, 4);
	const void *hi = reg_value(d, e, NFTA_NAT_REG_ADDR_MAX, 4);
	struct nat_rule *r = d->r;

	/* No address: "--to-source :PORT", ports alone. */
	if (get_u32(e, NFTA_NAT_FAMILY) != NFPROTO_IPV4 ||
	    (!lo && (is_set(e, NFTA_NAT_REG_ADDR_MIN) || hi)) ||
	    (!hi && is_set(e, NFTA_NAT_REG_ADDR_MAX)))
		return -1;
	r->target = type == NFT_NAT_SNAT ? NAT_T_SNAT : NAT_T_DNAT;
	r->has_addr = lo != NULL;
	if (lo) {
		memcpy(&r->addr_lo, lo, 4);
		memcpy(&r->addr_hi, hi ? hi : lo, 4);
	}
	d->target_seen = true;
	if (read_ports(d, e, NFTA_NAT_REG_PROTO_MIN,
		       NFTA_NAT_REG_PROTO_MAX) < 0 || read_flags(r, e, NFTA_NAT_FLAGS) < 0)
		return -1;
	return r->target == NAT_T_DNAT && r->random_fully ? -1 : 0;   /* as iptables' DNAT */
}

static int on_masq(struct decoder *d, const struct expr *e)
{
	d->r->target = NAT_T_MASQUERADE;
	d->target_seen = true;
	if (read_ports(d, e, NFTA_MASQ_REG_PROTO_MIN,
		       NFTA_MASQ_REG_PROTO_MAX) < 0 || read_flags(d->r, e, NFTA_MASQ_FLAGS) < 0)
		return -1;
	return d->r->persistent ? -1 : 0;
}

static int on_redir(struct decoder *d, const struct expr *e)
{
	d->r->target = NAT_T_REDIRECT;
	d->target_seen = true;
	if (read_ports(d, e, NFTA_REDIR_REG_PROTO_MIN,
		       NFTA_REDIR_REG_PROTO_MAX) < 0 || read_flags(d->r, e, NFTA_REDIR_FLAGS) < 0)
		return -1;
	return d->r->persistent || d->r->random_fully ? -1 : 0;
}

static int on_reject(struct decoder *d, const struct expr *e)
{
	d->target_seen = true;
	return xt_read_reject(d->r, e);
}

static int on_log(struct decoder *d, const struct expr *e)
{
	d->target_seen = true;
	return xt_read_log(d->r, e);
}

typedef int decode_fn(struct decoder *d, const struct expr *e);

static decode_fn *const decoders[EXPR_KINDS] = {
	[EXPR_META] = on_meta,       [EXPR_PAYLOAD] = on_payload,
	[EXPR_BITWISE] = on_bitwise, [EXPR_CMP] = on_cmp,
	[EXPR_RANGE] = on_range,     [EXPR_COUNTER] = on_counter,
	[EXPR_IMMEDIATE] = on_immediate, [EXPR_NAT] = on_nat,
	[EXPR_MASQ] = on_masq,       [EXPR_REDIR] = on_redir,
	[EXPR_CT] = on_ct,           [EXPR_REJECT] = on_reject,
	[EXPR_LOG] = on_log,         [EXPR_LOOKUP] = on_lookup,
	[EXPR_FIB] = xt_on_fib,      [EXPR_BYTEORDER] = xt_on_byteorder,
	[EXPR_LIMIT] = xt_on_limit,
};

static int decode_one(struct decoder *d, const struct expr *e)
{
	decode_fn *fn = decoders[nft_expr_kind(e->name)];

	/* The target ends an iptables rule: nothing may follow it. */
	if (d->target_seen || !fn)
		return -1;
	return fn(d, e);
}

/* Ports need their protocol, as in iptables' tcp, udp and multiport
 * matches. */
static bool tcp_or_udp(const struct nat_rule *r)
{
	return r->proto_set && !r->proto_neg &&
	       (r->proto == IPPROTO_TCP || r->proto == IPPROTO_UDP);
}

int nat_rule_from_view(const struct nft_rule_view *v, struct nat_rule *r)
{
	struct decoder d = { .r = r };
	const struct nlattr *elem;
	struct expr e;

	memset(r, 0, sizeof(*r));
	r->handle = v->handle;
	/* First what nsip's user data says, which some reads check against
	 * (an addrtype set's types). */
	if (v->udata && xt_read_udata(r, v->udata, v->udata_len) < 0)
		return -1;
	if (v->exprs)
		ATTR_EACH_NESTED(elem, v->exprs)
			if (read_expr(elem, &e) < 0 || decode_one(&d, &e) < 0)
				return -1;
	if (d.what != LD_NONE || d.have_lo ||
	    ((r->sport.set || r->dport.set) && !tcp_or_udp(r)))
		return -1;
	if (r->tcpf_set && (!r->proto_set || r->proto_neg || r->proto != IPPROTO_TCP))
		return -1;
	if (r->icmp.set && (!r->proto_set || r->proto_neg || r->proto != IPPROTO_ICMP))
		return -1;
	if (xt_more_matches_done(&d) < 0)
		return -1;
	r->ct.as_state = r->ct.as_state && r->ct.set;
	/* The set's ports are the kernel's; what they were written as is
	 * the user data's, which must speak of the same lookup. */
	if (d.lookup_seen != r->mport.set ||
	    (r->mport.set && (d.lookup_src != r->mport.src || d.lookup_any != r->mport.any ||
			      d.lookup_neg != r->mport.neg)))
		return -1;
	if (r->mport.set && !tcp_or_udp(r))
		return -1;
	return 0;
}

int nat_rule_from_nftnl(struct nftnl_rule *nr, struct nat_rule *r)
{
	static char buf[8192];
	struct nlmsghdr *nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE,
						     NFPROTO_IPV4, 0, 0);
	struct nft_rule_view v;

	nftnl_rule_nlmsg_build_payload(nlh, nr);
	if (!nft_rule_msg_sane(nlh))
		return -1;
	nft_rule_view_of(nlh, &v);
	v.handle = nftnl_rule_get_u64(nr, NFTNL_RULE_HANDLE);
	return nat_rule_from_view(&v, r);
}
