#include <string.h>

#include "tap.h"
#include "base/parse.h"

START_TEST(prefix_of_keyword_matches)
{
	ck_assert(matches("a", "add"));
	ck_assert(matches("add", "add"));
	ck_assert(!matches("adds", "add"));
	ck_assert(!matches("", "add"));
	ck_assert(!matches("A", "add"));
}
END_TEST

START_TEST(table_order_decides_abbreviations)
{
	static const char *const subs[] = {
		"list", "show", "lst", "list-id", "help", "add", "set", "delete",
		"identify", "pids", "exec", "monitor", "attach", NULL
	};

	ck_assert_int_eq(match_first("s", subs), 1);
	ck_assert_int_eq(match_first("se", subs), 6);
	ck_assert_int_eq(match_first("l", subs), 0);
	ck_assert_int_eq(match_first("list-", subs), 3);
	ck_assert_int_eq(match_first("d", subs), 7);
	ck_assert_int_eq(match_first("a", subs), 5);
	ck_assert_int_eq(match_first("at", subs), 12);
	ck_assert_int_eq(match_first("e", subs), 10);
	ck_assert_int_eq(match_first("frob", subs), -1);
	ck_assert_int_eq(match_first("", subs), -1);
}
END_TEST

START_TEST(netns_names_follow_iproute2)
{
	char longest[256], too_long[257];

	memset(longest, 'x', 255);
	longest[255] = '\0';
	memset(too_long, 'x', 256);
	too_long[256] = '\0';
	ck_assert(netns_name_ok("red"));
	ck_assert(netns_name_ok("with space"));
	ck_assert(netns_name_ok("..."));
	ck_assert(netns_name_ok(longest));
	ck_assert(!netns_name_ok(too_long));
	ck_assert(!netns_name_ok(""));
	ck_assert(!netns_name_ok("."));
	ck_assert(!netns_name_ok(".."));
	ck_assert(!netns_name_ok("a/b"));
	ck_assert(!netns_name_ok("/"));
}
END_TEST

START_TEST(numbers_take_any_base)
{
	uint32_t u;
	int32_t s;

	ck_assert(parse_u32("0x10", &u) && u == 16);
	ck_assert(parse_u32("010", &u) && u == 8);
	ck_assert(parse_u32("4294967295", &u) && u == 4294967295u);
	ck_assert(!parse_u32("4294967296", &u));
	ck_assert(!parse_u32("-1", &u));
	ck_assert(!parse_u32("12abc", &u));
	ck_assert(!parse_u32("", &u));
	ck_assert(parse_s32("-5", &s) && s == -5);
	ck_assert(!parse_s32("2147483648", &s));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("parse");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, prefix_of_keyword_matches);
	tcase_add_test(tc, table_order_decides_abbreviations);
	tcase_add_test(tc, netns_names_follow_iproute2);
	tcase_add_test(tc, numbers_take_any_base);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
