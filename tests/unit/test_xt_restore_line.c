/* iptables-restore's line reader without a kernel: the kind of each line
 * in and out of a block, words split at blanks and grouped by double
 * quotes, the "[P:B]" prefix cut as iptables-restore cuts it, and the
 * words a restore line refuses. */
#include <stdio.h>
#include <string.h>

#include "tap.h"
#include "xt/xt_restore_line.h"

static enum xr_error rd(const char *text, bool in_table, struct xr_line *l,
			char *buf, size_t size)
{
	snprintf(buf, size, "%s", text);
	return xr_read_line(buf, in_table, l);
}

START_TEST(kinds_in_and_out_of_a_block)
{
	struct xr_line l;
	char b[256];

	ck_assert_int_eq(rd("", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_SKIP);
	ck_assert_int_eq(rd("# x", false, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_SKIP);
	ck_assert_int_eq(rd("*nat extra", false, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_TABLE);
	ck_assert_str_eq(l.name, "nat");
	ck_assert_int_eq(rd("*nat", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_WORDS);   /* "Bad argument `*nat'" */
	ck_assert_int_eq(rd("COMMIT", false, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_STRAY);
	ck_assert_int_eq(rd("COMMIT", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_COMMIT);
	ck_assert_int_eq(rd("COMMIT x", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_WORDS);
	ck_assert_int_eq(rd(":FOO - [1:2]", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.kind, XR_CHAIN);
	ck_assert_str_eq(l.name, "FOO");
	ck_assert_str_eq(l.policy, "-");
	ck_assert_str_eq(l.counters, "[1:2]");
	ck_assert_int_eq(rd("*", false, &l, b, sizeof(b)), XR_NO_TABLE_NAME);
	ck_assert_int_eq(rd(":", true, &l, b, sizeof(b)), XR_NO_CHAIN_NAME);
	ck_assert_int_eq(rd(":FOO", true, &l, b, sizeof(b)), XR_NO_POLICY);
}
END_TEST

START_TEST(words_and_quotes)
{
	struct xr_line l;
	char b[256];

	ck_assert_int_eq(rd("  -A INPUT\t-m comment --comment \"a \\\"b\\\" c\" -j X",
			    true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.argc, 8);
	ck_assert_str_eq(l.argv[0], "-A");
	ck_assert_str_eq(l.argv[1], "INPUT");
	ck_assert_str_eq(l.argv[5], "a \"b\" c");
	ck_assert_str_eq(l.argv[7], "X");
	ck_assert_ptr_null(l.argv[8]);
	/* single quotes are characters like others */
	ck_assert_int_eq(rd("--comment 'a b'", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.argc, 3);
	ck_assert_str_eq(l.argv[1], "'a");
	/* an unterminated quote runs to the end of the line */
	ck_assert_int_eq(rd("-x \"a b", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.argc, 2);
	ck_assert_str_eq(l.argv[1], "a b");
	ck_assert_int_eq(rd("\t", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_int_eq(l.argc, 0);
}
END_TEST

START_TEST(counter_prefix)
{
	struct xr_line l;
	uint64_t p, by;
	char b[256];

	ck_assert_int_eq(rd("[7:8] -A INPUT", true, &l, b, sizeof(b)), XR_OK);
	ck_assert_str_eq(l.pcnt, "7");
	ck_assert_str_eq(l.bcnt, "8");
	ck_assert_int_eq(l.argc, 2);
	ck_assert(xr_number(l.pcnt, &p) && p == 7);
	ck_assert_int_eq(rd("[x] -A INPUT", true, &l, b, sizeof(b)), XR_NEED_BRACKET);
	ck_assert_int_eq(rd("[7 -A INPUT", true, &l, b, sizeof(b)), XR_NEED_BRACKET);
	/* strtok skips the colons: "]" is the packets, no bytes follow */
	ck_assert_int_eq(rd("[::]", true, &l, b, sizeof(b)), XR_NEED_BRACKET);
	/* "[7:]": the byte count is what follows, as strtok finds it */
	ck_assert_int_eq(rd("[7:] -A INPUT", true, &l, b, sizeof(b)), XR_OK);
	ck_assert(!xr_number(l.bcnt, &by));
	ck_assert(xr_chain_counters("[5:6]", &p, &by) && p == 5 && by == 6);
	ck_assert(!xr_chain_counters("[a:b]", &p, &by));
	ck_assert(!xr_chain_counters(NULL, &p, &by));
}
END_TEST

START_TEST(refused_words)
{
	struct xr_line l;
	char b[2048];

	ck_assert_int_eq(rd("-t nat -A X", true, &l, b, sizeof(b)), XR_TABLE_OPTION);
	ck_assert_int_eq(rd("-A X --table=nat", true, &l, b, sizeof(b)), XR_TABLE_OPTION);
	ck_assert_int_eq(rd("-w -A X", true, &l, b, sizeof(b)), XR_WAIT_OPTION);
	ck_assert_int_eq(rd("-A X --wait-interval 5", true, &l, b, sizeof(b)),
			 XR_WAIT_INTERVAL_OPTION);
	memset(b, 0, sizeof(b));
	for (int i = 0; i < XR_MAX_WORDS + 1; i++)
		strcat(b, "w ");
	ck_assert_int_eq(xr_read_line(b, true, &l), XR_TOO_MANY);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("xt_restore_line");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, kinds_in_and_out_of_a_block);
	tcase_add_test(tc, words_and_quotes);
	tcase_add_test(tc, counter_prefix);
	tcase_add_test(tc, refused_words);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
