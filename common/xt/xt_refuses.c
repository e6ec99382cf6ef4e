/* The rules iptables' kernel targets refuse (see xt_refuses.h). */
#include "xt/xt_refuses.h"

#include <netinet/in.h>

bool xt_kernel_refuses(const struct xt_table *t, const struct nat_rule *r)
{
	bool nat_target = r->target == NAT_T_SNAT || r->target == NAT_T_DNAT ||
		r->target == NAT_T_MASQUERADE || r->target == NAT_T_REDIRECT;
	bool tcp = r->proto_set && !r->proto_neg && r->proto == IPPROTO_TCP;

	if (r->target == NAT_T_REJECT)
		return t != &xt_table_filter || (r->reject.tcp_reset && !tcp);
	return nat_target && t != &xt_table_nat;
}
