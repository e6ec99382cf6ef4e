/* addr: IPv4 and IPv6 addresses of devices, as `ip address`.
 *
 * Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
 *                   [ CONFFLAG... ]
 *        ip address del IFADDR dev IFNAME
 *        ip address flush FILTER...
 *        ip address [ {show|list} [ FILTER... ] ]
 *        ip address help
 * IFADDR   := PREFIX [ peer PREFIX ] [ broadcast { ADDR | + | - } ]
 *             [ anycast ADDR ] [ label NAME ] [ scope SCOPE ] [ metric N ]
 * PREFIX   := ADDR[/PLEN]  (an address alone is /32 or /128)
 * LIFETIME := [ valid_lft { SECONDS | forever } ]
 *             [ preferred_lft { SECONDS | forever } ]
 * CONFFLAG := { nodad | noprefixroute | home | mngtmpaddr | autojoin }
 * FILTER   := { [dev] IFNAME | up | scope { SCOPE | all } | to PREFIX |
 *               label PATTERN | FLAG | group GROUP | master DEV | nomaster |
 *               type KIND }
 * FLAG     := { permanent | dynamic | primary | secondary | temporary |
 *               [-]tentative | [-]deprecated | [-]dadfailed | CONFFLAG }
 * SCOPE    := { global | site | link | host | nowhere | NUMBER }
 */
#include <linux/rtnetlink.h>

#include "addr.h"
#include "addr_words.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "nl/addr_req.h"
#include "nl/link_lookup.h"

/* add, change, replace and del: the words into one request, sent once;
 * nothing is sent when a word is wrong. ip's order: every word, the
 * device, then the lifetimes. */
static int modify(struct ctx *c, uint16_t type, uint16_t flags, int argc,
		  char **argv)
{
	struct addr_words w;
	struct nl_req req;
	struct nl *nl;
	int r = addr_words_read(c, type == RTM_DELADDR, argc, argv, &w);

	if (r || w.help_shown)
		return r;
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	if (link_ifindex(nl, w.dev, &w.spec.ifindex) < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!w.spec.ifindex)
		return iparg_nodev(w.dev);
	if ((r = addr_words_finish(&w)))
		return r;
	if (addr_req_build(&req, type, flags, &w.spec) < 0)
		return fail(EXIT_USAGE, "Error: the request is too long.");
	return nl_talk(nl, &req.nlh, NULL, NULL) < 0 ? EXIT_KERNEL : 0;
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"add", "change", "chg", "replace", "delete", "list", "show", "lst",
	"flush", "save", "showdump", "restore", "help", NULL
};

enum { ADD, CHANGE, CHG, REPLACE, DELETE, LIST, SHOW, LST, FLUSH, SAVE,
       SHOWDUMP, RESTORE, HELP };

int addr_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return addr_list(c, 0, argv, false);
	int sub = match_first(argv[0], subcommands);
	switch (sub) {
	case ADD:
		return modify(c, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, argc - 1, argv + 1);
	case CHANGE: case CHG:
		return modify(c, RTM_NEWADDR, NLM_F_REPLACE, argc - 1, argv + 1);
	case REPLACE:
		return modify(c, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, argc - 1, argv + 1);
	case DELETE:
		return modify(c, RTM_DELADDR, 0, argc - 1, argv + 1);
	case LIST: case SHOW: case LST:
		return addr_list(c, argc - 1, argv + 1, false);
	case FLUSH:
		return addr_list(c, argc - 1, argv + 1, true);
	case HELP:
		return addr_usage(c);
	case -1:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s address help\".",
			    argv[0], c->prog);
	default:
		return fail(EXIT_USAGE, "%s address %s: not supported by this nsip yet",
			    c->prog, subcommands[sub]);
	}
}
