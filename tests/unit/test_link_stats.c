/* The link counters: the decoder (IFLA_STATS64, the IFLA_STATS fallback
 * widened to 64 bits, lengths checked) and the printer's numbers and
 * layout for what a test system cannot make the kernel count (ten-digit
 * counters, a 32-bit-only record). The layout against iproute2 on real
 * links is tests/integration/link_stats.sh. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "nl/link_msg.h"
#include "nl/link_stats.h"
#include "print/link_stats_print.h"

static char buf[4096];

static struct nlmsghdr *new_link(void)
{
	memset(buf, 0, sizeof(buf));
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_NEWLINK;
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_index = 3;
	return nlh;
}

/* What the printer writes for nlh in one mode. */
static char *render(const struct nlmsghdr *nlh, bool json, int level,
		    bool human)
{
	struct link_stats_opts opts = { .level = level, .human = human };
	struct link_msg m;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct out o;

	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	out_init(&o, f, json, false, false);
	out_obj_begin(&o, NULL);
	link_stats_print(&o, &m, &opts);
	out_obj_end(&o);
	fclose(f);
	return text;
}

START_TEST(stats64_is_read)
{
	struct nlmsghdr *nlh = new_link();
	struct rtnl_link_stats64 s = { .rx_bytes = 12345678901ULL, .rx_packets = 7,
				       .tx_bytes = 5, .collisions = 2 };
	struct link_msg m;
	struct link_stats st;

	mnl_attr_put(nlh, IFLA_STATS64, sizeof(s), &s);
	mnl_attr_put_u32(nlh, IFLA_CARRIER_CHANGES, 4);
	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	ck_assert_int_eq(link_stats_get(&m, &st), 1);
	ck_assert(st.is64);
	ck_assert(st.s.rx_bytes == 12345678901ULL && st.s.collisions == 2);
	ck_assert(st.has_carrier_changes && st.carrier_changes == 4);
}
END_TEST

START_TEST(stats32_is_widened_when_64_is_absent)
{
	struct nlmsghdr *nlh = new_link();
	struct rtnl_link_stats s = { .rx_bytes = 4000000000u, .tx_packets = 9,
				     .rx_nohandler = 1 };
	struct link_msg m;
	struct link_stats st;

	mnl_attr_put(nlh, IFLA_STATS, sizeof(s), &s);
	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	ck_assert_int_eq(link_stats_get(&m, &st), 1);
	ck_assert(!st.is64);
	ck_assert(st.s.rx_bytes == 4000000000u && st.s.tx_packets == 9);
	ck_assert(st.s.rx_nohandler == 1 && !st.has_carrier_changes);
	char *j = render(nlh, true, 1, false);
	ck_assert_str_eq(j, "{\"stats\":{\"rx\":{\"bytes\":4000000000,\"packets\":0,"
			 "\"errors\":0,\"dropped\":0,\"over_errors\":0,\"multicast\":0},"
			 "\"tx\":{\"bytes\":0,\"packets\":9,\"errors\":0,\"dropped\":0,"
			 "\"carrier_errors\":0,\"collisions\":0}}}");
	free(j);
}
END_TEST

START_TEST(no_counters_print_nothing)
{
	struct nlmsghdr *nlh = new_link();
	struct link_msg m;
	struct link_stats st;

	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	ck_assert_int_eq(link_stats_get(&m, &st), 0);
	char *t = render(nlh, false, 2, false);
	ck_assert_str_eq(t, "");
	free(t);
}
END_TEST

/* A counter set shorter than the 23 counters every kernel sends. */
START_TEST(short_sets_are_malformed)
{
	uint64_t few[22] = { 0 };
	struct link_msg m;
	struct nlmsghdr *nlh = new_link();

	mnl_attr_put(nlh, IFLA_STATS64, sizeof(few), few);
	ck_assert_int_eq(link_msg_parse(nlh, &m), -1);
	nlh = new_link();
	mnl_attr_put(nlh, IFLA_STATS, 22 * sizeof(uint32_t), few);
	ck_assert_int_eq(link_msg_parse(nlh, &m), -1);
}
END_TEST

/* A longer set (a newer kernel's counters) is read as far as nsip knows. */
START_TEST(longer_sets_are_cut)
{
	uint64_t many[40];
	struct link_msg m;
	struct link_stats st;
	struct nlmsghdr *nlh = new_link();

	for (int i = 0; i < 40; i++)
		many[i] = (uint64_t)i + 1;
	mnl_attr_put(nlh, IFLA_STATS64, sizeof(many), many);
	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	ck_assert_int_eq(link_stats_get(&m, &st), 1);
	ck_assert(st.s.rx_packets == 1 && st.s.rx_nohandler == 24);
	ck_assert(st.rx_otherhost_dropped == 25);
}
END_TEST

/* Ten digits widen the bytes column: every row moves with it. */
START_TEST(wide_counters_widen_their_column)
{
	struct nlmsghdr *nlh = new_link();
	struct rtnl_link_stats64 s = { .rx_bytes = 12345678901ULL, .rx_packets = 7 };

	mnl_attr_put(nlh, IFLA_STATS64, sizeof(s), &s);
	char *t = render(nlh, false, 1, false);
	ck_assert_str_eq(t,
		"\n    RX:   bytes packets errors dropped  missed   mcast           "
		"\n    12345678901       7      0       0       0       0 "
		"\n    TX:   bytes packets errors dropped carrier collsns           "
		"\n              0       0      0       0       0       0 ");
	free(t);
	t = render(nlh, false, 1, true);   /* -human: the widths stay */
	ck_assert_str_eq(t,
		"\n    RX:  bytes packets errors dropped  missed   mcast           "
		"\n         12.3G       7      0       0       0       0 "
		"\n    TX:  bytes packets errors dropped carrier collsns           "
		"\n             0       0      0       0       0       0 ");
	free(t);
}
END_TEST

START_TEST(human_numbers)
{
	char b[32];

	ck_assert_str_eq(link_stats_num(b, sizeof(b), 999, true, false), "999");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 1000, true, false), "1.00k");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 1023, true, true), "1023");
	/* ip writes the unit in lower case before its "i" */
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 1024, true, true), "1.00ki");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 2416800, true, false), "2.42M");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 2416800, true, true), "2.30Mi");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 123456, true, false), "123k");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 45678901, true, false), "45.7M");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), UINT64_MAX, true, false), "18.4E");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), UINT64_MAX, false, false),
			 "18446744073709551615");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 0, false, false), "0");
	ck_assert_str_eq(link_stats_num(b, sizeof(b), 1000, false, false), "1000");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("link_stats");
	TCase *tc = tcase_create("link_stats");

	tcase_add_test(tc, stats64_is_read);
	tcase_add_test(tc, stats32_is_widened_when_64_is_absent);
	tcase_add_test(tc, no_counters_print_nothing);
	tcase_add_test(tc, short_sets_are_malformed);
	tcase_add_test(tc, longer_sets_are_cut);
	tcase_add_test(tc, wide_counters_widen_their_column);
	tcase_add_test(tc, human_numbers);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
