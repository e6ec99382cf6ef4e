/* -m length, -m iprange, -m limit and -m addrtype put into the rule, with
 * iptables' messages for what is missing or bad (the values' grammar is
 * common/xt/xt_matchparse.c's). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "nat_words.h"
#include "xt/nat_parse.h"
#include "xt/xt_matchparse.h"

const char *nat_more_owner(enum opt_id id)
{
	switch (id) {
	case O_LENGTH: return "length";
	case O_SRCRANGE: case O_DSTRANGE: return "iprange";
	case O_LIMIT: case O_LIMIT_BURST: return "limit";
	case O_SRCTYPE: case O_DSTTYPE: case O_LIFACE_IN: case O_LIFACE_OUT:
		return "addrtype";
	default: return NULL;
	}
}

/* Options of a match that was not loaded are unknown to iptables. */
static int stray(struct parse *p, const enum opt_id *ids, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (p->word[ids[k]])
			return nat_param_error(p->e, "unknown option \"%s\"",
					       p->typed[ids[k]]);
	return 0;
}

/* nsip keeps one of each of these matches in a rule. */
static int once(struct parse *p, const char *m)
{
	int n = 0;

	for (int k = 0; k < p->n_match; k++)
		n += !strcmp(p->match[k], m);
	if (n > 1)
		return nat_param_error(p->e, "-m %s more than once in a rule is not "
				       "supported by nsip", m);
	return 0;
}

static int build_length(struct parse *p, struct nat_rule *r)
{
	static const enum opt_id ids[] = { O_LENGTH };
	char err[NAT_ERR_MAX];
	int ret;

	if (!nat_has_match(p, "length"))
		return stray(p, ids, 1);
	if ((ret = once(p, "length")))
		return ret;
	if (!p->word[O_LENGTH])
		return nat_param_error(p->e, "length: option \"--length\" must be "
				       "specified\n");
	if (xt_parse_length(p->word[O_LENGTH], &r->length, err) < 0)
		return nat_param_error(p->e, "%s", err);
	r->length.set = true;
	r->length.neg = p->neg[O_LENGTH];
	return 0;
}

/* iptables takes a reversed range with a warning: it never matches. */
static int one_range(struct parse *p, enum opt_id id, struct xt_range *m)
{
	char err[NAT_ERR_MAX];

	if (!p->word[id])
		return 0;
	if (xt_parse_iprange(p->word[id], id == O_SRCRANGE ? "--src-range" :
			     "--dst-range", m, err) < 0)
		return nat_param_error(p->e, "%s", err);
	m->set = true;
	m->neg = p->neg[id];
	if (ntohl(m->lo) > ntohl(m->hi)) {
		char lo[INET_ADDRSTRLEN], hi[INET_ADDRSTRLEN];

		inet_ntop(AF_INET, &m->lo, lo, sizeof(lo));
		inet_ntop(AF_INET, &m->hi, hi, sizeof(hi));
		fflush(stdout);
		fprintf(stderr, "xt_iprange: range %s-%s is reversed and will never "
			"match\n", lo, hi);
	}
	return 0;
}

static int build_iprange(struct parse *p, struct nat_rule *r)
{
	static const enum opt_id ids[] = { O_SRCRANGE, O_DSTRANGE };
	int ret;

	if (!nat_has_match(p, "iprange"))
		return stray(p, ids, 2);
	if ((ret = once(p, "iprange")))
		return ret;
	if (!p->word[O_SRCRANGE] && !p->word[O_DSTRANGE])
		return nat_param_error(p->e, "iprange match: You must specify "
				       "`--src-range' or `--dst-range'");
	if ((ret = one_range(p, O_SRCRANGE, &r->iprange.src)))
		return ret;
	return one_range(p, O_DSTRANGE, &r->iprange.dst);
}

/* With no option: iptables' 3/hour, burst 5. */
static int build_limit(struct parse *p, struct nat_rule *r)
{
	static const enum opt_id ids[] = { O_LIMIT, O_LIMIT_BURST };
	char err[NAT_ERR_MAX];
	int ret;

	if (!nat_has_match(p, "limit"))
		return stray(p, ids, 2);
	if ((ret = once(p, "limit")))
		return ret;
	r->limit = (struct xt_limit_match){ true, XT_LIMIT_SCALE * 3600 / 3,
					    XT_LIMIT_BURST };
	if (p->word[O_LIMIT] &&
	    xt_parse_limit_rate(p->word[O_LIMIT], &r->limit.avg, err) < 0)
		return nat_param_error(p->e, "%s", err);
	if (p->word[O_LIMIT_BURST] &&
	    xt_parse_limit_burst(p->word[O_LIMIT_BURST], &r->limit.burst, err) < 0)
		return nat_param_error(p->e, "%s", err);
	return 0;
}

static int build_addrtype(struct parse *p, struct nat_rule *r)
{
	static const enum opt_id ids[] = { O_SRCTYPE, O_DSTTYPE, O_LIFACE_IN,
					   O_LIFACE_OUT };
	struct xt_addrtype_match *a = &r->addrtype;
	char err[NAT_ERR_MAX];
	int ret;

	if (!nat_has_match(p, "addrtype"))
		return stray(p, ids, 4);
	if ((ret = once(p, "addrtype")))
		return ret;
	if (!p->word[O_SRCTYPE] && !p->word[O_DSTTYPE])
		return nat_param_error(p->e, "addrtype: you must specify --src-type "
				       "or --dst-type");
	if ((p->word[O_SRCTYPE] &&
	     xt_parse_addrtypes(p->word[O_SRCTYPE], &a->src, err) < 0) ||
	    (p->word[O_DSTTYPE] &&
	     xt_parse_addrtypes(p->word[O_DSTTYPE], &a->dst, err) < 0))
		return nat_param_error(p->e, "%s", err);
	a->src_neg = p->neg[O_SRCTYPE];
	a->dst_neg = p->neg[O_DSTTYPE];
	a->limit_in = p->word[O_LIFACE_IN] != NULL;
	a->limit_out = p->word[O_LIFACE_OUT] != NULL;
	return 0;
}

int nat_build_more_matches(struct parse *p, struct nat_rule *r)
{
	int ret;

	if ((ret = build_length(p, r)) || (ret = build_iprange(p, r)) ||
	    (ret = build_limit(p, r)))
		return ret;
	return build_addrtype(p, r);
}
