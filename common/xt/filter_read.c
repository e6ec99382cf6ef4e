/* The filter table's parts of a rule read back (see filter_read.h). */
#include "xt/filter_read.h"
#include "xt/xt_names.h"
#include "xt/multiport.h"
#include "xt/xt_match_read.h"

#include <stdbool.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/udata.h>

/* The ICMP codes REJECT can send (destination unreachable). */
static bool reject_code_known(uint8_t code)
{
	return code <= 3 || code == 9 || code == 10 || code == 13;
}

int xt_read_reject(struct nat_rule *r, const struct expr *e)
{
	uint32_t type = get_u32(e, NFTA_REJECT_TYPE);
	const struct nlattr *code = e->tb[NFTA_REJECT_ICMP_CODE];
	uint8_t c = 0;

	if (code) {
		if (attr_len(code) != 1)
			return -1;
		memcpy(&c, attr_data(code), 1);
	}
	r->target = NAT_T_REJECT;
	if (type == NFT_REJECT_TCP_RST) {
		r->reject.tcp_reset = true;
		return 0;
	}
	if (type != NFT_REJECT_ICMP_UNREACH || !code || !reject_code_known(c))
		return -1;
	r->reject.icmp_code = c;
	return 0;
}

/* Only syslog logging with LOG's flags maps onto LOG (not a netlink
 * group: that is NFLOG). */
int xt_read_log(struct nat_rule *r, const struct expr *e)
{
	const struct nlattr *prefix = e->tb[NFTA_LOG_PREFIX];
	uint32_t level = is_set(e, NFTA_LOG_LEVEL) ? get_u32(e, NFTA_LOG_LEVEL)
		: XT_LOG_LEVEL_DEFAULT;
	uint32_t flags = get_u32(e, NFTA_LOG_FLAGS);

	if (is_set(e, NFTA_LOG_GROUP) || is_set(e, NFTA_LOG_SNAPLEN) ||
	    is_set(e, NFTA_LOG_QTHRESHOLD) || level > 7 || (flags & ~0x2fu))
		return -1;
	r->target = NAT_T_LOG;
	r->log.level = (uint8_t)level;
	r->log.flags = (uint8_t)flags;
	if (prefix) {
		size_t n = strnlen(attr_data(prefix), attr_len(prefix));

		if (n > XT_LOG_PREFIX_MAX || n == attr_len(prefix))
			return -1;
		memcpy(r->log.prefix, attr_data(prefix), n);
		r->log.prefix[n] = '\0';
	}
	return 0;
}

static bool one_known_state(uint32_t v)
{
	for (size_t k = 0; k < xt_n_ct_states; k++)
		if (v == xt_ct_states[k].bit)
			return true;
	return false;
}

int xt_read_ct_state(struct nat_rule *r, uint32_t op, bool masked,
		     uint32_t mask, const void *data, uint32_t len)
{
	uint32_t v, known = 0;

	for (size_t k = 0; k < xt_n_ct_states; k++)
		known |= xt_ct_states[k].bit;
	if (r->ct.set || len != 4 || (op != NFT_CMP_EQ && op != NFT_CMP_NEQ))
		return -1;
	memcpy(&v, data, 4);
	if (!masked) {
		if (!one_known_state(v))
			return -1;
		mask = v;
		op = op == NFT_CMP_EQ ? NFT_CMP_NEQ : NFT_CMP_EQ;
	} else if (v != 0 || !mask || (mask & ~known)) {
		return -1;
	}
	r->ct.set = true;
	r->ct.neg = op == NFT_CMP_EQ;   /* no bit of the mask is set */
	r->ct.states = mask;
	return 0;
}

int xt_read_tcp_flags(struct nat_rule *r, uint32_t op, uint8_t mask,
		      const void *data, uint32_t len)
{
	uint8_t v;

	/* Only the six flags iptables names (a COMP flag outside MASK is
	 * kept, as iptables keeps it: such a rule never matches). */
	if (r->tcpf_set || len != 1 || !mask || (mask & ~TCP_FLAGS_ALL))
		return -1;
	memcpy(&v, data, 1);
	if ((v & ~TCP_FLAGS_ALL) || (op != NFT_CMP_EQ && op != NFT_CMP_NEQ))
		return -1;
	r->tcpf_set = true;
	r->tcpf_neg = op == NFT_CMP_NEQ;
	r->tcpf_mask = mask;
	r->tcpf_comp = v;
	return 0;
}

int xt_read_icmp(struct nat_rule *r, enum xt_icmp_part part, bool neg,
		 const void *data, uint32_t len)
{
	struct xt_icmp *m = &r->icmp;
	uint8_t v;

	if (len != 1)
		return -1;
	memcpy(&v, data, 1);
	switch (part) {
	case XT_ICMP_TYPE:
		/* Type 255 is iptables' "any", which nsip writes otherwise. */
		if (m->set || v == XT_ICMP_ANY)
			return -1;
		*m = (struct xt_icmp){ true, neg, v, 0, 0xff };
		return 0;
	case XT_ICMP_CODE:
		if (!m->set || m->neg || neg || m->type == XT_ICMP_ANY ||
		    !xt_icmp_any_code(m))
			return -1;
		m->code_min = m->code_max = v;
		return 0;
	case XT_ICMP_ANY_PROTO:
		if (m->set || neg || v != IPPROTO_ICMP)
			return -1;
		*m = (struct xt_icmp){ true, false, XT_ICMP_ANY, 0, 0xff };
		return 0;
	}
	return -1;
}

int xt_read_mark(struct nat_rule *r, bool neg, uint32_t mask, const void *data,
		 uint32_t len)
{
	if (r->mark.set || len != 4)
		return -1;
	r->mark.set = true;
	r->mark.neg = neg;
	r->mark.mask = mask;
	memcpy(&r->mark.value, data, 4);
	return 0;
}

/* Types nsip does not know are left alone, as nft leaves them. */
int xt_read_udata(struct nat_rule *r, const uint8_t *p, size_t len)
{
	size_t i = 0;

	while (i + 2 <= len) {
		uint8_t type = p[i], n = p[i + 1];
		const uint8_t *v = p + i + 2;

		if (i + 2 + n > len)
			return -1;
		if (type == NFTNL_UDATA_RULE_COMMENT) {
			if (n == 0 || v[n - 1] != '\0' || n - 1 > XT_COMMENT_MAX)
				return -1;
			memcpy(r->comment, v, n);
		} else if (type == NSIP_UDATA_STATE && n == 1) {
			r->ct.as_state = v[0] == 1;
		} else if ((type == NSIP_UDATA_MPORT &&
			    xt_multiport_from_udata(&r->mport, v, n) < 0) ||
			   (type == NSIP_UDATA_ADDRTYPE &&
			    xt_read_addrtype_udata(r, v, n) < 0)) {
			return -1;
		} else if (type == NSIP_UDATA_ORDER && n <= XT_M_KINDS) {
			memcpy(r->order, v, n);   /* the printers skip what is odd */
			r->n_order = n;
		}
		i += 2 + (size_t)n;
	}
	return i == len ? 0 : -1;
}
