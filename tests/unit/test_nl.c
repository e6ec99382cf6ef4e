/* The rtnetlink core: error lines, attribute validation on hand-built
 * messages, and a few exchanges with the kernel that change nothing.
 *
 * The kernel tests run in a child process: as root it first moves into a
 * new, empty network namespace of its own (and, for the refusal, gives up
 * root), so that the host is never touched. A non-root user reads, or is
 * refused. */
#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "nl/ifnames.h"
#include "nl/nl.h"

/* ---- nl_error_format ---- */

static const char *format(int err, const char *msg, size_t len)
{
	static char line[512];
	struct nl_error e = { .err = err };

	snprintf(e.msg, sizeof(e.msg), "%s", msg);
	nl_error_format(&e, line, len);
	return line;
}

START_TEST(errors_without_text_name_errno)
{
	ck_assert_str_eq(format(EPERM, "", 512),
			 "RTNETLINK answers: Operation not permitted");
	ck_assert_str_eq(format(ENODEV, "", 512),
			 "RTNETLINK answers: No such device");
	ck_assert_str_eq(format(EEXIST, "", 512), "RTNETLINK answers: File exists");
}
END_TEST

START_TEST(errors_with_text_end_in_one_period)
{
	ck_assert_str_eq(format(EINVAL, "Unknown device type", 512),
			 "Error: Unknown device type.");
	ck_assert_str_eq(format(EINVAL, "Nexthop has invalid gateway.", 512),
			 "Error: Nexthop has invalid gateway.");
	ck_assert_str_eq(format(EINVAL, "x", 512), "Error: x.");
	ck_assert_str_eq(format(EINVAL, ".", 512), "Error: .");
}
END_TEST

START_TEST(errors_fit_the_buffer)
{
	ck_assert_str_eq(format(EINVAL, "Unknown device type", 10), "Error: Un");
	ck_assert_str_eq(format(EPERM, "", 12), "RTNETLINK a");
}
END_TEST

/* ---- nl_parse / nl_parse_nested on hand-built messages ---- */

enum { A_UNSPEC, A_U32, A_U8, A_STR, A_BIN, A_NEST, A_UNLISTED, A_MAX = A_UNLISTED,
       A_BEYOND = 9 };

static const struct nl_policy policy[A_MAX + 1] = {
	[A_U32] = { MNL_TYPE_U32, 0 },
	[A_U8] = { MNL_TYPE_U8, 0 },
	[A_STR] = { MNL_TYPE_NUL_STRING, 0 },
	[A_BIN] = { MNL_TYPE_BINARY, 6 },
	[A_NEST] = { MNL_TYPE_NESTED, 0 },
};

/* A message buffer aligned for netlink headers. */
union msgbuf {
	struct nlmsghdr nlh;
	char buf[1024];
};

/* A link message header (struct ifinfomsg) and no attribute yet. */
static struct nlmsghdr *start(union msgbuf *b)
{
	struct nlmsghdr *nlh;

	memset(b, 0, sizeof(*b));
	nlh = mnl_nlmsg_put_header(b->buf);
	nlh->nlmsg_type = RTM_NEWLINK;
	mnl_nlmsg_put_extra_header(nlh, sizeof(struct ifinfomsg));
	return nlh;
}

static int parse(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	return nl_parse(nlh, sizeof(struct ifinfomsg), policy, A_MAX, tb);
}

START_TEST(valid_message_fills_tb)
{
	static const unsigned char mac[6] = { 2, 0, 0, 0, 0, 1 };
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	mnl_attr_put_u32(nlh, A_U32, 1500);
	mnl_attr_put_u8(nlh, A_U8, 6);
	mnl_attr_put_strz(nlh, A_STR, "veth0");
	mnl_attr_put(nlh, A_BIN, sizeof(mac), mac);
	ck_assert_int_eq(parse(nlh, tb), 0);
	ck_assert_ptr_null(tb[A_UNSPEC]);
	ck_assert_uint_eq(mnl_attr_get_u32(tb[A_U32]), 1500);
	ck_assert_uint_eq(mnl_attr_get_u8(tb[A_U8]), 6);
	ck_assert_str_eq(mnl_attr_get_str(tb[A_STR]), "veth0");
	ck_assert_mem_eq(mnl_attr_get_payload(tb[A_BIN]), mac, sizeof(mac));
	ck_assert_ptr_null(tb[A_NEST]);
	ck_assert_ptr_null(tb[A_UNLISTED]);
}
END_TEST

START_TEST(header_only_message_is_valid)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	ck_assert_int_eq(parse(nlh, tb), 0);
	for (int i = 0; i <= A_MAX; i++)
		ck_assert_ptr_null(tb[i]);
}
END_TEST

START_TEST(attributes_outside_the_policy_stay_null)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	/* Stale pointers from an earlier parse must not survive. */
	for (int i = 0; i <= A_MAX; i++)
		tb[i] = (const void *)nlh;
	mnl_attr_put_u16(nlh, A_UNLISTED, 7);
	mnl_attr_put_u64(nlh, A_BEYOND, 7);
	mnl_attr_put_u64(nlh, 200, 7);
	mnl_attr_put_u32(nlh, A_U32, 9000);
	ck_assert_int_eq(parse(nlh, tb), 0);
	ck_assert_uint_eq(mnl_attr_get_u32(tb[A_U32]), 9000);
	for (int i = 0; i <= A_MAX; i++)
		if (i != A_U32)
			ck_assert_ptr_null(tb[i]);
}
END_TEST

/* One attribute of type, len payload bytes: parse must refuse it. */
static void refused(uint16_t type, size_t len, const void *data)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	mnl_attr_put(nlh, type, len, data);
	ck_assert_msg(parse(nlh, tb) == -1, "type %u with %zu bytes accepted",
		      type, len);
}

START_TEST(wrong_length_for_the_type_is_refused)
{
	static const char bytes[16] = "abcdefghijklmno";

	refused(A_U32, 0, bytes);
	refused(A_U32, 2, bytes);
	refused(A_U32, 3, bytes);
	refused(A_U32, 5, bytes);
	refused(A_U32, 8, bytes);
	refused(A_U8, 0, bytes);
	refused(A_U8, 4, bytes);
	refused(A_STR, 0, bytes);
	refused(A_STR, 5, bytes);    /* no terminating NUL */
	refused(A_BIN, 5, bytes);    /* shorter than its minimum */
	refused(A_NEST, 2, bytes);   /* not even one attribute header */
}
END_TEST

START_TEST(minimum_length_allows_more)
{
	static const char bytes[16] = "abcdefghijklmno";
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	mnl_attr_put(nlh, A_BIN, 16, bytes);
	ck_assert_int_eq(parse(nlh, tb), 0);
	ck_assert_uint_eq(mnl_attr_get_payload_len(tb[A_BIN]), 16);
}
END_TEST

START_TEST(truncated_attribute_is_refused)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	mnl_attr_put_u32(nlh, A_U32, 1);
	mnl_attr_put_strz(nlh, A_STR, "a longer name");
	/* The message ends in the middle of the string. */
	nlh->nlmsg_len -= 8;
	ck_assert_int_eq(parse(nlh, tb), -1);
	/* An unaligned end inside the last attribute: the attribute would
	 * still fit if the message's padding counted. */
	nlh = start(&b);
	mnl_attr_put_strz(nlh, A_STR, "lo");   /* nla_len 7 */
	nlh->nlmsg_len -= 2;
	ck_assert_int_eq(parse(nlh, tb), -1);
	nlh->nlmsg_len += 1;                   /* the padding is not needed */
	ck_assert_int_eq(parse(nlh, tb), 0);
	/* An attribute whose nla_len claims more than the message holds. */
	nlh = start(&b);
	struct nlattr *a = mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put_u32(nlh, A_U32, 1);
	a->nla_len = 64;
	ck_assert_int_eq(parse(nlh, tb), -1);
	/* Or less than its own header. */
	a->nla_len = 3;
	ck_assert_int_eq(parse(nlh, tb), -1);
	a->nla_len = 0;
	ck_assert_int_eq(parse(nlh, tb), -1);
}
END_TEST

START_TEST(trailing_bytes_are_refused)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	mnl_attr_put_u32(nlh, A_U32, 1);
	nlh->nlmsg_len += 3;   /* too short for another attribute header */
	ck_assert_int_eq(parse(nlh, tb), -1);
}
END_TEST

START_TEST(payload_shorter_than_fixed_header_is_refused)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + sizeof(struct ifinfomsg) - 1;
	ck_assert_int_eq(parse(nlh, tb), -1);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN;
	ck_assert_int_eq(parse(nlh, tb), -1);
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + sizeof(struct ifinfomsg);
	ck_assert_int_eq(parse(nlh, tb), 0);
}
END_TEST

/* nsip checks attributes by hand (a dump parses thousands of them): for
 * every libmnl type and payload length, with and without a final NUL, it
 * must accept exactly what mnl_attr_validate() accepts. */
START_TEST(checks_agree_with_libmnl)
{
	char bytes[24];

	for (int t = MNL_TYPE_UNSPEC + 1; t < MNL_TYPE_MAX; t++)
		for (size_t len = 0; len <= 20; len++)
			for (int nul = 0; nul < 2; nul++) {
				struct nl_policy pol[A_MAX + 1] = { 0 };
				const struct nlattr *tb[A_MAX + 1];
				union msgbuf b;
				struct nlmsghdr *nlh = start(&b);
				struct nlattr *a = mnl_nlmsg_get_payload_tail(nlh);

				memset(bytes, 'x', sizeof(bytes));
				if (nul && len)
					bytes[len - 1] = '\0';
				pol[A_BIN].type = (enum mnl_attr_data_type)t;
				mnl_attr_put(nlh, A_BIN, len, bytes);
				bool mine = nl_parse(nlh, sizeof(struct ifinfomsg),
						     pol, A_MAX, tb) == 0;
				bool mnl = mnl_attr_validate(a, (enum mnl_attr_data_type)t) == 0;
				ck_assert_msg(mine == mnl, "type %d, %zu bytes, nul %d: "
					      "nsip %d, libmnl %d", t, len, nul, mine, mnl);
			}
}
END_TEST

static int parse_until_str(const struct nlmsghdr *nlh, const struct nlattr **tb)
{
	return nl_parse_until(nlh, sizeof(struct ifinfomsg), policy, A_MAX, tb, A_STR);
}

START_TEST(until_takes_the_first_of_its_type)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	mnl_attr_put_u32(nlh, A_U32, 1);
	mnl_attr_put_strz(nlh, A_STR, "first");
	mnl_attr_put_u8(nlh, A_U8, 2);
	mnl_attr_put_strz(nlh, A_STR, "second");
	ck_assert_int_eq(parse_until_str(nlh, tb), 0);
	ck_assert_str_eq(mnl_attr_get_str(tb[A_STR]), "first");
	ck_assert_uint_eq(mnl_attr_get_u32(tb[A_U32]), 1);
	ck_assert_ptr_null(tb[A_U8]);   /* after the stop: not looked at */
	/* Without one, the walk reads to the end and fills nothing more. */
	nlh = start(&b);
	mnl_attr_put_u32(nlh, A_U32, 1);
	ck_assert_int_eq(parse_until_str(nlh, tb), 0);
	ck_assert_ptr_null(tb[A_STR]);
}
END_TEST

START_TEST(until_refuses_what_it_walks_through)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1];

	/* An unterminated string of the type asked for. */
	mnl_attr_put(nlh, A_STR, 3, "abc");
	ck_assert_int_eq(parse_until_str(nlh, tb), -1);
	/* An attribute before it that runs past the end of the message. */
	nlh = start(&b);
	struct nlattr *bad = mnl_nlmsg_get_payload_tail(nlh);
	mnl_attr_put_u32(nlh, A_U32, 1);
	mnl_attr_put_strz(nlh, A_STR, "x");
	bad->nla_len = 200;
	ck_assert_int_eq(parse_until_str(nlh, tb), -1);
	/* Bytes too few for an attribute header after the last one. */
	nlh = start(&b);
	mnl_attr_put_u32(nlh, A_U32, 1);
	nlh->nlmsg_len += 3;
	ck_assert_int_eq(parse_until_str(nlh, tb), -1);
	/* A payload shorter than the fixed header. */
	nlh->nlmsg_len = MNL_NLMSG_HDRLEN + 4;
	ck_assert_int_eq(parse_until_str(nlh, tb), -1);
}
END_TEST

enum { N_UNSPEC, N_KIND, N_DATA, N_MAX = N_DATA };

static const struct nl_policy nest_policy[N_MAX + 1] = {
	[N_KIND] = { MNL_TYPE_NUL_STRING, 0 },
	[N_DATA] = { MNL_TYPE_NESTED, 0 },
};

static const struct nlattr *put_linkinfo(struct nlmsghdr *nlh, const char *kind)
{
	struct nlattr *nest = mnl_attr_nest_start(nlh, A_NEST);

	mnl_attr_put_strz(nlh, N_KIND, kind);
	struct nlattr *data = mnl_attr_nest_start(nlh, N_DATA);
	mnl_attr_put_u32(nlh, 1, 42);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_put_u32(nlh, 7, 1);   /* not in the nested policy */
	mnl_attr_nest_end(nlh, nest);
	return nest;
}

START_TEST(nested_attributes_parse)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1], *info[N_MAX + 1];

	put_linkinfo(nlh, "bridge");
	ck_assert_int_eq(parse(nlh, tb), 0);
	ck_assert_ptr_nonnull(tb[A_NEST]);
	ck_assert_int_eq(nl_parse_nested(tb[A_NEST], nest_policy, N_MAX, info), 0);
	ck_assert_str_eq(mnl_attr_get_str(info[N_KIND]), "bridge");
	ck_assert_ptr_nonnull(info[N_DATA]);
	ck_assert_ptr_null(info[N_UNSPEC]);
}
END_TEST

START_TEST(empty_nest_parses_to_nothing)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1], *info[N_MAX + 1];

	mnl_attr_nest_end(nlh, mnl_attr_nest_start(nlh, A_NEST));
	ck_assert_int_eq(parse(nlh, tb), 0);
	ck_assert_int_eq(nl_parse_nested(tb[A_NEST], nest_policy, N_MAX, info), 0);
	for (int i = 0; i <= N_MAX; i++)
		ck_assert_ptr_null(info[i]);
}
END_TEST

START_TEST(malformed_nest_is_refused)
{
	union msgbuf b;
	struct nlmsghdr *nlh = start(&b);
	const struct nlattr *tb[A_MAX + 1], *info[N_MAX + 1];
	struct nlattr *nest = (struct nlattr *)put_linkinfo(nlh, "bridge");
	struct nlattr *kind = mnl_attr_get_payload(nest);

	/* The string loses its NUL: the outer message is still fine. */
	kind->nla_len -= 1;
	ck_assert_int_eq(parse(nlh, tb), 0);
	ck_assert_int_eq(nl_parse_nested(tb[A_NEST], nest_policy, N_MAX, info), -1);
	/* An inner attribute running past the end of the nest. */
	kind->nla_len = (uint16_t)(nest->nla_len + 4);
	ck_assert_int_eq(nl_parse_nested(tb[A_NEST], nest_policy, N_MAX, info), -1);
	/* A nest ending in bytes that are no attribute. */
	nlh = start(&b);
	nest = mnl_attr_nest_start(nlh, A_NEST);
	mnl_attr_put_u32(nlh, N_DATA + 1, 5);
	mnl_attr_nest_end(nlh, nest);
	nest->nla_len += 2;
	nlh->nlmsg_len += 4;
	ck_assert_int_eq(nl_parse_nested(nest, nest_policy, N_MAX, info), -1);
}
END_TEST

/* ---- building requests in a buffer that is not zeroed ---- */

/* A request built over a buffer full of 0xAA: every byte of it must be one
 * the puts wrote (header fields, lengths, data) or zero padding. */
static struct nlmsghdr *poisoned(struct nl_req *r)
{
	memset(r->buf, 0xAA, sizeof(r->buf));
	return nl_req_init(r, RTM_NEWLINK, NLM_F_CREATE);
}

static int count_poison(const struct nlmsghdr *nlh)
{
	const unsigned char *p = (const void *)nlh;
	int n = 0;

	for (size_t i = 0; i < nlh->nlmsg_len; i++)
		n += p[i] == 0xAA;
	return n;
}

START_TEST(puts_leave_no_stale_byte)
{
	struct nl_req r;
	struct nlmsghdr *nlh = poisoned(&r);
	/* Data lengths 1 to 7 leave 3 to 1 bytes of padding each. */
	static const char data[] = "abcdefg";

	ck_assert_uint_eq(nlh->nlmsg_type, RTM_NEWLINK);
	ck_assert_uint_eq(nlh->nlmsg_flags, NLM_F_REQUEST | NLM_F_CREATE);
	ck_assert_ptr_nonnull(nl_put_header(nlh, sizeof(struct rtgenmsg)));
	for (size_t len = 1; len <= 7; len++)
		nl_put(nlh, 1, len, data);
	nl_put_u8(nlh, 2, 9);
	struct nlattr *nest = mnl_attr_nest_start(nlh, 3);
	ck_assert(nl_put_check(nlh, 4, 3, data));
	mnl_attr_nest_end(nlh, nest);
	ck_assert_int_eq(count_poison(nlh), 0);
	/* 16 + 4 (rtgenmsg) + 4 x 8 and 3 x 12 (lengths 1-4, 5-7) + 8 (u8)
	 * + 4 + 8 (the nest and its 3 bytes) */
	ck_assert_uint_eq(nlh->nlmsg_len, 108);
}
END_TEST

START_TEST(put_check_refuses_past_the_buffer)
{
	struct nl_req r;
	struct nlmsghdr *nlh = poisoned(&r);
	static const char big[1000];

	while (nl_put_check(nlh, 1, sizeof(big), big))
		;
	ck_assert_uint_le(nlh->nlmsg_len, NL_MSG_MAX);
	ck_assert_uint_gt(nlh->nlmsg_len + 4 + sizeof(big), NL_MSG_MAX);
	ck_assert_int_eq(count_poison(nlh), 0);
}
END_TEST

/* ---- exchanges with the kernel, in a child process ---- */

/* What a child does with its own socket: returns nl_talk's result. */
struct kernel_case {
	bool drop_root;                /* ask without the right to change */
	int (*ask)(struct nl *nl);
};

/* As root: a new empty network namespace, so that nothing reaches the
 * host; then, if asked, root given up (every capability goes with it, and
 * the socket opened after that has no right to change the namespace). */
static void enter_sandbox(bool drop_root)
{
	if (geteuid() != 0)
		return;
	if (unshare(CLONE_NEWNET) < 0) {
		printf("unshare(CLONE_NEWNET): %s\n", strerror(errno));
		_exit(3);
	}
	if (drop_root &&
	    (setgroups(0, NULL) < 0 || setgid(65534) < 0 || setuid(65534) < 0)) {
		printf("cannot give up root: %s\n", strerror(errno));
		_exit(3);
	}
}

/* In the child: stdout and stderr go to fd; prints "RESULT ERRNO". */
static void run_case(const struct kernel_case *k, int fd)
{
	struct nl nl;

	dup2(fd, STDOUT_FILENO);
	dup2(fd, STDERR_FILENO);
	enter_sandbox(k->drop_root);
	if (nl_open(&nl) < 0)
		_exit(4);
	int r = k->ask(&nl);
	printf("%d %d\n", r, nl.last.err);
	nl_close(&nl);
	fflush(NULL);
	_exit(0);
}

/* Runs the case in a child; returns all it wrote (its messages, then the
 * result line). */
static char *in_child(const struct kernel_case *k)
{
	static char text[4096];
	size_t used = 0;
	int fds[2], status;
	ssize_t n;

	ck_assert_int_eq(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		close(fds[0]);
		run_case(k, fds[1]);
	}
	close(fds[1]);
	while (used < sizeof(text) - 1 &&
	       (n = read(fds[0], text + used, sizeof(text) - 1 - used)) > 0)
		used += (size_t)n;
	text[used] = '\0';
	close(fds[0]);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 0,
		      "child failed: %s", text);
	return text;
}

/* The kernel refuses: nl_talk prints line and keeps err. */
static void refused_with(const struct kernel_case *k, const char *line, int err)
{
	char want[256];

	snprintf(want, sizeof(want), "%s\n-1 %d\n", line, err);
	ck_assert_str_eq(in_child(k), want);
}

/* Prints "NAME-OF-INDEX-1 COUNT". */
static int dump_links(struct nl *nl)
{
	struct nl_dump d = { 0 };
	struct ifnames names;

	if (link_dump(nl, &d, false) < 0 || ifnames_from_dump(&d, &names) < 0)
		return -1;
	const struct ifname_entry *lo = ifnames_find(&names, 1);
	printf("%s %zu\n", lo ? lo->name : "-", names.n);
	ifnames_free(&names);
	nl_dump_free(&d);
	return 0;
}

START_TEST(link_dump_reads_the_links)
{
	static const struct kernel_case k = { false, dump_links };
	const char *text = in_child(&k);

	/* Root sees its new namespace; anyone else the current one. */
	if (geteuid() == 0)
		ck_assert_str_eq(text, "lo 1\n0 0\n");
	else
		ck_assert_msg(!strncmp(text, "lo ", 3), "got %s", text);
}
END_TEST

/* A request about a link that does not exist, without NLM_F_CREATE: even
 * with privileges it could change nothing (the kernel answers ENODEV). */
static int ask_about_missing_link(struct nl *nl, uint16_t type)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, type, 0);
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = 0x7ffffff0;
	return nl_talk(nl, nlh, NULL, NULL);
}

static int newlink_missing(struct nl *nl)
{
	return ask_about_missing_link(nl, RTM_NEWLINK);
}

static int getlink_missing(struct nl *nl)
{
	return ask_about_missing_link(nl, RTM_GETLINK);
}

START_TEST(refusal_is_printed_as_iproute2_does)
{
	static const struct kernel_case k = { true, newlink_missing };

	refused_with(&k, "RTNETLINK answers: Operation not permitted", EPERM);
}
END_TEST

START_TEST(get_of_missing_link_says_no_such_device)
{
	static const struct kernel_case k = { false, getlink_missing };

	refused_with(&k, "RTNETLINK answers: No such device", ENODEV);
}
END_TEST

/* A name longer than IFNAMSIZ fails the kernel's attribute policy, which
 * says so in an extended ack. */
static int getlink_long_name(struct nl *nl)
{
	struct nl_req req;
	static const char name[] = "a-name-much-longer-than-ifnamsiz";
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	/* nl_put, not mnl_attr_put_strz: libmnl 1.0.4 leaves the padding
	 * unset, and valgrind reports the unset bytes sent. */
	nl_put(nlh, IFLA_IFNAME, sizeof(name), name);
	return nl_talk(nl, nlh, NULL, NULL);
}

START_TEST(extended_ack_text_is_printed)
{
	static const struct kernel_case k = { false, getlink_long_name };

	refused_with(&k, "Error: Attribute failed policy validation.", ERANGE);
}
END_TEST

/* ---- nl_dump_each: the walk over a collected dump ---- */

static int count_msgs(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	++*(int *)data;
	return 0;
}

/* Two messages, the second with the given nlmsg_len, and as many bytes
 * after the first as the dump holds. */
static int walk_with_second_len(uint32_t len2, size_t total)
{
	struct nl_dump d = { .len = total };
	int n = 0;

	d.buf = calloc(1, total);
	ck_assert_ptr_nonnull(d.buf);
	((struct nlmsghdr *)d.buf)->nlmsg_len = 20;
	((struct nlmsghdr *)(d.buf + 20))->nlmsg_len = len2;
	nl_dump_each(&d, count_msgs, &n);
	free(d.buf);
	return n;
}

/* Found by tests/fuzz/link_reply: libmnl's mnl_nlmsg_ok compares the
 * length as a signed int, so that one over 2 GiB was taken as valid and
 * the next message looked for gigabytes further on. */
START_TEST(dump_walk_refuses_lengths_past_the_end)
{
	ck_assert_int_eq(walk_with_second_len(20, 40), 2);
	ck_assert_int_eq(walk_with_second_len(18, 38), 2);   /* unaligned last one */
	ck_assert_int_eq(walk_with_second_len(21, 40), 1);
	ck_assert_int_eq(walk_with_second_len(15, 40), 1);
	ck_assert_int_eq(walk_with_second_len(0x80000000u, 40), 1);
	ck_assert_int_eq(walk_with_second_len(0xfffffff0u, 40), 1);
	ck_assert_int_eq(walk_with_second_len(20, 36), 1);   /* header cut short */
}
END_TEST

int main(void)
{
	Suite *s = suite_create("nl");
	TCase *errors = tcase_create("errors");
	TCase *attrs = tcase_create("attributes");
	TCase *kernel = tcase_create("kernel");

	tcase_add_test(errors, errors_without_text_name_errno);
	tcase_add_test(errors, errors_with_text_end_in_one_period);
	tcase_add_test(errors, errors_fit_the_buffer);
	suite_add_tcase(s, errors);

	tcase_add_test(attrs, valid_message_fills_tb);
	tcase_add_test(attrs, header_only_message_is_valid);
	tcase_add_test(attrs, attributes_outside_the_policy_stay_null);
	tcase_add_test(attrs, wrong_length_for_the_type_is_refused);
	tcase_add_test(attrs, minimum_length_allows_more);
	tcase_add_test(attrs, truncated_attribute_is_refused);
	tcase_add_test(attrs, trailing_bytes_are_refused);
	tcase_add_test(attrs, payload_shorter_than_fixed_header_is_refused);
	tcase_add_test(attrs, checks_agree_with_libmnl);
	tcase_add_test(attrs, until_takes_the_first_of_its_type);
	tcase_add_test(attrs, until_refuses_what_it_walks_through);
	tcase_add_test(attrs, nested_attributes_parse);
	tcase_add_test(attrs, empty_nest_parses_to_nothing);
	tcase_add_test(attrs, malformed_nest_is_refused);
	tcase_add_test(attrs, dump_walk_refuses_lengths_past_the_end);
	tcase_add_test(attrs, puts_leave_no_stale_byte);
	tcase_add_test(attrs, put_check_refuses_past_the_buffer);
	suite_add_tcase(s, attrs);

	tcase_add_test(kernel, link_dump_reads_the_links);
	tcase_add_test(kernel, refusal_is_printed_as_iproute2_does);
	tcase_add_test(kernel, get_of_missing_link_says_no_such_device);
	tcase_add_test(kernel, extended_ack_text_is_printed);
	suite_add_tcase(s, kernel);
	return run_suite(s);
}
