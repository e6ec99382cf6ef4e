/* The address and prefix parser of common/inet.c, scope names, and the
 * address record printer fed with messages built here. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "print/addr_print.h"
#include "base/inet.h"
#include "base/fmt.h"
#include "nl/rt_scope.h"

static struct inet_prefix pfx(const char *word, int family)
{
	struct inet_prefix p;

	ck_assert_msg(inet_prefix_parse(word, family, &p) == 0, "%s refused", word);
	return p;
}

static bool refused(const char *word, int family)
{
	struct inet_prefix p;

	return inet_prefix_parse(word, family, &p) < 0;
}

static void assert_v4(const struct inet_prefix *p, const char *addr, int bits)
{
	char buf[INET_ADDRSTRLEN];

	ck_assert_int_eq(p->family, AF_INET);
	ck_assert_uint_eq(p->bytelen, 4);
	ck_assert_str_eq(inet_ntop(AF_INET, p->data, buf, sizeof(buf)), addr);
	ck_assert_int_eq(p->bitlen, bits);
}

START_TEST(ipv4_prefixes)
{
	struct inet_prefix p = pfx("10.1.2.3/24", AF_UNSPEC);
	assert_v4(&p, "10.1.2.3", 24);
	ck_assert(p.plen_given);

	p = pfx("192.168.15.1", AF_UNSPEC);
	assert_v4(&p, "192.168.15.1", 32);
	ck_assert(!p.plen_given);

	p = pfx("10.0.0.1/0", AF_INET);
	assert_v4(&p, "10.0.0.1", 0);
}
END_TEST

/* ip's own reading, which inet_pton does not share. */
START_TEST(ipv4_lenient_forms)
{
	struct inet_prefix p = pfx("10.7/16", AF_UNSPEC);
	assert_v4(&p, "10.7.0.0", 16);
	p = pfx("010.0x7.1.1", AF_UNSPEC);
	assert_v4(&p, "8.7.1.1", 32);
	p = pfx("10.0.0.1/255.255.255.0", AF_UNSPEC);
	assert_v4(&p, "10.0.0.1", 24);
	p = pfx("10.0.0.1/0x18", AF_UNSPEC);
	assert_v4(&p, "10.0.0.1", 24);
}
END_TEST

START_TEST(ipv4_refusals)
{
	ck_assert(refused("10.1.0.300/24", AF_UNSPEC));
	ck_assert(refused("10.0.0.1/33", AF_UNSPEC));
	ck_assert(refused("10.0.0.1/-1", AF_UNSPEC));
	ck_assert(refused("10.0.0.1/", AF_UNSPEC));
	ck_assert(refused("10.0.0.1/24x", AF_UNSPEC));
	ck_assert(refused("10.0.0.9/255.0.255.0", AF_UNSPEC));
	ck_assert(refused("1.2.3.4.5", AF_UNSPEC));
	ck_assert(refused("10.", AF_UNSPEC));
	ck_assert(refused("", AF_UNSPEC));
	ck_assert(refused("frob", AF_UNSPEC));
	ck_assert(refused("10.0.0.1", AF_INET6));
}
END_TEST

START_TEST(ipv6_prefixes)
{
	struct inet_prefix p = pfx("fd00::1/64", AF_UNSPEC);
	unsigned char want[16] = { 0xfd, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };

	ck_assert_int_eq(p.family, AF_INET6);
	ck_assert_uint_eq(p.bytelen, 16);
	ck_assert_int_eq(p.bitlen, 64);
	ck_assert_mem_eq(p.data, want, 16);
	p = pfx("fd03::1", AF_INET6);
	ck_assert_int_eq(p.bitlen, 128);
	ck_assert(refused("fd01::1/129", AF_UNSPEC));
	ck_assert(refused("fd01::1", AF_INET));
	ck_assert(refused("fd01:::1", AF_UNSPEC));
	ck_assert(refused("fd01::g", AF_UNSPEC));
}
END_TEST

START_TEST(wildcards)
{
	struct inet_prefix p = pfx("default", AF_INET);

	ck_assert(p.wildcard);
	ck_assert_int_eq(p.family, AF_INET);
	ck_assert_uint_eq(p.bytelen, 4);
	ck_assert_int_eq(p.bitlen, 0);
	p = pfx("any", AF_UNSPEC);
	ck_assert_int_eq(p.family, AF_UNSPEC);
	ck_assert_uint_eq(p.bytelen, 0);
	ck_assert(refused("default/8", AF_INET));
}
END_TEST

START_TEST(plain_addresses)
{
	struct inet_prefix p;

	ck_assert_int_eq(inet_addr_parse("10.0.0.255", AF_INET, &p), 0);
	ck_assert_int_eq(inet_addr_parse("10.0.0.0/24", AF_INET, &p), -1);
	ck_assert_int_eq(inet_addr_parse("fd01::1", AF_INET, &p), -1);
	ck_assert_str_eq(inet_family_verbose(AF_UNSPEC), "any valid");
	ck_assert_str_eq(inet_family_verbose(AF_INET), "inet");
	ck_assert_str_eq(inet_family_verbose(AF_INET6), "inet6");
}
END_TEST

START_TEST(prefix_holds)
{
	struct inet_prefix net = pfx("10.0.0.0/23", AF_UNSPEC);
	struct inet_prefix all = pfx("0/0", AF_UNSPEC);
	struct inet_prefix v6 = pfx("fd00::/16", AF_UNSPEC);
	unsigned char in[4] = { 10, 0, 1, 200 }, out[4] = { 10, 0, 2, 1 };
	unsigned char a6[16] = { 0xfd, 0, 9 };

	ck_assert(inet_prefix_holds(&net, in, 4));
	ck_assert(!inet_prefix_holds(&net, out, 4));
	ck_assert(!inet_prefix_holds(&net, a6, 16));
	ck_assert(inet_prefix_holds(&all, out, 4));
	ck_assert(inet_prefix_holds(&v6, a6, 16));
	a6[1] = 1;
	ck_assert(!inet_prefix_holds(&v6, a6, 16));
}
END_TEST

START_TEST(scopes)
{
	char buf[16];
	unsigned int s;

	ck_assert_str_eq(rt_scope_name(0, buf, sizeof(buf)), "global");
	ck_assert_str_eq(rt_scope_name(253, buf, sizeof(buf)), "link");
	ck_assert_str_eq(rt_scope_name(254, buf, sizeof(buf)), "host");
	ck_assert_str_eq(rt_scope_name(7, buf, sizeof(buf)), "7");
	ck_assert_int_eq(rt_scope_parse("site", &s), 0);
	ck_assert_uint_eq(s, 200);
	ck_assert_int_eq(rt_scope_parse("0x10", &s), 0);
	ck_assert_uint_eq(s, 16);
	ck_assert_int_eq(rt_scope_parse("256", &s), -1);
	ck_assert_int_eq(rt_scope_parse("bogus", &s), -1);
	ck_assert_int_eq(rt_scope_parse("", &s), -1);
}
END_TEST

/* An RTM_NEWADDR as the kernel sends it for 10.0.0.3/24 secondary vA:1. */
static struct nlmsghdr *secondary_msg(char *buf)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifaddrmsg *ifa = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifa));
	unsigned char a[4] = { 10, 0, 0, 3 };
	struct ifa_cacheinfo ci = { .ifa_prefered = 0xffffffffU,
				    .ifa_valid = 0xffffffffU };

	nlh->nlmsg_type = RTM_NEWADDR;
	ifa->ifa_family = AF_INET;
	ifa->ifa_prefixlen = 24;
	ifa->ifa_index = 3;
	mnl_attr_put(nlh, IFA_ADDRESS, 4, a);
	mnl_attr_put(nlh, IFA_LOCAL, 4, a);
	mnl_attr_put_strz(nlh, IFA_LABEL, "vA:1");
	mnl_attr_put_u32(nlh, IFA_FLAGS, IFA_F_SECONDARY | IFA_F_PERMANENT);
	mnl_attr_put(nlh, IFA_CACHEINFO, sizeof(ci), &ci);
	return nlh;
}

static char *render(const struct nlmsghdr *nlh, bool json, bool brief)
{
	struct addr_msg m;
	struct addr_print_opts opts = { .brief = brief };
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct out o;

	ck_assert_int_eq(addr_msg_parse(nlh, &m), 0);
	out_init(&o, f, json, false, false);
	out_obj_begin(&o, NULL);
	addr_print(&o, &m, &opts);
	out_obj_end(&o);
	fclose(f);
	return text;
}

START_TEST(printer_text_json_brief)
{
	char buf[512] = { 0 };
	struct nlmsghdr *nlh = secondary_msg(buf);
	char *s = render(nlh, false, false);

	ck_assert_str_eq(s, "    inet 10.0.0.3/24 scope global secondary vA:1\n"
			    "       valid_lft forever preferred_lft forever\n");
	free(s);
	s = render(nlh, true, false);
	ck_assert_str_eq(s, "{\"family\":\"inet\",\"local\":\"10.0.0.3\",\"prefixlen\":24,"
			    "\"scope\":\"global\",\"secondary\":true,\"label\":\"vA:1\","
			    "\"valid_life_time\":4294967295,"
			    "\"preferred_life_time\":4294967295}");
	free(s);
	s = render(nlh, false, true);
	ck_assert_str_eq(s, "10.0.0.3/24 ");
	free(s);
}
END_TEST

START_TEST(printer_refuses_bad_lengths)
{
	char buf[512] = { 0 };
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifaddrmsg *ifa = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifa));
	unsigned char a[16] = { 10 };
	struct addr_msg m;

	nlh->nlmsg_type = RTM_NEWADDR;
	ifa->ifa_family = AF_INET;
	mnl_attr_put(nlh, IFA_LOCAL, 16, a);
	/* The message is malformed: one line on stderr, and -1. */
	ck_assert_int_eq(addr_msg_parse(nlh, &m), -1);
}
END_TEST

/* The old reader, strtoul for every part (iproute2's way): the fast path
 * for plain decimal parts must agree with it on every word. */
static int ipv4_by_strtoul(const char *word, unsigned char *out)
{
	const char *cp = word;

	for (int i = 0; i < 4; i++) {
		char *end;
		unsigned long n = strtoul(cp, &end, 0);

		if (end == cp || n > 255)
			return -1;
		out[i] = (unsigned char)n;
		if (*end == '\0')
			return 0;
		if (i == 3 || *end != '.')
			return -1;
		cp = end + 1;
	}
	return -1;
}

START_TEST(ipv4_parts_agree_with_strtoul)
{
	static const char *const parts[] = {
		"", "0", "00", "007", "08", "1", "9", "10", "99", "100", "199",
		"255", "256", "999", "1000", "0255", "0x", "0x1f", "0XFF", "0x100",
		"+1", "-1", " 1", "1a", "12b", "1 ", "0.",
	};
	const int n = (int)(sizeof(parts) / sizeof(parts[0]));
	int checked = 0;

	/* Every word of one to three parts, and four parts of the first 12. */
	for (int a = 0; a < n; a++)
		for (int b = -1; b < n; b++)
			for (int c = -1; c < n; c++)
				for (int d = -1; d < 12; d++) {
					char word[64];
					unsigned char want[4] = { 0 };
					struct inet_prefix got;

					if ((b < 0 && c >= 0) || (c < 0 && d >= 0))
						continue;
					snprintf(word, sizeof(word), "%s%s%s%s%s%s%s", parts[a],
						 b < 0 ? "" : ".", b < 0 ? "" : parts[b],
						 c < 0 ? "" : ".", c < 0 ? "" : parts[c],
						 d < 0 ? "" : ".", d < 0 ? "" : parts[d]);
					int r = ipv4_by_strtoul(word, want);
					int g = inet_addr_parse(word, AF_INET, &got);
					ck_assert_msg(r == g, "%s: %d, strtoul says %d", word, g, r);
					if (!r)
						ck_assert_msg(!memcmp(got.data, want, 4), "%s", word);
					checked++;
				}
	ck_assert_int_gt(checked, 10000);
}
END_TEST

/* fmt_inet's own IPv4 text is inet_ntop's, for every value of a byte in
 * every place; fmt_u64 is printf's %llu, ends included. */
START_TEST(fmt_agrees_with_libc)
{
	char a[INET6_ADDRSTRLEN], b[INET6_ADDRSTRLEN], small[7];
	unsigned char addr[16] = { 0 };

	for (unsigned int v = 0; v < 256; v++)
		for (int at = 0; at < 4; at++) {
			memset(addr, at == 3 ? 0 : 255, 4);
			addr[at] = (unsigned char)v;
			ck_assert_str_eq(fmt_inet(AF_INET, addr, a, sizeof(a)),
					 inet_ntop(AF_INET, addr, b, sizeof(b)));
		}
	ck_assert_ptr_null(fmt_inet(AF_INET, addr, small, sizeof(small)));
	memset(addr, 0, sizeof(addr));
	addr[0] = 0xfd;
	ck_assert_str_eq(fmt_inet(AF_INET6, addr, a, sizeof(a)), "fd00::");
	static const uint64_t nums[] = { 0, 7, 10, 99, 100, 4294967295u, UINT64_MAX };
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
		snprintf(b, sizeof(b), "%llu", (unsigned long long)nums[i]);
		ck_assert_str_eq(fmt_u64(a, sizeof(a), nums[i]), b);
	}
	ck_assert_str_eq(fmt_u64(small, 3, 123), "");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("inet");
	TCase *tc = tcase_create("core");

	tcase_add_test(tc, ipv4_prefixes);
	tcase_add_test(tc, ipv4_lenient_forms);
	tcase_add_test(tc, ipv4_refusals);
	tcase_add_test(tc, ipv4_parts_agree_with_strtoul);
	tcase_add_test(tc, ipv6_prefixes);
	tcase_add_test(tc, wildcards);
	tcase_add_test(tc, plain_addresses);
	tcase_add_test(tc, prefix_holds);
	tcase_add_test(tc, scopes);
	tcase_add_test(tc, fmt_agrees_with_libc);
	tcase_add_test(tc, printer_text_json_brief);
	tcase_add_test(tc, printer_refuses_bad_lengths);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
