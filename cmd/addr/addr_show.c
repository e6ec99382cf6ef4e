/* ip address show / list / flush: each link with its addresses, in ip's
 * order, with ip's rules for which links and addresses a filter keeps. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "addr.h"
#include "addr_filter.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "nl/link_lookup.h"
#include "nl/nl_flush.h"
#include "print/link_print.h"
#include "print/link_stats_print.h"
#include "nl/link_stream.h"

/* ip gives up on a flush that still finds addresses after this many. */

/* The address dump and its messages taken apart (pointing into it). */
struct addrs {
	struct nl_dump dump;
	struct addr_msg *v;
	size_t n;
};

static int count_msg(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	++*(size_t *)data;
	return 0;
}

static int add_addr(const struct nlmsghdr *nlh, void *data)
{
	struct addrs *a = data;

	if (nlh->nlmsg_type != RTM_NEWADDR)
		return 0;
	int r = addr_msg_parse(nlh, &a->v[a->n]);
	if (r < 0)
		return -1;
	if (r == 0)
		a->n++;
	return 0;
}

static void addrs_free(struct addrs *a)
{
	nl_dump_free(&a->dump);
	free(a->v);
	*a = (struct addrs){ 0 };
}

/* By link index, then in the kernel's order: the dump is one buffer, so
 * message pointers grow with it. */
static int by_link(const void *p, const void *q)
{
	const struct addr_msg *a = p, *b = q;

	if (a->ifa->ifa_index != b->ifa->ifa_index)
		return a->ifa->ifa_index < b->ifa->ifa_index ? -1 : 1;
	return (a->ifa > b->ifa) - (a->ifa < b->ifa);
}

/* Every address of family, as the kernel sends them. */
static int addrs_dump(struct nl *nl, int family, struct nl_dump *d)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETADDR, 0);
	struct ifaddrmsg *ifa = nl_put_header(nlh, sizeof(*ifa));

	ifa->ifa_family = (unsigned char)family;
	return nl_dump(nl, nlh, d);
}

static int addrs_load(struct nl *nl, int family, struct addrs *a)
{
	size_t n = 0;

	*a = (struct addrs){ 0 };
	if (addrs_dump(nl, family, &a->dump) < 0)
		return -1;
	nl_dump_each(&a->dump, count_msg, &n);
	if (!(a->v = calloc(n ? n : 1, sizeof(*a->v))))
		return fail(-1, "Out of memory");
	if (nl_dump_each(&a->dump, add_addr, a) < 0)
		return -1;
	/* Grouped by link, each link's addresses in the kernel's order, so
	 * that a link finds its own without reading every address. */
	qsort(a->v, a->n, sizeof(*a->v), by_link);
	return 0;
}

/* The first address of link index (or of the next link), by bisection. */
static size_t first_addr(const struct addrs *a, int index)
{
	size_t lo = 0, hi = a->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if ((int)a->v[mid].ifa->ifa_index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct show {
	struct ctx *c;
	struct addr_filter f;
	struct ifnames names;  /* flush: every link, for -o and labels */
	struct addrs addrs;
	bool no_link;          /* -oneline: addresses only, each with its dev */
	struct link_print_opts lopts;
	struct link_stats_opts stats;
};

/* ip keeps a link when one of its addresses passes the filter, or when it
 * has no address at all and no family was asked for. */
static bool link_kept(const struct show *s, int index, const char *name)
{
	bool has_addr = false;

	for (size_t i = first_addr(&s->addrs, index); i < s->addrs.n; i++) {
		const struct addr_msg *a = &s->addrs.v[i];

		if ((int)a->ifa->ifa_index != index)
			break;
		has_addr = true;
		if (addr_filter_pass(&s->f, a, name))
			return true;
	}
	return !has_addr && s->f.family == AF_UNSPEC;
}

/* The link's header; -1 when `up` or `group` rules the link out (its
 * addresses then go too). With a label filter ip shows addresses without their header. */
static int print_header(struct show *s, const struct link_msg *m)
{
	struct out *o = &s->c->out;

	if (s->f.up && !(m->ifi->ifi_flags & IFF_UP))
		return -1;
	if (s->f.group >= 0 && m->tb[IFLA_GROUP] &&
	    mnl_attr_get_u32(m->tb[IFLA_GROUP]) != s->f.group)
		return -1;
	if (s->f.label)
		return 0;
	link_print(o, m, &s->lopts);
	if (!s->lopts.brief)
		link_print_altnames(o, m);
	if (!s->lopts.brief || s->f.family == AF_PACKET)
		out_eol(o);
	return 0;
}

/* Every address of the link in the family; one that fails the other
 * filters still opens (and closes) its JSON object, as ip does. */
static void print_addrs(struct show *s, const struct link_msg *m,
			const char *name)
{
	struct out *o = &s->c->out;
	struct addr_print_opts opts = { .brief = s->c->opt.brief,
					.numeric = s->c->opt.numeric,
					.dev = s->no_link ? name : NULL };

	out_arr_begin(o, "addr_info");
	for (size_t i = first_addr(&s->addrs, m->ifi->ifi_index); i < s->addrs.n; i++) {
		const struct addr_msg *a = &s->addrs.v[i];

		if ((int)a->ifa->ifa_index != m->ifi->ifi_index)
			break;
		if ((s->f.family && s->f.family != a->ifa->ifa_family) ||
		    (s->f.up && !(m->ifi->ifi_flags & IFF_UP)))
			continue;
		out_obj_begin(o, NULL);
		if (addr_filter_pass(&s->f, a, name))
			addr_print(o, a, &opts);
		out_obj_end(o);
	}
	out_arr_end(o);
	if (opts.brief)
		out_eol(o);
}

/* Whether the link is listed: the device and link filters, and then
 * whether its addresses keep it. */
static bool link_wanted(const struct link_msg *m, void *data)
{
	const struct show *s = data;
	int index = m->ifi->ifi_index;
	char buf[LINK_IFN_SIZE];

	if ((s->f.ifindex && index != s->f.ifindex) || !addr_filter_link_pass(&s->f, m))
		return false;
	return s->f.family == AF_PACKET ||
	       link_kept(s, index, link_name_or_ifn(s->lopts.names, index, buf, sizeof(buf)));
}

/* ip -s: the link's counters after its addresses (not with -o or -br).
 * An AF_INET6 record (-6) carries none: they are asked apart, as ip
 * shows them there too. */
static void print_stats(struct show *s, const struct link_msg *m)
{
	struct link_stats st;

	if (s->stats.level < 1)
		return;
	if (link_stats_get(m, &st) > 0 ||
	    link_stats_ask(s->lopts.nl, m->ifi->ifi_index, &st) > 0)
		link_stats_print_set(&s->c->out, &st, &s->stats);
}

static int show_link(const struct link_msg *m, void *data)
{
	struct show *s = data;
	char buf[LINK_IFN_SIZE];
	const char *name = link_name_or_ifn(s->lopts.names, m->ifi->ifi_index, buf, sizeof(buf));
	int res = 0;

	out_obj_begin(&s->c->out, NULL);
	if (s->lopts.brief || !s->no_link)
		res = print_header(s, m);
	if (res >= 0 && s->f.family != AF_PACKET)
		print_addrs(s, m, name);
	if (res >= 0 && !s->lopts.brief && !s->no_link && !s->f.label)
		print_stats(s, m);
	out_obj_end(&s->c->out);
	return 0;
}

/* The addresses are dumped first and kept; the links are then printed as
 * their dump arrives, each with its addresses (common/link_stream.c). The
 * headers are dumped from the family asked for with -4/-6 (AF_INET6
 * answers with shorter records), as ip does. */
static int show(struct show *s, struct nl *nl)
{
	struct ctx *c = s->c;
	struct link_stream ls = {
		.wanted = link_wanted, .show = show_link, .data = s,
		.hold_all = c->opt.details,
	};
	struct nl_req req;
	struct nl *aside;
	int r = EXIT_KERNEL;

	/* With a device named, ip shows its whole record even with -6. */
	int link_family = s->f.dev ? AF_UNSPEC : c->opt.family;
	if (s->f.family != AF_PACKET && addrs_load(nl, s->f.family, &s->addrs) < 0)
		goto out;
	/* A family's dump has only the links that family knows: the names
	 * of the others come from a whole one. */
	if (link_family != AF_UNSPEC && ifnames_load(nl, &ls.names) < 0)
		goto out;
	/* The printer asks the name behind a link-netnsid during the dump. */
	if (!(aside = ctx_nl_aside(c))) {
		r = EXIT_CMD;
		goto out;
	}
	s->no_link = s->f.family != AF_PACKET && c->opt.oneline;
	s->lopts = (struct link_print_opts){
		.brief = c->opt.brief, .show_mode = false, .nl = aside,
		.numeric = c->opt.numeric, .details = c->opt.details,
		.names = &ls.names,
		.show_link_line = c->opt.brief ? s->f.family == AF_PACKET
			: (s->f.family == AF_UNSPEC || s->f.family == AF_PACKET ||
			   c->opt.details),
	};
	s->stats = (struct link_stats_opts){
		.level = c->opt.stats, .human = c->opt.human, .iec = c->opt.iec,
		.own_lines = true,
	};
	out_list_begin(&c->out);
	if (nl_dump_stream(nl, link_dump_req_stats(&req, link_family, c->opt.stats > 0),
			   link_stream_take,
			   link_stream_restart, &ls) == 0)
		r = link_stream_end(&ls) < 0 ? EXIT_CMD : 0;
	if (!r)
		out_list_end(&c->out);
out:
	link_stream_free(&ls);
	addrs_free(&s->addrs);
	return r;
}

static int flush_dump(struct nl *nl, struct nl_dump *d, void *data)
{
	const struct show *s = data;

	return addrs_dump(nl, s->f.family, d);
}

/* An address goes when it passes the filter; -s -s shows it first. */
static int flush_choose(const struct nlmsghdr *nlh, void *data)
{
	struct show *s = data;
	struct addr_msg a;
	char buf[LINK_IFN_SIZE];

	if (nlh->nlmsg_type != RTM_NEWADDR)
		return 0;
	int r = addr_msg_parse(nlh, &a);
	if (r)
		return r < 0 ? -1 : 0;
	const char *name = link_name_or_ifn(&s->names, (int)a.ifa->ifa_index,
					    buf, sizeof(buf));

	if (!addr_filter_pass(&s->f, &a, name))
		return 0;
	if (s->c->opt.stats >= 2 && !s->c->out.json) {
		struct addr_print_opts opts = { .dev = name,
						.numeric = s->c->opt.numeric };

		addr_print(&s->c->out, &a, &opts);
	}
	return 1;
}

/* ip's own words on a refused delete; a secondary address goes with its
 * primary, so one already gone counts as deleted. */
static int flush_remove(struct nl *nl, const struct nlmsghdr *nlh, void *data)
{
	struct nl_req req;

	(void)data;
	if (nlh->nlmsg_len > sizeof(req.buf))
		return fail(-1, "Failed to send flush request: message too long");
	memcpy(req.buf, nlh, nlh->nlmsg_len);
	req.nlh.nlmsg_type = RTM_DELADDR;
	req.nlh.nlmsg_flags = NLM_F_REQUEST;
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) == 0 || nl->last.err == EADDRNOTAVAIL)
		return 1;
	return fail(-1, "Failed to send flush request: %s", strerror(nl->last.err));
}

/* Deleting a primary address can promote a secondary: ip dumps again until
 * nothing is left, except when asked for primaries only. */
static int flush(struct show *s, struct nl *nl)
{
	struct nl_flush f = {
		.nl = nl, .data = s, .dump = flush_dump, .choose = flush_choose,
		/* -loops N, as ip: 0 is no limit */
		.remove = flush_remove, .max_rounds = s->c->opt.loops,
		.one_round = (s->f.flagmask & IFA_F_SECONDARY) &&
			     !(s->f.flags & IFA_F_SECONDARY),
		.what = "addresses", .stats = s->c->opt.stats,
	};

	if (ifnames_load(nl, &s->names) < 0)
		return EXIT_KERNEL;
	switch (nl_flush_run(&f)) {
	case NL_FLUSH_DONE:
		return 0;
	case NL_FLUSH_FAILED:
		return EXIT_CMD;
	default:
		/* ip's exit code here is its -1 */
		return fail(EXIT_USAGE, "*** Flush remains incomplete after %d rounds. ***",
			    s->c->opt.loops);
	}
}

int addr_list(struct ctx *c, int argc, char **argv, bool do_flush)
{
	struct show s = { .c = c };
	struct nl *nl;
	int r;

	if (do_flush && argc <= 0)
		return fail(EXIT_CMD, "Flush requires arguments.");
	if (do_flush && c->opt.family == AF_PACKET)
		return fail(EXIT_CMD, "Cannot flush link addresses.");
	/* Opened first, as ip does: "master DEV" is looked up as it is read. */
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	if ((r = addr_filter_parse(c, nl, &s.f, argc, argv)))
		return r;
	unsigned int index = 0;

	if (s.f.dev && link_ifindex(nl, s.f.dev, &index) < 0)
		r = EXIT_KERNEL;        /* the lookup failed, and said why */
	else if (s.f.dev && !(s.f.ifindex = (int)index))
		r = fail(EXIT_CMD, "Device \"%s\" does not exist.", s.f.dev);
	else
		r = do_flush ? flush(&s, nl) : show(&s, nl);
	ifnames_free(&s.names);
	return r;
}
