/* monitor: rtnetlink's events as they come, as `ip monitor`.
 *
 * Usage: ip monitor [ { all | address | link | neigh | netconf |
 *                        nsid | route | rule } ... ]
 *                  [ label ] [ file FILE ] [ dev DEVICE ]
 *
 * Words are ip's, in ip's order (which decides abbreviations: "l" is
 * label, "n" neigh, "net" netconf). No object means all of them; label
 * or all puts "[LINK]"-style labels before the events. The objects ip has
 * and nsip cannot print yet (mroute, prefix, nexthop, stats, and all-nsid) are refused. ip's monitor writes text even under -json, and
 * so does nsip's.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "monitor.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "nl/link_lookup.h"
#include "nl/nl_listen.h"

/* ip's own receive buffer, unless -rcvbuf says otherwise. */
#define MONITOR_RCVBUF (1024 * 1024)

struct monitor_words {
	unsigned int objects;
	const char *file;
	const char *dev;
};

static int usage(const struct ctx *c, bool asked)
{
	struct usage_to u = usage_to(asked ? c : NULL);

	fprintf(u.f, "Usage: %1$s monitor [ { all | address | link | neigh | netconf |\n"
		"                     nsid | route | rule } ... ]\n"
		"                  [ label ] [ file FILE ] [ dev DEVICE ]\n"
		"       %1$s monitor help\n", c->prog);
	return u.code;
}

/* ip's words in ip's order: what each means, by prefix unless exact. */
enum word_kind { W_FILE, W_LABEL, W_OBJECT, W_UNSUPPORTED, W_ALL, W_HELP, W_DEV };
static const struct monitor_word {
	const char *word;
	bool prefix;
	enum word_kind kind;
	unsigned int object;
} words[] = {
	{ "file", true, W_FILE, 0 },
	{ "label", true, W_LABEL, 0 },
	{ "link", true, W_OBJECT, MON_LINK },
	{ "address", true, W_OBJECT, MON_ADDR },
	{ "route", true, W_OBJECT, MON_ROUTE },
	{ "mroute", true, W_UNSUPPORTED, 0 },
	{ "prefix", true, W_UNSUPPORTED, 0 },
	{ "neigh", true, W_OBJECT, MON_NEIGH },
	{ "netconf", true, W_OBJECT, MON_NETCONF },
	{ "rule", true, W_OBJECT, MON_RULE },
	{ "nsid", true, W_OBJECT, MON_NSID },
	{ "nexthop", true, W_UNSUPPORTED, 0 },
	{ "stats", false, W_UNSUPPORTED, 0 },
	{ "all", false, W_ALL, 0 },
	{ "all-nsid", true, W_UNSUPPORTED, 0 },
	{ "help", true, W_HELP, 0 },
	{ "dev", false, W_DEV, 0 },
};

static const struct monitor_word *word_of(const char *w)
{
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (words[i].prefix ? matches(w, words[i].word) : !strcmp(w, words[i].word))
			return &words[i];
	return NULL;
}

/* -1: go on; else the exit code. */
static int parse_words(struct monitor *m, struct monitor_words *q, int argc,
		       char **argv)
{
	for (int i = 0; i < argc; i++) {
		const struct monitor_word *k = word_of(argv[i]);

		if (!k)
			return fail(EXIT_USAGE, "Argument \"%s\" is unknown, try \"%s monitor help\".",
				    argv[i], m->c->prog);
		if ((k->kind == W_FILE || k->kind == W_DEV) && !iparg_next(argc, &i))
			return iparg_incomplete();
		switch (k->kind) {
		case W_FILE: q->file = argv[i]; break;
		case W_LABEL: case W_ALL: m->label = true; break;
		case W_OBJECT: q->objects |= k->object; break;
		case W_HELP: return usage(m->c, true);
		case W_DEV: q->dev = argv[i]; break;
		case W_UNSUPPORTED:
			return fail(EXIT_USAGE, "%s monitor %s: not supported by nsip",
				    m->c->prog, k->word);
		}
	}
	return -1;
}

/* The groups of the objects asked for, as ip picks them by family. */
static int join_groups(struct nl *sock, unsigned int objects, int family)
{
	bool v4 = family == AF_UNSPEC || family == AF_INET;
	bool v6 = family == AF_UNSPEC || family == AF_INET6;
	bool mpls = family == AF_UNSPEC || family == AF_MPLS;
	const struct { bool want; unsigned int group; } g[] = {
		{ objects & MON_LINK, RTNLGRP_LINK },
		{ (objects & MON_ADDR) && v4, RTNLGRP_IPV4_IFADDR },
		{ (objects & MON_ADDR) && v6, RTNLGRP_IPV6_IFADDR },
		{ (objects & MON_ROUTE) && v4, RTNLGRP_IPV4_ROUTE },
		{ (objects & MON_ROUTE) && v6, RTNLGRP_IPV6_ROUTE },
		{ objects & MON_NEIGH, RTNLGRP_NEIGH },
		{ (objects & MON_NETCONF) && v4, RTNLGRP_IPV4_NETCONF },
		{ (objects & MON_NETCONF) && v6, RTNLGRP_IPV6_NETCONF },
		{ (objects & MON_NETCONF) && mpls, RTNLGRP_MPLS_NETCONF },
		{ (objects & MON_RULE) && v4, RTNLGRP_IPV4_RULE },
		{ (objects & MON_RULE) && v6, RTNLGRP_IPV6_RULE },
		{ objects & MON_NSID, RTNLGRP_NSID },
	};

	for (size_t i = 0; i < sizeof(g) / sizeof(g[0]); i++)
		if (g[i].want && nl_join_group(sock, g[i].group) < 0)
			return fail(-1, "Cannot join netlink group %u: %s", g[i].group,
				    strerror(errno));
	return 0;
}

/* The messages of one datagram, each checked to lie inside it. */
static int run_datagram(struct monitor *m, const char *buf, size_t len)
{
	while (len >= sizeof(struct nlmsghdr)) {
		const struct nlmsghdr *nlh = (const void *)buf;

		if (nlh->nlmsg_len < sizeof(*nlh) || nlh->nlmsg_len > len)
			return fail(EXIT_CMD, "!!!malformed message: len=%d",
				    (int)nlh->nlmsg_len);
		if (monitor_event(m, nlh) < 0)
			return EXIT_KERNEL;
		size_t step = NLMSG_ALIGN(nlh->nlmsg_len);
		if (step > len)
			step = len;
		buf += step;
		len -= step;
	}
	if (len)
		return fail(EXIT_CMD, "!!!Remnant of size %zu", len);
	return -1;
}

/* Until killed, or until the socket fails as ip's loop gives up: an
 * overrun (ENOBUFS: events were lost) is said and listening goes on. */
static int listen_loop(struct monitor *m, struct nl *sock)
{
	for (;;) {
		ssize_t n = nl_recv_datagram(sock, 0);

		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0 && errno == EMSGSIZE) {
			errmsg("Message truncated");
			continue;
		}
		if (n < 0) {
			int e = errno;
			errmsg("netlink receive error %s (%d)", strerror(e), e);
			if (e == ENOBUFS)
				continue;
			return EXIT_KERNEL;
		}
		if (n == 0)
			return fail(EXIT_KERNEL, "EOF on netlink");
		int r = run_datagram(m, sock->rbuf, (size_t)n);
		if (r >= 0)
			return r;
	}
}

static int listen_events(struct monitor *m, unsigned int objects)
{
	struct nl sock;
	unsigned int asked = m->c->opt.rcvbuf;
	int rcvbuf = !asked ? MONITOR_RCVBUF : asked > 0x7fffffffu ? 0x7fffffff : (int)asked;

	if (nl_open(&sock) < 0)
		return EXIT_CMD;
	int r = EXIT_CMD;
	if (nl_set_rcvbuf(&sock, rcvbuf) < 0)
		errmsg("SO_RCVBUF: %s", strerror(errno));
	else if (join_groups(&sock, objects, m->c->opt.family) == 0 &&
		 ifnames_load(m->ask, &m->names) == 0 && monitor_nsid_load(m) == 0)
		r = listen_loop(m, &sock);
	nl_close(&sock);
	return r;
}

int monitor_main(struct ctx *c, int argc, char **argv)
{
	struct monitor m = { .c = c };
	struct monitor_words q = { 0 };
	int r;

	if ((r = parse_words(&m, &q, argc, argv)) >= 0)
		return r;
	if (c->opt.brief)
		return fail(EXIT_USAGE, "%s monitor: -brief is not supported by nsip",
			    c->prog);
	if (!(m.ask = ctx_nl(c)))
		return EXIT_CMD;
	if (q.dev) {
		unsigned int index;
		if (link_ifindex(m.ask, q.dev, &index) < 0)
			return EXIT_CMD;
		if (!index)
			return iparg_invalid("Device does not exist\n", q.dev);
		m.ifindex = (int)index;
	}
	/* Text always: ip's monitor opens no JSON document. */
	out_init(&m.out, stdout, false, false, c->opt.oneline);
	if (q.file)
		r = monitor_file(&m, q.file);
	else
		r = listen_events(&m, q.objects ? q.objects : MON_ALL);
	ifnames_free(&m.names);
	monitor_nsid_free(&m);
	return r;
}
