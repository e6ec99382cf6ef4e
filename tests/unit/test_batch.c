#include <string.h>

#include "tap.h"
#include "base/batch.h"

static int split(const char *text, char **words, char *buf, size_t len)
{
	strncpy(buf, text, len - 1);
	buf[len - 1] = '\0';
	return batch_split(buf, words, 8);
}

START_TEST(words_split_on_blanks)
{
	char buf[128], *w[8];

	ck_assert_int_eq(split(" link\tshow \r lo\n", w, buf, sizeof(buf)), 3);
	ck_assert_str_eq(w[0], "link");
	ck_assert_str_eq(w[1], "show");
	ck_assert_str_eq(w[2], "lo");
	ck_assert_int_eq(split("   \t\n", w, buf, sizeof(buf)), 0);
}
END_TEST

START_TEST(quotes_hold_blanks_and_may_be_empty)
{
	char buf[128], *w[8];

	ck_assert_int_eq(split("add \"b c\" 'd \"e' \"\"", w, buf, sizeof(buf)), 4);
	ck_assert_str_eq(w[1], "b c");
	ck_assert_str_eq(w[2], "d \"e");
	ck_assert_str_eq(w[3], "");
	/* No escapes: a backslash is an ordinary character. */
	ck_assert_int_eq(split("a\\ b", w, buf, sizeof(buf)), 2);
	ck_assert_str_eq(w[0], "a\\");
}
END_TEST

START_TEST(bad_lines_are_reported)
{
	char buf[128], *w[8];

	ck_assert_int_eq(split("add \"x", w, buf, sizeof(buf)), BATCH_UNTERMINATED);
	ck_assert_int_eq(split("1 2 3 4 5 6 7 8 9", w, buf, sizeof(buf)), BATCH_TOO_MANY);
	ck_assert_int_eq(split("1 2 3 4 5 6 7 8", w, buf, sizeof(buf)), 8);
}
END_TEST

START_TEST(comments_and_continuations)
{
	const char text[] = "# only a comment\n\nnetns add a # c\nlink \\\n  show\n";
	FILE *f = fmemopen((void *)text, sizeof(text) - 1, "r");
	struct batch b = { .f = f, .name = "mem" };
	char **argv;
	int argc;

	ck_assert_int_eq(batch_next(&b, &argc, &argv), 1);
	ck_assert_int_eq(argc, 3);
	ck_assert_str_eq(argv[2], "a");
	ck_assert_int_eq(b.lineno, 3);
	ck_assert_int_eq(batch_next(&b, &argc, &argv), 1);
	ck_assert_int_eq(argc, 2);
	ck_assert_str_eq(argv[1], "show");
	ck_assert_int_eq(b.lineno, 5);
	ck_assert_int_eq(batch_next(&b, &argc, &argv), 0);
	batch_close(&b);
}
END_TEST

/* Lines alone and joined, in turn (one is read in place, the other
 * copied), and a continuation that the end of the file ends. */
START_TEST(joined_and_single_lines_alternate)
{
	const char text[] = "a b\nc \\\nd\ne\nf \\\ng \\\n";
	FILE *f = fmemopen((void *)text, sizeof(text) - 1, "r");
	struct batch b = { .f = f, .name = "mem" };
	static const char *const want[][3] = {
		{ "a", "b" }, { "c", "d" }, { "e" }, { "f", "g" },
	};
	char **argv;
	int argc;

	for (int i = 0; i < 4; i++) {
		ck_assert_int_eq(batch_next(&b, &argc, &argv), 1);
		ck_assert_int_eq(argc, i == 2 ? 1 : 2);
		for (int w = 0; w < argc; w++)
			ck_assert_str_eq(argv[w], want[i][w]);
	}
	ck_assert_int_eq(b.lineno, 6);
	ck_assert_int_eq(batch_next(&b, &argc, &argv), 0);
	batch_close(&b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("batch");
	TCase *tc = tcase_create("batch");

	tcase_add_test(tc, words_split_on_blanks);
	tcase_add_test(tc, quotes_hold_blanks_and_may_be_empty);
	tcase_add_test(tc, bad_lines_are_reported);
	tcase_add_test(tc, comments_and_continuations);
	tcase_add_test(tc, joined_and_single_lines_alternate);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
