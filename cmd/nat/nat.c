/* nat: iptables' nat table on nftables, as `iptables -t nat`.
 *
 * Usage: nsip nat [-t nat] COMMAND [RULE] [OPTIONS]
 *        iptables -t nat COMMAND [RULE] [OPTIONS]   (through a link)
 *
 * COMMAND := { -A CHAIN | -C CHAIN | -D CHAIN [RULENUM] | -I CHAIN [RULENUM] |
 *              -R CHAIN RULENUM | -S [CHAIN [RULENUM]] |
 *              -L [CHAIN [RULENUM]] | -F [CHAIN] | -Z [CHAIN [RULENUM]] |
 *              -N CHAIN | -X [CHAIN] | -E OLD NEW | -P CHAIN ACCEPT | -h }
 * RULE    := [!] -s ADDR[/MASK]  [!] -d ADDR[/MASK]  [!] -i IF[+]  [!] -o IF[+]
 *            [!] -p { tcp | udp | icmp | all | NUM }  [-m { tcp | udp }]
 *            [!] --sport PORT[:PORT]  [!] --dport PORT[:PORT]  [-j TARGET]
 * TARGET  := { MASQUERADE [--to-ports P[-P]] [--random] |
 *              SNAT --to-source A[-A][:P[-P]] | DNAT --to-destination A[-A][:P[-P]] |
 *              REDIRECT [--to-ports P[-P]] | RETURN | ACCEPT | CHAIN }
 * OPTIONS := { -n | -v | -x | --line-numbers | --json }
 *
 * Beyond iptables: a port with no -p means TCP, and target options may
 * stand anywhere on the line (also before -j).
 */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "nat.h"
#include "base/err.h"
#include "xt/nat_parse.h"
#include "xt/nft.h"

static void usage_text(FILE *f, const char *name)
{
	fprintf(f,
		"Usage: %s [-t nat] COMMAND [RULE] [OPTIONS]\n"
		"COMMAND := { -A CHAIN | -C CHAIN | -D CHAIN [RULENUM] |\n"
		"             -I CHAIN [RULENUM] | -R CHAIN RULENUM |\n"
		"             -S [CHAIN [RULENUM]] | -L [CHAIN [RULENUM]] |\n"
		"             -F [CHAIN] | -Z [CHAIN [RULENUM]] | -N CHAIN |\n"
		"             -X [CHAIN] | -E OLD NEW | -P CHAIN ACCEPT | -h }\n"
		"RULE := [!] -s ADDR[/MASK] [!] -d ADDR[/MASK] [!] -i IF[+] [!] -o IF[+]\n"
		"        [!] -p { tcp | udp | icmp | all | NUM } [-m { tcp | udp }]\n"
		"        [!] --sport PORT[:PORT] [!] --dport PORT[:PORT] [-j TARGET]\n"
		"TARGET := { MASQUERADE [--to-ports P[-P]] [--random] |\n"
		"            SNAT --to-source A[-A][:P[-P]] |\n"
		"            DNAT --to-destination A[-A][:P[-P]] |\n"
		"            REDIRECT [--to-ports P[-P]] | RETURN | ACCEPT | CHAIN }\n"
		"OPTIONS := { -n | -v | -x | --line-numbers | --json }\n"
		"A port with no -p means tcp; target options may come before -j.\n",
		name);
}

/* ---- options ---------------------------------------------------------- */

enum opt_id {
	O_APPEND, O_CHECK, O_DELETE, O_INSERT, O_REPLACE, O_LIST, O_SAVE,
	O_FLUSH, O_ZERO, O_NEWCHAIN, O_DELCHAIN, O_RENAME, O_POLICY, O_HELP,
	O_VERSION, O_TABLE, O_SRC, O_DST, O_PROTO, O_IN, O_OUT, O_JUMP, O_MATCH,
	O_NUMERIC, O_VERBOSE, O_EXACT, O_LINENUM, O_WAIT, O_WAITINT, O_SPORT,
	O_DPORT, O_TODEST, O_TOSRC, O_TOPORTS, O_TOANY, O_RANDOM, O_JSON, O_MAX
};

enum arg_kind { ARG_NO, ARG_REQ, ARG_OPT };

struct optdef {
	const char *name;     /* long form */
	char letter;          /* short form, or 0 */
	enum opt_id id;
	enum arg_kind arg;
};

static const struct optdef optdefs[] = {
	{ "append", 'A', O_APPEND, ARG_REQ },
	{ "check", 'C', O_CHECK, ARG_REQ },
	{ "delete", 'D', O_DELETE, ARG_REQ },
	{ "insert", 'I', O_INSERT, ARG_REQ },
	{ "replace", 'R', O_REPLACE, ARG_REQ },
	{ "list", 'L', O_LIST, ARG_OPT },
	{ "list-rules", 'S', O_SAVE, ARG_OPT },
	{ "flush", 'F', O_FLUSH, ARG_OPT },
	{ "zero", 'Z', O_ZERO, ARG_OPT },
	{ "new-chain", 'N', O_NEWCHAIN, ARG_REQ },
	{ "delete-chain", 'X', O_DELCHAIN, ARG_OPT },
	{ "rename-chain", 'E', O_RENAME, ARG_REQ },
	{ "policy", 'P', O_POLICY, ARG_REQ },
	{ "help", 'h', O_HELP, ARG_NO },
	{ "version", 'V', O_VERSION, ARG_NO },
	{ "table", 't', O_TABLE, ARG_REQ },
	{ "source", 's', O_SRC, ARG_REQ },
	{ "src", 0, O_SRC, ARG_REQ },
	{ "destination", 'd', O_DST, ARG_REQ },
	{ "dst", 0, O_DST, ARG_REQ },
	{ "protocol", 'p', O_PROTO, ARG_REQ },
	{ "in-interface", 'i', O_IN, ARG_REQ },
	{ "out-interface", 'o', O_OUT, ARG_REQ },
	{ "jump", 'j', O_JUMP, ARG_REQ },
	{ "match", 'm', O_MATCH, ARG_REQ },
	{ "numeric", 'n', O_NUMERIC, ARG_NO },
	{ "verbose", 'v', O_VERBOSE, ARG_NO },
	{ "exact", 'x', O_EXACT, ARG_NO },
	{ "line-numbers", 0, O_LINENUM, ARG_NO },
	{ "wait", 'w', O_WAIT, ARG_OPT },
	{ "wait-interval", 'W', O_WAITINT, ARG_REQ },
	{ "source-port", 0, O_SPORT, ARG_REQ },
	{ "sport", 0, O_SPORT, ARG_REQ },
	{ "destination-port", 0, O_DPORT, ARG_REQ },
	{ "dport", 0, O_DPORT, ARG_REQ },
	{ "to-destination", 0, O_TODEST, ARG_REQ },
	{ "to-source", 0, O_TOSRC, ARG_REQ },
	{ "to-ports", 0, O_TOPORTS, ARG_REQ },
	{ "random", 0, O_RANDOM, ARG_NO },
	{ "json", 0, O_JSON, ARG_NO },
};

#define N_OPTDEFS (sizeof(optdefs) / sizeof(optdefs[0]))

/* What the words said, before the rule is put together. */
struct parse {
	const struct nat_env *e;
	struct nat_req *q;
	const char *table;
	bool invert;               /* a "!" waits for its option */
	const char *word[O_MAX];   /* each option's value, NULL if absent */
	const char *typed[O_MAX];  /* how it was spelled, for messages */
	char letter_typed[O_MAX][3];   /* "-s": short spellings kept here */
	char short_typed[3];           /* the short option being read */
	bool neg[O_MAX];
	bool help, version;
	int argc, i;
	char **argv;
};

static bool is_to_option(enum opt_id id)
{
	return id == O_TODEST || id == O_TOSRC || id == O_TOPORTS;
}

/* "--to": iptables knows only the named target's options, so there it
 * is that target's one --to-... option; here it waits for -j. */
static const struct optdef to_any = { "to", 0, O_TOANY, ARG_REQ };

static const struct optdef *long_opt(const char *name, size_t len)
{
	const struct optdef *found = NULL;
	bool all_to = true;

	for (size_t k = 0; k < N_OPTDEFS; k++) {
		if (strncmp(optdefs[k].name, name, len))
			continue;
		if (strlen(optdefs[k].name) == len)
			return &optdefs[k];      /* exact beats a prefix */
		all_to = all_to && is_to_option(optdefs[k].id);
		if (found && found->id != optdefs[k].id)
			found = &to_any;         /* ambiguous, unless all --to-... */
		else if (!found)
			found = &optdefs[k];
	}
	if (found == &to_any && !all_to)
		return NULL;
	return found;
}

static const struct optdef *short_opt(char letter)
{
	for (size_t k = 0; k < N_OPTDEFS; k++)
		if (optdefs[k].letter == letter)
			return &optdefs[k];
	return NULL;
}

/* The next word when it can be an optional argument. */
static const char *next_plain(struct parse *p)
{
	const char *w = p->i < p->argc ? p->argv[p->i] : NULL;

	if (!w || w[0] == '-' || w[0] == '!')
		return NULL;
	p->i++;
	return w;
}

static const enum opt_id commands[] = {
	O_APPEND, O_CHECK, O_DELETE, O_INSERT, O_REPLACE, O_LIST, O_SAVE,
	O_FLUSH, O_ZERO, O_NEWCHAIN, O_DELCHAIN, O_RENAME, O_POLICY,
};

static const enum nat_cmd cmd_of[] = {
	[O_APPEND] = NAT_CMD_APPEND, [O_CHECK] = NAT_CMD_CHECK,
	[O_DELETE] = NAT_CMD_DELETE, [O_INSERT] = NAT_CMD_INSERT,
	[O_REPLACE] = NAT_CMD_REPLACE, [O_LIST] = NAT_CMD_LIST,
	[O_SAVE] = NAT_CMD_SAVE, [O_FLUSH] = NAT_CMD_FLUSH,
	[O_ZERO] = NAT_CMD_ZERO, [O_NEWCHAIN] = NAT_CMD_NEWCHAIN,
	[O_DELCHAIN] = NAT_CMD_DELCHAIN, [O_RENAME] = NAT_CMD_RENAME,
	[O_POLICY] = NAT_CMD_POLICY,
};

static bool is_command(enum opt_id id)
{
	for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
		if (commands[k] == id)
			return true;
	return false;
}

/* The words a command takes after its chain: a rule number, -E's new
 * name, -P's policy. */
static int command_tail(struct parse *p, const struct optdef *d)
{
	struct nat_req *q = p->q;
	char err[NAT_ERR_MAX];
	const char *w;

	switch (d->id) {
	case O_DELETE: case O_INSERT: case O_LIST: case O_SAVE: case O_ZERO:
		if (q->chain && (w = next_plain(p)) &&
		    nat_parse_rulenum(w, &q->num, err) < 0)
			return nat_param_error(p->e, "%s", err);
		return 0;
	case O_REPLACE:
		if (!(w = next_plain(p)))
			return nat_param_error(p->e, "-R requires a rule number");
		if (nat_parse_rulenum(w, &q->num, err) < 0)
			return nat_param_error(p->e, "%s", err);
		return 0;
	case O_RENAME:
		if (!(q->arg = next_plain(p)))
			return nat_param_error(p->e, "-E requires old-chain-name and "
					       "new-chain-name");
		return 0;
	case O_POLICY:
		if (!(q->arg = next_plain(p)))
			return nat_param_error(p->e, "-P requires a chain and a policy");
		return 0;
	default:
		return 0;
	}
}

static int set_command(struct parse *p, const struct optdef *d, const char *arg)
{
	struct nat_req *q = p->q;

	if (q->cmd != NAT_CMD_NONE)
		return nat_param_error(p->e, "Cannot use -%c with -%c",
				       d->letter, q->letter);
	q->cmd = cmd_of[d->id];
	q->letter = d->letter;
	q->chain = arg;
	return command_tail(p, d);
}

static bool negatable(enum opt_id id)
{
	return id == O_SRC || id == O_DST || id == O_PROTO || id == O_IN ||
	       id == O_OUT || id == O_SPORT || id == O_DPORT;
}

/* Options that only set something; true when id was one of them. */
static bool set_flag(struct parse *p, enum opt_id id, const char *arg)
{
	struct nat_fmt *f = &p->q->fmt;

	switch (id) {
	case O_HELP: p->help = true; return true;
	case O_VERSION: p->version = true; return true;
	case O_TABLE: p->table = arg; return true;
	case O_JSON: p->q->json = true; return true;
	case O_WAIT: case O_WAITINT: return true;   /* nft needs no lock */
	case O_NUMERIC: f->numeric = true; return false;
	case O_VERBOSE: f->verbose = true; return false;
	case O_EXACT: f->exact = true; return false;
	case O_LINENUM: f->line_numbers = true; return false;
	default: return false;
	}
}

static int duplicate(struct parse *p, const struct optdef *d, const char *typed)
{
	if (is_to_option(d->id))
		return nat_param_error(p->e, "%s: option \"--%s\" can only be used "
				       "once.\n", p->word[O_JUMP] ? p->word[O_JUMP]
				       : "nat", d->name);
	if (d->letter)
		return nat_param_error(p->e, "multiple -%c flags not allowed",
				       d->letter);
	return nat_param_error(p->e, "multiple %s flags not allowed", typed);
}

/* Keeps an option's value and spelling for when the rule is put together. */
static void keep(struct parse *p, enum opt_id id, const char *typed,
		 const char *arg, bool neg)
{
	p->word[id] = arg ? arg : "";
	if (typed[1] != '-') {   /* typed lives in the caller's frame */
		snprintf(p->letter_typed[id], 3, "%s", typed);
		p->typed[id] = p->letter_typed[id];
	} else {                 /* a word of argv */
		p->typed[id] = typed;
	}
	p->neg[id] = neg;
}

/* One option and its argument. Flags may repeat (-vv), as may -m. */
static int take(struct parse *p, const struct optdef *d, const char *typed,
		const char *arg)
{
	bool neg = p->invert;

	p->invert = false;
	if (neg && !negatable(d->id))
		return nat_param_error(p->e, "unexpected '!' flag");
	if (is_command(d->id))
		return set_command(p, d, arg);
	if (set_flag(p, d->id, arg))
		return 0;
	/* iptables refuses this as it reads the option, before later words. */
	if ((d->id == O_IN || d->id == O_OUT) && arg && !*arg)
		return nat_param_error(p->e, "Empty interface is likely to be "
				       "undesired");
	if (p->word[d->id] && d->arg != ARG_NO && d->id != O_MATCH)
		return duplicate(p, d, typed);
	keep(p, d->id, typed, arg, neg);
	return 0;
}

static int missing_arg(struct parse *p, const char *typed)
{
	return nat_param_error(p->e, "option \"%s\" requires an argument", typed);
}

static int long_word(struct parse *p, const char *w)
{
	const char *eq = strchr(w + 2, '=');
	size_t len = eq ? (size_t)(eq - w - 2) : strlen(w + 2);
	const struct optdef *d = long_opt(w + 2, len);
	const char *arg = eq ? eq + 1 : NULL;

	if (!d || len == 0)
		return nat_param_error(p->e, "unknown option \"%s\"", w);
	if (d->arg == ARG_REQ && !arg) {
		if (p->i >= p->argc)
			return missing_arg(p, w);
		arg = p->argv[p->i++];
	} else if (d->arg == ARG_OPT && !arg) {
		arg = next_plain(p);
	}
	return take(p, d, w, arg);
}

/* A cluster of short options: "-nvL", "-tnat", "-A" CHAIN. */
static int short_word(struct parse *p, const char *w)
{
	for (const char *s = w + 1; *s; s++) {
		const struct optdef *d = short_opt(*s);
		char *typed = p->short_typed;
		const char *arg = NULL;
		int r;

		typed[0] = '-';
		typed[1] = *s;
		typed[2] = '\0';
		if (!d)
			return nat_param_error(p->e, "unknown option \"%s\"", w);
		if (d->arg != ARG_NO && s[1]) {
			arg = s + 1;
		} else if (d->arg == ARG_REQ) {
			if (p->i >= p->argc)
				return missing_arg(p, typed);
			arg = p->argv[p->i++];
		} else if (d->arg == ARG_OPT) {
			arg = next_plain(p);
		}
		if ((r = take(p, d, typed, arg)))
			return r;
		if (arg && arg == s + 1)
			break;
	}
	return 0;
}

static int parse_words(struct parse *p)
{
	int r = 0;

	while (!r && p->i < p->argc) {
		const char *w = p->argv[p->i++];

		if (!strcmp(w, "!")) {
			if (p->invert)
				return nat_param_error(p->e, "multiple consecutive ! "
						       "not allowed");
			p->invert = true;
		} else if (!strncmp(w, "--", 2) && w[2]) {
			r = long_word(p, w);
		} else if (w[0] == '-' && w[1]) {
			r = short_word(p, w);
		} else {
			fflush(stdout);
			fprintf(stderr, "Bad argument `%s'\n", w);
			nat_try_help(p->e);
			return NAT_EXIT_PARAM;
		}
	}
	return r;
}

/* ---- the rule --------------------------------------------------------- */

static bool is_rule_command(enum nat_cmd cmd)
{
	return cmd == NAT_CMD_APPEND || cmd == NAT_CMD_CHECK ||
	       cmd == NAT_CMD_DELETE || cmd == NAT_CMD_INSERT ||
	       cmd == NAT_CMD_REPLACE;
}

/* iptables' order of complaint, and which commands take what. */
static const enum opt_id rule_opts[] = {
	O_SRC, O_DST, O_PROTO, O_JUMP, O_IN, O_OUT, O_MATCH, O_SPORT, O_DPORT,
	O_TODEST, O_TOSRC, O_TOPORTS, O_TOANY, O_RANDOM,
};

static int illegal(struct parse *p, enum opt_id id)
{
	return nat_param_error(p->e, "Illegal option `%s' with this command",
			       p->typed[id]);
}

static int check_options(struct parse *p)
{
	enum nat_cmd cmd = p->q->cmd;
	bool listing = cmd == NAT_CMD_LIST;

	if (p->word[O_NUMERIC] && !listing)
		return illegal(p, O_NUMERIC);
	if (!is_rule_command(cmd) || (cmd == NAT_CMD_DELETE && p->q->num)) {
		for (size_t k = 0; k < sizeof(rule_opts) / sizeof(rule_opts[0]); k++)
			if (p->word[rule_opts[k]])
				return illegal(p, rule_opts[k]);
	}
	if (p->word[O_EXACT] && !listing)
		return illegal(p, O_EXACT);
	if (p->word[O_LINENUM] && !listing)
		return illegal(p, O_LINENUM);
	return 0;
}

static int build_addr(struct parse *p, enum opt_id id, struct nat_addr_match *m)
{
	char err[NAT_ERR_MAX];

	if (!p->word[id])
		return 0;
	if (nat_parse_addr(p->word[id], &m->addr, &m->mask, err) < 0)
		return nat_param_error(p->e, "%s", err);
	m->set = m->mask != 0 || p->neg[id];   /* /0 matches everything */
	m->neg = p->neg[id];
	return 0;
}

static int build_if(struct parse *p, enum opt_id id, struct nat_if_match *m)
{
	const char *w = p->word[id];
	size_t len;

	if (!w)
		return 0;
	len = strlen(w);
	if (len >= IFNAMSIZ)
		return nat_param_error(p->e, "interface name `%s' must be shorter "
				       "than IFNAMSIZ (%d)", w, IFNAMSIZ - 1);
	m->wildcard = len > 0 && w[len - 1] == '+';
	if (m->wildcard)
		len--;
	if (len == 0 && !p->neg[id])
		return 0;   /* "+": any interface */
	memcpy(m->name, w, len);
	m->name[len] = '\0';
	m->set = true;
	m->neg = p->neg[id];
	return 0;
}

static bool ports_proto_ok(const struct nat_rule *r)
{
	return r->proto_set && !r->proto_neg &&
	       (r->proto == IPPROTO_TCP || r->proto == IPPROTO_UDP);
}

/* -p, -m and the ports: a port with no -p means tcp (or -m's protocol). */
static int build_proto(struct parse *p, struct nat_rule *r)
{
	const char *m = p->word[O_MATCH];
	char err[NAT_ERR_MAX];
	int mproto = -1;

	if (m) {
		if (strcmp(m, "tcp") && strcmp(m, "udp"))
			return nat_param_error(p->e, "Couldn't load match `%s':No "
					       "such file or directory\n", m);
		mproto = !strcmp(m, "tcp") ? IPPROTO_TCP : IPPROTO_UDP;
	}
	if (p->word[O_PROTO]) {
		if (nat_parse_proto(p->word[O_PROTO], &r->proto, err) < 0)
			return nat_param_error(p->e, "%s", err);
		r->proto_neg = p->neg[O_PROTO];
		r->proto_set = r->proto != 0 || r->proto_neg;
	} else if (mproto >= 0 || p->word[O_SPORT] || p->word[O_DPORT]) {
		r->proto_set = true;
		r->proto = mproto >= 0 ? (uint8_t)mproto : IPPROTO_TCP;
	}
	if (mproto >= 0 && (!r->proto_set || r->proto_neg || r->proto != mproto))
		return nat_param_error(p->e, "%s match requires '-p %s'",
				       mproto == IPPROTO_TCP ? "TCP" : "UDP", m);
	return 0;
}

static int build_port(struct parse *p, enum opt_id id, struct nat_rule *r,
		      struct nat_port_match *pm)
{
	char err[NAT_ERR_MAX];

	if (!p->word[id])
		return 0;
	if (!ports_proto_ok(r))
		return nat_param_error(p->e, "unknown option \"%s\"", p->typed[id]);
	if (nat_parse_ports(p->word[id], r->proto == IPPROTO_UDP ? "udp" : "tcp",
			    &pm->lo, &pm->hi, err) < 0)
		return nat_param_error(p->e, "%s", err);
	pm->set = true;
	pm->neg = p->neg[id];
	return 0;
}

static const struct {
	const char *name;
	enum nat_target target;
	bool to_addr, to_ports;   /* which target options it takes */
} targets[] = {
	{ "ACCEPT", NAT_T_ACCEPT, false, false },
	{ "RETURN", NAT_T_RETURN, false, false },
	{ "MASQUERADE", NAT_T_MASQUERADE, false, true },
	{ "SNAT", NAT_T_SNAT, true, false },
	{ "DNAT", NAT_T_DNAT, true, false },
	{ "REDIRECT", NAT_T_REDIRECT, false, true },
};

#define N_TARGETS (sizeof(targets) / sizeof(targets[0]))

static int target_index(const char *name)
{
	for (size_t k = 0; k < N_TARGETS; k++)
		if (!strcmp(targets[k].name, name))
			return (int)k;
	return -1;
}

static int drop_inhibited(struct parse *p)
{
	return nat_param_error(p->e, "\nThe \"nat\" table is not intended for "
			       "filtering, the use of DROP is therefore "
			       "inhibited.\n\n");
}

/* Target options the target does not take are unknown to it. */
static int stray_target_opts(struct parse *p, int t)
{
	bool addr = t >= 0 && targets[t].to_addr, ports = t >= 0 && targets[t].to_ports;
	bool nat = addr || ports;
	enum opt_id bad = O_MAX;

	if (p->word[O_TODEST] && !(addr && targets[t].target == NAT_T_DNAT))
		bad = O_TODEST;
	else if (p->word[O_TOSRC] && !(addr && targets[t].target == NAT_T_SNAT))
		bad = O_TOSRC;
	else if (p->word[O_TOPORTS] && !ports)
		bad = O_TOPORTS;
	else if (p->word[O_RANDOM] && !nat)
		bad = O_RANDOM;
	if (bad == O_MAX)
		return 0;
	return nat_param_error(p->e, "unknown option \"%s\"", p->typed[bad]);
}

static int build_nat_range(struct parse *p, struct nat_rule *r)
{
	char err[NAT_ERR_MAX];
	enum opt_id id = r->target == NAT_T_SNAT ? O_TOSRC : O_TODEST;

	if (r->target == NAT_T_SNAT || r->target == NAT_T_DNAT) {
		if (!p->word[id])
			return nat_param_error(p->e, "%s: option \"--to-%s\" must be "
					       "specified\n", nat_target_name(r),
					       id == O_TOSRC ? "source" : "destination");
		if (nat_parse_to(p->word[id], r, err) < 0)
			return nat_param_error(p->e, "%s", err);
	} else if (p->word[O_TOPORTS] &&
		   nat_parse_to_ports(p->word[O_TOPORTS], r, err) < 0) {
		return nat_param_error(p->e, "%s", err);
	}
	if (r->has_ports && !ports_proto_ok(r))
		return nat_param_error(p->e, "Need TCP, UDP, SCTP or DCCP with port "
				       "specification");
	r->random = p->word[O_RANDOM] != NULL;
	return 0;
}

/* "--to" becomes the target's own --to-... option. */
static int resolve_to(struct parse *p, int t)
{
	enum opt_id id = O_MAX;

	if (!p->word[O_TOANY])
		return 0;
	if (t >= 0 && targets[t].target == NAT_T_DNAT)
		id = O_TODEST;
	else if (t >= 0 && targets[t].target == NAT_T_SNAT)
		id = O_TOSRC;
	else if (t >= 0 && targets[t].to_ports)
		id = O_TOPORTS;
	if (id == O_MAX)
		return nat_param_error(p->e, "unknown option \"%s\"", p->typed[O_TOANY]);
	if (p->word[id])
		return nat_param_error(p->e, "%s: option \"%s\" can only be used "
				       "once.\n", targets[t].name, p->typed[id]);
	p->word[id] = p->word[O_TOANY];
	p->typed[id] = p->typed[O_TOANY];
	return 0;
}

static int build_target(struct parse *p, struct nat_rule *r)
{
	const char *j = p->word[O_JUMP];
	int t = j ? target_index(j) : -1;
	int ret;

	if (j && !strcmp(j, "DROP"))
		return drop_inhibited(p);
	if ((ret = resolve_to(p, t)) || (ret = stray_target_opts(p, t)))
		return ret;
	if (!j)
		return 0;
	if (t < 0) {
		if (strlen(j) > NAT_CHAIN_MAX || !*j)
			return nat_param_error(p->e, "Chain '%s' does not exist", j);
		r->target = NAT_T_JUMP;
		memcpy(r->jump, j, strlen(j) + 1);
		return 0;
	}
	r->target = targets[t].target;
	return build_nat_range(p, r);
}

/* A built-in chain's hook decides which interface it can know. */
static int check_hook_ifs(struct parse *p, const struct nat_rule *r)
{
	const char *chain = p->q->chain;

	if (!chain)
		return 0;
	if (r->out.set && (!strcmp(chain, "PREROUTING") || !strcmp(chain, "INPUT")))
		return nat_param_error(p->e, "Can't use -o with %s\n", chain);
	if (r->in.set && (!strcmp(chain, "POSTROUTING") || !strcmp(chain, "OUTPUT")))
		return nat_param_error(p->e, "Can't use -i with %s\n", chain);
	return 0;
}

static int build_rule(struct parse *p)
{
	struct nat_rule *r = &p->q->rule;
	int ret;

	if ((ret = build_addr(p, O_SRC, &r->src)) ||
	    (ret = build_addr(p, O_DST, &r->dst)) ||
	    (ret = build_if(p, O_IN, &r->in)) ||
	    (ret = build_if(p, O_OUT, &r->out)) ||
	    (ret = build_proto(p, r)) ||
	    (ret = build_port(p, O_SPORT, r, &r->sport)) ||
	    (ret = build_port(p, O_DPORT, r, &r->dport)) ||
	    (ret = build_target(p, r)))
		return ret;
	return check_hook_ifs(p, r);
}

/* ---- chain names ------------------------------------------------------ */

static int check_new_chain_name(struct parse *p, const char *name)
{
	if (name[0] == '-' || name[0] == '!')
		return nat_param_error(p->e, "chain name not allowed to start with "
				       "`%c'", name[0]);
	if (strlen(name) > NAT_CHAIN_MAX - 1)
		return nat_param_error(p->e, "chain name `%s' too long (must be "
				       "under %d chars)", name, NAT_CHAIN_MAX);
	if (target_index(name) >= 0 || !strcmp(name, "DROP"))
		return nat_param_error(p->e, "chain name may not clash with target "
				       "name");
	return 0;
}

static int check_policy(struct parse *p)
{
	if (!strcmp(p->q->arg, "DROP"))
		return drop_inhibited(p);
	return 0;
}

static int check_command(struct parse *p)
{
	struct nat_req *q = p->q;
	int ret;

	if (q->cmd == NAT_CMD_NONE)
		return nat_param_error(p->e, "no command specified");
	if ((ret = check_options(p)))
		return ret;
	if (q->cmd == NAT_CMD_NEWCHAIN)
		return check_new_chain_name(p, q->chain);
	if (q->cmd == NAT_CMD_RENAME)
		return check_new_chain_name(p, q->arg);
	if (q->cmd == NAT_CMD_POLICY)
		return check_policy(p);
	if (is_rule_command(q->cmd))
		return build_rule(p);
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
	struct nat_env e = { c, speaker(c) };
	struct parse p = { .e = &e, .q = &q, .argc = argc, .argv = argv,
			   .table = c->who == AS_IPTABLES ? "filter" : "nat" };
	int ret;

	if (argc == 1 && !strcmp(argv[0], "help") && c->who != AS_IPTABLES) {
		struct usage_to u = usage_to(c);

		usage_text(u.f, e.name);
		return u.code;
	}
	if ((ret = parse_words(&p)))
		return ret;
	if (p.invert)
		return nat_param_error(&e, "unexpected '!' flag");
	if (p.help) {
		usage_text(stdout, e.name);
		return 0;
	}
	if (p.version) {
		printf("%s v%s (nsip)\n", e.name, PACKAGE_VERSION);
		return 0;
	}
	if (strcmp(p.table, "nat")) {
		nat_fail(&e, NAT_EXIT_VERSION, "table '%s' does not exist",
				 p.table);
		fputs("nsip knows only the nat table.\n", stderr);
		return NAT_EXIT_VERSION;
	}
	if ((ret = check_command(&p)))
		return ret;
	if (q.json && !c->opt.json)   /* --json: nsip's -j was not given */
		out_init(&c->out, stdout, true, c->opt.pretty, false);
	q.json = q.json || c->opt.json;
	return nat_exec(&e, &q);
}
