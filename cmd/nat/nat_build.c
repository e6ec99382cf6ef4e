/* The nat applet's words checked and put together: which options the
 * command takes (in iptables' order of complaint), the rule's matches and
 * its target, and the names a new chain and a policy may have. */
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "nat_words.h"
#include "xt/nat_parse.h"
#include "xt/xt_names.h"

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
	O_TODEST, O_TOSRC, O_TOPORTS, O_TOANY, O_RANDOM, O_RANDOM_FULLY,
	O_PERSISTENT, O_CTSTATE, O_STATE,
	O_COMMENT, O_SYN, O_TCPFLAGS, O_ICMPTYPE, O_MARK, O_REJECT_WITH, O_LOG_PREFIX, O_LOG_LEVEL, O_LOG_TCPSEQ,
	O_LOG_TCPOPT, O_LOG_IPOPT, O_LOG_UID, O_LOG_MACDECODE, O_MPORT_D,
	O_MPORT_S, O_MPORT_ANY, O_LENGTH, O_SRCRANGE, O_DSTRANGE, O_LIMIT,
	O_LIMIT_BURST, O_SRCTYPE, O_DSTTYPE, O_LIFACE_IN, O_LIFACE_OUT,
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

/* -p and -m tcp / -m udp: -m's protocol when -p is missing. */
static int build_proto(struct parse *p, struct nat_rule *r)
{
	const char *m = nat_has_match(p, "udp") ? "udp" : "tcp";
	char err[NAT_ERR_MAX];
	int mproto = -1;
	int ret;

	if ((ret = nat_check_matches(p)))
		return ret;
	if (nat_has_match(p, "tcp") || nat_has_match(p, "udp"))
		mproto = !strcmp(m, "tcp") ? IPPROTO_TCP : IPPROTO_UDP;
	if (p->word[O_PROTO]) {
		if (nat_parse_proto(p->word[O_PROTO], &r->proto, err) < 0)
			return nat_param_error(p->e, "%s", err);
		r->proto_neg = p->neg[O_PROTO];
		r->proto_set = r->proto != 0 || r->proto_neg;
	}
	/* A port alone is unknown (build_port), -m tcp alone wants its -p. */
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
	{ "DROP", NAT_T_DROP, false, false },
	{ "REJECT", NAT_T_REJECT, false, false },
	{ "LOG", NAT_T_LOG, false, false },
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

/* Whether target t (an index of targets[], or -1) is one of the two that
 * take a flag: --random-fully is MASQUERADE's and SNAT's, --persistent
 * SNAT's and DNAT's. */
static bool takes_flag(int t, enum nat_target a, enum nat_target b)
{
	return t >= 0 && (targets[t].target == a || targets[t].target == b);
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
	else if (p->word[O_RANDOM_FULLY] && !takes_flag(t, NAT_T_MASQUERADE, NAT_T_SNAT))
		bad = O_RANDOM_FULLY;
	else if (p->word[O_PERSISTENT] && !takes_flag(t, NAT_T_SNAT, NAT_T_DNAT))
		bad = O_PERSISTENT;
	if (bad == O_MAX)
		return nat_stray_xt_opts(p, t >= 0 ? targets[t].target : NAT_T_JUMP);
	return nat_param_error(p->e, "unknown option \"%s\"", p->typed[bad]);
}

/* The protocols whose ports (or ICMP ids) a NAT range may map, as
 * iptables' NAT targets take them (a negated one too, as iptables does:
 * the kernel maps the ports of packets that have them). */
static bool nat_ports_proto_ok(const struct nat_rule *r)
{
	return r->proto_set &&
	       (r->proto == IPPROTO_TCP || r->proto == IPPROTO_UDP ||
		r->proto == IPPROTO_SCTP || r->proto == IPPROTO_DCCP ||
		r->proto == IPPROTO_ICMP);
}

/* Whether the range's word has ports: iptables asks for their protocol
 * before it reads them. */
static bool has_port_part(const struct nat_rule *r, const char *w)
{
	const char *colon = strchr(w, ':');

	if (r->target == NAT_T_MASQUERADE || r->target == NAT_T_REDIRECT)
		return true;
	return colon && !strchr(colon + 1, ':');
}

/* A shift (PORT-PORT/BASE) is NF_NAT_RANGE_PROTO_OFFSET, which nftables'
 * native nat expressions cannot carry (iptables-nft writes it as an
 * xtables DNAT target): refused by name. REDIRECT's is iptables' own
 * refusal. */
static int refuse_shift(struct parse *p, const struct nat_rule *r,
			const char *shift)
{
	if (r->target == NAT_T_REDIRECT)
		return nat_param_error(p->e, "Shifted portmap ranges not supported "
				       "with this kernel");
	return nat_param_error(p->e, "%s: port shift `%s' is not supported by "
			       "nsip (nftables has no native form of it)",
			       nat_target_name(r), shift);
}

static int build_nat_range(struct parse *p, struct nat_rule *r)
{
	char err[NAT_ERR_MAX];
	bool to = r->target == NAT_T_SNAT || r->target == NAT_T_DNAT;
	enum opt_id id = !to ? O_TOPORTS : r->target == NAT_T_SNAT ? O_TOSRC : O_TODEST;
	const char *w = p->word[id];
	int ret;

	if (to && !w)
		return nat_param_error(p->e, "%s: option \"--to-%s\" must be "
				       "specified\n", nat_target_name(r),
				       id == O_TOSRC ? "source" : "destination");
	if (w && has_port_part(r, w) && !nat_ports_proto_ok(r))
		return nat_param_error(p->e, "Need TCP, UDP, SCTP or DCCP with port "
				       "specification");
	if (w) {
		ret = to ? nat_parse_to(w, r, err) : nat_parse_to_ports(w, r, err);
		if (ret < 0)
			return nat_param_error(p->e, "%s", err);
		if (ret > 0)
			return refuse_shift(p, r, err);
	}
	r->random = p->word[O_RANDOM] != NULL;
	r->random_fully = p->word[O_RANDOM_FULLY] != NULL;
	r->persistent = p->word[O_PERSISTENT] != NULL;
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

	if (j && !strcmp(j, "DROP") && !p->q->table->may_drop)
		return drop_inhibited(p);
	if ((ret = resolve_to(p, t)) || (ret = stray_target_opts(p, t)))
		return ret;
	if (!j)
		return 0;
	if (t < 0) {
		if (xt_known_target(j))
			return nat_param_error(p->e, "target '%s' is not supported by "
					       "nsip", j);
		if (strlen(j) > NAT_CHAIN_MAX || !*j)
			return nat_param_error(p->e, "Chain '%s' does not exist", j);
		r->target = NAT_T_JUMP;
		r->go = p->go;
		memcpy(r->jump, j, strlen(j) + 1);
		return 0;
	}
	if (p->go)   /* a goto needs a chain */
		return nat_param_error(p->e, "Chain '%s' does not exist", j);
	r->target = targets[t].target;
	if ((ret = nat_build_xt_target(p, r)))
		return ret;
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
	    (ret = nat_build_more_matches(p, r)) ||
	    (ret = nat_build_matches(p, r)) ||
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
	/* "" is the name of iptables' standard target. */
	if (target_index(name) >= 0 || xt_known_target(name) || !*name)
		return nat_param_error(p->e, "chain name may not clash with target "
				       "name");
	return 0;
}

static int check_policy(struct parse *p)
{
	if (!strcmp(p->q->arg, "DROP") && !p->q->table->may_drop)
		return drop_inhibited(p);
	return 0;
}

int nat_build_request(struct parse *p)
{
	struct nat_req *q = p->q;
	int ret;

	if (q->cmd == NAT_CMD_NONE)
		return nat_param_error(p->e, "no command specified");
	if ((ret = check_options(p)))
		return ret;
	/* iptables-nft's -vv on a change dumps its netlink messages, which
	 * are not nsip's: refused rather than half done. */
	if (p->n_verbose > 1 && q->cmd != NAT_CMD_LIST && q->cmd != NAT_CMD_SAVE)
		return nat_param_error(p->e, "-vv (nftables' debug output) is not "
				       "supported by nsip; use -v");
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
