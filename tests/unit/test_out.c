/* The output layer against the bytes iproute2 6.1 prints.
 *
 * Every expected string below was taken from the real `ip` run in a
 * sandbox (`ip -j [-p] netns list`, `link show lo`, `addr show lo`,
 * `-d link show` of a bridge, `link set lo alias ...`); the calls made here
 * describe the same records field by field. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

#include "tap.h"
#include "print/out.h"

/* An out writer on a memory stream; take() closes it and returns the bytes. */
struct capture {
	char *buf;
	size_t len;
	struct out o;
};

static struct out *capture_open(struct capture *c, bool json, bool pretty,
				bool oneline)
{
	FILE *f;

	c->buf = NULL;
	c->len = 0;
	f = open_memstream(&c->buf, &c->len);
	ck_assert_ptr_nonnull(f);
	out_init(&c->o, f, json, pretty, oneline);
	return &c->o;
}

static char *take(struct capture *c)
{
	ck_assert_int_eq(fclose(c->o.f), 0);
	return c->buf;
}

#define ck_assert_output(c, want) do { \
	char *got_ = take(c); \
	ck_assert_str_eq(got_, want); \
	free(got_); \
} while (0)

enum mode { TEXT, ONELINE, JSON, PRETTY };

static struct out *open_mode(struct capture *c, enum mode m)
{
	return capture_open(c, m >= JSON, m == PRETTY, m == ONELINE);
}

/* ---- records the way the applets describe them ---- */

static void netns_list(struct out *o, const char *const *names)
{
	out_list_begin(o);
	for (; *names; names++) {
		out_obj_begin(o, NULL);
		out_str(o, "name", "%s", *names);
		out_eol(o);
		out_obj_end(o);
	}
	out_list_end(o);
}

/* The header of lo in a fresh namespace (down, no addresses). */
static void lo_down_header(struct out *o, bool linkmode)
{
	out_int(o, "ifindex", "%d: ", 1);
	out_str(o, "ifname", "%s: ", "lo");
	out_arr_begin(o, "flags");
	out_text(o, "<");
	out_elem_str(o, "%s", "LOOPBACK");
	out_arr_end(o);
	out_text(o, "> ");
	out_uint(o, "mtu", "mtu %u ", 65536);
	out_str(o, "qdisc", "qdisc %s ", "noop");
	out_str(o, "operstate", "state %s ", "DOWN");
	if (linkmode)
		out_str(o, "linkmode", "mode %s ", "DEFAULT");
	out_str(o, "group", "group %s ", "default");
	out_uint(o, "txqlen", "qlen %u", 1000);
	out_nl(o);
	out_str(o, "link_type", "    link/%s ", "loopback");
	out_str(o, "address", "%s", "00:00:00:00:00:00");
	out_text(o, " brd ");
	out_str(o, "broadcast", "%s", "00:00:00:00:00:00");
}

static void lo_link_show(struct out *o)
{
	out_list_begin(o);
	out_obj_begin(o, NULL);
	lo_down_header(o, true);
	out_eol(o);
	out_obj_end(o);
	out_list_end(o);
}

/* ---- text and -oneline ---- */

START_TEST(text_prints_formats_only)
{
	struct capture c;
	struct out *o = open_mode(&c, TEXT);

	out_list_begin(o);
	out_obj_begin(o, NULL);
	out_str(o, "json_only", NULL, "hidden");
	out_str(o, NULL, "%s ", "shown");
	out_uint(o, "u", "u %u ", 4294967295u);
	out_int(o, "i", "i %d ", -7);
	out_u64(o, "q", "q %" PRIu64 " ", 18446744073709551615ull);
	out_bool(o, "yes", "on ", true);
	out_bool(o, "no", "off ", false);
	out_null(o, "router", "router");
	out_arr_begin(o, "a");
	out_elem_str(o, "[%s]", "x");
	out_elem_str(o, NULL, "json only");
	out_arr_end(o);
	out_obj_begin(o, "nested");
	out_obj_end(o);
	out_eol(o);
	out_obj_end(o);
	out_list_end(o);
	ck_assert_output(&c, "shown u 4294967295 i -7 q 18446744073709551615 "
			 "on router[x]\n");
}
END_TEST

START_TEST(text_record_of_lo)
{
	struct capture c;

	lo_link_show(open_mode(&c, TEXT));
	ck_assert_output(&c,
		"1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT "
		"group default qlen 1000\n"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
}
END_TEST

START_TEST(oneline_breaks_with_backslash)
{
	struct capture c;

	lo_link_show(open_mode(&c, ONELINE));
	ck_assert_output(&c,
		"1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT "
		"group default qlen 1000\\"
		"    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n");
}
END_TEST

START_TEST(pretty_without_json_is_text)
{
	struct capture c;
	static const char *const names[] = { "b", "a", NULL };

	netns_list(capture_open(&c, false, true, false), names);
	ck_assert_output(&c, "b\na\n");
}
END_TEST

/* One call of each kind that prints a value, with only a JSON key or only
 * a text format. */
static void every_kind(struct out *o, bool key, bool fmt)
{
	const char *k = key ? "k" : NULL;

	out_str(o, k, fmt ? "%s" : NULL, "v");
	out_uint(o, k, fmt ? "%u" : NULL, 1);
	out_int(o, k, fmt ? "%d" : NULL, 1);
	out_u64(o, k, fmt ? "%" PRIu64 : NULL, 1);
	out_bool(o, k, fmt ? "b" : NULL, true);
	out_null(o, k, fmt ? "n" : NULL);
	out_elem_str(o, fmt ? "%s" : NULL, "e");
}

START_TEST(text_mode_ignores_json_only_calls)
{
	struct capture c;

	every_kind(open_mode(&c, TEXT), true, false);
	ck_assert_output(&c, "");
	every_kind(open_mode(&c, TEXT), false, true);
	ck_assert_output(&c, "v111bne");
}
END_TEST

/* ---- JSON, compact and pretty ---- */

START_TEST(netns_list_json)
{
	static const char *const none[] = { NULL };
	static const char *const one[] = { "a", NULL };
	static const char *const two[] = { "b", "a", NULL };
	static const struct {
		enum mode mode;
		const char *const *names;
		const char *want;
	} cases[] = {
		{ JSON, none, "[]\n" },
		{ PRETTY, none, "[ ]\n" },
		{ JSON, one, "[{\"name\":\"a\"}]\n" },
		{ PRETTY, one, "[ {\n        \"name\": \"a\"\n    } ]\n" },
		{ JSON, two, "[{\"name\":\"b\"},{\"name\":\"a\"}]\n" },
		{ PRETTY, two, "[ {\n        \"name\": \"b\"\n    },{\n"
			       "        \"name\": \"a\"\n    } ]\n" },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct capture c;

		netns_list(open_mode(&c, cases[i].mode), cases[i].names);
		ck_assert_output(&c, cases[i].want);
	}
}
END_TEST

START_TEST(link_show_lo_json)
{
	struct capture c;

	lo_link_show(open_mode(&c, JSON));
	ck_assert_output(&c,
		"[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\"],"
		"\"mtu\":65536,\"qdisc\":\"noop\",\"operstate\":\"DOWN\","
		"\"linkmode\":\"DEFAULT\",\"group\":\"default\",\"txqlen\":1000,"
		"\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\","
		"\"broadcast\":\"00:00:00:00:00:00\"}]\n");
}
END_TEST

START_TEST(link_show_lo_pretty)
{
	struct capture c;

	lo_link_show(open_mode(&c, PRETTY));
	ck_assert_output(&c,
		"[ {\n"
		"        \"ifindex\": 1,\n"
		"        \"ifname\": \"lo\",\n"
		"        \"flags\": [ \"LOOPBACK\" ],\n"
		"        \"mtu\": 65536,\n"
		"        \"qdisc\": \"noop\",\n"
		"        \"operstate\": \"DOWN\",\n"
		"        \"linkmode\": \"DEFAULT\",\n"
		"        \"group\": \"default\",\n"
		"        \"txqlen\": 1000,\n"
		"        \"link_type\": \"loopback\",\n"
		"        \"address\": \"00:00:00:00:00:00\",\n"
		"        \"broadcast\": \"00:00:00:00:00:00\"\n"
		"    } ]\n");
}
END_TEST

static void addr_show_lo_empty(struct out *o)
{
	out_list_begin(o);
	out_obj_begin(o, NULL);
	lo_down_header(o, false);
	out_arr_begin(o, "addr_info");
	out_arr_end(o);
	out_eol(o);
	out_obj_end(o);
	out_list_end(o);
}

START_TEST(empty_array_json)
{
	struct capture c;

	addr_show_lo_empty(open_mode(&c, JSON));
	ck_assert_output(&c,
		"[{\"ifindex\":1,\"ifname\":\"lo\",\"flags\":[\"LOOPBACK\"],"
		"\"mtu\":65536,\"qdisc\":\"noop\",\"operstate\":\"DOWN\","
		"\"group\":\"default\",\"txqlen\":1000,"
		"\"link_type\":\"loopback\",\"address\":\"00:00:00:00:00:00\","
		"\"broadcast\":\"00:00:00:00:00:00\",\"addr_info\":[]}]\n");
}
END_TEST

START_TEST(empty_array_pretty)
{
	struct capture c;

	addr_show_lo_empty(open_mode(&c, PRETTY));
	ck_assert_output(&c,
		"[ {\n"
		"        \"ifindex\": 1,\n"
		"        \"ifname\": \"lo\",\n"
		"        \"flags\": [ \"LOOPBACK\" ],\n"
		"        \"mtu\": 65536,\n"
		"        \"qdisc\": \"noop\",\n"
		"        \"operstate\": \"DOWN\",\n"
		"        \"group\": \"default\",\n"
		"        \"txqlen\": 1000,\n"
		"        \"link_type\": \"loopback\",\n"
		"        \"address\": \"00:00:00:00:00:00\",\n"
		"        \"broadcast\": \"00:00:00:00:00:00\",\n"
		"        \"addr_info\": [ ]\n"
		"    } ]\n");
}
END_TEST

/* `ip -j -p addr show lo` once lo is up: an array of objects in a record. */
static void addr_info_of_lo_up(struct out *o)
{
	out_list_begin(o);
	out_obj_begin(o, NULL);
	out_arr_begin(o, "flags");
	out_elem_str(o, "%s,", "LOOPBACK");
	out_elem_str(o, "%s,", "UP");
	out_elem_str(o, "%s", "LOWER_UP");
	out_arr_end(o);
	out_arr_begin(o, "addr_info");
	out_obj_begin(o, NULL);
	out_str(o, "family", "%s ", "inet");
	out_str(o, "local", "%s", "127.0.0.1");
	out_uint(o, "prefixlen", "/%u ", 8);
	out_str(o, "label", "%s", "lo");
	out_uint(o, "valid_life_time", NULL, 4294967295u);
	out_obj_end(o);
	out_obj_begin(o, NULL);
	out_str(o, "family", "%s ", "inet6");
	out_str(o, "local", "%s", "::1");
	out_uint(o, "prefixlen", "/%u ", 128);
	out_obj_end(o);
	out_arr_end(o);
	out_obj_end(o);
	out_list_end(o);
}

START_TEST(array_of_objects_json)
{
	struct capture c;

	addr_info_of_lo_up(open_mode(&c, JSON));
	ck_assert_output(&c,
		"[{\"flags\":[\"LOOPBACK\",\"UP\",\"LOWER_UP\"],\"addr_info\":["
		"{\"family\":\"inet\",\"local\":\"127.0.0.1\",\"prefixlen\":8,"
		"\"label\":\"lo\",\"valid_life_time\":4294967295},"
		"{\"family\":\"inet6\",\"local\":\"::1\",\"prefixlen\":128}]}]\n");
}
END_TEST

START_TEST(array_of_objects_pretty)
{
	struct capture c;

	addr_info_of_lo_up(open_mode(&c, PRETTY));
	ck_assert_output(&c,
		"[ {\n"
		"        \"flags\": [ \"LOOPBACK\",\"UP\",\"LOWER_UP\" ],\n"
		"        \"addr_info\": [ {\n"
		"                \"family\": \"inet\",\n"
		"                \"local\": \"127.0.0.1\",\n"
		"                \"prefixlen\": 8,\n"
		"                \"label\": \"lo\",\n"
		"                \"valid_life_time\": 4294967295\n"
		"            },{\n"
		"                \"family\": \"inet6\",\n"
		"                \"local\": \"::1\",\n"
		"                \"prefixlen\": 128\n"
		"            } ]\n"
		"    } ]\n");
}
END_TEST

/* `ip -j -p -d link show br0`, cut down to a few members of each level. */
static void bridge_details(struct out *o)
{
	out_list_begin(o);
	out_obj_begin(o, NULL);
	out_int(o, "ifindex", "%d: ", 2);
	out_str(o, "ifname", "%s: ", "br0");
	out_obj_begin(o, "linkinfo");
	out_str(o, "info_kind", "%s ", "bridge");
	out_obj_begin(o, "info_data");
	out_uint(o, "forward_delay", "forward_delay %u ", 1500);
	out_str(o, "group_fwd_mask", "group_fwd_mask %s ", "0");
	out_uint(o, "nf_call_arptables", "nf_call_arptables %u ", 0);
	out_obj_end(o);
	out_obj_end(o);
	out_str(o, "inet6_addr_gen_mode", "addrgenmode %s ", "eui64");
	out_uint(o, "num_tx_queues", "numtxqueues %u ", 1);
	out_eol(o);
	out_obj_end(o);
	out_list_end(o);
}

START_TEST(nested_objects_pretty)
{
	struct capture c;

	bridge_details(open_mode(&c, PRETTY));
	ck_assert_output(&c,
		"[ {\n"
		"        \"ifindex\": 2,\n"
		"        \"ifname\": \"br0\",\n"
		"        \"linkinfo\": {\n"
		"            \"info_kind\": \"bridge\",\n"
		"            \"info_data\": {\n"
		"                \"forward_delay\": 1500,\n"
		"                \"group_fwd_mask\": \"0\",\n"
		"                \"nf_call_arptables\": 0\n"
		"            }\n"
		"        },\n"
		"        \"inet6_addr_gen_mode\": \"eui64\",\n"
		"        \"num_tx_queues\": 1\n"
		"    } ]\n");
}
END_TEST

START_TEST(nested_objects_json_and_text)
{
	struct capture c;

	bridge_details(open_mode(&c, JSON));
	ck_assert_output(&c,
		"[{\"ifindex\":2,\"ifname\":\"br0\",\"linkinfo\":{"
		"\"info_kind\":\"bridge\",\"info_data\":{\"forward_delay\":1500,"
		"\"group_fwd_mask\":\"0\",\"nf_call_arptables\":0}},"
		"\"inet6_addr_gen_mode\":\"eui64\",\"num_tx_queues\":1}]\n");
	bridge_details(open_mode(&c, TEXT));
	ck_assert_output(&c, "2: br0: bridge forward_delay 1500 group_fwd_mask 0 "
			 "nf_call_arptables 0 addrgenmode eui64 numtxqueues 1 \n");
}
END_TEST

/* `ip -j -p link show up` with no link up: iproute2 opens and closes an
 * object for every record it filters out. */
START_TEST(empty_objects)
{
	struct capture c;
	struct out *o;

	for (int pretty = 0; pretty < 2; pretty++) {
		o = open_mode(&c, pretty ? PRETTY : JSON);
		out_list_begin(o);
		out_obj_begin(o, NULL);
		out_obj_end(o);
		out_obj_begin(o, NULL);
		out_obj_end(o);
		out_list_end(o);
		ck_assert_output(&c, pretty ? "[ {},{} ]\n" : "[{},{}]\n");
	}
}
END_TEST

START_TEST(json_ignores_text_only_calls)
{
	struct capture c;
	struct out *o = open_mode(&c, JSON);

	out_obj_begin(o, NULL);
	out_text(o, "text");
	out_nl(o);
	out_arr_begin(o, "a");
	every_kind(o, false, true);   /* array elements have no key */
	out_arr_end(o);
	out_str(o, "k", "%s", "v");
	out_eol(o);
	out_obj_end(o);
	ck_assert_output(&c, "{\"a\":[\"e\"],\"k\":\"v\"}");
}
END_TEST

START_TEST(scalars_null_and_bool)
{
	struct capture c;
	struct out *o = open_mode(&c, JSON);

	out_obj_begin(o, NULL);
	out_null(o, "router", " router");
	out_bool(o, "yes", " on", true);
	out_bool(o, "no", " on", false);
	out_int(o, "neg", " %d", -2147483647 - 1);
	out_uint(o, "umax", " %u", 4294967295u);
	out_u64(o, "qmax", " %" PRIu64, 18446744073709551615ull);
	out_obj_end(o);
	ck_assert_output(&c, "{\"router\":null,\"yes\":true,\"no\":false,"
			 "\"neg\":-2147483648,\"umax\":4294967295,"
			 "\"qmax\":18446744073709551615}");

	o = open_mode(&c, PRETTY);
	out_obj_begin(o, NULL);
	out_null(o, "router", " router");
	out_bool(o, "no", " on", false);
	out_obj_end(o);
	ck_assert_output(&c, "{\n    \"router\": null,\n    \"no\": false\n}");
}
END_TEST

/* `ip link set lo alias ...; ip -j link show lo`: only quote, backslash
 * and \t \n \r \f \b are escaped; other control bytes pass through raw. */
START_TEST(strings_escaped_as_iproute2)
{
	struct capture c;
	struct out *o = open_mode(&c, JSON);

	out_obj_begin(o, NULL);
	out_str(o, "ifalias", " %s", "q\"b\\c\001d\te\177f\nz");
	out_str(o, "more", " %s", "a\rb\fc\bd/e\037");
	out_str(o, "k\"ey", " %s", "");
	out_obj_end(o);
	ck_assert_output(&c, "{\"ifalias\":\"q\\\"b\\\\c\001d\\te\177f\\nz\","
			 "\"more\":\"a\\rb\\fc\\bd/e\037\",\"k\\\"ey\":\"\"}");

	o = open_mode(&c, JSON);
	out_arr_begin(o, NULL);
	out_elem_str(o, "%s", "tab\there");
	out_arr_end(o);
	ck_assert_output(&c, "[\"tab\\there\"]");

	/* Text shows the bytes as they are. */
	o = open_mode(&c, TEXT);
	out_str(o, "ifalias", "alias %s", "q\"b\\c\tz");
	ck_assert_output(&c, "alias q\"b\\c\tz");
}
END_TEST

START_TEST(json_string_alone)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	ck_assert_ptr_nonnull(f);
	out_json_string(f, "");
	out_json_string(f, "\\\"");
	fclose(f);
	ck_assert_str_eq(buf, "\"\"\"\\\\\\\"\"");
	free(buf);
}
END_TEST

/* Text fields are written by hand when their format is words around one
 * %s, %u or %d, and by fprintf otherwise: both must give printf's bytes. */
START_TEST(text_formats_as_printf)
{
	struct capture c;
	struct out *o = capture_open(&c, false, false, false);
	char want[512];

	out_str(o, "a", "<%s>", "x");
	out_str(o, "b", "%-6s|", "pad");        /* width: fprintf's */
	out_str(o, "c", "100%% %s ", "sure");   /* %% first: fprintf's */
	out_str(o, "d", "%s%%", "y");           /* %% after: fprintf's */
	out_uint(o, "e", "mtu %u ", 0);
	out_uint(o, "f", "%u", 4294967295u);
	out_uint(o, "g", "%08u ", 42);
	out_int(o, "h", "[%d]", -1);
	out_int(o, "i", "[%d]", -2147483647 - 1);
	out_int(o, "j", "[%d]", 2147483647);
	out_elem_str(o, " %s,", "elem");
	snprintf(want, sizeof(want), "<%s>%-6s|100%% %s %s%%mtu %u %u%08u [%d][%d][%d] %s,",
		 "x", "pad", "sure", "y", 0u, 4294967295u, 42u, -1,
		 -2147483647 - 1, 2147483647, "elem");
	ck_assert_output(&c, want);
}
END_TEST

START_TEST(json_numbers_by_hand)
{
	struct capture c;
	struct out *o = capture_open(&c, true, false, false);

	out_obj_begin(o, NULL);
	out_uint(o, "u", NULL, 4294967295u);
	out_u64(o, "w", NULL, UINT64_MAX);
	out_int(o, "i", NULL, -2147483647 - 1);
	out_int(o, "z", NULL, 0);
	out_obj_end(o);
	ck_assert_output(&c, "{\"u\":4294967295,\"w\":18446744073709551615,"
			     "\"i\":-2147483648,\"z\":0}");
}
END_TEST

int main(void)
{
	Suite *s = suite_create("out");
	TCase *text = tcase_create("text");
	TCase *json = tcase_create("json");

	tcase_add_test(text, text_prints_formats_only);
	tcase_add_test(text, text_record_of_lo);
	tcase_add_test(text, oneline_breaks_with_backslash);
	tcase_add_test(text, pretty_without_json_is_text);
	tcase_add_test(text, text_mode_ignores_json_only_calls);
	tcase_add_test(text, text_formats_as_printf);
	suite_add_tcase(s, text);

	tcase_add_test(json, netns_list_json);
	tcase_add_test(json, link_show_lo_json);
	tcase_add_test(json, link_show_lo_pretty);
	tcase_add_test(json, empty_array_json);
	tcase_add_test(json, empty_array_pretty);
	tcase_add_test(json, array_of_objects_json);
	tcase_add_test(json, array_of_objects_pretty);
	tcase_add_test(json, nested_objects_pretty);
	tcase_add_test(json, nested_objects_json_and_text);
	tcase_add_test(json, empty_objects);
	tcase_add_test(json, json_ignores_text_only_calls);
	tcase_add_test(json, scalars_null_and_bool);
	tcase_add_test(json, strings_escaped_as_iproute2);
	tcase_add_test(json, json_string_alone);
	tcase_add_test(json, json_numbers_by_hand);
	suite_add_tcase(s, json);
	return run_suite(s);
}
