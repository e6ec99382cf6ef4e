/* link property: `ip link property { add | del } dev DEV [ altname NAME ]...`,
 * a link's alternative names.
 *
 * ip sends all the names in one message, and the kernel takes them one by
 * one: when one is refused (a name in use, a repeat, a name the link does
 * not have), those before it stay added (or deleted) although the command
 * failed. nsip changes nothing then, with ip's message and exit code: it
 * adds one name a message and, when one is refused, deletes again the
 * ones it had added (which leaves the others in their order); before
 * deleting, it reads the link's names, and when one of the command's is
 * not among them (or comes twice), it asks the kernel to delete just that
 * one, whose refusal is then the command's. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "link.h"
#include "base/err.h"
#include "base/parse.h"
#include "nl/link_lookup.h"
#include "nl/link_msg.h"
#include "nl/link_prop.h"

struct prop_cmd {
	const char *dev;
	const char **names;    /* the altname values, in the command's order */
	bool *has;             /* delete: whether the link has names[i] */
	int n;
};

/* iproute2's check_altifname: not empty, no '/' and no blank. The length
 * is the kernel's to judge, as it is for ip. */
static bool altname_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s == '/' || *s == ' ' || (*s >= '\t' && *s <= '\r'))
			return false;
	return true;
}

static int parse_words(const struct ctx *c, int argc, char **argv,
		       struct prop_cmd *p)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (matches(w, "altname")) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			if (!altname_ok(argv[i]))
				return iparg_invalid("not a valid altname", argv[i]);
			p->names[p->n++] = argv[i];
		} else if (matches(w, "help")) {
			return link_usage_after(c->prog);
		} else {
			if (!strcmp(w, "dev") && !iparg_next(argc, &i))
				return iparg_incomplete();
			if (p->dev)
				return iparg_duplicate("dev", argv[i]);
			p->dev = argv[i];
		}
	}
	if (!p->dev)
		return fail(EXIT_USAGE, "Not enough of information: \"dev\" argument is required.");
	return 0;
}

static int send_one(struct nl *nl, uint16_t type, int index, const char *name,
		    bool quiet)
{
	struct nl_req req;
	struct nlmsghdr *nlh = link_prop_req(&req, type, index, name);

	return quiet ? nl_talk_quiet(nl, nlh, NULL, NULL) : nl_talk(nl, nlh, NULL, NULL);
}

/* Names [0, done) were added: delete them again, last first. */
static void take_back(struct nl *nl, int index, const struct prop_cmd *p, int done)
{
	while (done-- > 0)
		if (send_one(nl, RTM_DELLINKPROP, index, p->names[done], true) < 0)
			fail(0, "nsip: could not take back altname \"%s\"", p->names[done]);
}

static void mark_name(const char *name, void *data)
{
	struct prop_cmd *p = data;

	for (int i = 0; i < p->n; i++)
		if (!strcmp(p->names[i], name))
			p->has[i] = true;
}

static int take_names(const struct nlmsghdr *nlh, void *data)
{
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	link_msg_each_altname(&m, mark_name, data);
	return 0;
}

/* Before a delete: the first of the command's names the link does not
 * have, or has once but the command names twice; p->n when none. -1 when
 * the link's names could not be read (said). */
static int first_missing(struct nl *nl, int index, struct prop_cmd *p)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_index = index;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	if (nl_talk(nl, nlh, take_names, p) < 0)
		return -1;
	for (int i = 0; i < p->n; i++) {
		if (!p->has[i])
			return i;
		for (int j = 0; j < i; j++)
			if (!strcmp(p->names[j], p->names[i]))
				return i;
	}
	return p->n;
}

/* A delete that would fail on names[bad]: nothing is deleted, and the
 * failure is the kernel's for that name alone (no such name, another
 * link's), or, for a name the link has but the command repeats, the one
 * the kernel gives the second time. */
static int refuse_delete(struct nl *nl, int index, const struct prop_cmd *p, int bad)
{
	if (p->has[bad])
		return fail(EXIT_KERNEL, "RTNETLINK answers: %s", strerror(ENOENT));
	send_one(nl, RTM_DELLINKPROP, index, p->names[bad], false);
	return EXIT_KERNEL;
}

static int send_all(struct nl *nl, uint16_t type, int index, struct prop_cmd *p)
{
	int bad;

	if (p->n == 0)
		return send_one(nl, type, index, NULL, false) < 0 ? EXIT_KERNEL : 0;
	if (type == RTM_DELLINKPROP) {
		if ((bad = first_missing(nl, index, p)) < 0)
			return EXIT_KERNEL;
		if (bad < p->n)
			return refuse_delete(nl, index, p, bad);
	}
	for (int i = 0; i < p->n; i++)
		if (send_one(nl, type, index, p->names[i], false) < 0) {
			take_back(nl, index, p, i);
			return EXIT_KERNEL;
		}
	return 0;
}

static int change(struct ctx *c, uint16_t type, int argc, char **argv)
{
	struct prop_cmd p = { .names = calloc((size_t)argc + 1, sizeof(char *)),
			      .has = calloc((size_t)argc + 1, sizeof(bool)) };
	struct nl *nl = NULL;
	int index, r;

	if (!p.names || !p.has)
		r = fail(EXIT_CMD, "nsip: out of memory");
	else if (!(r = parse_words(c, argc, argv, &p)) && !(nl = ctx_nl(c)))
		r = EXIT_CMD;
	if (!r)
		r = link_index_or_nodev(nl, p.dev, &index);
	if (!r)
		r = send_all(nl, type, index, &p);
	free(p.names);
	free(p.has);
	return r;
}

int link_property(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return link_usage_after(c->prog);
	if (matches(argv[0], "add"))
		return change(c, RTM_NEWLINKPROP, argc - 1, argv + 1);
	if (matches(argv[0], "del"))   /* ip's word: "delete" is not it */
		return change(c, RTM_DELLINKPROP, argc - 1, argv + 1);
	if (!strcmp(argv[0], "help"))
		return link_usage_after(c->prog);
	return fail(EXIT_USAGE, "Operator required");
}
