/* The round trip of the iptables rule tests (test_nat, test_filter,
 * test_xtmatch2): a rule's expressions into a NEWRULE message of table
 * and chain, parsed back as the kernel's reply would be, and decoded. */
#ifndef NSIP_TEST_XT_ROUND_TRIP_H
#define NSIP_TEST_XT_ROUND_TRIP_H

#include <check.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>

#include "xt/nat_rule.h"

static inline int xt_round_trip(const struct nat_rule *in, struct nat_rule *out,
				const char *table, const char *chain)
{
	char buf[8192];
	struct nftnl_rule *a = nftnl_rule_alloc(), *b = nftnl_rule_alloc();
	struct nlmsghdr *nlh;
	int ret;

	ck_assert_int_eq(nat_rule_to_nftnl(in, a), 0);
	nftnl_rule_set_str(a, NFTNL_RULE_TABLE, table);
	nftnl_rule_set_str(a, NFTNL_RULE_CHAIN, chain);
	nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, NFPROTO_IPV4, 0, 1);
	nftnl_rule_nlmsg_build_payload(nlh, a);
	ck_assert_int_eq(nftnl_rule_nlmsg_parse(nlh, b), 0);
	ret = nat_rule_from_nftnl(b, out);
	nftnl_rule_free(a);
	nftnl_rule_free(b);
	return ret;
}

#endif
