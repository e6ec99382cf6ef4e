/* The nat core without a kernel: value parsers, the rule <-> expression
 * mapping (through a netlink message, as the kernel would echo it), and
 * the -S and -L printers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nf_tables.h>

#include "tap.h"
#include "xt_round_trip.h"
#include "xt/nat_index.h"
#include "xt/nat_parse.h"
#include "print/nat_print.h"
#include "xt/nat_rule.h"
#include "xt/nft_check.h"

static uint32_t ip(const char *s)
{
	struct in_addr a;

	ck_assert_int_eq(inet_pton(AF_INET, s, &a), 1);
	return a.s_addr;
}

START_TEST(addresses_and_masks)
{
	char err[NAT_ERR_MAX];
	uint32_t a, m;

	ck_assert_int_eq(nat_parse_addr("192.168.15.7/24", &a, &m, err), 0);
	ck_assert_uint_eq(a, ip("192.168.15.0"));
	ck_assert_uint_eq(m, ip("255.255.255.0"));
	ck_assert_int_eq(nat_parse_addr("1.2.3.4", &a, &m, err), 0);
	ck_assert_uint_eq(m, 0xffffffff);
	ck_assert_int_eq(nat_parse_addr("1.2.3.4/255.255.0.0", &a, &m, err), 0);
	ck_assert_uint_eq(a, ip("1.2.0.0"));
	ck_assert_int_eq(nat_parse_addr("1.2.3.4/0", &a, &m, err), 0);
	ck_assert_uint_eq(m, 0);
	ck_assert_int_eq(nat_parse_addr("300.1.1.1", &a, &m, err), -1);
	ck_assert_str_eq(err, "host/network `300.1.1.1' not found");
	ck_assert_int_eq(nat_parse_addr("1.2.3.4/33", &a, &m, err), -1);
	ck_assert_str_eq(err, "invalid mask `33' specified");
	/* A mask that is no prefix, as iptables takes it. */
	ck_assert_int_eq(nat_parse_addr("1.2.3.4/255.0.255.0", &a, &m, err), 0);
	ck_assert_uint_eq(m, ip("255.0.255.0"));
	ck_assert_uint_eq(a, ip("1.0.3.0"));
	ck_assert_int_eq(nat_parse_addr("1.2.3.4/255.0.255.", &a, &m, err), -1);
}
END_TEST

START_TEST(ports_and_ranges)
{
	char err[NAT_ERR_MAX];
	uint16_t lo, hi;

	ck_assert_int_eq(nat_parse_ports("80", "tcp", &lo, &hi, err), 0);
	ck_assert(lo == 80 && hi == 80);
	ck_assert_int_eq(nat_parse_ports("1000:2000", "tcp", &lo, &hi, err), 0);
	ck_assert(lo == 1000 && hi == 2000);
	ck_assert_int_eq(nat_parse_ports(":80", "tcp", &lo, &hi, err), 0);
	ck_assert(lo == 0 && hi == 80);
	ck_assert_int_eq(nat_parse_ports("80:", "udp", &lo, &hi, err), 0);
	ck_assert(lo == 80 && hi == 65535);
	ck_assert_int_eq(nat_parse_ports("70000", "tcp", &lo, &hi, err), -1);
	ck_assert_str_eq(err, "invalid port/service `70000' specified");
	ck_assert_int_eq(nat_parse_ports("10:5", "tcp", &lo, &hi, err), -1);
	ck_assert_str_eq(err, "invalid portrange (min > max)");
	ck_assert_int_eq(nat_parse_ports("", "tcp", &lo, &hi, err), -1);
	ck_assert_int_eq(nat_parse_ports("-1", "tcp", &lo, &hi, err), -1);
}
END_TEST

START_TEST(nat_ranges)
{
	char err[NAT_ERR_MAX];
	struct nat_rule r = { 0 };

	ck_assert_int_eq(nat_parse_to("1.2.3.4-1.2.3.9:100-200", &r, err), 0);
	ck_assert(r.has_addr && r.has_ports);
	ck_assert_uint_eq(r.addr_lo, ip("1.2.3.4"));
	ck_assert_uint_eq(r.addr_hi, ip("1.2.3.9"));
	ck_assert(r.port_lo == 100 && r.port_hi == 200);
	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(nat_parse_to("x", &r, err), -1);
	ck_assert_str_eq(err, "Bad IP address \"x\"");
	ck_assert_int_eq(nat_parse_to("1.2.3.4:70000", &r, err), -1);
	ck_assert_str_eq(err, "Port `70000' not valid");
	ck_assert_int_eq(nat_parse_to_ports("5353", &r, err), 0);
	ck_assert(r.port_lo == 5353 && r.port_hi == 5353);
	ck_assert_int_eq(nat_parse_to_ports("20-10", &r, err), -1);
	ck_assert_str_eq(err, "Port range `10' funky");
	/* C's bases and service names, as iptables reads them. */
	ck_assert_int_eq(nat_parse_to_ports("010-0x10", &r, err), 0);
	ck_assert(r.port_lo == 8 && r.port_hi == 16);
	ck_assert_int_eq(nat_parse_to_ports("ftp-data", &r, err), 0);
	ck_assert(r.port_lo == 20 && r.port_hi == 20);
	ck_assert_int_eq(nat_parse_to_ports("1000-http", &r, err), -1);
	ck_assert_str_eq(err, "Port `http' not valid");
	ck_assert_int_eq(nat_parse_to_ports("1000/5", &r, err), -1);
	ck_assert_str_eq(err, "Garbage after port value: `/5'");
	ck_assert_int_eq(nat_parse_to_ports("1000-2000x", &r, err), -1);
	ck_assert_str_eq(err, "Garbage after port range: `x'");
	ck_assert_int_eq(nat_parse_to_ports("1:2", &r, err), -1);
	ck_assert_str_eq(err, "Invalid port:port syntax - use dash");
	/* A shift is told apart (1), its text kept for the refusal. */
	ck_assert_int_eq(nat_parse_to_ports("1000-2000/3000", &r, err), 1);
	ck_assert_str_eq(err, "/3000");
	ck_assert_int_eq(nat_parse_to_ports("1000-2000/0", &r, err), -1);
	ck_assert_str_eq(err, "Port `0' not valid");
	/* Ports alone, and an address with two colons. */
	memset(&r, 0, sizeof(r));
	ck_assert_int_eq(nat_parse_to(":80", &r, err), 0);
	ck_assert(!r.has_addr && r.has_ports && r.port_lo == 80);
	ck_assert_int_eq(nat_parse_to("1.1.1.1:1:2", &r, err), -1);
	ck_assert_str_eq(err, "Bad IP address \"1.1.1.1:1:2\"");
}
END_TEST

START_TEST(protocols_and_rule_numbers)
{
	char err[NAT_ERR_MAX];
	uint8_t p;
	unsigned int n;

	ck_assert(nat_parse_proto("tcp", &p, err) == 0 && p == 6);
	ck_assert(nat_parse_proto("all", &p, err) == 0 && p == 0);
	ck_assert(nat_parse_proto("47", &p, err) == 0 && p == 47);
	ck_assert_int_eq(nat_parse_proto("frob", &p, err), -1);
	ck_assert_str_eq(err, "unknown protocol \"frob\" specified");
	ck_assert_int_eq(nat_parse_proto("256", &p, err), -1);
	ck_assert(nat_parse_rulenum("3", &n, err) == 0 && n == 3);
	ck_assert_int_eq(nat_parse_rulenum("0", &n, err), -1);
	ck_assert_str_eq(err, "Invalid rule number `0'");
}
END_TEST

static int round_trip(const struct nat_rule *in, struct nat_rule *out)
{
	return xt_round_trip(in, out, "nsip", "POSTROUTING");
}

static struct nat_rule full_rule(enum nat_target t)
{
	struct nat_rule r = { 0 };

	r.src = (struct nat_addr_match){ true, true, ip("10.0.0.0"), ip("255.0.0.0") };
	r.dst = (struct nat_addr_match){ true, false, ip("1.2.3.4"), 0xffffffff };
	r.in = (struct nat_if_match){ true, false, true, "eth" };
	r.out = (struct nat_if_match){ true, true, false, "wlan0" };
	r.proto_set = true;
	r.proto = IPPROTO_UDP;
	r.sport = (struct nat_port_match){ true, true, 1, 1024 };
	r.dport = (struct nat_port_match){ true, false, 53, 53 };
	r.target = t;
	return r;
}

START_TEST(every_target_survives_the_round_trip)
{
	enum nat_target ts[] = { NAT_T_NONE, NAT_T_ACCEPT, NAT_T_RETURN, NAT_T_JUMP,
				 NAT_T_MASQUERADE, NAT_T_SNAT, NAT_T_DNAT,
				 NAT_T_REDIRECT };

	for (size_t k = 0; k < sizeof(ts) / sizeof(ts[0]); k++) {
		struct nat_rule r = full_rule(ts[k]), back;

		if (ts[k] == NAT_T_JUMP)
			strcpy(r.jump, "MYCHAIN");
		if (ts[k] == NAT_T_SNAT || ts[k] == NAT_T_DNAT) {
			r.has_addr = true;
			r.addr_lo = ip("192.168.1.1");
			r.addr_hi = ip("192.168.1.9");
		}
		if (ts[k] >= NAT_T_MASQUERADE) {
			r.has_ports = true;
			r.port_lo = 1000;
			r.port_hi = ts[k] == NAT_T_DNAT ? 1000 : 2000;
			r.random = ts[k] != NAT_T_SNAT;
		}
		ck_assert_int_eq(round_trip(&r, &back), 0);
		ck_assert_msg(nat_rule_same(&r, &back), "target %zu", k);
		ck_assert(back.has_counter);
		back.random = !back.random;
		ck_assert(!nat_rule_same(&r, &back));
	}
}
END_TEST

/* --random-fully and --persistent where iptables takes them, and SNAT's
 * ports with no address ("--to-source :80"). */
START_TEST(nat_flags_survive_the_round_trip)
{
	struct nat_rule r = full_rule(NAT_T_SNAT), back;

	r.has_addr = true;
	r.addr_lo = r.addr_hi = ip("10.0.0.1");
	r.random = r.random_fully = r.persistent = true;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	ck_assert(back.random_fully && back.persistent);
	back.persistent = false;
	ck_assert(!nat_rule_same(&r, &back));

	r = full_rule(NAT_T_MASQUERADE);
	r.random_fully = true;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	r.persistent = true;   /* MASQUERADE has no --persistent */
	ck_assert_int_eq(round_trip(&r, &back), -1);

	r = full_rule(NAT_T_DNAT);
	r.has_ports = true;
	r.port_lo = r.port_hi = 80;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back) && !back.has_addr);
}
END_TEST

static bool same_digest(const char *ca, const struct nat_rule *a,
			const char *cb, const struct nat_rule *b)
{
	struct nat_digest da, db;

	nat_digest(ca, a, &da);
	nat_digest(cb, b, &db);
	return !memcmp(da.b, db.b, sizeof(da.b));
}

/* The index's digest follows nat_rule_same: what it ignores (counters,
 * handle, the ports of an unset match) cannot part two same rules, and
 * each compared field, and the chain, parts them. */
START_TEST(digest_follows_nat_rule_same)
{
	struct nat_rule a = full_rule(NAT_T_DNAT), b;

	a.has_addr = true;
	a.addr_lo = a.addr_hi = ip("192.168.1.1");
	b = a;
	b.handle = 7;
	b.packets = 9;
	b.has_counter = true;
	ck_assert(nat_rule_same(&a, &b));
	ck_assert(same_digest("PREROUTING", &a, "PREROUTING", &b));
	ck_assert(!same_digest("PREROUTING", &a, "OUTPUT", &b));
	a.sport.set = b.sport.set = false;
	b.sport.lo = 4;
	ck_assert(nat_rule_same(&a, &b));
	ck_assert(same_digest("PREROUTING", &a, "PREROUTING", &b));
	b = a;
	b.dport.hi++;
	ck_assert(!same_digest("PREROUTING", &a, "PREROUTING", &b));
	b = a;
	b.src.neg = !b.src.neg;
	ck_assert(!same_digest("PREROUTING", &a, "PREROUTING", &b));
	b = a;
	b.addr_hi = ip("192.168.1.2");
	ck_assert(!same_digest("PREROUTING", &a, "PREROUTING", &b));
	b = a;
	b.in.wildcard = !b.in.wildcard;
	ck_assert(!same_digest("PREROUTING", &a, "PREROUTING", &b));
}
END_TEST

START_TEST(foreign_expressions_have_no_iptables_form)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();
	struct nftnl_expr *e = nftnl_expr_alloc("meta");
	struct nat_rule r;

	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, NFT_META_SKUID);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
	nftnl_rule_add_expr(nr, e);
	e = nftnl_expr_alloc("cmp");
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, NFT_CMP_EQ);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_DATA, 1);
	nftnl_rule_add_expr(nr, e);
	ck_assert_int_eq(nat_rule_from_nftnl(nr, &r), -1);
	nftnl_rule_free(nr);
}
END_TEST

/* A rule with an expression nsip has no reader for (libnftnl's parse once
 * refused such a rule whole; now it is a rule without an iptables form). */
START_TEST(unknown_expressions_have_no_iptables_form)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();
	struct nftnl_expr *e = nftnl_expr_alloc("quota");
	struct nat_rule r;

	nftnl_expr_set_u64(e, NFTNL_EXPR_QUOTA_BYTES, 1000);
	nftnl_rule_add_expr(nr, e);
	ck_assert_int_eq(nat_rule_from_nftnl(nr, &r), -1);
	nftnl_rule_free(nr);
}
END_TEST

START_TEST(expression_kinds_by_name)
{
	static const struct { const char *name; enum nft_expr_kind kind; } t[] = {
		{ "meta", EXPR_META }, { "cmp", EXPR_CMP },
		{ "payload", EXPR_PAYLOAD }, { "bitwise", EXPR_BITWISE },
		{ "counter", EXPR_COUNTER }, { "immediate", EXPR_IMMEDIATE },
		{ "nat", EXPR_NAT }, { "masq", EXPR_MASQ }, { "redir", EXPR_REDIR },
		{ "range", EXPR_RANGE }, { "", EXPR_OTHER }, { "m", EXPR_OTHER },
		{ "metaX", EXPR_OTHER }, { "cm", EXPR_OTHER }, { "log", EXPR_LOG },
		{ "ct", EXPR_CT }, { "reject", EXPR_REJECT }, { "logs", EXPR_OTHER },
		{ "cts", EXPR_OTHER }, { "quota", EXPR_OTHER },
		{ "nats", EXPR_OTHER }, { "Range", EXPR_OTHER },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		ck_assert_msg(nft_expr_kind(t[i].name) == t[i].kind, "%s", t[i].name);
}
END_TEST

/* The view of a rule message: its table, chain and handle are required. */
START_TEST(rule_view_needs_table_chain_and_handle)
{
	char buf[4096];
	struct nft_rule_view v;

	for (int leave_out = 0; leave_out <= 3; leave_out++) {
		struct nftnl_rule *nr = nftnl_rule_alloc();
		struct nlmsghdr *nlh;

		if (leave_out != 1)
			nftnl_rule_set_str(nr, NFTNL_RULE_TABLE, "nsip");
		if (leave_out != 2)
			nftnl_rule_set_str(nr, NFTNL_RULE_CHAIN, "PREROUTING");
		if (leave_out != 3)
			nftnl_rule_set_u64(nr, NFTNL_RULE_HANDLE, 42);
		nlh = nftnl_nlmsg_build_hdr(buf, NFT_MSG_NEWRULE, NFPROTO_IPV4, 0, 0);
		nftnl_rule_nlmsg_build_payload(nlh, nr);
		nftnl_rule_free(nr);
		ck_assert(nft_rule_msg_sane(nlh));
		ck_assert_int_eq(nft_rule_view_of(nlh, &v), leave_out == 0);
		if (leave_out == 0) {
			ck_assert_str_eq(v.table, "nsip");
			ck_assert_str_eq(v.chain, "PREROUTING");
			ck_assert_uint_eq(v.handle, 42);
			ck_assert_ptr_null(v.exprs);
		}
	}
}
END_TEST

static char *printed(void (*fn)(FILE *f, const struct nat_rule *r),
		     const struct nat_rule *r)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);

	fn(f, r);
	fclose(f);
	return s;
}

static void save(FILE *f, const struct nat_rule *r)
{
	nat_print_save(f, "PREROUTING", r, false);
}

static void list_numeric(FILE *f, const struct nat_rule *r)
{
	struct nat_fmt fmt = { .numeric = true };

	nat_print_list_rule(f, 1, r, &fmt);
}

START_TEST(save_and_list_lines)
{
	struct nat_rule r = { 0 };
	char *s;

	r.proto_set = true;
	r.proto = IPPROTO_TCP;
	r.dport = (struct nat_port_match){ true, false, 80, 80 };
	r.target = NAT_T_DNAT;
	r.has_addr = r.has_ports = true;
	r.addr_lo = r.addr_hi = ip("192.168.15.2");
	r.port_lo = r.port_hi = 80;
	s = printed(save, &r);
	ck_assert_str_eq(s, "-A PREROUTING -p tcp -m tcp --dport 80 -j DNAT "
			 "--to-destination 192.168.15.2:80\n");
	free(s);
	s = printed(list_numeric, &r);
	ck_assert_str_eq(s, "DNAT       6    --  0.0.0.0/0            0.0.0.0/0"
			 "            tcp dpt:80 to:192.168.15.2:80\n");
	free(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("nat");
	TCase *tc = tcase_create("nat");

	tcase_add_test(tc, addresses_and_masks);
	tcase_add_test(tc, ports_and_ranges);
	tcase_add_test(tc, nat_ranges);
	tcase_add_test(tc, protocols_and_rule_numbers);
	tcase_add_test(tc, every_target_survives_the_round_trip);
	tcase_add_test(tc, nat_flags_survive_the_round_trip);
	tcase_add_test(tc, foreign_expressions_have_no_iptables_form);
	tcase_add_test(tc, unknown_expressions_have_no_iptables_form);
	tcase_add_test(tc, expression_kinds_by_name);
	tcase_add_test(tc, rule_view_needs_table_chain_and_handle);
	tcase_add_test(tc, digest_follows_nat_rule_same);
	tcase_add_test(tc, save_and_list_lines);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
