/* An iptables rule (nat or filter) -> native nftables expressions.
 *
 * Each match is a load into register 1 (meta or payload), an optional
 * mask (bitwise) and a comparison (cmp or range); then a counter, so that
 * -v and -Z work; then the target: a verdict, or immediates that load the
 * NAT range into registers followed by masq, nat or redir, or reject or
 * log. A comment goes into the rule's user data, as nft keeps it. These are the
 * expressions nft itself writes, so `nft list ruleset` shows the rules in
 * its own words. */
#include "xt/nat_rule.h"
#include "xt/nat_layout.h"
#include "xt/filter_read.h"
#include "xt/multiport.h"
#include "xt/nft_put.h"
#include "xt/xt_match_write.h"

#include <endian.h>
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_nat.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <libnftnl/udata.h>

static int add_ifname(struct nftnl_rule *nr, uint32_t key,
		      const struct nat_if_match *m)
{
	char name[IFNAMSIZ] = "";
	size_t n = strlen(m->name);

	if (!m->set)
		return 0;
	memcpy(name, m->name, n);
	/* A wildcard compares only the prefix; a name includes its NUL. */
	if (nft_put_meta(nr, key) < 0)
		return -1;
	if (n == 0)   /* "! -i +": no interface, as iptables-nft writes it */
		return nft_put_cmp(nr, false, NO_IFNAME, sizeof(NO_IFNAME));
	return nft_put_cmp(nr, m->neg, name, m->wildcard ? n : n + 1);
}

static int add_addr(struct nftnl_rule *nr, uint32_t off,
		    const struct nat_addr_match *m)
{
	uint32_t addr = m->addr & m->mask;

	if (!m->set)
		return 0;
	if (nft_put_payload(nr, NFT_PAYLOAD_NETWORK_HEADER, off, 4) < 0)
		return -1;
	if (m->mask != 0xffffffff && nft_put_mask(nr, &m->mask, 4) < 0)
		return -1;
	return nft_put_cmp(nr, m->neg, &addr, 4);
}

static int add_port(struct nftnl_rule *nr, uint32_t off,
		    const struct nat_port_match *m)
{
	uint16_t lo = htons(m->lo), hi = htons(m->hi);

	if (!m->set)
		return 0;
	if (nft_put_payload(nr, NFT_PAYLOAD_TRANSPORT_HEADER, off, 2) < 0)
		return -1;
	if (m->lo == m->hi)
		return nft_put_cmp(nr, m->neg, &lo, 2);
	return nft_put_range(nr, m->neg, &lo, &hi, 2);
}

/* --tcp-flags: "tcp flags & MASK == COMP", as nft writes it (--syn: mask
 * fin|syn|rst|ack, comp syn). */
static int add_syn(const struct nat_rule *r, struct nftnl_rule *nr)
{
	uint8_t mask = r->tcpf_mask, flags = r->tcpf_comp;

	if (!r->tcpf_set)
		return 0;
	if (nft_put_payload(nr, NFT_PAYLOAD_TRANSPORT_HEADER, OFF_TCP_FLAGS, 1) < 0 ||
	    nft_put_mask(nr, &mask, 1) < 0)
		return -1;
	return nft_put_cmp(nr, r->tcpf_neg, &flags, 1);
}

/* --icmp-type: "icmp type T", and "icmp code C" for one code; type any
 * as iptables-nft writes it, "ip protocol icmp" once more (every ICMP
 * packet). A negation is of the type alone (nat_build refuses others). */
static int add_icmp(const struct nat_rule *r, struct nftnl_rule *nr)
{
	const struct xt_icmp *m = &r->icmp;
	uint8_t proto = IPPROTO_ICMP;

	if (!m->set)
		return 0;
	if (m->type == XT_ICMP_ANY)
		return nft_put_payload(nr, NFT_PAYLOAD_NETWORK_HEADER, OFF_PROTO, 1) < 0 ?
			-1 : nft_put_cmp(nr, false, &proto, 1);
	if (nft_put_payload(nr, NFT_PAYLOAD_TRANSPORT_HEADER, OFF_ICMP_TYPE, 1) < 0 ||
	    nft_put_cmp(nr, m->neg, &m->type, 1) < 0)
		return -1;
	if (xt_icmp_any_code(m))
		return 0;
	if (nft_put_payload(nr, NFT_PAYLOAD_TRANSPORT_HEADER, OFF_ICMP_CODE, 1) < 0)
		return -1;
	return nft_put_cmp(nr, false, &m->code_min, 1);
}

/* -m mark: "meta mark [& MASK] == VALUE", in host order as nft keeps
 * it. */
static int add_mark(const struct nat_rule *r, struct nftnl_rule *nr)
{
	const struct xt_mark_match *m = &r->mark;

	if (!m->set)
		return 0;
	if (nft_put_meta(nr, NFT_META_MARK) < 0 ||
	    (m->mask != UINT32_MAX && nft_put_mask(nr, &m->mask, 4) < 0))
		return -1;
	return nft_put_cmp(nr, m->neg, &m->value, 4);
}

/* --ctstate / --state: "ct state & STATES != 0" (== 0 when negated); the
 * register holds the state in host order. */
static int add_ct_state(const struct nat_rule *r, struct nftnl_rule *nr)
{
	struct nftnl_expr *e;
	uint32_t zero = 0;

	if (!r->ct.set)
		return 0;
	if (!(e = nft_put_expr(nr, "ct")))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_CT_KEY, NFT_CT_STATE);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CT_DREG, REG_MATCH);
	if (nft_put_mask(nr, &r->ct.states, 4) < 0)
		return -1;
	return nft_put_cmp(nr, !r->ct.neg, &zero, 4);
}

/* -m multiport: the port looked up in the rule's anonymous set (made in
 * the same batch, named by its id: nft_add_port_set). */
static int add_multiport(const struct nat_rule *r, struct nftnl_rule *nr)
{
	struct nftnl_expr *e;

	if (!r->mport.set)
		return 0;
	if (r->mport.any) {   /* sport . dport, each in its 32-bit place */
		if (nft_put_payload(nr, NFT_PAYLOAD_TRANSPORT_HEADER, OFF_SPORT, 2) < 0 ||
		    nft_put_payload_reg(nr, NFT_PAYLOAD_TRANSPORT_HEADER, OFF_DPORT, 2,
					REG_PAIR_DPORT) < 0)
			return -1;
	} else if (nft_put_payload(nr, NFT_PAYLOAD_TRANSPORT_HEADER,
			       r->mport.src ? OFF_SPORT : OFF_DPORT, 2) < 0) {
		return -1;
	}
	if (!(e = nft_put_expr(nr, "lookup")))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_SREG, REG_MATCH);
	nftnl_expr_set_str(e, NFTNL_EXPR_LOOKUP_SET, "__set%d");
	nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_SET_ID, r->mport.set_id);
	if (r->mport.neg)
		nftnl_expr_set_u32(e, NFTNL_EXPR_LOOKUP_FLAGS, NFT_LOOKUP_F_INV);
	return 0;
}

static int add_matches(const struct nat_rule *r, struct nftnl_rule *nr)
{
	if (add_ifname(nr, NFT_META_IIFNAME, &r->in) < 0 ||
	    add_ifname(nr, NFT_META_OIFNAME, &r->out) < 0)
		return -1;
	if (r->proto_set) {
		if (nft_put_meta(nr, NFT_META_L4PROTO) < 0 ||
		    nft_put_cmp(nr, r->proto_neg, &r->proto, 1) < 0)
			return -1;
	}
	if (add_addr(nr, OFF_SADDR, &r->src) < 0 ||
	    add_addr(nr, OFF_DADDR, &r->dst) < 0 ||
	    add_port(nr, OFF_SPORT, &r->sport) < 0 ||
	    add_port(nr, OFF_DPORT, &r->dport) < 0 ||
	    add_syn(r, nr) < 0 || add_icmp(r, nr) < 0 || add_multiport(r, nr) < 0 ||
	    add_ct_state(r, nr) < 0 || add_mark(r, nr) < 0 ||
	    xt_put_more_matches(r, nr) < 0)
		return -1;
	return 0;
}

static int add_verdict(struct nftnl_rule *nr, int verdict, const char *chain)
{
	struct nftnl_expr *e = nft_put_expr(nr, "immediate");

	if (!e)
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, (uint32_t)verdict);
	if (chain)
		nftnl_expr_set_str(e, NFTNL_EXPR_IMM_CHAIN, chain);
	return 0;
}

static int add_imm(struct nftnl_rule *nr, uint32_t reg, const void *data,
		   uint32_t len)
{
	struct nftnl_expr *e = nft_put_expr(nr, "immediate");

	if (!e)
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, reg);
	nftnl_expr_set(e, NFTNL_EXPR_IMM_DATA, data, len);
	return 0;
}

/* Registers of a NAT range: addresses in 1 and 2, ports in 3 and 4. */
static int load_ports(const struct nat_rule *r, struct nftnl_rule *nr)
{
	uint16_t lo = htons(r->port_lo), hi = htons(r->port_hi);

	if (!r->has_ports)
		return 0;
	if (add_imm(nr, NFT_REG_3, &lo, 2) < 0)
		return -1;
	return r->port_hi != r->port_lo ? add_imm(nr, NFT_REG_4, &hi, 2) : 0;
}

static void set_proto_regs(const struct nat_rule *r, struct nftnl_expr *e,
			   uint16_t min_attr, uint16_t max_attr)
{
	if (!r->has_ports)
		return;
	nftnl_expr_set_u32(e, min_attr, NFT_REG_3);
	if (r->port_hi != r->port_lo)
		nftnl_expr_set_u32(e, max_attr, NFT_REG_4);
}

static uint32_t range_flags(const struct nat_rule *r)
{
	uint32_t f = 0;

	if (r->has_ports)
		f |= NF_NAT_RANGE_PROTO_SPECIFIED;
	if (r->random)
		f |= NF_NAT_RANGE_PROTO_RANDOM;
	if (r->random_fully)
		f |= NF_NAT_RANGE_PROTO_RANDOM_FULLY;
	if (r->persistent)
		f |= NF_NAT_RANGE_PERSISTENT;
	return f;
}

static int add_snat_dnat(const struct nat_rule *r, struct nftnl_rule *nr)
{
	struct nftnl_expr *e;

	/* "--to-source :PORT" maps the ports alone. */
	bool range = r->has_addr && r->addr_hi != r->addr_lo;

	if (r->has_addr && add_imm(nr, NFT_REG_1, &r->addr_lo, 4) < 0)
		return -1;
	if (range && add_imm(nr, NFT_REG_2, &r->addr_hi, 4) < 0)
		return -1;
	if (load_ports(r, nr) < 0 || !(e = nft_put_expr(nr, "nat")))
		return -1;
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_TYPE,
			   r->target == NAT_T_SNAT ? NFT_NAT_SNAT : NFT_NAT_DNAT);
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_FAMILY, NFPROTO_IPV4);
	if (r->has_addr)
		nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_REG_ADDR_MIN, NFT_REG_1);
	if (range)
		nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_REG_ADDR_MAX, NFT_REG_2);
	set_proto_regs(r, e, NFTNL_EXPR_NAT_REG_PROTO_MIN,
		       NFTNL_EXPR_NAT_REG_PROTO_MAX);
	nftnl_expr_set_u32(e, NFTNL_EXPR_NAT_FLAGS, range_flags(r) |
			   (r->has_addr ? NF_NAT_RANGE_MAP_IPS : 0));
	return 0;
}

static int add_masq_redir(const struct nat_rule *r, struct nftnl_rule *nr)
{
	bool masq = r->target == NAT_T_MASQUERADE;
	struct nftnl_expr *e;

	if (load_ports(r, nr) < 0 || !(e = nft_put_expr(nr, masq ? "masq" : "redir")))
		return -1;
	if (masq)
		set_proto_regs(r, e, NFTNL_EXPR_MASQ_REG_PROTO_MIN,
			       NFTNL_EXPR_MASQ_REG_PROTO_MAX);
	else
		set_proto_regs(r, e, NFTNL_EXPR_REDIR_REG_PROTO_MIN,
			       NFTNL_EXPR_REDIR_REG_PROTO_MAX);
	if (range_flags(r))
		nftnl_expr_set_u32(e, masq ? NFTNL_EXPR_MASQ_FLAGS
				   : NFTNL_EXPR_REDIR_FLAGS, range_flags(r));
	return 0;
}

static int add_reject(const struct nat_rule *r, struct nftnl_rule *nr)
{
	struct nftnl_expr *e = nft_put_expr(nr, "reject");

	if (!e)
		return -1;
	if (r->reject.tcp_reset) {
		nftnl_expr_set_u32(e, NFTNL_EXPR_REJECT_TYPE, NFT_REJECT_TCP_RST);
	} else {
		nftnl_expr_set_u32(e, NFTNL_EXPR_REJECT_TYPE, NFT_REJECT_ICMP_UNREACH);
		nftnl_expr_set_u8(e, NFTNL_EXPR_REJECT_CODE, r->reject.icmp_code);
	}
	return 0;
}

/* The level is left out at its default, as iptables-nft leaves it. */
static int add_log(const struct nat_rule *r, struct nftnl_rule *nr)
{
	struct nftnl_expr *e = nft_put_expr(nr, "log");

	if (!e)
		return -1;
	if (r->log.prefix[0])
		nftnl_expr_set_str(e, NFTNL_EXPR_LOG_PREFIX, r->log.prefix);
	if (r->log.level != XT_LOG_LEVEL_DEFAULT)
		nftnl_expr_set_u32(e, NFTNL_EXPR_LOG_LEVEL, r->log.level);
	if (r->log.flags)
		nftnl_expr_set_u32(e, NFTNL_EXPR_LOG_FLAGS, r->log.flags);
	return 0;
}

static int add_target(const struct nat_rule *r, struct nftnl_rule *nr)
{
	switch (r->target) {
	case NAT_T_NONE:
		return 0;
	case NAT_T_ACCEPT:
		return add_verdict(nr, NF_ACCEPT, NULL);
	case NAT_T_RETURN:
		return add_verdict(nr, NFT_RETURN, NULL);
	case NAT_T_JUMP:
		return add_verdict(nr, r->go ? NFT_GOTO : NFT_JUMP, r->jump);
	case NAT_T_DROP:
		return add_verdict(nr, NF_DROP, NULL);
	case NAT_T_REJECT:
		return add_reject(r, nr);
	case NAT_T_LOG:
		return add_log(r, nr);
	case NAT_T_SNAT:
	case NAT_T_DNAT:
		return add_snat_dnat(r, nr);
	case NAT_T_MASQUERADE:
	case NAT_T_REDIRECT:
		return add_masq_redir(r, nr);
	}
	return -1;
}

/* The comment (nft's own user data type), how the state match was
 * spelled, the multiport list as given and the addrtype sets' types
 * (nsip's). */
static int add_udata(const struct nat_rule *r, struct nftnl_rule *nr)
{
	struct nftnl_udata_buf *u;
	uint8_t state = 1, mport[XT_MPORT_UDATA_MAX], types[4];
	int ret = 0;

	if (!xt_udata_size(r))
		return 0;
	if (xt_udata_size(r) > XT_UDATA_MAX ||
	    !(u = nftnl_udata_buf_alloc(NFT_USERDATA_MAXLEN)))
		return -1;
	if (r->mport.set &&
	    !nftnl_udata_put(u, NSIP_UDATA_MPORT, xt_multiport_to_udata(&r->mport, mport),
			     mport))
		ret = -1;
	if (r->comment[0] &&
	    !nftnl_udata_put_strz(u, NFTNL_UDATA_RULE_COMMENT, r->comment))
		ret = -1;
	if (r->ct.set && r->ct.as_state &&
	    !nftnl_udata_put(u, NSIP_UDATA_STATE, 1, &state))
		ret = -1;
	if (r->n_order && !nftnl_udata_put(u, NSIP_UDATA_ORDER, r->n_order, r->order))
		ret = -1;
	if (xt_addrtype_udata(&r->addrtype, types) &&
	    !nftnl_udata_put(u, NSIP_UDATA_ADDRTYPE, 4, types))
		ret = -1;
	if (!ret)
		ret = nftnl_rule_set_data(nr, NFTNL_RULE_USERDATA,
					  nftnl_udata_buf_data(u),
					  nftnl_udata_buf_len(u));
	nftnl_udata_buf_free(u);
	return ret < 0 ? -1 : 0;
}

int nat_rule_to_nftnl(const struct nat_rule *r, struct nftnl_rule *nr)
{
	if (add_matches(r, nr) < 0 ||
	    !nft_put_expr(nr, "counter"))
		return -1;
	if (add_udata(r, nr) < 0)
		return -1;
	return add_target(r, nr);
}
