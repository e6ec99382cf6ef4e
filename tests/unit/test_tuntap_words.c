/* The words of `ip tuntap add|del` into the TUNSETIFF request: flags,
 * name, owner and group, and the exit code of each kind of bad word. */
#include <stdio.h>
#include <string.h>
#include <linux/if_tun.h>

/* Before tap.h: Check's own fail() macro would rename err.h's. */
#include "base/err.h"
#include "tap.h"
#include "tuntap/tuntap.h"

static struct ctx ctx = { .prog = "ip", .who = AS_IP };

/* words: blank-separated, "-" for an empty word. */
static int words(const char *line, bool add, struct tun_spec *s)
{
	static char buf[256];
	char *argv[32];
	int argc = 0;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *w = strtok(buf, " "); w && argc < 32; w = strtok(NULL, " "))
		argv[argc++] = strcmp(w, "-") ? w : (char *)"";
	return tuntap_words(&ctx, argc, argv, add, s);
}

START_TEST(mode_name_and_flags)
{
	struct tun_spec s;

	ck_assert_int_eq(words("dev tt0 mode tun", true, &s), 0);
	ck_assert_str_eq(s.name, "tt0");
	ck_assert_uint_eq(s.flags, IFF_TUN | IFF_NO_PI);
	ck_assert_uint_eq(s.uid, (uid_t)-1);
	ck_assert_uint_eq(s.gid, (gid_t)-1);
	ck_assert_int_eq(words("tt1 m ta p o v mu", true, &s), 0);
	ck_assert_str_eq(s.name, "tt1");
	ck_assert_uint_eq(s.flags, IFF_TAP | IFF_ONE_QUEUE | IFF_VNET_HDR | IFF_MULTI_QUEUE);
	ck_assert_int_eq(words("mode tap", true, &s), 0);
	ck_assert_str_eq(s.name, "");
	ck_assert_int_eq(words("dev aa dev 0123456789abcde mode tun", true, &s), 0);
	ck_assert_str_eq(s.name, "0123456789abcde");
	ck_assert_int_eq(words("n tt2 mode t", false, &s), 0);
	ck_assert_str_eq(s.name, "tt2");
	ck_assert_uint_eq(s.flags, IFF_TUN | IFF_NO_PI);
}
END_TEST

START_TEST(owner_and_group)
{
	struct tun_spec s;

	ck_assert_int_eq(words("tt0 mode tun user 1000 group 100", true, &s), 0);
	ck_assert_uint_eq(s.uid, 1000);
	ck_assert_uint_eq(s.gid, 100);
	ck_assert_int_eq(words("tt0 mode tun u root g root", true, &s), 0);
	ck_assert_uint_eq(s.uid, 0);
	ck_assert_uint_eq(s.gid, 0);
	/* strtol's number, kept modulo 2^32 as iproute2 does: -1 is none. */
	ck_assert_int_eq(words("tt0 mode tun user -1 group 4294967296", true, &s), 0);
	ck_assert_uint_eq(s.uid, (uid_t)-1);
	ck_assert_uint_eq(s.gid, 0);
}
END_TEST

START_TEST(bad_words)
{
	struct tun_spec s;

	ck_assert_int_eq(words("tt0", true, &s), EXIT_CMD);          /* no mode */
	ck_assert_int_eq(words("tt0 mode foo", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("tt0 mode tun mode tap", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("0123456789abcdef mode tun", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("a/b mode tun", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("dev - mode tun", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("tt0 tt1 mode tun", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("tt0 mode", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("tt0 mode tun user nsip-no-such-user", true, &s), EXIT_USAGE);
	ck_assert_int_eq(words("tt0 mode tun group nsip-no-such-group", true, &s), EXIT_USAGE);
	/* del knows no user: the word is a second name. */
	ck_assert_int_eq(words("tt0 mode tun user root", false, &s), EXIT_USAGE);
	ck_assert_int_eq(words("tt0 help", true, &s), EXIT_USAGE);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("tuntap_words");
	TCase *tc = tcase_create("tuntap_words");

	/* The messages go to stderr; the exit codes are checked here. */
	if (!freopen("/dev/null", "w", stderr))
		return EXIT_FAILURE;
	tcase_add_test(tc, mode_name_and_flags);
	tcase_add_test(tc, owner_and_group);
	tcase_add_test(tc, bad_words);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
