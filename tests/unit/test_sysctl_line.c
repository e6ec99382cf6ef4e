/* sysctl's words (common/base/sysctl_line.c): -p lines as procps 4.0.2
 * reads them, and keys turned into /proc/sys paths and back. */
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "base/sysctl_line.h"

static enum sysctl_line_kind parse(const char *text, char *buf, size_t len,
				   const regex_t *re, struct sysctl_setting *s)
{
	strncpy(buf, text, len - 1);
	buf[len - 1] = '\0';
	return sysctl_line_parse(buf, re, s);
}

START_TEST(settings_are_stripped_of_blanks)
{
	char buf[128];
	struct sysctl_setting s;

	ck_assert_int_eq(parse("net.ipv4.ip_forward = 1\n", buf, sizeof(buf), NULL, &s),
			 SYSCTL_LINE_SETTING);
	ck_assert_str_eq(s.key, "net.ipv4.ip_forward");
	ck_assert_str_eq(s.value, "1");
	ck_assert(!s.ignore_failure);
	ck_assert_int_eq(parse("\t  net.x\t=\t 1000\t 2000  \r\n", buf, sizeof(buf), NULL, &s),
			 SYSCTL_LINE_SETTING);
	ck_assert_str_eq(s.key, "net.x");
	ck_assert_str_eq(s.value, "1000\t 2000");   /* blanks inside stay */
	ck_assert_int_eq(parse("a=b=c", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SETTING);
	ck_assert_str_eq(s.key, "a");
	ck_assert_str_eq(s.value, "b=c");
	ck_assert_int_eq(parse("net.x=\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SETTING);
	ck_assert_str_eq(s.value, "");
}
END_TEST

START_TEST(comments_blank_and_short_lines_are_skipped)
{
	char buf[64];
	struct sysctl_setting s;

	ck_assert_int_eq(parse("# net.x = 1\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SKIP);
	ck_assert_int_eq(parse("   ; net.x = 1\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SKIP);
	ck_assert_int_eq(parse("   \t\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SKIP);
	ck_assert_int_eq(parse("x", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SKIP);
	/* "x\n" is two characters: it is read, and has no '='. */
	ck_assert_int_eq(parse("x\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SYNTAX);
	ck_assert_int_eq(parse("justakey\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SYNTAX);
}
END_TEST

START_TEST(a_dash_ignores_failure_or_excludes)
{
	char buf[64];
	struct sysctl_setting s;

	ck_assert_int_eq(parse("-net.x = 5\n", buf, sizeof(buf), NULL, &s), SYSCTL_LINE_SETTING);
	ck_assert_str_eq(s.key, "net.x");
	ck_assert_str_eq(s.value, "5");
	ck_assert(s.ignore_failure);
	ck_assert_int_eq(parse(" -net.conf.lo.rp_filter  \n", buf, sizeof(buf), NULL, &s),
			 SYSCTL_LINE_SETTING);
	ck_assert_str_eq(s.key, "net.conf.lo.rp_filter");
	ck_assert_ptr_null(s.value);
	ck_assert(!s.ignore_failure);
}
END_TEST

START_TEST(a_pattern_selects_whole_lines)
{
	char buf[64];
	struct sysctl_setting s;
	regex_t re;

	ck_assert_int_eq(regcomp(&re, "forw", REG_EXTENDED | REG_NOSUB), 0);
	ck_assert_int_eq(parse("net.ipv4.ip_forward=1\n", buf, sizeof(buf), &re, &s),
			 SYSCTL_LINE_SETTING);
	ck_assert_int_eq(parse("net.core.somaxconn=1\n", buf, sizeof(buf), &re, &s),
			 SYSCTL_LINE_SKIP);
	/* An unmatched line is not even a syntax error; the value counts. */
	ck_assert_int_eq(parse("nokey\n", buf, sizeof(buf), &re, &s), SYSCTL_LINE_SKIP);
	ck_assert_int_eq(parse("a = forw\n", buf, sizeof(buf), &re, &s), SYSCTL_LINE_SETTING);
	regfree(&re);
}
END_TEST

START_TEST(keys_become_paths)
{
	long at;
	char *p;

	p = sysctl_key_path("net.ipv4.ip_forward", &at);
	ck_assert_str_eq(p, "/proc/sys/net/ipv4/ip_forward");
	ck_assert_int_eq(at, -1);
	free(p);
	/* Written with slashes, a dot is part of a name (a VLAN device). */
	p = sysctl_key_path("net/ipv4/conf/eth0.5/forwarding", &at);
	ck_assert_str_eq(p, "/proc/sys/net/ipv4/conf/eth0.5/forwarding");
	free(p);
	p = sysctl_key_path("net.ipv4.conf.eth0/5.forwarding", &at);
	ck_assert_str_eq(p, "/proc/sys/net/ipv4/conf/eth0.5/forwarding");
	free(p);
	p = sysctl_key_path("net.ipv4..ip_forward", &at);
	ck_assert_str_eq(p, "/proc/sys/net/ipv4//ip_forward");
	ck_assert_int_eq(at, 8);   /* "..ip_forward", as typed */
	free(p);
}
END_TEST

START_TEST(paths_become_names)
{
	char key[] = "net/ipv4/conf/eth0.5/forwarding";
	char dotted[] = "net.ipv4.ip_forward";
	char none[] = "kernel";

	ck_assert_int_eq(sysctl_swap_separators(key, '.'), -1);
	ck_assert_str_eq(key, "net.ipv4.conf.eth0/5.forwarding");
	ck_assert_int_eq(sysctl_swap_separators(dotted, '.'), -1);
	ck_assert_str_eq(dotted, "net.ipv4.ip_forward");
	ck_assert_int_eq(sysctl_swap_separators(none, '/'), -1);
	ck_assert_str_eq(none, "kernel");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("sysctl_line");
	TCase *t = tcase_create("core");

	tcase_add_test(t, settings_are_stripped_of_blanks);
	tcase_add_test(t, comments_blank_and_short_lines_are_skipped);
	tcase_add_test(t, a_dash_ignores_failure_or_excludes);
	tcase_add_test(t, a_pattern_selects_whole_lines);
	tcase_add_test(t, keys_become_paths);
	tcase_add_test(t, paths_become_names);
	suite_add_tcase(s, t);
	return run_suite(s);
}
