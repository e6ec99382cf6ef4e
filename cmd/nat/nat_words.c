/* Reading the nat applet's words as iptables does: its option table (long
 * names and their unique prefixes, short letters and their clusters), "!"
 * before an option, the command and the words that follow it. What each
 * option said is kept in struct parse for nat_build.c. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "nat_words.h"
#include "xt/nat_parse.h"

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
	{ "goto", 'g', O_GOTO, ARG_REQ },
	{ "ctstate", 0, O_CTSTATE, ARG_REQ },
	{ "state", 0, O_STATE, ARG_REQ },
	{ "comment", 0, O_COMMENT, ARG_REQ },
	{ "syn", 0, O_SYN, ARG_NO },
	{ "tcp-flags", 0, O_TCPFLAGS, ARG_REQ },
	{ "icmp-type", 0, O_ICMPTYPE, ARG_REQ },
	{ "mark", 0, O_MARK, ARG_REQ },
	{ "reject-with", 0, O_REJECT_WITH, ARG_REQ },
	{ "log-prefix", 0, O_LOG_PREFIX, ARG_REQ },
	{ "log-level", 0, O_LOG_LEVEL, ARG_REQ },
	{ "log-tcp-sequence", 0, O_LOG_TCPSEQ, ARG_NO },
	{ "log-tcp-options", 0, O_LOG_TCPOPT, ARG_NO },
	{ "log-ip-options", 0, O_LOG_IPOPT, ARG_NO },
	{ "log-uid", 0, O_LOG_UID, ARG_NO },
	{ "log-macdecode", 0, O_LOG_MACDECODE, ARG_NO },
	{ "dports", 0, O_MPORT_D, ARG_REQ },
	{ "destination-ports", 0, O_MPORT_D, ARG_REQ },
	{ "sports", 0, O_MPORT_S, ARG_REQ },
	{ "source-ports", 0, O_MPORT_S, ARG_REQ },
	{ "ports", 0, O_MPORT_ANY, ARG_REQ },
	{ "random-fully", 0, O_RANDOM_FULLY, ARG_NO },
	{ "persistent", 0, O_PERSISTENT, ARG_NO },
	{ "ipv4", '4', O_IPV4, ARG_NO },
	{ "ipv6", '6', O_IPV6, ARG_NO },
	{ "length", 0, O_LENGTH, ARG_REQ },
	{ "src-range", 0, O_SRCRANGE, ARG_REQ },
	{ "dst-range", 0, O_DSTRANGE, ARG_REQ },
	{ "limit", 0, O_LIMIT, ARG_REQ },
	{ "limit-burst", 0, O_LIMIT_BURST, ARG_REQ },
	{ "src-type", 0, O_SRCTYPE, ARG_REQ },
	{ "dst-type", 0, O_DSTTYPE, ARG_REQ },
	{ "limit-iface-in", 0, O_LIFACE_IN, ARG_NO },
	{ "limit-iface-out", 0, O_LIFACE_OUT, ARG_NO },
};

#define N_OPTDEFS (sizeof(optdefs) / sizeof(optdefs[0]))


static bool is_to_option(enum opt_id id)
{
	return id == O_TODEST || id == O_TOSRC || id == O_TOPORTS;
}

/* "--to": iptables knows only the named target's options, so there it
 * is that target's one --to-... option; here it waits for -j. */
static const struct optdef to_any = { "to", 0, O_TOANY, ARG_REQ };

/* The match whose option it is, for those iptables knows only once the
 * match is loaded (NULL: always known). */
static const char *owner(enum opt_id id)
{
	switch (id) {
	case O_CTSTATE: return "conntrack";
	case O_STATE: return "state";
	case O_COMMENT: return "comment";
	case O_MARK: return "mark";
	case O_MPORT_D: case O_MPORT_S: case O_MPORT_ANY: return "multiport";
	default: return nat_more_owner(id);
	}
}

static const struct optdef *long_opt(const struct parse *p, const char *name,
				     size_t len)
{
	const struct optdef *found = NULL;
	bool all_to = true;

	for (size_t k = 0; k < N_OPTDEFS; k++) {
		const char *m = owner(optdefs[k].id);

		if (strncmp(optdefs[k].name, name, len))
			continue;
		if (strlen(optdefs[k].name) == len)
			return &optdefs[k];      /* exact beats a prefix */
		/* A prefix names only options of the matches loaded so far
		 * ("--dp" is --dport unless multiport's --dports is there). */
		if (m && !nat_has_match(p, m))
			continue;
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

static bool is_listing(enum nat_cmd cmd)
{
	return cmd == NAT_CMD_LIST || cmd == NAT_CMD_SAVE;
}

/* -Z with -L or -S, in either order, is one command (iptables lists, then
 * zeroes): the listing's, with q->zero. The last chain and number given
 * are the command's. */
static int add_zero(struct parse *p, const struct optdef *d, const char *arg)
{
	struct nat_req *q = p->q;
	unsigned int num = q->num;
	int ret;

	if (cmd_of[d->id] != NAT_CMD_ZERO)
		q->cmd = cmd_of[d->id];
	q->zero = true;
	q->letter = d->letter;
	if (arg)
		q->chain = arg;
	q->num = 0;
	if ((ret = command_tail(p, d)))
		return ret;
	if (cmd_of[d->id] == NAT_CMD_ZERO)
		q->zero_rule = q->num != 0;
	if (!q->num)
		q->num = num;
	return 0;
}

static int set_command(struct parse *p, const struct optdef *d, const char *arg)
{
	struct nat_req *q = p->q;
	enum nat_cmd cmd = cmd_of[d->id];

	if (!q->zero && ((q->cmd == NAT_CMD_ZERO && is_listing(cmd)) ||
			 (is_listing(q->cmd) && cmd == NAT_CMD_ZERO))) {
		if (q->cmd == NAT_CMD_ZERO)
			q->zero_rule = q->num != 0;
		return add_zero(p, d, arg);
	}
	if (q->cmd != NAT_CMD_NONE)
		return nat_param_error(p->e, "Cannot use -%c with -%c",
				       d->letter, q->letter);
	q->cmd = cmd;
	q->letter = d->letter;
	q->chain = arg;
	return command_tail(p, d);
}

static bool negatable(enum opt_id id)
{
	return id == O_SRC || id == O_DST || id == O_PROTO || id == O_IN ||
	       id == O_OUT || id == O_SPORT || id == O_DPORT || id == O_CTSTATE ||
	       id == O_STATE || id == O_SYN || id == O_TCPFLAGS || id == O_ICMPTYPE ||
	       id == O_MARK || id == O_MPORT_D || id == O_MPORT_S ||
	       id == O_MPORT_ANY || id == O_LENGTH || id == O_SRCRANGE ||
	       id == O_DSTRANGE || id == O_SRCTYPE || id == O_DSTTYPE;
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
	case O_VERBOSE: f->verbose = true; p->n_verbose++; return false;
	case O_EXACT: f->exact = true; return false;
	case O_LINENUM: f->line_numbers = true; return false;
	default: return false;
	}
}

/* The NAT targets' flags, which may be given once. */
static bool is_nat_flag(enum opt_id id)
{
	return id == O_RANDOM || id == O_RANDOM_FULLY || id == O_PERSISTENT;
}

/* A target's own options, which iptables names the target for. */
static bool is_target_option(enum opt_id id)
{
	return is_to_option(id) || id == O_REJECT_WITH || id == O_LOG_PREFIX ||
	       id == O_LOG_LEVEL || is_nat_flag(id);
}

static int duplicate(struct parse *p, const struct optdef *d, const char *typed)
{
	if (is_target_option(d->id))
		return nat_param_error(p->e, "%s: option \"--%s\" can only be used "
				       "once.\n", p->word[O_JUMP] ? p->word[O_JUMP]
				       : "nat", d->name);
	if (d->id == O_GOTO)
		return nat_param_error(p->e, "multiple -j flags not allowed");
	if (d->id == O_CTSTATE || d->id == O_STATE || d->id == O_COMMENT ||
	    d->id == O_ICMPTYPE || d->id == O_MARK)
		return nat_param_error(p->e, "%s: option \"--%s\" can only be used "
				       "once.\n", d->id == O_CTSTATE ? "conntrack" :
				       d->id == O_ICMPTYPE ? "icmp" : d->name, d->name);
	if (nat_more_owner(d->id))
		return nat_param_error(p->e, "%s: option \"--%s\" can only be used "
				       "once.\n", nat_more_owner(d->id), d->name);
	if (d->id == O_MPORT_D || d->id == O_MPORT_S || d->id == O_MPORT_ANY)
		return nat_param_error(p->e, "multiport: option \"--%s\" can only be "
				       "used once.\n", d->id == O_MPORT_D ?
				       "destination-ports" : d->id == O_MPORT_S ?
				       "source-ports" : "ports");
	if (d->letter)
		return nat_param_error(p->e, "multiple -%c flags not allowed",
				       d->letter);
	return nat_param_error(p->e, "multiple %s flags not allowed", typed);
}

/* "! -p all" (or 0): no packet has no protocol. */
static bool never_proto(const char *arg)
{
	char err[NAT_ERR_MAX];
	uint8_t proto;

	return arg && nat_parse_proto(arg, &proto, err) == 0 && proto == 0;
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

/* Where a match comes in the command: at its -m, or (tcp's and udp's,
 * which -p loads) at its first option. */
static void note_order(struct parse *p, enum opt_id id, const char *arg)
{
	const char *m = id == O_MATCH && arg ? arg : "";
	int kind = 0;

	if (id == O_SPORT || id == O_DPORT || id == O_SYN || id == O_TCPFLAGS ||
	    id == O_ICMPTYPE || !strcmp(m, "tcp") || !strcmp(m, "icmp") ||
	    !strcmp(m, "udp"))
		kind = XT_M_PROTO;
	else if (!strcmp(m, "multiport"))
		kind = XT_M_MPORT;
	else if (!strcmp(m, "conntrack") || !strcmp(m, "state"))
		kind = XT_M_CT;
	else if (!strcmp(m, "comment"))
		kind = XT_M_COMMENT;
	else if (!strcmp(m, "mark"))
		kind = XT_M_MARK;
	else if (!strcmp(m, "length"))
		kind = XT_M_LENGTH;
	else if (!strcmp(m, "iprange"))
		kind = XT_M_IPRANGE;
	else if (!strcmp(m, "limit"))
		kind = XT_M_LIMIT;
	else if (!strcmp(m, "addrtype"))
		kind = XT_M_ADDRTYPE;
	for (int k = 0; k < p->n_order; k++)
		if (p->order[k] == kind)
			return;
	if (kind && p->n_order < XT_M_KINDS)
		p->order[p->n_order++] = (uint8_t)kind;
}

/* One option and its argument. Flags may repeat (-vv), as may -m. */
static int take(struct parse *p, const struct optdef *d, const char *typed,
		const char *arg)
{
	bool neg = p->invert;

	p->invert = false;
	/* iptables refuses -6 as it reads it, with its "Try" line alone, and
	 * takes -4 (with or without "!") as what it is already. */
	if (d->id == O_IPV6) {
		nat_try_help(p->e);
		return NAT_EXIT_PARAM;
	}
	if (d->id == O_IPV4)
		return 0;
	if (neg && d->id == O_MATCH)
		return nat_param_error(p->e, "unexpected ! flag before --match");
	if (neg && nat_more_owner(d->id) && !negatable(d->id))
		return nat_param_error(p->e, "%s: option \"--%s\" cannot be "
				       "inverted.\n", nat_more_owner(d->id), d->name);
	if (neg && !negatable(d->id))
		return nat_param_error(p->e, "unexpected '!' flag");
	/* --tcp-flags MASK COMP: iptables takes COMP before it looks
	 * further, and only a word that cannot be an option. */
	if (d->id == O_TCPFLAGS) {
		const char *w = p->i < p->argc ? p->argv[p->i] : NULL;

		if (!w || w[0] == '-' || w[0] == '!')
			return nat_param_error(p->e, "--tcp-flags requires two args.");
		p->i++;
		if (!p->word[O_SYN] && !p->word[O_TCPFLAGS])
			p->tcpf_comp = w;
	}
	if ((d->id == O_SYN || d->id == O_TCPFLAGS) &&
	    (p->word[O_SYN] || p->word[O_TCPFLAGS]))
		return nat_param_error(p->e, "Only one of `--syn' or `--tcp-flags'  "
				       "allowed");
	if (is_command(d->id))
		return set_command(p, d, arg);
	if (set_flag(p, d->id, arg))
		return 0;
	if (d->id == O_PROTO && arg) {
		size_t k = 0;

		for (; arg[k] && k + 1 < sizeof(p->proto_lc); k++)
			p->proto_lc[k] = (char)tolower((unsigned char)arg[k]);
		p->proto_lc[k] = '\0';
		if (!arg[k])
			arg = p->proto_lc;
	}
	/* iptables refuses these as it reads the option, before later words. */
	if (d->id == O_PROTO && neg && never_proto(arg))
		return nat_param_error(p->e, "rule would never match protocol");
	if ((d->id == O_IN || d->id == O_OUT) && arg && !*arg)
		return nat_param_error(p->e, "Empty interface is likely to be "
				       "undesired");
	note_order(p, d->id, arg);
	if (d->id == O_MATCH) {
		if (p->n_match == MAX_MATCHES)
			return nat_param_error(p->e, "more than %d -m options",
					       MAX_MATCHES);
		p->match[p->n_match++] = arg;
	}
	/* -g CHAIN is -j CHAIN as a goto: one of the two. */
	if (d->id == O_GOTO || (d->id == O_JUMP && p->go)) {
		if (p->word[O_JUMP])
			return nat_param_error(p->e, "multiple -j flags not allowed");
		p->go = d->id == O_GOTO;
		keep(p, O_JUMP, typed, arg, neg);
		return 0;
	}
	if (p->word[d->id] && (d->arg != ARG_NO || is_nat_flag(d->id) ||
			      nat_more_owner(d->id)) &&
	    d->id != O_MATCH)
		return duplicate(p, d, typed);
	if ((d->id == O_LIFACE_IN && p->word[O_LIFACE_OUT]) ||
	    (d->id == O_LIFACE_OUT && p->word[O_LIFACE_IN]))
		return nat_param_error(p->e, "addrtype: option \"--limit-iface-in\" "
				       "cannot be used together with "
				       "\"--limit-iface-out\".\n");
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
	const struct optdef *d = long_opt(p, w + 2, len);
	const char *arg = eq ? eq + 1 : NULL;

	if (!d || len == 0) {
		char name[64];
		int ret;

		/* An option of a match or target iptables has? */
		snprintf(name, sizeof(name), "%.*s", (int)len, w + 2);
		ret = nat_unsupported(p, name);

		return ret ? ret : nat_param_error(p->e, "unknown option \"%s\"", w);
	}
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

int nat_read_words(struct parse *p)
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
