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

/* The filter table's matches: --syn, conntrack or state, comment. */
static bool same_extras(const struct nat_rule *a, const struct nat_rule *b)
{
	if (a->syn_set != b->syn_set || (a->syn_set && a->syn_neg != b->syn_neg))
		return false;
	if (a->mport.set != b->mport.set)
		return false;
	if (a->mport.set && (a->mport.neg != b->mport.neg ||
			     a->mport.src != b->mport.src || a->mport.n != b->mport.n ||
			     memcmp(a->mport.lo, b->mport.lo, sizeof(a->mport.lo)) ||
			     memcmp(a->mport.hi, b->mport.hi, sizeof(a->mport.hi))))
		return false;
	if (a->ct.set != b->ct.set)
		return false;
	if (a->ct.set && (a->ct.neg != b->ct.neg || a->ct.as_state != b->ct.as_state ||
			  a->ct.states != b->ct.states))
		return false;
	return !strcmp(a->comment, b->comment);
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
	    a->has_ports != b->has_ports || a->random != b->random)
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

