/* The link printer fed with a recorded link dump.
 *
 * data/links.bin holds the kernel's replies to nsip's RTM_GETLINK dump in a
 * sandbox (lo; a veth pair with one end down; a bridge with an alias; a
 * bridge port whose peer is in an unnamed namespace), data/links.* what the
 * real ip printed for the same state (tests/unit/record-links.sh). The
 * printer must give the same bytes in every mode, and no damaged copy of a
 * recorded message may get past link_msg_parse or crash the printer. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <net/if.h>

#include "tap.h"
#include "nl/ifnames.h"
#include "print/link_print.h"

#include "link_recording.h"

/* ---- printing it as `ip link show` does ---- */

struct show {
	struct out *o;
	struct link_print_opts opts;
};

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct show *s = data;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	out_obj_begin(s->o, NULL);
	link_print(s->o, &m, &s->opts);
	out_eol(s->o);
	out_obj_end(s->o);
	return 0;
}

enum mode { TEXT, ONELINE, BRIEF, JSON, PRETTY };

static char *print_recording(enum mode mode)
{
	struct nl_dump d = recording();
	struct ifnames names;
	struct out o;
	char *got = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&got, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(ifnames_from_dump(&d, &names), 0);
	out_init(&o, f, mode >= JSON, mode == PRETTY, mode == ONELINE);
	struct show s = {
		.o = &o,
		.opts = { .brief = mode == BRIEF, .show_mode = true,
			  .show_link_line = true, .names = &names },
	};
	out_list_begin(&o);
	ck_assert_int_eq(nl_dump_each(&d, show_one, &s), 0);
	out_list_end(&o);
	fclose(f);
	ifnames_free(&names);
	nl_dump_free(&d);
	return got;
}

static void same_as_ip(enum mode mode, const char *golden)
{
	size_t len;
	char *want = slurp(golden, &len);
	char *got = print_recording(mode);

	ck_assert_str_eq(got, want);
	free(got);
	free(want);
}

START_TEST(text_as_ip)
{
	same_as_ip(TEXT, "links.txt");
}
END_TEST

START_TEST(oneline_as_ip)
{
	same_as_ip(ONELINE, "links.oneline");
}
END_TEST

START_TEST(brief_as_ip)
{
	same_as_ip(BRIEF, "links.brief");
}
END_TEST

START_TEST(json_as_ip)
{
	same_as_ip(JSON, "links.json");
}
END_TEST

START_TEST(pretty_json_as_ip)
{
	same_as_ip(PRETTY, "links.pretty");
}
END_TEST

START_TEST(names_table_from_recording)
{
	struct nl_dump d = recording();
	struct ifnames names;

	ck_assert_int_eq(ifnames_from_dump(&d, &names), 0);
	ck_assert_uint_eq(names.n, 5);
	ck_assert_str_eq(ifnames_find(&names, 1)->name, "lo");
	ck_assert_str_eq(ifnames_find(&names, 4)->name, "br0");
	ck_assert(ifnames_find(&names, 4)->flags & IFF_UP);
	ck_assert(!(ifnames_find(&names, 2)->flags & IFF_UP));
	ck_assert_ptr_null(ifnames_find(&names, 5));   /* the peer's index, elsewhere */
	ifnames_free(&names);
	nl_dump_free(&d);
}
END_TEST

/* ---- damaged copies of the recorded messages ---- */

/* link_msg_parse reports every refusal on stderr: thousands of lines. */
static int quiet_stderr(void)
{
	int saved = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY);

	ck_assert_int_ge(saved, 0);
	ck_assert_int_ge(null, 0);
	fflush(stderr);
	dup2(null, STDERR_FILENO);
	close(null);
	return saved;
}

static void restore_stderr(int saved)
{
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
}

/* Parses a private copy of exactly len bytes (so that valgrind sees any
 * read past it) and, when it is accepted, prints it in every mode. */
static int parse_and_print(const struct nlmsghdr *orig, size_t len,
			   const struct ifnames *names)
{
	struct nlmsghdr *nlh = malloc(len);
	struct link_msg m;

	ck_assert_ptr_nonnull(nlh);
	memcpy(nlh, orig, len);
	nlh->nlmsg_len = (uint32_t)len;
	int r = link_msg_parse(nlh, &m);
	ck_assert(r == 0 || r == -1);
	for (int mode = TEXT; r == 0 && mode <= PRETTY; mode++) {
		char *buf = NULL;
		size_t blen = 0;
		FILE *f = open_memstream(&buf, &blen);
		struct out o;
		struct link_print_opts opts = {
			.brief = mode == BRIEF, .show_mode = true,
			.show_link_line = true, .names = names,
		};

		ck_assert_ptr_nonnull(f);
		out_init(&o, f, mode >= JSON, mode == PRETTY, mode == ONELINE);
		link_print(&o, &m, &opts);
		fclose(f);
		free(buf);
	}
	free(nlh);
	return r;
}

/* Where a cut leaves only whole attributes: after the fixed header, or
 * after an attribute's last byte (before or within its padding). */
static bool whole_attributes(const struct nlmsghdr *nlh, size_t cut)
{
	size_t first = MNL_NLMSG_HDRLEN + MNL_ALIGN(sizeof(struct ifinfomsg));
	const struct nlattr *a;

	if (cut == first)
		return true;
	mnl_attr_for_each(a, nlh, sizeof(struct ifinfomsg)) {
		size_t at = (size_t)((const char *)a - (const char *)nlh);

		if (cut >= at + a->nla_len && cut <= at + MNL_ALIGN(a->nla_len))
			return true;
	}
	return false;
}

static int each_message(void (*fn)(const struct nlmsghdr *, const struct ifnames *))
{
	struct nl_dump d = recording();
	struct ifnames names;
	int left = (int)d.len, n = 0;

	ck_assert_int_eq(ifnames_from_dump(&d, &names), 0);
	int saved = quiet_stderr();
	for (const struct nlmsghdr *h = (const void *)d.buf; mnl_nlmsg_ok(h, left);
	     h = mnl_nlmsg_next(h, &left)) {
		if (h->nlmsg_type != RTM_NEWLINK)
			continue;
		fn(h, &names);
		n++;
	}
	restore_stderr(saved);
	ifnames_free(&names);
	nl_dump_free(&d);
	return n;
}

static void cut_everywhere(const struct nlmsghdr *h, const struct ifnames *names)
{
	for (size_t cut = MNL_NLMSG_HDRLEN; cut < h->nlmsg_len; cut++) {
		int want = whole_attributes(h, cut) ? 0 : -1;

		ck_assert_msg(parse_and_print(h, cut, names) == want,
			      "link %d cut at %zu of %u: expected %d",
			      ((const struct ifinfomsg *)mnl_nlmsg_get_payload(h))->ifi_index,
			      cut, h->nlmsg_len, want);
	}
	ck_assert_int_eq(parse_and_print(h, h->nlmsg_len, names), 0);
}

START_TEST(truncated_messages_are_refused)
{
	ck_assert_int_eq(each_message(cut_everywhere), 5);
}
END_TEST

/* Attributes whose size the link policy fixes exactly. */
static bool fixed_size(uint16_t type)
{
	switch (type) {
	case IFLA_MTU: case IFLA_LINK: case IFLA_MASTER: case IFLA_TXQLEN:
	case IFLA_GROUP: case IFLA_LINK_NETNSID: case IFLA_PROMISCUITY:
	case IFLA_MIN_MTU: case IFLA_MAX_MTU: case IFLA_NUM_TX_QUEUES:
	case IFLA_NUM_RX_QUEUES: case IFLA_OPERSTATE: case IFLA_LINKMODE:
	case IFLA_PROTO_DOWN:
		return true;
	default:
		return false;
	}
}

/* What a damaged copy must give: refused, or anything but a crash. */
enum { REFUSED = -1, ANY = 1 };

static void with_len(const struct nlmsghdr *h, size_t at, uint16_t nla_len,
		     int want, const struct ifnames *names)
{
	struct nlmsghdr *copy = malloc(h->nlmsg_len);

	ck_assert_ptr_nonnull(copy);
	memcpy(copy, h, h->nlmsg_len);
	((struct nlattr *)((char *)copy + at))->nla_len = nla_len;
	int r = parse_and_print(copy, copy->nlmsg_len, names);
	if (want != ANY)
		ck_assert_msg(r == want, "attribute at %zu with nla_len %u: got %d",
			      at, nla_len, r);
	free(copy);
}

static void flip_lengths(const struct nlmsghdr *h, const struct ifnames *names)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, h, sizeof(struct ifinfomsg)) {
		size_t at = (size_t)((const char *)a - (const char *)h);
		uint16_t len = a->nla_len;
		size_t room = h->nlmsg_len - at;

		/* Shorter than a header, or reaching past the message. */
		for (uint16_t bad = 0; bad < MNL_ATTR_HDRLEN; bad++)
			with_len(h, at, bad, REFUSED, names);
		with_len(h, at, (uint16_t)(room + 1), REFUSED, names);
		with_len(h, at, 0xffff, REFUSED, names);
		/* A byte more or less: refused where the size is fixed. */
		int want = fixed_size(mnl_attr_get_type(a)) ? REFUSED : ANY;
		with_len(h, at, (uint16_t)(len - 1), want, names);
		if (len + 1u <= room)
			with_len(h, at, (uint16_t)(len + 1), want, names);
		/* Swallowing the next attribute's header. */
		if (len + 4u <= room)
			with_len(h, at, (uint16_t)(len + 4), want, names);
	}
}

START_TEST(damaged_attribute_lengths_are_refused)
{
	ck_assert_int_eq(each_message(flip_lengths), 5);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("link_print");
	TCase *golden = tcase_create("golden");
	TCase *damaged = tcase_create("damaged");

	tcase_add_test(golden, text_as_ip);
	tcase_add_test(golden, oneline_as_ip);
	tcase_add_test(golden, brief_as_ip);
	tcase_add_test(golden, json_as_ip);
	tcase_add_test(golden, pretty_json_as_ip);
	tcase_add_test(golden, names_table_from_recording);
	suite_add_tcase(s, golden);

	/* Thousands of parses: slow under valgrind. */
	tcase_set_timeout(damaged, 120);
	tcase_add_test(damaged, truncated_messages_are_refused);
	tcase_add_test(damaged, damaged_attribute_lengths_are_refused);
	suite_add_tcase(s, damaged);
	return run_suite(s);
}
