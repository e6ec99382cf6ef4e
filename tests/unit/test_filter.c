/* The filter table's parts of the rule model without a kernel: the names
 * of states, REJECT types and LOG levels, every new target and match
 * through a netlink message and back, the user data reader on bad input,
 * the table descriptions, and the -S and -L words. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <linux/netfilter.h>
#include <libmnl/libmnl.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <linux/netfilter/nf_tables.h>

#include "tap.h"
#include "xt_round_trip.h"
#include "print/nat_print.h"
#include "xt/filter_read.h"
#include "xt/multiport.h"
#include "xt/nat_parse.h"
#include "xt/nat_index.h"
#include "xt/nat_rule.h"
#include "xt/xt_names.h"
#include "xt/xt_table.h"

static int round_trip(const struct nat_rule *in, struct nat_rule *out)
{
	return xt_round_trip(in, out, "nsip_filter", "INPUT");
}

static struct nat_rule tcp_rule(enum nat_target t)
{
	struct nat_rule r = { 0 };

	r.proto_set = true;
	r.proto = IPPROTO_TCP;
	r.dport = (struct nat_port_match){ true, false, 22, 22 };
	r.target = t;
	return r;
}

START_TEST(names_both_ways)
{
	struct xt_reject rj;
	uint32_t bits;
	uint8_t level;
	char bad[32];

	ck_assert_int_eq(xt_parse_ct_states("new,Established", &bits, bad, sizeof(bad)), 0);
	ck_assert_uint_eq(bits, (1u << 3) | (1u << 1));
	ck_assert_int_eq(xt_parse_ct_states("NEW,FROB", &bits, bad, sizeof(bad)), -1);
	ck_assert_str_eq(bad, "FROB");
	ck_assert_int_eq(xt_parse_ct_states("SNAT", &bits, bad, sizeof(bad)), -2);
	ck_assert_int_eq(xt_parse_ct_states("NEW,", &bits, bad, sizeof(bad)), -1);
	ck_assert_int_eq(xt_parse_reject("host-prohib", &rj), 0);
	ck_assert_uint_eq(rj.icmp_code, 10);
	ck_assert_str_eq(xt_reject_code_name(rj.icmp_code), "icmp-host-prohibited");
	ck_assert_int_eq(xt_parse_reject("tcp-rst", &rj), 0);
	ck_assert(rj.tcp_reset);
	ck_assert_int_eq(xt_parse_reject("frob", &rj), -1);
	ck_assert_int_eq(xt_parse_log_level("panic", &level), 0);
	ck_assert_uint_eq(level, 0);
	ck_assert_int_eq(xt_parse_log_level("7", &level), 0);
	ck_assert_str_eq(xt_log_level_name(level), "debug");
	ck_assert_int_eq(xt_parse_log_level("8", &level), -1);
	ck_assert_int_eq(xt_parse_log_level("warn", &level), -1);
	ck_assert(xt_known_match("multiport"));
	ck_assert(!xt_known_match("frob"));
	ck_assert(xt_known_target("MARK"));
	ck_assert(!xt_known_target("MYCHAIN"));
}
END_TEST

START_TEST(tables_are_data)
{
	const struct xt_table *f = xt_table_find("filter"), *n = xt_table_find("nat");

	ck_assert_ptr_eq(f, &xt_table_filter);
	ck_assert_ptr_eq(n, &xt_table_nat);
	ck_assert_ptr_null(xt_table_find("mangle"));
	ck_assert(f->may_drop && !n->may_drop);
	ck_assert_uint_eq(f->n_chains, 3);
	ck_assert_str_eq(f->chains[1].name, "FORWARD");
	ck_assert(xt_is_builtin(n, "PREROUTING") && !xt_is_builtin(f, "PREROUTING"));
	ck_assert_str_ne(f->nft_name, n->nft_name);
	for (size_t k = 0; k < n->n_chains; k++)
		ck_assert_uint_le(n->n_chains, XT_MAX_CHAINS);
}
END_TEST

START_TEST(filter_targets_survive_the_round_trip)
{
	struct nat_rule r, back;

	r = tcp_rule(NAT_T_DROP);
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));

	r = tcp_rule(NAT_T_JUMP);
	strcpy(r.jump, "MY");
	r.go = true;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back) && back.go);
	back.go = false;
	ck_assert(!nat_rule_same(&r, &back));

	r = tcp_rule(NAT_T_REJECT);
	r.reject.tcp_reset = true;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	r.reject = (struct xt_reject){ .icmp_code = 13 };
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back) && !back.reject.tcp_reset);

	r = tcp_rule(NAT_T_LOG);
	strcpy(r.log.prefix, "in: ");
	r.log.level = 7;
	r.log.flags = 0x0a;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	r.log = (struct xt_log){ .level = XT_LOG_LEVEL_DEFAULT };
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	ck_assert_uint_eq(back.log.level, XT_LOG_LEVEL_DEFAULT);
}
END_TEST

START_TEST(filter_matches_survive_the_round_trip)
{
	struct nat_rule r = tcp_rule(NAT_T_ACCEPT), back, other;
	struct nat_digest d1, d2;

	r.tcpf_set = r.tcpf_neg = true;
	r.tcpf_mask = 0x2b;   /* FIN,SYN,PSH,URG: a comp outside is kept */
	r.tcpf_comp = 0x10;
	r.ct = (struct xt_ct_match){ true, true, true, (1u << 1) | (1u << 2) };
	strcpy(r.comment, "it's \"q\"");
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	ck_assert(back.ct.as_state && back.ct.neg && back.tcpf_neg);
	ck_assert_uint_eq(back.tcpf_mask, 0x2b);
	ck_assert_uint_eq(back.tcpf_comp, 0x10);
	ck_assert_str_eq(back.comment, r.comment);

	/* Each part parts two rules, in nat_rule_same and in the digest. */
	other = r;
	other.ct.as_state = false;
	nat_digest("INPUT", &r, &d1);
	nat_digest("INPUT", &other, &d2);
	ck_assert(!nat_rule_same(&r, &other));
	ck_assert(memcmp(d1.b, d2.b, sizeof(d1.b)));
	other = r;
	other.tcpf_comp = 0x02;
	nat_digest("INPUT", &other, &d2);
	ck_assert(!nat_rule_same(&r, &other));
	ck_assert(memcmp(d1.b, d2.b, sizeof(d1.b)));
	other = r;
	other.comment[0] = 'I';
	nat_digest("INPUT", &other, &d2);
	ck_assert(!nat_rule_same(&r, &other));
	ck_assert(memcmp(d1.b, d2.b, sizeof(d1.b)));

	/* The longest comment nsip keeps fits in the rule's user data. */
	memset(r.comment, 'x', XT_COMMENT_MAX);
	r.comment[XT_COMMENT_MAX] = '\0';
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert_uint_eq(strlen(back.comment), XT_COMMENT_MAX);
}
END_TEST

/* --icmp-type: names and numbers as iptables reads them, and each form
 * (type, type and code, any, negated type) back from nftables. */
START_TEST(icmp_types_both_ways)
{
	static const struct xt_icmp forms[] = {
		{ true, false, 8, 0, 0xff }, { true, false, 3, 4, 4 },
		{ true, false, XT_ICMP_ANY, 0, 0xff }, { true, true, 0, 0, 0xff },
	};
	struct xt_icmp m = { 0 };
	char msg[160];

	ck_assert_int_eq(xt_icmp_parse("Echo-Req", &m, msg, sizeof(msg)), 0);
	ck_assert_uint_eq(m.type, 8);
	ck_assert(xt_icmp_any_code(&m));
	ck_assert_str_eq(xt_icmp_name(&m), "echo-request");
	ck_assert_int_eq(xt_icmp_parse("0x3/010", &m, msg, sizeof(msg)), 0);
	ck_assert(m.type == 3 && m.code_min == 8 && m.code_max == 8);
	ck_assert_ptr_null(xt_icmp_name(&m));
	ck_assert_int_eq(xt_icmp_parse("host", &m, msg, sizeof(msg)), -1);
	ck_assert_str_eq(msg, "Ambiguous ICMP type `host': `host-unreachable' "
			 "or `host-unknown'?");
	ck_assert_int_eq(xt_icmp_parse("3/256", &m, msg, sizeof(msg)), -1);
	ck_assert_str_eq(msg, "Unknown ICMP code `3/256'");

	for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		struct nat_rule r = { 0 }, back;

		r.proto_set = true;
		r.proto = IPPROTO_ICMP;
		r.icmp = forms[k];
		r.target = NAT_T_ACCEPT;
		ck_assert_int_eq(round_trip(&r, &back), 0);
		ck_assert(nat_rule_same(&r, &back));
		ck_assert(back.icmp.set && back.icmp.neg == forms[k].neg);
		ck_assert_uint_eq(back.icmp.type, forms[k].type);
		ck_assert_uint_eq(back.icmp.code_min, forms[k].code_min);
	}
}
END_TEST

/* -m mark, with and without a mask, negated, back from nftables. */
START_TEST(marks_survive_the_round_trip)
{
	static const struct xt_mark_match forms[] = {
		{ true, false, 1, UINT32_MAX }, { true, true, 0x10, 0xff },
		{ true, false, 0, 0 },
	};

	for (size_t k = 0; k < sizeof(forms) / sizeof(forms[0]); k++) {
		struct nat_rule r = { 0 }, back;

		r.mark = forms[k];
		r.target = NAT_T_DROP;
		ck_assert_int_eq(round_trip(&r, &back), 0);
		ck_assert(nat_rule_same(&r, &back));
		ck_assert(back.mark.set && back.mark.neg == forms[k].neg);
		ck_assert_uint_eq(back.mark.value, forms[k].value);
		ck_assert_uint_eq(back.mark.mask, forms[k].mask);
	}
}
END_TEST

START_TEST(bad_user_data_has_no_iptables_form)
{
	struct nat_rule r = { 0 };
	const uint8_t cut[] = { 0, 5, 'a', 'b' };          /* value past the end */
	const uint8_t no_nul[] = { 0, 2, 'a', 'b' };      /* comment without NUL */
	const uint8_t empty[] = { 0, 0 };
	const uint8_t other[] = { 9, 1, 7, 0, 2, 'a', 0 }; /* unknown type skipped */

	ck_assert_int_eq(xt_read_udata(&r, cut, sizeof(cut)), -1);
	ck_assert_int_eq(xt_read_udata(&r, no_nul, sizeof(no_nul)), -1);
	ck_assert_int_eq(xt_read_udata(&r, empty, sizeof(empty)), -1);
	ck_assert_int_eq(xt_read_udata(&r, other, 1), -1);
	ck_assert_int_eq(xt_read_udata(&r, other, sizeof(other)), 0);
	ck_assert_str_eq(r.comment, "a");
}
END_TEST

START_TEST(multiport_lists_and_intervals)
{
	struct xt_multiport m = { 0 }, back;
	uint16_t lo[XT_MULTI_PORTS], hi[XT_MULTI_PORTS];
	uint8_t v[XT_MPORT_UDATA_MAX];
	char err[NAT_ERR_MAX];
	size_t n;

	ck_assert_int_eq(xt_parse_multiport("80,22,20:30,31,1000:2000", "tcp", &m, err), 0);
	ck_assert_uint_eq(m.n, 5);
	ck_assert_uint_eq(m.lo[2], 20);
	ck_assert_uint_eq(m.hi[2], 30);
	/* Sorted, merged where they overlap or touch. */
	n = xt_multiport_intervals(&m, lo, hi);
	ck_assert_uint_eq(n, 3);
	ck_assert(lo[0] == 20 && hi[0] == 31);
	ck_assert(lo[1] == 80 && hi[1] == 80);
	ck_assert(lo[2] == 1000 && hi[2] == 2000);
	/* The user data keeps the list as given. */
	m.set = m.neg = true;
	ck_assert_int_eq(xt_multiport_from_udata(&back, v, xt_multiport_to_udata(&m, v)), 0);
	ck_assert(back.neg && !back.src && back.n == m.n);
	ck_assert(!memcmp(back.lo, m.lo, sizeof(m.lo)) && !memcmp(back.hi, m.hi, sizeof(m.hi)));
	ck_assert_int_eq(xt_multiport_from_udata(&back, v, 4), -1);
	v[1] = 0xff;   /* lo above hi */
	ck_assert_int_eq(xt_multiport_from_udata(&back, v, 5), -1);

	ck_assert_int_eq(xt_parse_multiport("30:20", "tcp", &m, err), -1);
	ck_assert_str_eq(err, "invalid portrange specified");
	ck_assert_int_eq(xt_parse_multiport("80:", "tcp", &m, err), -1);
	ck_assert_str_eq(err, "invalid port/service `' specified");
	ck_assert_int_eq(xt_parse_multiport("1,2,3,4,5,6,7,8,9,10,11,12,13,14:15", "tcp",
					    &m, err), 0);
	ck_assert_int_eq(xt_parse_multiport("1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16",
					    "tcp", &m, err), -1);
	ck_assert_str_eq(err, "too many ports specified");
}
END_TEST

START_TEST(multiport_survives_the_round_trip)
{
	struct nat_rule r = tcp_rule(NAT_T_ACCEPT), back;
	char err[NAT_ERR_MAX];

	r.dport.set = false;
	ck_assert_int_eq(xt_parse_multiport("22,80:90", "tcp", &r.mport, err), 0);
	r.mport.set = r.mport.src = true;
	r.mport.set_id = 7;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	ck_assert(back.mport.src && back.mport.n == 2);
	/* The comment shares the user data with the list. */
	ck_assert_uint_le(xt_udata_size(&r), XT_UDATA_MAX);
	memset(r.comment, 'x', XT_COMMENT_MAX);
	r.comment[XT_COMMENT_MAX] = '\0';
	ck_assert_uint_gt(xt_udata_size(&r), XT_UDATA_MAX);
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
	nat_print_save(f, "INPUT", r, false);
}

static void list_named(FILE *f, const struct nat_rule *r)
{
	struct nat_fmt fmt = { .numeric = false };

	nat_print_list_rule(f, 1, r, &fmt);
}

START_TEST(save_and_list_words)
{
	struct nat_rule r = tcp_rule(NAT_T_LOG);
	char *s;

	r.dport.set = false;
	r.tcpf_set = true;
	r.tcpf_mask = 0x17;   /* --syn */
	r.tcpf_comp = 0x02;
	r.ct = (struct xt_ct_match){ true, false, false, 1u << 3 };
	strcpy(r.comment, "a b");
	strcpy(r.log.prefix, "x\\y");
	r.log.level = 4;
	r.log.flags = 0x01;
	s = printed(save, &r);
	ck_assert_str_eq(s, "-A INPUT -p tcp -m tcp --tcp-flags FIN,SYN,RST,ACK SYN "
			 "-m conntrack --ctstate NEW -m comment --comment \"a b\" "
			 "-j LOG --log-prefix \"x\\\\y\" --log-tcp-sequence\n");
	free(s);
	s = printed(list_named, &r);
	ck_assert_str_eq(s, "LOG        tcp  --  anywhere             anywhere"
			 "             tcp flags:FIN,SYN,RST,ACK/SYN ctstate NEW "
			 "/* a b */ LOG level warn tcp-sequence prefix \"x\\y\"\n");
	free(s);
}
END_TEST

/* The matches list in the order the rule keeps, and it parts two rules. */
START_TEST(matches_keep_their_order)
{
	struct nat_rule r = tcp_rule(NAT_T_ACCEPT), back, other;
	char *s;

	r.ct = (struct xt_ct_match){ true, false, false, 1u << 3 };
	strcpy(r.comment, "c");
	r.order[0] = XT_M_COMMENT;
	r.order[1] = XT_M_CT;
	r.order[2] = XT_M_PROTO;
	r.n_order = 3;
	ck_assert_int_eq(round_trip(&r, &back), 0);
	ck_assert(nat_rule_same(&r, &back));
	s = printed(save, &back);
	ck_assert_str_eq(s, "-A INPUT -p tcp -m comment --comment c -m conntrack "
			 "--ctstate NEW -m tcp --dport 22 -j ACCEPT\n");
	free(s);
	other = r;
	other.n_order = 0;
	ck_assert(!nat_rule_same(&r, &other));
	/* An order naming kinds the rule lacks, or twice, lists what it has. */
	other.order[0] = other.order[1] = XT_M_MPORT;
	other.order[2] = 9;
	other.n_order = 3;
	s = printed(save, &other);
	ck_assert_str_eq(s, "-A INPUT -p tcp -m tcp --dport 22 -m conntrack "
			 "--ctstate NEW -m comment --comment c -j ACCEPT\n");
	free(s);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("filter");
	TCase *tc = tcase_create("filter");

	tcase_add_test(tc, names_both_ways);
	tcase_add_test(tc, tables_are_data);
	tcase_add_test(tc, filter_targets_survive_the_round_trip);
	tcase_add_test(tc, filter_matches_survive_the_round_trip);
	tcase_add_test(tc, icmp_types_both_ways);
	tcase_add_test(tc, marks_survive_the_round_trip);
	tcase_add_test(tc, bad_user_data_has_no_iptables_form);
	tcase_add_test(tc, save_and_list_words);
	tcase_add_test(tc, multiport_lists_and_intervals);
	tcase_add_test(tc, multiport_survives_the_round_trip);
	tcase_add_test(tc, matches_keep_their_order);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
