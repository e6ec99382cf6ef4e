/* link: network devices, as `ip link`.
 *
 * Usage: ip link add [ link DEV ] [ name ] NAME [ OPTIONS ] type TYPE [ ARGS ]
 *        ip link set { DEVICE | dev DEVICE } [ SETTING ]...
 *        ip link delete { DEVICE | dev DEVICE } [ type TYPE ]
 *        ip link show [ [dev] NAME ] [ up ] [ master DEV ] [ type KIND ]
 *        ip link help
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "link.h"
#include "../common/err.h"
#include "../common/ifnames.h"
#include "../common/link_print.h"
#include "../common/parse.h"

/* The first line is iproute2's; the rest says what nsip reads. */
int link_usage(const struct ctx *asker)
{
	struct usage_to u = usage_to(asker);

	fputs("Usage: ip link add [link DEV | parentdev NAME] [ name ] NAME\n"
	      "                   [ txqueuelen PACKETS ] [ address LLADDR ]\n"
	      "                   [ broadcast LLADDR ] [ mtu MTU ] [ up ]\n"
	      "                   [ netns { PID | NAME | PATH } ]\n"
	      "                   type TYPE [ ARGS ]\n"
	      "       ip link set { DEVICE | dev DEVICE } [ SETTING ]...\n"
	      "       ip link delete { DEVICE | dev DEVICE } [ type TYPE ]\n"
	      "       ip link show [ [dev] DEVICE ] [ up ] [ master DEV ] [ type TYPE ]\n"
	      "       ip link help\n"
	      "SETTING := { up | down | name NEWNAME | mtu MTU | address LLADDR |\n"
	      "             broadcast LLADDR | txqueuelen PACKETS | alias TEXT |\n"
	      "             master DEVICE | nomaster | netns { PID | NAME | PATH } |\n"
	      "             { arp | promisc | multicast | allmulticast | dynamic |\n"
	      "               trailers } { on | off } }\n"
	      "TYPE := { veth | bridge | macvlan | vxlan | vlan | dummy | ... }\n"
	      "ARGS of veth    := peer [ [ name ] NAME ] [ OPTIONS ]\n"
	      "ARGS of bridge  := [ forward_delay N ] [ hello_time N ] [ max_age N ]\n"
	      "                   [ ageing_time N ] [ stp_state N ] [ priority N ]\n"
	      "                   [ vlan_filtering N ] [ mcast_snooping N ]\n"
	      "ARGS of macvlan := mode { private | vepa | bridge | passthru | source }\n"
	      "ARGS of vxlan   := id VNI [ dstport PORT ] [ local ADDR ] [ remote ADDR ]\n"
	      "                   [ dev DEVICE ]\n"
	      "ARGS of vlan    := id VLANID   (with link DEV)\n", u.f);
	return u.code;
}

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

static const struct nl_policy kind_policy[IFLA_INFO_MAX + 1] = {
	[IFLA_INFO_KIND] = { MNL_TYPE_NUL_STRING, 0 },
};

static bool kind_is(const struct link_msg *m, const char *kind)
{
	const struct nlattr *info[IFLA_INFO_MAX + 1];

	if (!m->tb[IFLA_LINKINFO] ||
	    nl_parse_nested(m->tb[IFLA_LINKINFO], kind_policy, IFLA_INFO_MAX, info) < 0 ||
	    !info[IFLA_INFO_KIND])
		return false;
	return !strcmp(mnl_attr_get_str(info[IFLA_INFO_KIND]), kind);
}

struct show {
	struct ctx *c;
	struct show_filter f;
	int master;            /* index of the master filter, or 0 */
	struct link_print_opts opts;
};

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct show *s = data;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	if (s->f.dev && (!m.tb[IFLA_IFNAME] ||
			 strcmp(mnl_attr_get_str(m.tb[IFLA_IFNAME]), s->f.dev)))
		return 0;
	if (s->master && (!m.tb[IFLA_MASTER] ||
			  (int)mnl_attr_get_u32(m.tb[IFLA_MASTER]) != s->master))
		return 0;
	if (s->f.kind && !kind_is(&m, s->f.kind))
		return 0;
	/* iproute2 filters "up" after opening the record: a link that is down
	 * leaves an empty object in JSON. */
	out_obj_begin(&s->c->out, NULL);
	if (!s->f.up || (m.ifi->ifi_flags & IFF_UP)) {
		link_print(&s->c->out, &m, &s->opts);
		out_eol(&s->c->out);
	}
	out_obj_end(&s->c->out);
	return 0;
}

static const struct ifname_entry *find_by_name(const struct ifnames *t,
					       const char *name)
{
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i].name, name))
			return &t->v[i];
	return NULL;
}

/* Keeps a copy of the one RTM_NEWLINK reply, as a one-message dump. */
static int keep_reply(const struct nlmsghdr *nlh, void *data)
{
	struct nl_dump *d = data;

	if (nlh->nlmsg_type != RTM_NEWLINK || d->buf)
		return 0;
	if (!(d->buf = malloc(nlh->nlmsg_len)))
		return fail(-1, "Out of memory");
	memcpy(d->buf, nlh, nlh->nlmsg_len);
	d->len = d->cap = nlh->nlmsg_len;
	return 0;
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
 * among thousands). 0 when the record is in d and names are filled; -1
 * when it could not be had that way (no such name, an alternative name,
 * "ifN"): the caller then takes the whole dump, which words the error. */
static int get_one(struct nl *nl, const struct show *s, struct nl_dump *d,
		   struct ifnames *names)
{
	struct nl_req req;
	size_t len = strlen(s->f.dev) + 1;

	if (len > IF_NAMESIZE)
		return -1;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	nl_put(nlh, IFLA_IFNAME, len, s->f.dev);
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	if (nl_talk_quiet(nl, nlh, keep_reply, d) < 0 || !d->buf) {
		nl_dump_free(d);
		return -1;
	}
	int r = s->c->opt.details || names_others((const struct nlmsghdr *)d->buf)
		? ifnames_load(nl, names) : ifnames_from_dump(d, names);
	if (r < 0)
		nl_dump_free(d);
	return r;
}

static int show(struct ctx *c, int argc, char **argv)
{
	struct show s = { .c = c };
	struct nl_dump d = { 0 };
	struct ifnames names = { 0 };
	struct nl *nl;
	int r = parse_show(c, argc, argv, &s.f);

	if (r)
		return r;
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	if ((!s.f.dev || s.f.master || get_one(nl, &s, &d, &names) < 0) &&
	    (link_dump(nl, &d) < 0 || ifnames_from_dump(&d, &names) < 0)) {
		r = EXIT_KERNEL;
		goto out;
	}
	if (s.f.dev && !find_by_name(&names, s.f.dev)) {
		r = fail(EXIT_CMD, "Device \"%s\" does not exist.", s.f.dev);
		goto out;
	}
	if (s.f.master) {
		const struct ifname_entry *e = find_by_name(&names, s.f.master);
		if (!e) {
			r = fail(EXIT_USAGE, "Error: argument \"%s\" is wrong: "
				 "Device does not exist", s.f.master);
			goto out;
		}
		s.master = e->index;
	}
	s.opts = (struct link_print_opts){
		.brief = c->opt.brief, .show_mode = true, .nl = nl,
		.details = c->opt.details,
		.names = &names,
		.show_link_line = c->opt.family == AF_UNSPEC ||
				  c->opt.family == AF_PACKET || c->opt.details,
	};
	if (c->opt.brief)
		s.opts.show_link_line = true;
	out_list_begin(&c->out);
	r = nl_dump_each(&d, show_one, &s) < 0 ? EXIT_CMD : 0;
	out_list_end(&c->out);
out:
	ifnames_free(&names);
	nl_dump_free(&d);
	return r;
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"add", "change", "set", "replace", "delete", "show", "lst", "list",
	"xstats", "afstats", "property", "help", NULL
};

enum { ADD, CHANGE, SET, REPLACE, DELETE, SHOW, LST, LIST, XSTATS, AFSTATS,
       PROPERTY, HELP };

/* add, set and delete: the words into one request, sent once; nothing is
 * sent when a word is wrong. */
static int modify(struct ctx *c, uint16_t type, uint16_t flags, int argc,
		  char **argv)
{
	struct link_spec spec;
	struct nl_req req;
	struct nl *nl = ctx_nl(c);
	int used = 0, r;

	if (!nl)
		return EXIT_CMD;
	link_spec_init(&spec);
	r = link_parse_dev(nl, flags & NLM_F_CREATE, argc, argv, &spec.dev,
			   &spec.kind, &used);
	if (!r && spec.kind)
		r = link_parse_kind(nl, &spec, argc - used, argv + used);
	else if (!r && (flags & NLM_F_CREATE))
		r = fail(EXIT_CMD, "Not enough information: \"type\" argument is required");
	if (!r && link_req_build(&req, type, flags, &spec) < 0)
		r = fail(EXIT_USAGE, "The request does not fit in a netlink message");
	if (!r && nl_talk(nl, &req.nlh, NULL, NULL) < 0)
		r = EXIT_KERNEL;
	link_spec_release(&spec);
	return r;
}

int link_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return show(c, 0, argv);
	int sub = match_first(argv[0], subcommands);
	switch (sub) {
	case ADD:
		return modify(c, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL,
			      argc - 1, argv + 1);
	case SET: case CHANGE:
		return modify(c, RTM_NEWLINK, 0, argc - 1, argv + 1);
	case DELETE:
		return modify(c, RTM_DELLINK, 0, argc - 1, argv + 1);
	case SHOW: case LST: case LIST:
		return show(c, argc - 1, argv + 1);
	case HELP:
		return link_usage(c);
	case -1:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s link help\".",
			    argv[0], c->prog);
	default:
		return fail(EXIT_USAGE, "ip link %s: not supported by this nsip yet",
			    subcommands[sub]);
	}
}
