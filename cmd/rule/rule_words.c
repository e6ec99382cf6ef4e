/* The words of `ip rule add|del`: selectors and actions into a struct
 * rule_spec, in iproute2's order of keywords (which decides what an
 * abbreviation means: "p" is pref, "t" is tun_id). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "rule.h"
#include "base/err.h"
#include "base/inet.h"
#include "base/iparg.h"
#include "base/ipproto.h"
#include "base/parse.h"
#include "nl/route_names.h"

/* What the words say beyond the request itself. */
struct rule_words {
	const struct ctx *c;
	struct rule_spec *s;
	bool table_ok, l3mdev;
	uint32_t tid;          /* the last table named */
};

typedef int word_fn(struct rule_words *q, char *v);

static int set_prefix(struct rule_words *q, const char *v, bool src)
{
	struct inet_prefix p;
	struct rule_addr *a = src ? &q->s->src : &q->s->dst;
	int r = inet_get_prefix(v, q->s->frh.family, &p);

	if (r)
		return r;
	if (src)
		q->s->frh.src_len = (uint8_t)p.bitlen;
	else
		q->s->frh.dst_len = (uint8_t)p.bitlen;
	a->given = true;
	a->len = (uint8_t)p.bytelen;
	memcpy(a->bytes, p.data, p.bytelen);
	return 0;
}

static int w_not(struct rule_words *q, char *v)
{
	(void)v;
	q->s->frh.flags |= FIB_RULE_INVERT;
	return 0;
}

/* An l3mdev rule finds its table from the device: none may be named. */
static int w_l3mdev(struct rule_words *q, char *v)
{
	(void)v;
	q->s->l3mdev = true;
	q->table_ok = q->l3mdev = true;
	return 0;
}

static int w_from(struct rule_words *q, char *v) { return set_prefix(q, v, true); }
static int w_to(struct rule_words *q, char *v) { return set_prefix(q, v, false); }

static int w_pref(struct rule_words *q, char *v)
{
	if (!parse_u32(v, &q->s->priority))
		return iparg_invalid("preference value is invalid\n", v);
	q->s->has_priority = true;
	return 0;
}

static int w_tos(struct rule_words *q, char *v)
{
	uint32_t tos;

	if (rt_name_parse(RT_NAME_DSFIELD, v, &tos) < 0)
		return iparg_invalid("TOS value is invalid\n", v);
	q->s->frh.tos = (uint8_t)tos;
	return 0;
}

/* MARK[/MASK]: a bad mark is named without its mask. */
static int w_fwmark(struct rule_words *q, char *v)
{
	char *slash = strchr(v, '/');

	if (slash)
		*slash = '\0';
	if (!parse_u32(v, &q->s->fwmark))
		return iparg_invalid("fwmark value is invalid\n", v);
	q->s->has_fwmark = true;
	if (slash && !parse_u32(slash + 1, &q->s->fwmask))
		return iparg_invalid("fwmask value is invalid\n", slash + 1);
	q->s->has_fwmask |= slash != NULL;
	return 0;
}

/* [FROM/]TO by name or number, else one raw number for both. */
static int read_realms(const char *v, uint32_t *out)
{
	char from[64];
	const char *slash = strchr(v, '/'), *to = v;
	uint32_t f = 0, t = 0;

	if (slash) {
		snprintf(from, sizeof(from), "%.*s", (int)(slash - v), v);
		if (rt_name_parse(RT_NAME_REALM, from, &f) < 0)
			return parse_u32(v, out) ? 0 : -1;
		to = slash + 1;
	}
	if (*to && rt_name_parse(RT_NAME_REALM, to, &t) < 0)
		return parse_u32(v, out) ? 0 : -1;
	*out = f << 16 | t;
	return 0;
}

static int w_realms(struct rule_words *q, char *v)
{
	if (read_realms(v, &q->s->flow) < 0)
		return iparg_invalid("invalid realms\n", v);
	q->s->has_flow = true;
	return 0;
}

static int w_protocol(struct rule_words *q, char *v)
{
	uint32_t n;

	if (rt_name_parse(RT_NAME_PROTO, v, &n) < 0)
		return iparg_invalid("\"protocol\" value is invalid\n", v);
	q->s->protocol = (uint8_t)n;
	q->s->has_protocol = true;
	return 0;
}

/* A 64-bit number in any C base, sent in network order. */
static int w_tun_id(struct rule_words *q, char *v)
{
	char *end;

	if (!*v)
		return iparg_invalid("\"tun_id\" value is invalid\n", v);
	unsigned long long n = strtoull(v, &end, 0);
	if (end == v || *end)
		return iparg_invalid("\"tun_id\" value is invalid\n", v);
	q->s->tun_id = htobe64((uint64_t)n);
	q->s->has_tun_id = true;
	return 0;
}

/* Numbers below 256 go in the header, others in FRA_TABLE. */
static int w_table(struct rule_words *q, char *v)
{
	if (rt_name_parse(RT_NAME_TABLE, v, &q->tid) < 0)
		return iparg_invalid("invalid table ID\n", v);
	if (q->tid < 256) {
		q->s->frh.table = (uint8_t)q->tid;
	} else {
		q->s->frh.table = RT_TABLE_UNSPEC;
		q->s->table = q->tid;
		q->s->has_table = true;
	}
	q->table_ok = true;
	return 0;
}

static int w_sup_pl(struct rule_words *q, char *v)
{
	int32_t pl;

	if (!parse_s32(v, &pl) || pl < 0)
		return iparg_invalid("suppress_prefixlength value is invalid\n", v);
	q->s->suppress_prefixlen = (uint32_t)pl;
	q->s->has_suppress_prefixlen = true;
	return 0;
}

static int w_sup_group(struct rule_words *q, char *v)
{
	if (rt_name_parse(RT_NAME_GROUP, v, &q->s->suppress_ifgroup) < 0)
		return iparg_invalid("Invalid \"suppress_ifgroup\" value\n", v);
	q->s->has_suppress_ifgroup = true;
	return 0;
}

static int w_iif(struct rule_words *q, char *v)
{
	if (!iface_name_ok(v))
		return iparg_invalid("\"iif\"/\"dev\" not a valid ifname", v);
	snprintf(q->s->iif, sizeof(q->s->iif), "%s", v);
	return 0;
}

static int w_oif(struct rule_words *q, char *v)
{
	if (!iface_name_ok(v))
		return iparg_invalid("\"oif\" not a valid ifname", v);
	snprintf(q->s->oif, sizeof(q->s->oif), "%s", v);
	return 0;
}

static int w_uidrange(struct rule_words *q, char *v)
{
	unsigned long start, end;

	if (scan_number_range(v, &start, &end) != 2)
		return iparg_invalid("invalid UID range\n", v);
	q->s->uid_range.start = (uint32_t)start;
	q->s->uid_range.end = (uint32_t)end;
	q->s->has_uid_range = true;
	return 0;
}

static int w_nat(struct rule_words *q, char *v)
{
	(void)q;
	(void)v;
	return fail(EXIT_USAGE, "Route NAT (\"nat\", \"map-to\") is not supported by nsip: "
		    "the kernel has not had it since 2.6.");
}

int rule_read_ipproto(const char *v, uint8_t *proto)
{
	int p = ipproto_parse(v);

	if (p < 0)
		return iparg_invalid("Invalid \"ipproto\" value\n", v);
	*proto = (uint8_t)p;
	return 0;
}

static int w_ipproto(struct rule_words *q, char *v)
{
	int r = rule_read_ipproto(v, &q->s->ipproto);

	q->s->has_ipproto = !r;
	return r;
}

int rule_read_ports(struct fib_rule_port_range *r, const char *v, const char *why)
{
	unsigned long start, end;
	int n = scan_number_range(v, &start, &end);

	if (n == 0)
		return iparg_invalid(why, v);
	/* Numbers past 65535 wrap, as ip's "%hu" has them. */
	r->start = (uint16_t)start;
	r->end = (uint16_t)(n == 2 ? end : start);
	return 0;
}

static int w_sport(struct rule_words *q, char *v)
{
	q->s->has_sport = true;
	return rule_read_ports(&q->s->sport, v, "invalid port range\n");
}

static int w_dport(struct rule_words *q, char *v)
{
	q->s->has_dport = true;
	return rule_read_ports(&q->s->dport, v, "invalid dport range\n");
}

/* The keywords in iproute2's order; a flag takes no value (fn gets NULL). */
static const struct change_word {
	struct keyword k;
	word_fn *fn;
	bool flag;
} words[] = {
	{ { "not", false }, w_not, true },
	{ { "from", false }, w_from, false },
	{ { "to", false }, w_to, false },
	{ { "preference", true }, w_pref, false },
	{ { "order", true }, w_pref, false },
	{ { "priority", true }, w_pref, false },
	{ { "tos", false }, w_tos, false },
	{ { "dsfield", true }, w_tos, false },
	{ { "fwmark", false }, w_fwmark, false },
	{ { "realms", true }, w_realms, false },
	{ { "protocol", true }, w_protocol, false },
	{ { "tun_id", true }, w_tun_id, false },
	{ { "table", true }, w_table, false },
	{ { "lookup", false }, w_table, false },
	{ { "suppress_prefixlength", true }, w_sup_pl, false },
	{ { "sup_pl", false }, w_sup_pl, false },
	{ { "suppress_ifgroup", true }, w_sup_group, false },
	{ { "sup_group", false }, w_sup_group, false },
	{ { "dev", false }, w_iif, false },
	{ { "iif", false }, w_iif, false },
	{ { "oif", false }, w_oif, false },
	{ { "l3mdev", false }, w_l3mdev, true },
	{ { "uidrange", false }, w_uidrange, false },
	{ { "nat", false }, w_nat, false },
	{ { "map-to", true }, w_nat, false },
	{ { "ipproto", false }, w_ipproto, false },
	{ { "sport", false }, w_sport, false },
	{ { "dport", false }, w_dport, false },
};

#define N_WORDS ((int)(sizeof(words) / sizeof(words[0])))

/* What the rule does: [type] { goto N | nop | a route type }. */
static int read_action(struct rule_words *q, int argc, char **argv, int *i)
{
	unsigned int type;

	if (!strcmp(argv[*i], "type") && !iparg_next(argc, i))
		return iparg_incomplete();
	if (matches(argv[*i], "help"))
		return rule_usage(q->c, false);
	if (matches(argv[*i], "goto")) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		if (!parse_u32(argv[*i], &q->s->goto_target))
			return iparg_invalid("invalid target\n", argv[*i]);
		q->s->has_goto = true;
		type = FR_ACT_GOTO;
	} else if (matches(argv[*i], "nop")) {
		type = FR_ACT_NOP;
	} else if (rt_type_parse(argv[*i], &type) < 0) {
		return iparg_invalid("Failed to parse rule type", argv[*i]);
	}
	q->s->frh.action = (uint8_t)type;
	q->table_ok = true;
	return 0;
}

static int read_word(struct rule_words *q, int argc, char **argv, int *i)
{
	int k = 0;

	while (k < N_WORDS && !keyword_is(&words[k].k, argv[*i]))
		k++;
	if (k == N_WORDS)
		return read_action(q, argc, argv, i);
	if (words[k].flag)
		return words[k].fn(q, NULL);
	if (!iparg_next(argc, i))
		return iparg_incomplete();
	return words[k].fn(q, argv[*i]);
}

int rule_read_change(const struct ctx *c, struct rule_spec *s, bool add,
		     int argc, char **argv)
{
	struct rule_words q = { .c = c, .s = s };
	int r;

	rule_spec_init(s);
	s->frh.family = (uint8_t)c->opt.family;
	s->frh.action = add ? FR_ACT_TO_TBL : FR_ACT_UNSPEC;
	if (argc <= 0)
		return fail(EXIT_CMD, "\"%s rule %s\" requires arguments.",
			    c->prog, add ? "add" : "del");
	for (int i = 0; i < argc; i++)
		if ((r = read_word(&q, argc, argv, &i)))
			return r;
	/* ip's own code here: -EINVAL, which its exit status turns to 22. */
	if (q.l3mdev && q.tid)
		return fail(22, "table can not be specified for l3mdev rules");
	if (s->frh.family == AF_UNSPEC)
		s->frh.family = AF_INET;
	if (!q.table_ok && add)
		s->frh.table = RT_TABLE_MAIN;
	return 0;
}
