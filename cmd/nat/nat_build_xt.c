/* The filter table's words put into the rule: the -m matches nsip has
 * (tcp and udp are nat_build.c's), conntrack and state, comment and
 * --syn, and the options of REJECT and LOG. A match or target iptables
 * has and nsip lacks is refused by name before anything is sent. */
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "nat_words.h"
#include "xt/xt_names.h"
#include "xt/multiport.h"
#include "xt/nat_parse.h"

bool nat_has_match(const struct parse *p, const char *name)
{
	for (int k = 0; k < p->n_match; k++)
		if (!strcmp(p->match[k], name))
			return true;
	return false;
}

static bool nsip_has_match(const char *m)
{
	static const char *const have[] = { "tcp", "udp", "icmp", "conntrack",
					    "state", "comment", "multiport", "mark",
					    "length", "iprange", "limit", "addrtype" };

	for (size_t i = 0; i < sizeof(have) / sizeof(have[0]); i++)
		if (!strcmp(m, have[i]))
			return true;
	return false;
}

/* Each -m NAME in turn: one nsip reads, one it lacks, or none at all. */
int nat_check_matches(struct parse *p)
{
	for (int k = 0; k < p->n_match; k++) {
		const char *m = p->match[k];

		if (nsip_has_match(m))
			continue;
		if (xt_known_match(m))
			return nat_param_error(p->e, "match '%s' is not supported by "
					       "nsip", m);
		return nat_param_error(p->e, "Couldn't load match `%s':No such "
				       "file or directory\n", m);
	}
	return 0;
}

/* Options of matches nsip has in part, once their match is loaded. */
static const struct {
	const char *option, *match;
} partial[] = {
	{ "tcp-option", "tcp" },
	{ "ctproto", "conntrack" }, { "ctorigsrc", "conntrack" },
	{ "ctorigdst", "conntrack" }, { "ctreplsrc", "conntrack" },
	{ "ctrepldst", "conntrack" }, { "ctorigsrcport", "conntrack" },
	{ "ctorigdstport", "conntrack" }, { "ctreplsrcport", "conntrack" },
	{ "ctrepldstport", "conntrack" }, { "ctstatus", "conntrack" },
	{ "ctexpire", "conntrack" }, { "ctdir", "conntrack" },
};

/* -p tcp loads the tcp match as -m tcp does. */
static bool loaded(const struct parse *p, const char *match)
{
	if (nat_has_match(p, match))
		return true;
	return !strcmp(match, "tcp") && p->word[O_PROTO] && !p->neg[O_PROTO] &&
	       !strcmp(p->word[O_PROTO], "tcp");
}

int nat_unsupported(struct parse *p, const char *option)
{
	const char *j = p->word[O_JUMP];

	for (size_t k = 0; k < sizeof(partial) / sizeof(partial[0]); k++)
		if (!strcmp(option, partial[k].option) && loaded(p, partial[k].match))
			return nat_param_error(p->e, "option \"--%s\" of match '%s' "
					       "is not supported by nsip", option,
					       partial[k].match);

	for (int k = 0; k < p->n_match; k++)
		if (!nsip_has_match(p->match[k]) && xt_known_match(p->match[k]))
			return nat_param_error(p->e, "match '%s' is not supported by "
					       "nsip", p->match[k]);
	if (j && xt_known_target(j) && !xt_nsip_has_target(j))
		return nat_param_error(p->e, "target '%s' is not supported by nsip",
				       j);
	return 0;
}

/* An option of a match that was not loaded is unknown to iptables. */
static int unknown(struct parse *p, enum opt_id id)
{
	return nat_param_error(p->e, "unknown option \"%s\"", p->typed[id]);
}

static int build_ct(struct parse *p, struct nat_rule *r, bool as_state)
{
	enum opt_id id = as_state ? O_STATE : O_CTSTATE;
	const char *m = as_state ? "state" : "conntrack";
	char bad[64];
	int ret;

	if (!p->word[id]) {
		if (!nat_has_match(p, m))
			return 0;
		if (as_state)
			return nat_param_error(p->e, "state: option \"--state\" must "
					       "be specified\n");
		return nat_param_error(p->e, "conntrack: At least one option is "
				       "required");
	}
	if (!nat_has_match(p, m))
		return unknown(p, id);
	if (r->ct.set)   /* both -m state and -m conntrack */
		return nat_param_error(p->e, "nsip takes one of -m state and "
				       "-m conntrack in a rule");
	ret = xt_parse_ct_states(p->word[id], &r->ct.states, bad, sizeof(bad));
	if (ret == -2 && !as_state)   /* -m state has no SNAT, DNAT */
		return nat_param_error(p->e, "ctstate %s is not supported by nsip",
				       bad);
	if (ret < 0)
		return nat_param_error(p->e, "Bad %s \"%s\"",
				       as_state ? "state" : "ctstate", bad);
	r->ct.set = true;
	r->ct.neg = p->neg[id];
	r->ct.as_state = as_state;
	return 0;
}

static int build_comment(struct parse *p, struct nat_rule *r)
{
	const char *c = p->word[O_COMMENT];

	if (!c) {
		if (nat_has_match(p, "comment"))
			return nat_param_error(p->e, "comment: option \"--comment\" "
					       "must be specified\n");
		return 0;
	}
	if (!nat_has_match(p, "comment"))
		return unknown(p, O_COMMENT);
	if (strlen(c) > XT_COMMENT_MAX)
		return nat_param_error(p->e, "comment of %zu characters: nsip "
				       "keeps at most %d", strlen(c), XT_COMMENT_MAX);
	memcpy(r->comment, c, strlen(c) + 1);
	/* The rule's user data holds the comment beside nsip's own words. */
	if (xt_udata_size(r) > XT_UDATA_MAX)
		return nat_param_error(p->e, "comment of %zu characters: nsip "
				       "keeps at most %zu in this rule", strlen(c),
				       strlen(c) - (xt_udata_size(r) - XT_UDATA_MAX));
	return 0;
}

/* multiport works with TCP, UDP, UDPLITE, SCTP and DCCP; nsip's rules
 * with the first two. */
static int mport_proto(struct parse *p, const struct nat_rule *r)
{
	if (!r->proto_set)
		return nat_param_error(p->e, "multiport needs `-p tcp', `-p udp', "
				       "`-p udplite', `-p sctp' or `-p dccp'");
	if (!r->proto_neg && (r->proto == IPPROTO_TCP || r->proto == IPPROTO_UDP))
		return 0;
	if (!r->proto_neg && (r->proto == IPPROTO_UDPLITE ||
			      r->proto == IPPROTO_SCTP || r->proto == IPPROTO_DCCP))
		return nat_param_error(p->e, "multiport with -p %s is not supported "
				       "by nsip", p->word[O_PROTO]);
	return nat_param_error(p->e, "multiport only works with TCP, UDP, "
			       "UDPLITE, SCTP and DCCP");
}

static int build_multiport(struct parse *p, struct nat_rule *r)
{
	enum opt_id id = p->word[O_MPORT_S] ? O_MPORT_S : p->word[O_MPORT_D] ?
		O_MPORT_D : O_MPORT_ANY;
	char err[NAT_ERR_MAX];
	int ret;

	if (!nat_has_match(p, "multiport")) {
		for (enum opt_id k = O_MPORT_D; k <= O_MPORT_ANY; k++)
			if (p->word[k])
				return unknown(p, k);
		return 0;
	}
	if ((p->word[O_MPORT_S] || p->word[O_MPORT_D]) && p->word[O_MPORT_ANY] &&
	    !(p->word[O_MPORT_S] && p->word[O_MPORT_D]))
		return nat_param_error(p->e, "multiport: option \"--%s-ports\" "
				       "cannot be used together with \"--ports\".\n",
				       id == O_MPORT_S ? "source" : "destination");
	if (p->word[O_MPORT_S] && p->word[O_MPORT_D])
		return nat_param_error(p->e, "multiport: option \"--source-ports\" "
				       "cannot be used together with "
				       "\"--destination-ports\".\n");
	if (!p->word[id])
		return nat_param_error(p->e, "multiport expection an option");
	if ((ret = mport_proto(p, r)))
		return ret;
	if (xt_parse_multiport(p->word[id], r->proto == IPPROTO_UDP ? "udp" : "tcp",
			       &r->mport, err) < 0)
		return nat_param_error(p->e, "%s", err);
	r->mport.set = true;
	r->mport.neg = p->neg[id];
	r->mport.src = id == O_MPORT_S;
	r->mport.any = id == O_MPORT_ANY;
	return 0;
}

/* The order the matches came in, kept when it is not the one the
 * listings use anyway; then the user data must still fit. */
static int build_order(struct parse *p, struct nat_rule *r)
{
	const uint8_t *dflt = xt_default_order;
	size_t n = 0, d = 0;
	bool plain = true;

	for (int k = 0; k < p->n_order; k++)
		if (xt_rule_has_match(r, p->order[k]))
			r->order[n++] = p->order[k];
	for (size_t k = 0; k < XT_M_KINDS; k++) {
		if (!xt_rule_has_match(r, dflt[k]))
			continue;
		plain = plain && d < n && r->order[d] == dflt[k];
		d++;
	}
	r->n_order = plain && d == n ? 0 : (uint8_t)n;
	if (r->n_order == 0)
		memset(r->order, 0, sizeof(r->order));
	if (xt_udata_size(r) > XT_UDATA_MAX)
		return nat_param_error(p->e, "comment of %zu characters: nsip "
				       "keeps at most %zu in this rule",
				       strlen(r->comment), strlen(r->comment) -
				       (xt_udata_size(r) - XT_UDATA_MAX));
	return 0;
}

/* A --tcp-flags list: names iptables knows, any case, "," between
 * (empty items skipped, as iptables does). */
static int parse_tcp_flags(struct parse *p, const char *list, uint8_t *out)
{
	static const struct {
		const char *name;
		uint8_t bits;
	} names[] = {
		{ "FIN", 0x01 }, { "SYN", 0x02 }, { "RST", 0x04 }, { "PSH", 0x08 },
		{ "ACK", 0x10 }, { "URG", 0x20 }, { "ALL", 0x3f }, { "NONE", 0 },
	};
	char buf[256];
	char *save = NULL;

	snprintf(buf, sizeof(buf), "%s", list);
	*out = 0;
	for (char *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
		size_t k = 0;

		while (k < sizeof(names) / sizeof(names[0]) &&
		       strcasecmp(w, names[k].name))
			k++;
		if (k == sizeof(names) / sizeof(names[0]))
			return nat_param_error(p->e, "Unknown TCP flag `%s'", w);
		*out |= names[k].bits;
	}
	return 0;
}

/* --syn, or --tcp-flags MASK COMP: the tcp match's, which -p tcp loads. */
static int build_tcp_flags(struct parse *p, struct nat_rule *r)
{
	enum opt_id id = p->word[O_SYN] ? O_SYN : O_TCPFLAGS;
	int ret;

	if (!p->word[id])
		return 0;
	if (!r->proto_set || r->proto_neg || r->proto != IPPROTO_TCP)
		return unknown(p, id);
	r->tcpf_set = true;
	r->tcpf_neg = p->neg[id];
	if (id == O_SYN) {
		r->tcpf_mask = 0x17;   /* FIN,SYN,RST,ACK */
		r->tcpf_comp = 0x02;   /* SYN */
		return 0;
	}
	if ((ret = parse_tcp_flags(p, p->word[id], &r->tcpf_mask)) ||
	    (ret = parse_tcp_flags(p, p->tcpf_comp, &r->tcpf_comp)))
		return ret;
	/* iptables-nft writes no flags test for an empty mask (and lists
	 * the rule without it): nsip refuses rather than drop the words. */
	if (!r->tcpf_mask)
		return nat_param_error(p->e, "--tcp-flags with an empty mask is "
				       "not supported by nsip");
	return 0;
}

/* --icmp-type: the icmp match's, which -p icmp loads. */
static int build_icmp(struct parse *p, struct nat_rule *r)
{
	struct xt_icmp *m = &r->icmp;
	char msg[160];

	if (!p->word[O_ICMPTYPE]) {
		if (nat_has_match(p, "icmp"))
			return nat_param_error(p->e, "icmp: option \"--icmp-type\" "
					       "must be specified\n");
		return 0;
	}
	if (!r->proto_set || r->proto_neg || r->proto != IPPROTO_ICMP)
		return unknown(p, O_ICMPTYPE);
	if (xt_icmp_parse(p->word[O_ICMPTYPE], m, msg, sizeof(msg)) < 0)
		return nat_param_error(p->e, "%s", msg);
	m->set = true;
	m->neg = p->neg[O_ICMPTYPE];
	/* nftables cannot say "not this type with this code" in two tests
	 * (iptables-nft falls back to the xtables match there). */
	if (m->neg && (m->type == XT_ICMP_ANY || !xt_icmp_any_code(m)))
		return nat_param_error(p->e, "! --icmp-type with a code or "
				       "\"any\" is not supported by nsip");
	return 0;
}

/* One number of --mark VALUE[/MASK], 32 bits in any base C reads: 0, or
 * iptables' message for a bad number (-1) or for more after it (-2). */
static int mark_number(const char *s, char stop, const char **end,
		       uint32_t *out)
{
	char *e;
	unsigned long long v;

	if (*s == '-' || *s == '+' || !*s)
		return -1;
	errno = 0;
	v = strtoull(s, &e, 0);
	*end = e;
	if (e == s || errno || v > UINT32_MAX)
		return -1;
	if (*e && *e != stop)
		return -2;
	*out = (uint32_t)v;
	return 0;
}

/* -m mark --mark VALUE[/MASK]. */
static int build_mark(struct parse *p, struct nat_rule *r)
{
	const char *w = p->word[O_MARK], *end;
	struct xt_mark_match *m = &r->mark;
	int bad;

	if (!w) {
		if (nat_has_match(p, "mark"))
			return nat_param_error(p->e, "mark: option \"--mark\" must "
					       "be specified\n");
		return 0;
	}
	if (!nat_has_match(p, "mark"))
		return unknown(p, O_MARK);
	m->mask = UINT32_MAX;
	bad = mark_number(w, '/', &end, &m->value);
	if (!bad && *end == '/')
		bad = mark_number(end + 1, '\0', &end, &m->mask);
	if (bad == -2)
		return nat_param_error(p->e, "mark: trailing garbage after value "
				       "for option \"--mark\".\n");
	if (bad)
		return nat_param_error(p->e, "mark: bad integer value for option "
				       "\"--mark\", or out of range.\n");
	m->set = true;
	m->neg = p->neg[O_MARK];
	return 0;
}

int nat_build_matches(struct parse *p, struct nat_rule *r)
{
	int ret;

	if ((ret = build_multiport(p, r)))
		return ret;
	if ((ret = build_tcp_flags(p, r)) || (ret = build_icmp(p, r)) ||
	    (ret = build_mark(p, r)))
		return ret;
	if ((ret = build_ct(p, r, false)) || (ret = build_ct(p, r, true)) ||
	    (ret = build_comment(p, r)))
		return ret;
	return build_order(p, r);
}

/* ---- REJECT and LOG ---------------------------------------------------- */

static const enum opt_id log_opts[] = {
	O_LOG_PREFIX, O_LOG_LEVEL, O_LOG_TCPSEQ, O_LOG_TCPOPT, O_LOG_IPOPT,
	O_LOG_UID, O_LOG_MACDECODE,
};
static const uint8_t log_flag_bits[] = { 0, 0, 0x01, 0x02, 0x04, 0x08, 0x20 };

#define N_LOG_OPTS (sizeof(log_opts) / sizeof(log_opts[0]))

/* Options of REJECT or LOG given with another target (or none). */
int nat_stray_xt_opts(struct parse *p, enum nat_target t)
{
	if (p->word[O_REJECT_WITH] && t != NAT_T_REJECT)
		return unknown(p, O_REJECT_WITH);
	for (size_t k = 0; k < N_LOG_OPTS && t != NAT_T_LOG; k++)
		if (p->word[log_opts[k]])
			return unknown(p, log_opts[k]);
	return 0;
}

static int build_log(struct parse *p, struct nat_rule *r)
{
	const char *prefix = p->word[O_LOG_PREFIX], *level = p->word[O_LOG_LEVEL];

	r->log.level = XT_LOG_LEVEL_DEFAULT;
	if (level && xt_parse_log_level(level, &r->log.level) < 0)
		return nat_param_error(p->e, "log level \"%s\" unknown\n", level);
	if (prefix && !*prefix)
		return nat_param_error(p->e, "Argument must have a minimum length "
				       "of 1 characters\n");
	/* iptables keeps what fits and says nothing. */
	if (prefix)
		snprintf(r->log.prefix, sizeof(r->log.prefix), "%s", prefix);
	for (size_t k = 0; k < N_LOG_OPTS; k++)
		if (p->word[log_opts[k]])
			r->log.flags |= log_flag_bits[k];
	return 0;
}

int nat_build_xt_target(struct parse *p, struct nat_rule *r)
{
	const char *with = p->word[O_REJECT_WITH];

	if (r->target == NAT_T_LOG)
		return build_log(p, r);
	if (r->target != NAT_T_REJECT)
		return 0;
	if (!with) {
		r->reject = (struct xt_reject){ .icmp_code = 3 };
		return 0;
	}
	if (xt_parse_reject(with, &r->reject) < 0)
		return nat_param_error(p->e, "unknown reject type \"%s\"", with);
	return 0;
}
