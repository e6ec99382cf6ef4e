/* link: network devices, as `ip link`.
 *
 * Usage: ip link add [ link DEV ] [ name ] NAME [ OPTIONS ] type TYPE [ ARGS ]
 *        ip link set { DEVICE | dev DEVICE } [ SETTING ]...
 *        ip link delete { DEVICE | dev DEVICE } [ type TYPE ]
 *        ip link show [ [dev] NAME ] [ up ] [ master DEV ] [ type KIND ]
 *        ip link property { add | del } dev DEVICE [ altname NAME ]...
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
#include "base/err.h"
#include "nl/ifnames.h"
#include "print/link_print.h"
#include "base/parse.h"

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
	spec.create = flags & NLM_F_CREATE;
	r = link_parse_dev(nl, c->prog, flags & NLM_F_CREATE, argc, argv,
			   &spec.dev, &spec.kind, &used);
	if (!r && spec.kind)
		r = link_parse_kind(nl, c->prog, &spec, argc - used, argv + used);
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
		return link_show(c, 0, argv);
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
		return link_show(c, argc - 1, argv + 1);
	case PROPERTY:
		return link_property(c, argc - 1, argv + 1);
	case HELP:
		return link_usage(c);
	case -1:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s link help\".",
			    argv[0], c->prog);
	default:
		return fail(EXIT_USAGE, "%s link %s: not supported by this nsip yet",
			    c->prog, subcommands[sub]);
	}
}
