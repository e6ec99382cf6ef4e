/* rule: the policy routing rules, as `ip rule`.
 *
 * Usage: ip rule { add | del } SELECTOR ACTION
 *        ip rule flush [ SELECTOR ]
 *        ip rule { save | restore }
 *        ip rule [ list [ SELECTOR ]]
 * SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]
 *             [ fwmark FWMARK[/MASK] ] [ iif STRING ] [ oif STRING ]
 *             [ pref NUMBER ] [ l3mdev ] [ uidrange NUMBER-NUMBER ]
 *             [ ipproto PROTOCOL ] [ sport PORTS ] [ dport PORTS ]
 *             [ tun_id NUMBER ]
 * ACTION := [ table TABLE_ID ] [ protocol PROTO ] [ realms REALMS ]
 *           [ goto NUMBER ] [ [ type ] TYPE ]
 *           [ suppress_prefixlength NUMBER ] [ suppress_ifgroup DEVGROUP ]
 */
#include <string.h>
#include <linux/rtnetlink.h>

#include "rule.h"
#include "base/err.h"
#include "base/parse.h"

static int modify(struct ctx *c, uint16_t type, int argc, char **argv)
{
	bool add = type == RTM_NEWRULE;
	struct rule_spec s;
	struct nl_req msg;
	struct nl *nl;
	int r;

	if ((r = rule_read_change(c, &s, add, argc, argv)))
		return r;
	rule_req_build(&msg, type, add ? NLM_F_CREATE | NLM_F_EXCL : 0, &s);
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	return nl_talk(nl, &msg.nlh, NULL, NULL) < 0 ? EXIT_KERNEL : 0;
}

/* ip's subcommand order: it decides what an abbreviation means ("s" is
 * show, "sa" save, "d" delete). */
static const char *const subcommands[] = {
	"list", "lst", "show", "save", "restore", "add", "delete", "flush",
	"help", NULL
};

enum { LIST, LST, SHOW, SAVE, RESTORE, ADD, DELETE, FLUSH, HELP };

int rule_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return rule_show(c, 0, argv, false);
	switch (match_first(argv[0], subcommands)) {
	case LIST: case LST: case SHOW:
		return rule_show(c, argc - 1, argv + 1, false);
	case ADD:
		return modify(c, RTM_NEWRULE, argc - 1, argv + 1);
	case DELETE:
		return modify(c, RTM_DELRULE, argc - 1, argv + 1);
	case FLUSH:
		return rule_show(c, argc - 1, argv + 1, true);
	case HELP:
		return rule_usage(c, true);
	case SAVE:
		return rule_save(c, argc - 1);
	case RESTORE:
		return rule_restore(c);
	default:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s rule help\".",
			    argv[0], c->prog);
	}
}
