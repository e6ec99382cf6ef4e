/* The requests of `ip rule add|del`, byte for byte, and the decoder of
 * the kernel's rule messages. Each description is filled as the applet's
 * words fill it (the words are above each case); the expected bytes are
 * written out by hand from the netlink layout (little-endian hosts), so
 * that the builder is checked against the format, not itself. */
#include <string.h>
#include <sys/socket.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "req_bytes.h"
#include "nl/rule_msg.h"
#include "nl/rule_req.h"

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

/* What `rule add` starts from before its words. */
static void add_defaults(struct rule_spec *s)
{
	rule_spec_init(s);
	s->frh.family = AF_INET;
	s->frh.action = FR_ACT_TO_TBL;
}

/* ip rule add from 10.0.0.0/8 table 100 pref 100 */
static const unsigned char from_want[] = {
	44, 0, 0, 0,  32, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	/* fib_rule_hdr: family, dst_len, src_len, tos, table, res1, res2,
	 * action, flags */
	AF_INET, 0, 8, 0,  100, 0, 0, FR_ACT_TO_TBL,  0, 0, 0, 0,
	/* FRA_SRC 10.0.0.0, FRA_PRIORITY 100 */
	8, 0, 2, 0,  10, 0, 0, 0,
	8, 0, 6, 0,  100, 0, 0, 0,
};

static void from_case(struct nl_req *r)
{
	struct rule_spec s;

	add_defaults(&s);
	s.frh.src_len = 8;
	s.frh.table = 100;
	s.src = (struct rule_addr){ .given = true, .len = 4, .bytes = { 10 } };
	s.has_priority = true;
	s.priority = 100;
	rule_req_build(r, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, &s);
}

/* ip rule add not iif lo fwmark 0x10/0xff lookup 1000 uidrange 1-2 pref 5 */
static const unsigned char selectors_want[] = {
	80, 0, 0, 0,  32, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET, 0, 0, 0,  RT_TABLE_UNSPEC, 0, 0, FR_ACT_TO_TBL,
	FIB_RULE_INVERT, 0, 0, 0,
	/* FRA_PRIORITY 5, FRA_FWMARK 0x10, FRA_FWMASK 0xff, FRA_TABLE 1000 */
	8, 0, 6, 0,  5, 0, 0, 0,
	8, 0, 10, 0,  0x10, 0, 0, 0,
	8, 0, 16, 0,  0xff, 0, 0, 0,
	8, 0, 15, 0,  0xe8, 0x03, 0, 0,
	/* FRA_IIFNAME "lo", FRA_UID_RANGE 1-2 */
	7, 0, 3, 0,  'l', 'o', 0, 0,
	12, 0, 20, 0,  1, 0, 0, 0,  2, 0, 0, 0,
};

static void selectors_case(struct nl_req *r)
{
	struct rule_spec s;

	add_defaults(&s);
	s.frh.flags = FIB_RULE_INVERT;
	s.has_priority = true;
	s.priority = 5;
	s.has_fwmark = s.has_fwmask = true;
	s.fwmark = 0x10;
	s.fwmask = 0xff;
	s.has_table = true;
	s.table = 1000;
	strcpy(s.iif, "lo");
	s.has_uid_range = true;
	s.uid_range = (struct fib_rule_uid_range){ 1, 2 };
	rule_req_build(r, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, &s);
}

/* ip -6 rule del from fd00::/8 goto 7 */
static const unsigned char goto_want[] = {
	56, 0, 0, 0,  33, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET6, 0, 8, 0,  0, 0, 0, FR_ACT_GOTO,  0, 0, 0, 0,
	/* FRA_SRC fd00::, FRA_GOTO 7 */
	20, 0, 2, 0,  0xfd, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
	8, 0, 4, 0,  7, 0, 0, 0,
};

static void goto_case(struct nl_req *r)
{
	struct rule_spec s;

	rule_spec_init(&s);
	s.frh.family = AF_INET6;
	s.frh.src_len = 8;
	s.frh.action = FR_ACT_GOTO;
	s.src = (struct rule_addr){ .given = true, .len = 16, .bytes = { 0xfd } };
	s.has_goto = true;
	s.goto_target = 7;
	rule_req_build(r, RTM_DELRULE, 0, &s);
}

/* ip rule add from all ipproto 6 sport 80 dport 1000-2000 prohibit:
 * "all" is an FRA_SRC without bytes, as ip sends it. */
static const unsigned char ports_want[] = {
	56, 0, 0, 0,  32, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET, 0, 0, 0,  0, 0, 0, FR_ACT_PROHIBIT,  0, 0, 0, 0,
	4, 0, 2, 0,
	/* FRA_IP_PROTO 6, FRA_SPORT_RANGE 80-80, FRA_DPORT_RANGE 1000-2000 */
	5, 0, 22, 0,  6, 0, 0, 0,
	8, 0, 23, 0,  80, 0, 80, 0,
	8, 0, 24, 0,  0xe8, 0x03, 0xd0, 0x07,
};

static void ports_case(struct nl_req *r)
{
	struct rule_spec s;

	add_defaults(&s);
	s.frh.action = FR_ACT_PROHIBIT;
	s.src.given = true;
	s.has_ipproto = true;
	s.ipproto = 6;
	s.has_sport = s.has_dport = true;
	s.sport = (struct fib_rule_port_range){ 80, 80 };
	s.dport = (struct fib_rule_port_range){ 1000, 2000 };
	rule_req_build(r, RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, &s);
}

static const struct {
	void (*build)(struct nl_req *r);
	const unsigned char *want;
	size_t len;
} cases[] = {
	{ from_case, from_want, sizeof(from_want) },
	{ selectors_case, selectors_want, sizeof(selectors_want) },
	{ goto_case, goto_want, sizeof(goto_want) },
	{ ports_case, ports_want, sizeof(ports_want) },
};

START_TEST(request_bytes)
{
	struct nl_req r;

	cases[_i].build(&r);
	assert_req_bytes(&r, cases[_i].want, cases[_i].len);
}
END_TEST

/* The first request read back: a message the kernel could send. */
START_TEST(decodes_own_request)
{
	struct nl_req r;
	struct rule_msg m;

	from_case(&r);
	r.nlh.nlmsg_type = RTM_NEWRULE;
	ck_assert_int_eq(rule_msg_parse(&r.nlh, &m), 0);
	ck_assert_uint_eq(m.frh->src_len, 8);
	ck_assert_uint_eq(rule_msg_u32(&m, FRA_PRIORITY), 100);
	ck_assert_uint_eq(rule_msg_table(&m), 100);
	ck_assert_ptr_null(m.tb[FRA_DST]);
}
END_TEST

/* An IPv4 rule whose source is 16 bytes, a name without its end, a range
 * cut short: each is a malformed reply, never read past. */
START_TEST(refuses_malformed)
{
	struct nl_req r;
	struct rule_msg m;
	struct nlmsghdr *nlh;

	goto_case(&r);
	((struct fib_rule_hdr *)mnl_nlmsg_get_payload(&r.nlh))->family = AF_INET;
	ck_assert_int_eq(rule_msg_parse(&r.nlh, &m), -1);

	nlh = nl_req_init(&r, RTM_NEWRULE, 0);
	nl_put_header(nlh, sizeof(struct fib_rule_hdr));
	nl_put(nlh, FRA_IIFNAME, 2, "lo");
	ck_assert_int_eq(rule_msg_parse(nlh, &m), -1);

	nlh = nl_req_init(&r, RTM_NEWRULE, 0);
	nl_put_header(nlh, sizeof(struct fib_rule_hdr));
	nl_put(nlh, FRA_UID_RANGE, 4, "\1\0\0\0");
	ck_assert_int_eq(rule_msg_parse(nlh, &m), -1);

	nlh = nl_req_init(&r, RTM_NEWRULE, 0);
	nlh->nlmsg_len = NLMSG_HDRLEN + 4;   /* shorter than its header */
	ck_assert_int_eq(rule_msg_parse(nlh, &m), -1);
}
END_TEST

#endif

static Suite *suite(void)
{
	Suite *s = suite_create("rule_req");
	TCase *t = tcase_create("build");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	tcase_add_loop_test(t, request_bytes, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(t, decodes_own_request);
	tcase_add_test(t, refuses_malformed);
#endif
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
