/* nat: iptables' nat and filter tables on nftables, as `iptables`.
 *
 * Usage: nsip nat [-t { nat | filter }] COMMAND [RULE] [OPTIONS]
 *        iptables [-t { filter | nat }] COMMAND [RULE] [OPTIONS]   (a link)
 *
 * The table is nat for `nsip nat` and a link named nat, filter (as with
 * iptables) for a link named iptables. COMMAND, RULE, TARGET and OPTIONS
 * are the usage text's below; matches and targets iptables has and nsip
 * lacks are refused by name.
 *
 * Beyond iptables: target options may stand anywhere on the line (also
 * before -j).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "nat_help.h"
#include "nat_words.h"

static void usage_text(FILE *f, const char *name, bool as_iptables)
{
	fprintf(f,
		"Usage: %s [-t { nat | filter }] COMMAND [RULE] [OPTIONS]\n"
		"COMMAND := { -A CHAIN | -C CHAIN | -D CHAIN [RULENUM] |\n"
		"             -I CHAIN [RULENUM] | -R CHAIN RULENUM |\n"
		"             -S [CHAIN [RULENUM]] | -L [CHAIN [RULENUM]] |\n"
		"             -F [CHAIN] | -Z [CHAIN [RULENUM]] | -N CHAIN |\n"
		"             -X [CHAIN] | -E OLD NEW | -P CHAIN { ACCEPT | DROP } | -h }\n"
		"RULE := [!] -s ADDR[/MASK] [!] -d ADDR[/MASK] [!] -i IF[+] [!] -o IF[+]\n"
		"        [!] -p { tcp | udp | icmp | all | NUM } [-m { tcp | udp | icmp }]\n"
		"        [!] --sport PORT[:PORT] [!] --dport PORT[:PORT] [[!] --syn]\n"
		"        [[!] --tcp-flags MASK COMP] [[!] --icmp-type TYPE[/CODE]]\n"
		"        [-m multiport [!] { --dports | --sports | --ports } PORT[:PORT][,...]]\n"
		"        [-m conntrack [!] --ctstate STATES] [-m state [!] --state STATES]\n"
		"        [-m mark [!] --mark VALUE[/MASK]] [-m length [!] --length N[:N]]\n"
		"        [-m iprange [[!] --src-range A[-A]] [[!] --dst-range A[-A]]]\n"
		"        [-m limit [--limit N[/UNIT]] [--limit-burst N]]\n"
		"        [-m addrtype [[!] --src-type TYPES] [[!] --dst-type TYPES]\n"
		"                     [--limit-iface-in | --limit-iface-out]]\n"
		"        [-m comment --comment TEXT] [{ -j TARGET | -g CHAIN }]\n"
		"STATES := { NEW | ESTABLISHED | RELATED | INVALID | UNTRACKED }[,...]\n"
		"TARGET := { MASQUERADE [--to-ports P[-P]] [--random] [--random-fully] |\n"
		"            SNAT --to-source [A[-A]][:P[-P]] [NATFLAGS] |\n"
		"            DNAT --to-destination [A[-A]][:P[-P]] [NATFLAGS] |\n"
		"            REDIRECT [--to-ports P[-P]] [--random] | DROP |\n"
		"            REJECT [--reject-with TYPE] |\n"
		"            LOG [--log-prefix TEXT] [--log-level LEVEL] [LOG-FLAGS] |\n"
		"            RETURN | ACCEPT | CHAIN }\n"
		"NATFLAGS := [--random] [--random-fully] [--persistent]  (DNAT: no --random-fully)\n"
		"OPTIONS := { -n | -v | -x | --line-numbers | --json | -4 }\n"
		"%s\n"
		"target options may come before -j.\n",
		name, as_iptables ? "The table is filter unless -t says otherwise;"
			: "The table is nat here (filter through a link named iptables);");
}


/* -h: the usage; as iptables, after iptables' first line, and followed by
 * the sections of the target and the matches the words named before it
 * (of -p's protocol when no -m came), as iptables prints them. */
static int help(const struct nat_env *e, const struct parse *p, bool as_iptables)
{
	const char *target = p->word[O_JUMP] ? p->word[O_JUMP] : p->word[O_GOTO];

	if (as_iptables)
		printf("%s v%s (nsip)\n\n", e->name, XT_COMPAT_VERSION);
	usage_text(stdout, e->name, as_iptables);
	if (!as_iptables)
		return 0;
	if (target)
		nat_help_section(stdout, target, true);
	for (int i = 0; i < p->n_match; i++)
		nat_help_section(stdout, p->match[i], false);
	if (!p->n_match && p->word[O_PROTO]) {
		char proto[8];
		size_t n = 0;

		for (const char *s = p->word[O_PROTO]; *s && n + 1 < sizeof(proto); s++)
			proto[n++] = (char)tolower((unsigned char)*s);
		proto[n] = '\0';
		nat_help_section(stdout, proto, false);
	}
	return 0;
}

static const char *speaker(const struct ctx *c)
{
	if (c->who == AS_IPTABLES)
		return "iptables";
	return c->who == AS_APPLET ? "nat" : "nsip nat";
}

int nat_main(struct ctx *c, int argc, char **argv)
{
	struct nat_req q = { .cmd = NAT_CMD_NONE };
	struct nat_env e = { c, speaker(c), 0 };
	struct parse p = { .e = &e, .q = &q, .argc = argc, .argv = argv,
			   .table = c->who == AS_IPTABLES ? "filter" : "nat" };
	int ret;

	if (argc == 1 && !strcmp(argv[0], "help") && c->who != AS_IPTABLES) {
		struct usage_to u = usage_to(c);

		usage_text(u.f, e.name, false);
		return u.code;
	}
	if ((ret = nat_read_words(&p)))
		return ret;
	if (p.invert)
		return nat_param_error(&e, "unexpected '!' flag");
	if (p.help)
		return help(&e, &p, c->who == AS_IPTABLES);
	if (p.version) {
		printf("%s v%s (nsip)\n", e.name, XT_COMPAT_VERSION);
		return 0;
	}
	if (!(q.table = xt_table_find(p.table))) {
		nat_fail(&e, NAT_EXIT_VERSION, "table '%s' does not exist",
				 p.table);
		fputs("nsip knows only the filter and nat tables.\n", stderr);
		return NAT_EXIT_VERSION;
	}
	if ((ret = nat_build_request(&p)))
		return ret;
	if (q.json && !c->opt.json)   /* --json: nsip's -j was not given */
		out_init(&c->out, stdout, true, c->opt.pretty, false);
	q.json = q.json || c->opt.json;
	return nat_exec(&e, &q);
}

