/* The requests of `ip address add|change|replace|del`, byte for byte:
 * word lists read by the applet's reader (cmd/addr/addr_words.c), the
 * device index set as the lookup would, and the request built by
 * common/nl/addr_req.c. The expected bytes are written out by hand from
 * the netlink layout (little-endian hosts), so that the reader and the
 * builder are checked against the format, not against themselves. */
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

/* Before tap.h: Check's own fail() macro would rename err.h's. */
#include "base/err.h"
#include "tap.h"
#include "req_bytes.h"
#include "addr/addr_words.h"
#include "nl/addr_req.h"

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

#define CREATE_EXCL (NLM_F_CREATE | NLM_F_EXCL)

/* The words of one command line as argv, NULL-terminated. */
static int split(char *line, char **argv, int max)
{
	int argc = 0;

	for (char *w = strtok(line, " "); w && argc < max - 1; w = strtok(NULL, " "))
		argv[argc++] = w;
	argv[argc] = NULL;
	return argc;
}

/* Reads the words as `ip [-6] address add|del` would on device 1 (lo) and
 * builds the request; returns the reader's exit code (0: r is built). */
static int build(int family, uint16_t type, uint16_t flags, const char *words,
		 struct nl_req *r)
{
	struct ctx c = { .prog = "ip", .who = AS_IP };
	struct addr_words w;
	char line[256], *argv[32];
	int argc, code;

	c.opt.family = family;
	snprintf(line, sizeof(line), "%s", words);
	argc = split(line, argv, 32);
	if ((code = addr_words_read(&c, type == RTM_DELADDR, argc, argv, &w)))
		return code;
	w.spec.ifindex = 1;
	if ((code = addr_words_finish(&w)))
		return code;
	ck_assert_int_eq(addr_req_build(r, type, flags, &w.spec), 0);
	return 0;
}

/* Header of an RTM_NEWADDR with NLM_F_REQUEST | CREATE | EXCL; len first. */
#define NEW_HDR(len) len, 0, 0, 0,  20, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0
/* ifaddrmsg: family, prefixlen, flags, scope, index 1 */
#define IFA(family, plen, flags, scope) family, plen, flags, scope,  1, 0, 0, 0
#define ATTR4(type, a, b, c, d) 8, 0, type, 0,  a, b, c, d
#define ATTR16(type, ...) 20, 0, type, 0,  __VA_ARGS__
#define FE80_1 0xfe, 0x80, 0, 0, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 1
#define DB8_1 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0,  0, 0, 0, 0, 0, 0, 0, 1

static const unsigned char plain_ipv4[] = {
	NEW_HDR(40), IFA(AF_INET, 24, 0, RT_SCOPE_UNIVERSE),
	ATTR4(IFA_LOCAL, 10, 0, 0, 1), ATTR4(IFA_ADDRESS, 10, 0, 0, 1),
};

static const unsigned char brd_plus_label[] = {
	NEW_HDR(60), IFA(AF_INET, 24, 0, RT_SCOPE_UNIVERSE),
	ATTR4(IFA_LOCAL, 10, 0, 0, 1), ATTR4(IFA_ADDRESS, 10, 0, 0, 1),
	ATTR4(IFA_BROADCAST, 10, 0, 0, 255),
	/* IFA_LABEL "lo:1" with its NUL, padded to 4 */
	9, 0, IFA_LABEL, 0,  'l', 'o', ':', '1',  0, 0, 0, 0,
};

/* The peer's length is the prefix length. */
static const unsigned char peer_scope_metric[] = {
	NEW_HDR(48), IFA(AF_INET, 32, 0, RT_SCOPE_LINK),
	ATTR4(IFA_LOCAL, 10, 0, 0, 2), ATTR4(IFA_ADDRESS, 10, 0, 0, 9),
	ATTR4(IFA_RT_PRIORITY, 5, 0, 0, 0),
};

static const unsigned char ipv6_lifetimes[] = {
	NEW_HDR(84), IFA(AF_INET6, 64, IFA_F_NODAD, RT_SCOPE_UNIVERSE),
	ATTR16(IFA_LOCAL, DB8_1), ATTR16(IFA_ADDRESS, DB8_1),
	/* IFA_CACHEINFO: preferred, valid, cstamp, tstamp */
	ATTR16(IFA_CACHEINFO, 50, 0, 0, 0,  100, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0),
};

/* Flags past 8 bits go in IFA_FLAGS, and ifa_flags is 0:
 * HOMEADDRESS 0x10 | MANAGETEMPADDR 0x100 | NOPREFIXROUTE 0x200. */
static const unsigned char wide_flags[] = {
	NEW_HDR(72), IFA(AF_INET6, 64, 0, RT_SCOPE_UNIVERSE),
	ATTR16(IFA_LOCAL, FE80_1), ATTR16(IFA_ADDRESS, FE80_1),
	ATTR4(IFA_FLAGS, 0x10, 0x03, 0, 0),
};

/* An IPv4 del without /PLEN: by local address alone, no scope (ip warns). */
static const unsigned char del_wildcard[] = {
	32, 0, 0, 0,  21, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
	IFA(AF_INET, 32, 0, 0), ATTR4(IFA_LOCAL, 10, 0, 0, 1),
};

/* 127/8 is host scope; brd - zeroes the host part. */
static const unsigned char loopback_brd_minus[] = {
	48, 0, 0, 0,  20, 0,  0x01, 0x01,  0, 0, 0, 0,  0, 0, 0, 0,
	IFA(AF_INET, 8, 0, RT_SCOPE_HOST),
	ATTR4(IFA_LOCAL, 127, 0, 0, 5), ATTR4(IFA_ADDRESS, 127, 0, 0, 5),
	ATTR4(IFA_BROADCAST, 127, 0, 0, 0),
};

/* A label or metric given twice: the last one, once. */
static const unsigned char repeated[] = {
	NEW_HDR(56), IFA(AF_INET, 24, 0, RT_SCOPE_UNIVERSE),
	ATTR4(IFA_LOCAL, 10, 1, 0, 1), ATTR4(IFA_ADDRESS, 10, 1, 0, 1),
	6, 0, IFA_LABEL, 0,  'b', 0, 0, 0,
	ATTR4(IFA_RT_PRIORITY, 2, 0, 0, 0),
};

#define WANT(bytes) bytes, sizeof(bytes)

static const struct {
	int family;            /* -4/-6, or AF_UNSPEC */
	uint16_t type, flags;
	const char *words;
	const unsigned char *want;
	size_t len;
} cases[] = {
	{ AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL, "10.0.0.1/24 dev lo", WANT(plain_ipv4) },
	{ AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL, "10.0.0.1/24 brd + dev lo label lo:1",
	  WANT(brd_plus_label) },
	{ AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL,
	  "10.0.0.2 peer 10.0.0.9/32 dev lo scope link metric 5", WANT(peer_scope_metric) },
	{ AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL,
	  "2001:db8::1/64 dev lo nodad valid_lft 100 preferred_lft 50", WANT(ipv6_lifetimes) },
	{ AF_INET6, RTM_NEWADDR, CREATE_EXCL,
	  "fe80::1/64 dev lo home mngtmpaddr noprefixroute", WANT(wide_flags) },
	{ AF_UNSPEC, RTM_DELADDR, 0, "10.0.0.1 dev lo", WANT(del_wildcard) },
	{ AF_UNSPEC, RTM_NEWADDR, NLM_F_REPLACE, "127.0.0.5/8 dev lo brd -",
	  WANT(loopback_brd_minus) },
	{ AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL,
	  "10.1.0.1/24 dev lo label a label b metric 1 metric 2", WANT(repeated) },
};

START_TEST(words_to_bytes)
{
	struct nl_req r;

	ck_assert_int_eq(build(cases[_i].family, cases[_i].type, cases[_i].flags,
			       cases[_i].words, &r), 0);
	assert_req_bytes(&r, cases[_i].want, cases[_i].len);
}
END_TEST

/* The first bad word decides the message and the exit code: an error of
 * a later word never comes before it. */
START_TEST(first_bad_word_wins)
{
	struct nl_req r;

	ck_assert_int_eq(build(AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL,
			       "10.0.0.1/24 scope bogus peer nonsense dev lo", &r), EXIT_USAGE);
	ck_assert_int_eq(build(AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL,
			       "10.0.0.1/24 peer nonsense scope bogus dev lo", &r), EXIT_CMD);
	/* the lifetimes are judged once the device is found */
	ck_assert_int_eq(build(AF_UNSPEC, RTM_NEWADDR, CREATE_EXCL,
			       "10.0.0.1/24 valid_lft 0 dev lo", &r), EXIT_CMD);
}
END_TEST

START_TEST(oversized_request_fails)
{
	static char label[NL_MSG_MAX];
	struct addr_spec s = { .family = AF_INET, .label = label };
	struct nl_req r;

	memset(label, 'a', sizeof(label) - 1);
	ck_assert_int_eq(addr_req_build(&r, RTM_NEWADDR, 0, &s), -1);
}
END_TEST

#endif

static Suite *suite(void)
{
	Suite *s = suite_create("addr_req");
	TCase *t = tcase_create("build");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	tcase_add_loop_test(t, words_to_bytes, 0, (int)(sizeof(cases) / sizeof(cases[0])));
	tcase_add_test(t, first_bad_word_wins);
	tcase_add_test(t, oversized_request_fails);
#endif
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
