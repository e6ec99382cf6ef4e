/* An iptables rule: whether two are the same rule, and the
 * name of its target. (To nftables and back: nat_rule_write.c and
 * nat_rule_read.c.) */
#include "xt/nat_rule.h"

#include <string.h>

static bool same_addr(const struct nat_addr_match *a,
		      const struct nat_addr_match *b)
{
	if (a->set != b->set)
		return false;
	return !a->set || (a->neg == b->neg && a->addr == b->addr &&
			   a->mask == b->mask);
}

static bool same_if(const struct nat_if_match *a, const struct nat_if_match *b)
{
	if (a->set != b->set)
		return false;
	return !a->set || (a->neg == b->neg && a->wildcard == b->wildcard &&
			   !strcmp(a->name, b->name));
}

static bool same_port(const struct nat_port_match *a,
		      const struct nat_port_match *b)
{
	if (a->set != b->set)
		return false;
	return !a->set || (a->neg == b->neg && a->lo == b->lo && a->hi == b->hi);
}

static bool same_range(const struct xt_range *a, const struct xt_range *b)
{
	return a->set == b->set && (!a->set || (a->neg == b->neg &&
						 a->lo == b->lo && a->hi == b->hi));
}

/* length, iprange, limit, addrtype. */
static bool same_new_matches(const struct nat_rule *a, const struct nat_rule *b)
{
	const struct xt_addrtype_match *x = &a->addrtype, *y = &b->addrtype;

	if (a->length.set != b->length.set ||
	    (a->length.set && (a->length.neg != b->length.neg ||
			       a->length.lo != b->length.lo ||
			       a->length.hi != b->length.hi)))
		return false;
	if (!same_range(&a->iprange.src, &b->iprange.src) ||
	    !same_range(&a->iprange.dst, &b->iprange.dst))
		return false;
	if (a->limit.set != b->limit.set ||
	    (a->limit.set && (a->limit.avg != b->limit.avg ||
			      a->limit.burst != b->limit.burst)))
		return false;
	return x->src == y->src && x->dst == y->dst &&
	       (!x->src || x->src_neg == y->src_neg) &&
	       (!x->dst || x->dst_neg == y->dst_neg) &&
	       x->limit_in == y->limit_in && x->limit_out == y->limit_out;
}

/* The filter table's matches: --tcp-flags, conntrack or state, comment. */
static bool same_extras(const struct nat_rule *a, const struct nat_rule *b)
{
	if (a->tcpf_set != b->tcpf_set)
		return false;
	if (a->tcpf_set && (a->tcpf_neg != b->tcpf_neg ||
			    a->tcpf_mask != b->tcpf_mask ||
			    a->tcpf_comp != b->tcpf_comp))
		return false;
	if (a->mark.set != b->mark.set ||
	    (a->mark.set && (a->mark.neg != b->mark.neg ||
			     a->mark.value != b->mark.value ||
			     a->mark.mask != b->mark.mask)))
		return false;
	if (a->icmp.set != b->icmp.set)
		return false;
	if (a->icmp.set && (a->icmp.neg != b->icmp.neg ||
			    a->icmp.type != b->icmp.type ||
			    a->icmp.code_min != b->icmp.code_min ||
			    a->icmp.code_max != b->icmp.code_max))
		return false;
	if (a->mport.set != b->mport.set)
		return false;
	if (a->mport.set && (a->mport.neg != b->mport.neg ||
			     a->mport.src != b->mport.src || a->mport.any != b->mport.any ||
			     a->mport.n != b->mport.n ||
			     memcmp(a->mport.lo, b->mport.lo, sizeof(a->mport.lo)) ||
			     memcmp(a->mport.hi, b->mport.hi, sizeof(a->mport.hi))))
		return false;
	if (a->ct.set != b->ct.set)
		return false;
	if (a->ct.set && (a->ct.neg != b->ct.neg || a->ct.as_state != b->ct.as_state ||
			  a->ct.states != b->ct.states))
		return false;
	if (strcmp(a->comment, b->comment) || !same_new_matches(a, b))
		return false;
	uint8_t oa[XT_M_KINDS], ob[XT_M_KINDS];
	size_t na = xt_match_order(a, oa), nb = xt_match_order(b, ob);

	return na == nb && !memcmp(oa, ob, na);
}

static bool same_target_opts(const struct nat_rule *a, const struct nat_rule *b)
{
	if (a->target == NAT_T_JUMP && (strcmp(a->jump, b->jump) || a->go != b->go))
		return false;
	if (a->target == NAT_T_REJECT &&
	    (a->reject.tcp_reset != b->reject.tcp_reset ||
	     a->reject.icmp_code != b->reject.icmp_code))
		return false;
	if (a->target == NAT_T_LOG &&
	    (strcmp(a->log.prefix, b->log.prefix) || a->log.level != b->log.level ||
	     a->log.flags != b->log.flags))
		return false;
	return true;
}

static bool same_target(const struct nat_rule *a, const struct nat_rule *b)
{
	if (a->target != b->target || a->has_addr != b->has_addr ||
	    a->has_ports != b->has_ports || a->random != b->random ||
	    a->random_fully != b->random_fully || a->persistent != b->persistent)
		return false;
	if (!same_target_opts(a, b))
		return false;
	if (a->has_addr && (a->addr_lo != b->addr_lo || a->addr_hi != b->addr_hi))
		return false;
	return !a->has_ports ||
	       (a->port_lo == b->port_lo && a->port_hi == b->port_hi);
}

bool nat_rule_same(const struct nat_rule *a, const struct nat_rule *b)
{
	if (a->proto_set != b->proto_set ||
	    (a->proto_set && (a->proto != b->proto || a->proto_neg != b->proto_neg)))
		return false;
	return same_addr(&a->src, &b->src) && same_addr(&a->dst, &b->dst) &&
	       same_if(&a->in, &b->in) && same_if(&a->out, &b->out) &&
	       same_port(&a->sport, &b->sport) && same_port(&a->dport, &b->dport) &&
	       same_extras(a, b) && same_target(a, b);
}

bool xt_rule_has_match(const struct nat_rule *r, int kind)
{
	switch (kind) {
	case XT_M_PROTO:
		return r->sport.set || r->dport.set || r->tcpf_set || r->icmp.set;
	case XT_M_MPORT: return r->mport.set;
	case XT_M_CT: return r->ct.set;
	case XT_M_COMMENT: return r->comment[0] != '\0';
	case XT_M_MARK: return r->mark.set;
	case XT_M_LENGTH: return r->length.set;
	case XT_M_IPRANGE: return r->iprange.src.set || r->iprange.dst.set;
	case XT_M_LIMIT: return r->limit.set;
	case XT_M_ADDRTYPE: return r->addrtype.src || r->addrtype.dst;
	}
	return false;
}

/* The rule's own order first (each kind once, if the rule has it), then
 * what it left out in the default order. */
const uint8_t xt_default_order[XT_M_KINDS] = {
	XT_M_PROTO, XT_M_MPORT, XT_M_CT, XT_M_MARK, XT_M_COMMENT, XT_M_LENGTH,
	XT_M_IPRANGE, XT_M_LIMIT, XT_M_ADDRTYPE,
};

size_t xt_match_order(const struct nat_rule *r, uint8_t *out)
{
	const uint8_t *dflt = xt_default_order;
	bool seen[XT_M_KINDS + 1] = { false };
	size_t n = 0;

	for (int pass = 0; pass < 2; pass++) {
		const uint8_t *v = pass ? dflt : r->order;
		size_t len = pass ? XT_M_KINDS : r->n_order;

		for (size_t k = 0; k < len && k < XT_M_KINDS; k++) {
			if (v[k] < 1 || v[k] > XT_M_KINDS || seen[v[k]] ||
			    !xt_rule_has_match(r, v[k]))
				continue;
			seen[v[k]] = true;
			out[n++] = v[k];
		}
	}
	return n;
}

const char *nat_target_name(const struct nat_rule *r)
{
	switch (r->target) {
	case NAT_T_NONE: return "";
	case NAT_T_ACCEPT: return "ACCEPT";
	case NAT_T_RETURN: return "RETURN";
	case NAT_T_JUMP: return r->jump;
	case NAT_T_MASQUERADE: return "MASQUERADE";
	case NAT_T_SNAT: return "SNAT";
	case NAT_T_DNAT: return "DNAT";
	case NAT_T_REDIRECT: return "REDIRECT";
	case NAT_T_DROP: return "DROP";
	case NAT_T_REJECT: return "REJECT";
	case NAT_T_LOG: return "LOG";
	}
	return "";
}

