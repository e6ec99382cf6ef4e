/* link show: the records of `ip link show`, with its filters.
 *
 * All links: printed as the kernel's dump arrives (common/link_stream.c),
 * nothing of it kept. One link (`dev NAME`): asked of the kernel alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "link.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "nl/link_lookup.h"
#include "print/link_print.h"
#include "print/link_stats_print.h"
#include "nl/link_stream.h"
#include "base/parse.h"

struct show_filter {
	const char *dev;
	const char *master;
	const char *kind;
	bool up;
};

/* The filters of `ip link show`; exit code or GO (0 words left). */
static int parse_show(const struct ctx *c, int argc, char **argv,
		      struct show_filter *f)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "up")) {
			f->up = true;
		} else if (!strcmp(w, "master") || !strcmp(w, "type")) {
			if (++i >= argc)
				return iparg_incomplete();
			*(w[0] == 'm' ? &f->master : &f->kind) = argv[i];
		} else if (!strcmp(w, "help")) {
			return link_usage(c);
		} else {
			if (!strcmp(w, "dev")) {
				if (++i >= argc)
					return iparg_incomplete();
				w = argv[i];
			}
			if (f->dev)
				return iparg_duplicate("dev", w);
			f->dev = w;
		}
	}
	return 0;
}

struct show {
	struct ctx *c;
	struct show_filter f;
	int master;            /* index of the master filter, or 0 */
	int dev;               /* index of `dev NAME`, or 0 */
	struct link_print_opts opts;
	struct link_stats_opts stats;
};

static bool wanted(const struct link_msg *m, void *data)
{
	const struct show *s = data;
	const char *kind;

	if (s->dev && m->ifi->ifi_index != s->dev)
		return false;
	if (s->master && (!m->tb[IFLA_MASTER] ||
			  (int)mnl_attr_get_u32(m->tb[IFLA_MASTER]) != s->master))
		return false;
	return !s->f.kind ||
	       ((kind = link_msg_kind(m, false)) && !strcmp(kind, s->f.kind));
}

static int print_record(const struct link_msg *m, void *data)
{
	struct show *s = data;

	/* iproute2 filters "up" after opening the record: a link that is down
	 * leaves an empty object in JSON. */
	out_obj_begin(&s->c->out, NULL);
	if (!s->f.up || (m->ifi->ifi_flags & IFF_UP)) {
		link_print(&s->c->out, m, &s->opts);
		if (!s->opts.brief) {   /* ip -s -br shows no counters */
			link_stats_print(&s->c->out, m, &s->stats);
			link_print_altnames(&s->c->out, m);
		}
		out_eol(&s->c->out);
	}
	out_obj_end(&s->c->out);
	return 0;
}

/* The one record of `dev NAME`, from a collected reply. */
static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	return wanted(&m, data) ? print_record(&m, data) : 0;
}

/* Keeps a copy of the one RTM_NEWLINK reply, as a one-message dump. */
static int keep_reply(const struct nlmsghdr *nlh, void *data)
{
	const struct nl_dump *d = data;

	if (nlh->nlmsg_type != RTM_NEWLINK || d->len)
		return 0;
	return nl_dump_append(nlh, data);
}

static const struct nl_policy others_policy[IFLA_MAX + 1] = {
	[IFLA_LINK] = { MNL_TYPE_U32, 0 },
	[IFLA_MASTER] = { MNL_TYPE_U32, 0 },
};

/* Whether the record names another link (a peer, a master): then its
 * name is needed, from the whole table. */
static bool names_others(const struct nlmsghdr *nlh)
{
	const struct nlattr *tb[IFLA_MAX + 1];
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);

	if (nl_parse(nlh, sizeof(*ifi), others_policy, IFLA_MAX, tb) < 0)
		return true;
	return tb[IFLA_MASTER] ||
	       (tb[IFLA_LINK] && (int)mnl_attr_get_u32(tb[IFLA_LINK]) != ifi->ifi_index);
}

/* `link show dev NAME`: the kernel is asked for that one link, not for all
 * of them (the start-up workload, and any script that looks at one device
 * among thousands); it finds the link by its name or by an alternative
 * one. The link's index when its record is in d and names are filled; 0
 * when the kernel has no such name; -1 when the answer could not be had
 * or read (said). */
static int get_one(struct nl *nl, const struct show *s, struct nl_dump *d,
		   struct ifnames *names)
{
	struct nl_req req;
	struct link_msg m;
	size_t len = strlen(s->f.dev) + 1;

	if (len > LINK_ALTNAME_SIZE)
		return 0;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	nl_put(nlh, len <= IF_NAMESIZE ? IFLA_IFNAME : IFLA_ALT_IFNAME, len, s->f.dev);
	if (!s->c->opt.stats)   /* counters only for -s */
		mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	if (nl_talk_quiet(nl, nlh, keep_reply, d) < 0) {
		if (nl->last.kernel)
			return 0;
		if (nl->last.err != -1)
			nl_error_print(&nl->last);
		return -1;
	}
	if (!d->buf || link_msg_parse((const struct nlmsghdr *)d->buf, &m) < 0)
		return fail(-1, "nsip: the kernel's answer for \"%s\" has no link", s->f.dev);
	int r = s->c->opt.details || names_others((const struct nlmsghdr *)d->buf)
		? ifnames_load(nl, names) : ifnames_from_dump(d, names);
	return r < 0 ? -1 : m.ifi->ifi_index;
}

/* No link has the name: ip's words. ip reads "ifN" as index N, as every
 * command does, then asks the kernel for the link by its name, which the
 * kernel does not know. */
static int no_such_link(struct nl *nl, const char *name)
{
	int index = link_index(nl, name);

	if (index < 0)
		return EXIT_KERNEL;
	if (index == 0)
		return fail(EXIT_CMD, "Device \"%s\" does not exist.", name);
	return fail(EXIT_CMD, "RTNETLINK answers: No such device\n"
		    "Cannot send link get request: No such device");
}

static int show_dev(struct nl *nl, struct show *s)
{
	struct nl_dump d = { 0 };
	struct ifnames names = { 0 };
	int r;

	if ((s->dev = get_one(nl, s, &d, &names)) < 0) {
		r = EXIT_KERNEL;
	} else if (!s->dev) {
		r = no_such_link(nl, s->f.dev);
	} else {
		s->opts.names = &names;
		out_list_begin(&s->c->out);
		r = nl_dump_each(&d, show_one, s) < 0 ? EXIT_CMD : 0;
		out_list_end(&s->c->out);
	}
	ifnames_free(&names);
	nl_dump_free(&d);
	return r;
}

static int show_all(struct nl *nl, struct show *s)
{
	struct link_stream ls = {
		.wanted = wanted, .show = print_record, .data = s,
		.hold_all = s->c->opt.details,
	};
	struct nl_req req;
	int r;

	/* The printer asks the kernel the name behind a link-netnsid while
	 * the dump is still coming on nl. */
	if (!(s->opts.nl = ctx_nl_aside(s->c)))
		return EXIT_CMD;
	s->opts.names = &ls.names;
	out_list_begin(&s->c->out);
	if (nl_dump_stream(nl, link_dump_req_stats(&req, AF_UNSPEC, s->c->opt.stats),
			   link_stream_take,
			   link_stream_restart, &ls) < 0)
		r = EXIT_KERNEL;
	else
		r = link_stream_end(&ls) < 0 ? EXIT_CMD : 0;
	if (!r)
		out_list_end(&s->c->out);
	link_stream_free(&ls);
	return r;
}

int link_show(struct ctx *c, int argc, char **argv)
{
	struct show s = { .c = c };
	struct nl *nl;
	int r = parse_show(c, argc, argv, &s.f);

	if (r)
		return r;
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	if (s.f.master) {
		if ((s.master = link_index(nl, s.f.master)) < 0)
			return EXIT_KERNEL;
		if (!s.master)
			return iparg_invalid("Device does not exist", s.f.master);
	}
	s.opts = (struct link_print_opts){
		.brief = c->opt.brief, .show_mode = true, .nl = nl,
		.details = c->opt.details, .numeric = c->opt.numeric,
		.show_link_line = c->opt.family == AF_UNSPEC ||
				  c->opt.family == AF_PACKET || c->opt.details ||
				  c->opt.brief,
	};
	s.stats = (struct link_stats_opts){
		.level = c->opt.stats, .human = c->opt.human, .iec = c->opt.iec,
	};
	return s.f.dev ? show_dev(nl, &s) : show_all(nl, &s);
}
