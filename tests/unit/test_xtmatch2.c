/* -m multiport --ports, length, iprange, limit and addrtype without a
 * kernel: their values both ways, every one through a netlink message and
 * back (nsip reads what it writes, and only that), and the -S words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <libnftnl/udata.h>
#include <linux/netfilter/nf_tables.h>

#include "tap.h"
#include "xt_round_trip.h"
#include "print/nat_print.h"
#include "xt/filter_read.h"
#include "xt/nat_parse.h"
#include "xt/nat_rule.h"
#include "xt/xt_matchparse.h"

static int round_trip(const struct nat_rule *in, struct nat_rule *out)
{
	return xt_round_trip(in, out, "nsip_filter", "INPUT");
}

static char *saved(const struct nat_rule *r)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	nat_print_save(f, "INPUT", r, false);
	fclose(f);
	return s;
}

static void same_back(const struct nat_rule *r, const char *words)
{
	struct nat_rule back;
	char *s;

	ck_assert_int_eq(round_trip(r, &back), 0);
	ck_assert(nat_rule_same(r, &back));
	s = saved(&back);
	ck_assert_str_eq(s, words);
	free(s);
}

START_TEST(values_both_ways)
{
	struct xt_length_match l;
	struct xt_range g;
	uint32_t avg, burst;
	uint64_t unit;
	uint16_t mask;
	char err[NAT_ERR_MAX], buf[128];

	ck_assert_int_eq(xt_parse_length(":100", &l, err), 0);
	ck_assert(l.lo == 0 && l.hi == 100);
	ck_assert_int_eq(xt_parse_length("0x10", &l, err), 0);
	ck_assert(l.lo == 16 && l.hi == 16);
	ck_assert_int_eq(xt_parse_length("5 :6", &l, err), -1);
	ck_assert_str_eq(err, "length: Argument to \"--length\" has unexpected "
			 "characters near \" :6\".\n");
	ck_assert_int_eq(xt_parse_length("1::2", &l, err), -1);

	ck_assert_int_eq(xt_parse_iprange("10.1-010.0.0.1", "--src-range", &g, err), 0);
	ck_assert_uint_eq(ntohl(g.lo), 0x0a010000u);
	ck_assert_uint_eq(ntohl(g.hi), 0x08000001u);
	ck_assert_int_eq(xt_parse_iprange("1.2.3.4-", "--dst-range", &g, err), -1);
	ck_assert_str_eq(err, "iprange: Bad value for \"--dst-range\" option: \"\"");

	/* The unit iptables shows is the one the mean time fits. */
	ck_assert_int_eq(xt_parse_limit_rate("60/minute", &avg, err), 0);
	ck_assert_uint_eq(xt_limit_rate(avg, &unit), 1);
	ck_assert_uint_eq(unit, 1);
	ck_assert_int_eq(xt_parse_limit_rate("7/m", &avg, err), 0);
	ck_assert_uint_eq(xt_limit_rate(avg, &unit), 7);
	ck_assert_uint_eq(unit, 60);
	ck_assert_int_eq(xt_parse_limit_rate("24/day", &avg, err), 0);
	ck_assert_uint_eq(xt_limit_rate(avg, &unit), 1);
	ck_assert_uint_eq(unit, 3600);
	ck_assert_int_eq(xt_parse_limit_rate("10001/s", &avg, err), -1);
	ck_assert_str_eq(err, "Rate too fast \"10001/s\"");
	ck_assert_int_eq(xt_parse_limit_rate("3/hours", &avg, err), -1);
	ck_assert_int_eq(xt_parse_limit_burst("0", &burst, err), 0);
	ck_assert_uint_eq(burst, 5);
	ck_assert_int_eq(xt_parse_limit_burst("010", &burst, err), 0);
	ck_assert_uint_eq(burst, 8);

	ck_assert_int_eq(xt_parse_addrtypes("local,UN,n", &mask, err), 0);
	xt_addrtypes_text(buf, sizeof(buf), mask);
	ck_assert_str_eq(buf, "UNSPEC,LOCAL,NAT");
	ck_assert_int_eq(xt_parse_addrtypes("FROB,LOCAL", &mask, err), -1);
	ck_assert_str_eq(err, "addrtype: bad type `FROB,LOCAL'");
}
END_TEST

START_TEST(matches_survive_the_round_trip)
{
	struct nat_rule r = { 0 };

	r.proto_set = true;
	r.proto = IPPROTO_TCP;
	r.mport = (struct xt_multiport){ .set = true, .neg = true, .any = true, .n = 2,
					 .lo = { 22, 80 }, .hi = { 22, 90 } };
	same_back(&r, "-A INPUT -p tcp -m multiport ! --ports 22,80:90\n");

	r = (struct nat_rule){ 0 };
	r.length = (struct xt_length_match){ true, true, 100, 200 };
	same_back(&r, "-A INPUT -m length ! --length 100:200\n");
	r.length = (struct xt_length_match){ true, false, 64, 64 };
	same_back(&r, "-A INPUT -m length --length 64\n");

	r = (struct nat_rule){ 0 };
	r.iprange.src = (struct xt_range){ true, false, htonl(0x0a000001), htonl(0x0a000009) };
	r.iprange.dst = (struct xt_range){ true, true, htonl(0x01020304), htonl(0x01020304) };
	same_back(&r, "-A INPUT -m iprange --src-range 10.0.0.1-10.0.0.9 "
		  "! --dst-range 1.2.3.4-1.2.3.4\n");

	r = (struct nat_rule){ 0 };
	r.limit = (struct xt_limit_match){ true, XT_LIMIT_SCALE * 60 / 7, 20 };
	same_back(&r, "-A INPUT -m limit --limit 7/min --limit-burst 20\n");

	r = (struct nat_rule){ 0 };
	r.addrtype = (struct xt_addrtype_match){ .src = 1 << 2, .dst = 1 << 1 | 1 << 5,
						 .dst_neg = true, .limit_in = true };
	same_back(&r, "-A INPUT -m addrtype --src-type LOCAL ! --dst-type "
		  "UNICAST,MULTICAST --limit-iface-in\n");
}
END_TEST

/* A set of types the user data does not name, or names wrongly, is no
 * rule nsip wrote. */
START_TEST(addrtype_sets_need_their_user_data)
{
	struct nat_rule r = { 0 }, back;
	struct nftnl_rule *a = nftnl_rule_alloc();
	uint8_t bad[] = { NSIP_UDATA_ADDRTYPE, 4, 0, 4, 0, 0 };   /* one type */

	r.addrtype.src = 1 << 1 | 1 << 2;
	ck_assert_int_eq(nat_rule_to_nftnl(&r, a), 0);
	nftnl_rule_unset(a, NFTNL_RULE_USERDATA);
	ck_assert_int_eq(nat_rule_from_nftnl(a, &back), -1);
	nftnl_rule_set_data(a, NFTNL_RULE_USERDATA, bad, sizeof(bad));
	ck_assert_int_eq(nat_rule_from_nftnl(a, &back), -1);
	nftnl_rule_free(a);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("xtmatch2");
	TCase *tc = tcase_create("xtmatch2");

	tcase_add_test(tc, values_both_ways);
	tcase_add_test(tc, matches_survive_the_round_trip);
	tcase_add_test(tc, addrtype_sets_need_their_user_data);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
