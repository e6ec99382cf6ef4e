/* The route/neigh word readers: prefixes, addresses, names of tables,
 * protocols, scopes and route types, as iproute2 reads them. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "base/inet.h"
#include "nl/route_names.h"

START_TEST(short_ipv4_fills_with_zeros)
{
	struct inet_prefix p;

	ck_assert_int_eq(inet_prefix_parse("10.1/16", AF_UNSPEC, &p), 0);
	ck_assert_int_eq(p.family, AF_INET);
	ck_assert_int_eq(p.bitlen, 16);
	ck_assert(p.plen_given);
	ck_assert(!memcmp(p.data, "\x0a\x01\x00\x00", 4));
	ck_assert_int_eq(inet_prefix_parse("10.0.0.1", AF_UNSPEC, &p), 0);
	ck_assert_int_eq(p.bitlen, 32);
	ck_assert(!p.plen_given);
}
END_TEST

START_TEST(netmask_or_length)
{
	struct inet_prefix p;

	ck_assert_int_eq(inet_prefix_parse("10.0.0.0/255.255.0.0", AF_UNSPEC, &p), 0);
	ck_assert_int_eq(p.bitlen, 16);
	ck_assert_int_eq(inet_prefix_parse("10.0.0.0/255.0.255.0", AF_UNSPEC, &p), -1);
	ck_assert_int_eq(inet_prefix_parse("10.0.0.0/33", AF_UNSPEC, &p), -1);
	ck_assert_int_eq(inet_prefix_parse("fd00::/129", AF_UNSPEC, &p), -1);
	ck_assert_int_eq(inet_prefix_parse("fd00::/64", AF_UNSPEC, &p), 0);
	ck_assert_int_eq(p.family, AF_INET6);
	ck_assert_int_eq(p.bitlen, 64);
}
END_TEST

START_TEST(default_and_any)
{
	struct inet_prefix p;

	ck_assert_int_eq(inet_prefix_parse("default", AF_UNSPEC, &p), 0);
	ck_assert(p.wildcard && p.plen_given);
	ck_assert_int_eq(p.bitlen, 0);
	ck_assert_int_eq(p.bytelen, 0);
	ck_assert_int_eq(inet_prefix_parse("default", AF_INET6, &p), 0);
	ck_assert_int_eq(p.bytelen, 16);
	ck_assert_int_eq(inet_prefix_parse("default/0", AF_UNSPEC, &p), -1);
	ck_assert_int_eq(inet_prefix_parse("any", AF_INET, &p), 0);
	ck_assert(p.wildcard && !p.plen_given);
}
END_TEST

START_TEST(family_must_agree)
{
	struct inet_prefix a;

	ck_assert_int_eq(inet_addr_parse("fd00::1", AF_INET, &a), -1);
	ck_assert_int_eq(inet_addr_parse("10.0.0.1", AF_INET6, &a), -1);
	ck_assert_int_eq(inet_addr_parse("10.0.0.256", AF_UNSPEC, &a), -1);
	ck_assert_int_eq(inet_addr_parse("10.0.0.1.5", AF_UNSPEC, &a), -1);
	ck_assert_int_eq(inet_addr_parse("frob", AF_UNSPEC, &a), -1);
	ck_assert_str_eq(inet_family_verbose(AF_UNSPEC), "any valid");
	ck_assert_str_eq(inet_family_verbose(AF_INET6), "inet6");
}
END_TEST

START_TEST(leading_bits_compare)
{
	const uint8_t a[4] = { 10, 1, 0x80, 0 }, b[4] = { 10, 1, 0xff, 9 };

	ck_assert(inet_same_bits(a, b, 16));
	ck_assert(inet_same_bits(a, b, 17));
	ck_assert(!inet_same_bits(a, b, 18));
	ck_assert(inet_same_bits(a, b, 0));
}
END_TEST

START_TEST(names_and_numbers)
{
	uint32_t id;
	unsigned int type;
	char buf[16];

	ck_assert_int_eq(rt_name_parse(RT_NAME_TABLE, "main", &id), 0);
	ck_assert_uint_eq(id, RT_TABLE_MAIN);
	ck_assert_int_eq(rt_name_parse(RT_NAME_TABLE, "1000", &id), 0);
	ck_assert_uint_eq(id, 1000);
	ck_assert_int_eq(rt_name_parse(RT_NAME_TABLE, "foo", &id), -1);
	ck_assert_int_eq(rt_name_parse(RT_NAME_PROTO, "256", &id), -1);
	ck_assert_int_eq(rt_name_parse(RT_NAME_SCOPE, "link", &id), 0);
	ck_assert_uint_eq(id, RT_SCOPE_LINK);
	ck_assert_str_eq(rt_name_of(RT_NAME_TABLE, 1000, buf, sizeof(buf)), "1000");
	ck_assert_str_eq(rt_name_of(RT_NAME_PROTO, RTPROT_KERNEL, buf, sizeof(buf)), "kernel");
	ck_assert_int_eq(rt_type_parse("b", &type), 0);
	ck_assert_uint_eq(type, RTN_BROADCAST);
	ck_assert_int_eq(rt_type_parse("any", &type), 0);
	ck_assert_uint_eq(type, RTN_ANYCAST);
	ck_assert_int_eq(rt_type_parse("loc", &type), -1);
	ck_assert_int_eq(rt_type_parse("default", &type), -1);
	ck_assert_str_eq(rt_type_name(RTN_BLACKHOLE, buf, sizeof(buf)), "blackhole");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("route_words");
	TCase *tc = tcase_create("route_words");

	tcase_add_test(tc, short_ipv4_fills_with_zeros);
	tcase_add_test(tc, netmask_or_length);
	tcase_add_test(tc, default_and_any);
	tcase_add_test(tc, family_must_agree);
	tcase_add_test(tc, leading_bits_compare);
	tcase_add_test(tc, names_and_numbers);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
