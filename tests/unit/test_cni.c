/* The CNI core without a kernel: host-local's ranges made whole and their
 * walk (the reference allocator's order, written out by hand), results in
 * each version's shape, the config's checks and the error JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "cni/cni_conf.h"
#include "cni/cni_err.h"
#include "cni/cni_result.h"
#include "cni/hl_range.h"

static void ranges_of(const char *ipam, struct hl_ranges *r, int want_rc,
		      const char *want_msg)
{
	json_t *j = json_loads(ipam, 0, NULL);
	struct cni_err e = { 0 };

	ck_assert_ptr_nonnull(j);
	ck_assert_int_eq(hl_ranges_parse(j, r, &e), want_rc);
	if (want_msg)
		ck_assert_str_eq(e.msg, want_msg);
	json_decref(j);
}

static const char *fmt(const struct cni_ip_addr *a)
{
	static char buf[CNI_ADDR_STRLEN];

	return cni_addr_format(a, buf, sizeof(buf));
}

/* The whole walk of a set as one string of addresses (each with its
 * subnet's prefix, as handed out). */
static const char *walk(const struct hl_rangeset *set, const char *last)
{
	static char out[512];
	struct hl_iter it;
	struct cni_ip_addr ip, l;
	size_t n = 0;

	if (last)
		ck_assert(cni_addr_parse(last, false, &l));
	hl_iter_init(&it, set, last ? &l : NULL);
	out[0] = '\0';
	while (hl_iter_next(&it, &ip) && n < sizeof(out) - 64)
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", n ? " " : "", fmt(&ip));
	return out;
}

START_TEST(defaults_filled_in)
{
	struct hl_ranges r;
	char buf[128];

	ranges_of("{\"ranges\":[[{\"subnet\":\"10.1.0.0/29\"}],[{\"subnet\":\"fd00::/126\"}]]}",
		  &r, 0, NULL);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(fmt(&r.sets[0].r[0].gw), "10.1.0.1");
	ck_assert_str_eq(hl_rangeset_format(&r.sets[0], buf, sizeof(buf)),
			 "10.1.0.1-10.1.0.6");
	/* IPv6 has no broadcast to leave out */
	ck_assert_str_eq(hl_rangeset_format(&r.sets[1], buf, sizeof(buf)), "fd00::1-fd00::3");
}
END_TEST

START_TEST(walk_skips_gateway_and_goes_round)
{
	struct hl_ranges r;

	ranges_of("{\"ranges\":[[{\"subnet\":\"10.1.0.0/29\"}]]}", &r, 0, NULL);
	ck_assert_str_eq(walk(&r.sets[0], NULL),
			 "10.1.0.2/29 10.1.0.3/29 10.1.0.4/29 10.1.0.5/29 10.1.0.6/29");
	/* after the last one handed out, round to just before it */
	ck_assert_str_eq(walk(&r.sets[0], "10.1.0.4"),
			 "10.1.0.5/29 10.1.0.6/29 10.1.0.2/29 10.1.0.3/29 10.1.0.4/29");
	/* a last address outside the set: from the start */
	ck_assert_str_eq(walk(&r.sets[0], "10.9.0.4"),
			 "10.1.0.2/29 10.1.0.3/29 10.1.0.4/29 10.1.0.5/29 10.1.0.6/29");
}
END_TEST

START_TEST(walk_over_two_ranges)
{
	struct hl_ranges r;

	ranges_of("{\"ranges\":[[{\"subnet\":\"10.4.0.0/30\"},"
		  "{\"subnet\":\"10.5.0.0/29\",\"rangeStart\":\"10.5.0.3\","
		  "\"rangeEnd\":\"10.5.0.4\",\"gateway\":\"10.5.0.4\"}]]}", &r, 0, NULL);
	ck_assert_str_eq(walk(&r.sets[0], NULL), "10.4.0.2/30 10.5.0.3/29");
	ck_assert_str_eq(walk(&r.sets[0], "10.5.0.3"), "10.4.0.2/30 10.5.0.3/29");
}
END_TEST

START_TEST(legacy_range_comes_first)
{
	struct hl_ranges r;

	ranges_of("{\"subnet\":\"10.3.0.0/24\",\"rangeStart\":\"10.3.0.10\","
		  "\"rangeEnd\":\"10.3.0.11\",\"ranges\":[[{\"subnet\":\"10.9.0.0/24\"}]]}",
		  &r, 0, NULL);
	ck_assert_uint_eq(r.n, 2);
	ck_assert_str_eq(walk(&r.sets[0], NULL), "10.3.0.10/24 10.3.0.11/24");
}
END_TEST

START_TEST(bad_ranges)
{
	struct hl_ranges r;

	ranges_of("{\"ranges\":[[{\"subnet\":\"10.6.0.1/24\"}]]}", &r, -1,
		  "invalid range set 0: Network has host bits set. For a subnet mask "
		  "of length 24 the network address is 10.6.0.0");
	ranges_of("{\"ranges\":[[{\"subnet\":\"10.6.0.0/31\"}]]}", &r, -1,
		  "invalid range set 0: Network 10.6.0.0/31 too small to allocate from");
	ranges_of("{\"ranges\":[[{\"subnet\":\"10.6.0.0/24\",\"rangeEnd\":\"10.7.0.1\"}]]}",
		  &r, -1, "invalid range set 0: RangeEnd 10.7.0.1 not in network 10.6.0.0/24");
	ranges_of("{\"ranges\":[[{\"subnet\":\"10.6.0.0/24\"},{\"subnet\":\"fd00::/64\"}]]}",
		  &r, -1, "invalid range set 0: mixed address families");
	ranges_of("{}", &r, -1, "no IP ranges specified");
}
END_TEST

static char *printed(const struct cni_result *r, const char *version)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(cni_result_print(r, version, f), 0);
	fclose(f);
	return buf;
}

static void one_ip(struct cni_result *r)
{
	cni_result_init(r);
	ck_assert(cni_addr_parse("10.1.0.2/24", true, &r->ips[0].addr));
	ck_assert(cni_addr_parse("10.1.0.1", false, &r->ips[0].gw));
	r->ips[0].iface = -1;
	r->n_ips = 1;
	ck_assert(cni_addr_parse("0.0.0.0/0", true, &r->routes[0].dst));
	r->n_routes = 1;
}

START_TEST(result_shapes)
{
	struct cni_result r;
	char *s;

	one_ip(&r);
	s = printed(&r, "1.0.0");
	ck_assert_str_eq(s, "{\n    \"cniVersion\": \"1.0.0\",\n    \"ips\": [\n        {\n"
			 "            \"address\": \"10.1.0.2/24\",\n"
			 "            \"gateway\": \"10.1.0.1\"\n        }\n    ],\n"
			 "    \"routes\": [\n        {\n            \"dst\": \"0.0.0.0/0\"\n"
			 "        }\n    ],\n    \"dns\": {}\n}");
	free(s);
	s = printed(&r, "0.3.1");
	ck_assert_ptr_nonnull(strstr(s, "{\n            \"version\": \"4\",\n"
				     "            \"address\""));
	free(s);
	s = printed(&r, "0.2.0");
	ck_assert_str_eq(s, "{\n    \"cniVersion\": \"0.2.0\",\n    \"ip4\": {\n"
			 "        \"ip\": \"10.1.0.2/24\",\n        \"gateway\": \"10.1.0.1\",\n"
			 "        \"routes\": [\n            {\n                \"dst\": \"0.0.0.0/0\"\n"
			 "            }\n        ]\n    },\n    \"dns\": {}\n}");
	free(s);
	cni_result_free(&r);
}
END_TEST

START_TEST(result_read_back)
{
	struct cni_result r;
	struct cni_err e;
	json_t *j = json_loads("{\"cniVersion\":\"0.2.0\",\"ip4\":{\"ip\":\"10.1.0.4/24\","
			       "\"routes\":[{\"dst\":\"10.9.1.0/16\"}]},\"dns\":"
			       "{\"nameservers\":[\"1.1.1.1\"],\"domain\":\"\"}}", 0, NULL);
	char *s;

	cni_result_init(&r);
	ck_assert_int_eq(cni_result_parse(j, &r, &e), 0);
	json_decref(j);
	ck_assert_uint_eq(r.n_ips, 1);
	s = printed(&r, "1.0.0");
	/* the route's host bits cleared, the empty domain left out */
	ck_assert_ptr_nonnull(strstr(s, "\"dst\": \"10.9.0.0/16\""));
	ck_assert_ptr_nonnull(strstr(s, "\"dns\": {\n        \"nameservers\": [\n"
				     "            \"1.1.1.1\"\n        ]\n    }"));
	free(s);
	cni_result_free(&r);
}
END_TEST

static int conf_of(const char *text, struct cni_err *e)
{
	struct cni_conf c;
	char *buf = strdup(text);
	int rc = cni_conf_parse(buf, strlen(buf), &c, e);

	cni_conf_free(&c);
	return rc;
}

START_TEST(conf_checks)
{
	struct cni_err e;

	ck_assert_int_eq(conf_of("{\"name\":\"n\"}", &e), 0);   /* 0.1.0 when absent */
	ck_assert_int_eq(conf_of("{\"cniVersion\":\"2.0\",\"name\":\"n\"}", &e), -1);
	ck_assert_int_eq(e.code, CNI_E_VERSION);
	ck_assert_str_eq(e.details, "config is \"2.0\", plugin supports [\"0.1.0\" \"0.2.0\" "
			 "\"0.3.0\" \"0.3.1\" \"0.4.0\" \"1.0.0\" \"1.1.0\"]");
	ck_assert_int_eq(conf_of("{\"cniVersion\":1,\"name\":\"n\"}", &e), -1);
	ck_assert_int_eq(e.code, CNI_E_DECODE);
	ck_assert_int_eq(conf_of("[1]", &e), -1);
	ck_assert_int_eq(e.code, CNI_E_DECODE);
	ck_assert_int_eq(conf_of("{\"cniVersion\":\"1.0.0\",\"name\":\"-x\"}", &e), -1);
	ck_assert_int_eq(e.code, CNI_E_CONFIG);
}
END_TEST

START_TEST(error_json)
{
	struct cni_err e;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	cni_fail_details(&e, CNI_E_CONFIG, "a<b&c", "bad %s", "name");
	cni_err_print(&e, f);
	fclose(f);
	/* Go's escapes, no newline at the end */
	ck_assert_str_eq(buf, "{\n    \"code\": 7,\n    \"msg\": \"bad name\",\n"
			 "    \"details\": \"a\\u003cb\\u0026c\"\n}");
	free(buf);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("cni");
	TCase *tc = tcase_create("cni");

	tcase_add_test(tc, defaults_filled_in);
	tcase_add_test(tc, walk_skips_gateway_and_goes_round);
	tcase_add_test(tc, walk_over_two_ranges);
	tcase_add_test(tc, legacy_range_comes_first);
	tcase_add_test(tc, bad_ranges);
	tcase_add_test(tc, result_shapes);
	tcase_add_test(tc, result_read_back);
	tcase_add_test(tc, conf_checks);
	tcase_add_test(tc, error_json);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
