/* route: the routing tables, as `ip route`.
 *
 * Usage: ip route { list | flush } SELECTOR
 *        ip route get ADDRESS [ from ADDRESS iif STRING ] [ oif STRING ]
 *        ip route { add | del | change | append | replace } ROUTE
 * SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]
 *             [ table TABLE_ID ] [ proto RTPROTO ] [ type TYPE ]
 *             [ scope SCOPE ] [ dev NAME ] [ via ADDRESS ]
 * ROUTE := [ TYPE ] PREFIX [ table TABLE_ID ] [ proto RTPROTO ]
 *          [ scope SCOPE ] [ metric METRIC ] [ via ADDRESS ] [ dev NAME ]
 *          [ src ADDRESS ] [ onlink ] [ mtu [ lock ] NUMBER ] ...
 *          [ nexthop NH ]...
 * NH := [ via [ FAMILY ] ADDRESS ] [ dev NAME ] [ weight NUMBER ] [ onlink ]
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/icmpv6.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "nl/link_lookup.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "base/inet.h"
#include "nl/route_names.h"

/* The words of a change as they are read: the request's description, and
 * what is looked up once all are read. */
struct route_words {
	const struct ctx *c;
	struct route_spec *s;
	const char *dev;
	int nh_argc;           /* the "nexthop ..." words, parsed last */
	char **nh_argv;
	bool gw_ok, dst_ok, scope_ok, table_ok, type_ok;
};

/* Metrics that take a plain number, with an optional "lock" before it. */
static const struct { const char *word; int attr; bool prefix; const char *why; } number_metrics[] = {
	{ "mtu", RTAX_MTU, false, "\"mtu\" value is invalid\n" },
	{ "hoplimit", RTAX_HOPLIMIT, false, "\"hoplimit\" value is invalid\n" },
	{ "advmss", RTAX_ADVMSS, false, "\"mss\" value is invalid\n" },
	{ "reordering", RTAX_REORDERING, true, "\"reordering\" value is invalid\n" },
	{ "window", RTAX_WINDOW, true, "\"window\" value is invalid\n" },
	{ "cwnd", RTAX_CWND, true, "\"cwnd\" value is invalid\n" },
	{ "initcwnd", RTAX_INITCWND, true, "\"initcwnd\" value is invalid\n" },
	{ "initrwnd", RTAX_INITRWND, true, "\"initrwnd\" value is invalid\n" },
	{ "ssthresh", RTAX_SSTHRESH, true, "\"ssthresh\" value is invalid\n" },
};

#define N_NUMBER_METRICS (sizeof(number_metrics) / sizeof(number_metrics[0]))

static int metric_index(const char *w)
{
	for (size_t k = 0; k < N_NUMBER_METRICS; k++)
		if (number_metrics[k].prefix ? matches(w, number_metrics[k].word)
					     : !strcmp(w, number_metrics[k].word))
			return (int)k;
	return -1;
}

static int parse_metric(struct route_words *q, size_t k, int argc, char **argv,
			int *i)
{
	int attr = number_metrics[k].attr;
	uint32_t v;

	if (!iparg_next(argc, i))
		return iparg_incomplete();
	if (!strcmp(argv[*i], "lock")) {
		q->s->lock |= 1u << attr;
		if (!iparg_next(argc, i))
			return iparg_incomplete();
	}
	if (!parse_u32(argv[*i], &v) || (attr == RTAX_HOPLIMIT && v > 255))
		return iparg_invalid(number_metrics[k].why, argv[*i]);
	q->s->metrics[attr] = v;
	q->s->metrics_set |= 1u << attr;
	return 0;
}

static int set_family(struct route_words *q, int family)
{
	if (q->s->rtm.rtm_family == AF_UNSPEC)
		q->s->rtm.rtm_family = (unsigned char)family;
	return 0;
}

static int parse_via(struct route_words *q, int argc, char **argv, int *i)
{
	if (q->gw_ok)
		return iparg_invalid("use nexthop syntax to specify multiple via\n", argv[*i]);
	q->gw_ok = true;
	return route_read_via(q->s, &q->s->gateway, &q->s->via, argc, argv, i);
}

static int parse_prefsrc(struct route_words *q, const char *w)
{
	struct inet_prefix a;
	int r = inet_get_addr(w, q->s->rtm.rtm_family, &a);

	if (r)
		return r;
	set_family(q, a.family);
	route_addr_take(&q->s->prefsrc, &a);
	route_spec_grow(q->s, a.bytelen);
	return 0;
}

/* A source without bytes (a wildcard read while the family is open)
 * changes only the length: an earlier source stays, as it did when each
 * word wrote its attribute. */
static int parse_from(struct route_words *q, const char *w)
{
	struct inet_prefix p;
	int r = route_read_from(&q->s->rtm, w, &p);

	if (r || !p.bytelen)
		return r;
	route_addr_take(&q->s->src, &p);
	route_spec_grow(q->s, p.bytelen);
	return 0;
}

/* The destination, perhaps after "to" and a route type. */
static int parse_dst(struct route_words *q, int argc, char **argv, int *i)
{
	unsigned int type;
	struct inet_prefix p;
	int r;

	if (!strcmp(argv[*i], "to") && !iparg_next(argc, i))
		return iparg_incomplete();
	if ((argv[*i][0] < '0' || argv[*i][0] > '9') &&
	    rt_type_parse(argv[*i], &type) == 0) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		q->s->rtm.rtm_type = (unsigned char)type;
		q->type_ok = true;
	}
	if (matches(argv[*i], "help"))
		return route_usage(q->c, false);
	if (q->dst_ok)
		return iparg_duplicate("to", argv[*i]);
	if ((r = inet_get_prefix(argv[*i], q->s->rtm.rtm_family, &p)))
		return r;
	set_family(q, p.family);
	q->s->rtm.rtm_dst_len = (unsigned char)p.bitlen;
	q->dst_ok = true;
	if (p.bytelen) {
		route_addr_take(&q->s->dst, &p);
		route_spec_grow(q->s, p.bytelen);
	}
	return 0;
}

static int parse_table(struct route_words *q, const char *w)
{
	uint32_t id;

	if (rt_name_parse(RT_NAME_TABLE, w, &id) < 0)
		return iparg_invalid("\"table\" value is invalid\n", w);
	if (id < 256) {
		q->s->rtm.rtm_table = (unsigned char)id;
	} else {
		q->s->rtm.rtm_table = RT_TABLE_UNSPEC;
		q->s->table = id;
		route_spec_grow(q->s, sizeof(id));
	}
	q->table_ok = true;
	return 0;
}

static int parse_pref(struct route_words *q, const char *w)
{
	uint32_t v;

	if (!strcmp(w, "low"))
		v = ICMPV6_ROUTER_PREF_LOW;
	else if (!strcmp(w, "medium"))
		v = ICMPV6_ROUTER_PREF_MEDIUM;
	else if (!strcmp(w, "high"))
		v = ICMPV6_ROUTER_PREF_HIGH;
	else if (!parse_u32(w, &v) || v > 255)
		return iparg_invalid("\"pref\" value is invalid\n", w);
	q->s->has_pref = true;
	q->s->pref = (uint8_t)v;
	route_spec_grow(q->s, 1);
	return 0;
}

/* Keywords that take one value; returns -1 when w is not one of them. */
static int parse_valued(struct route_words *q, const char *w, const char *v)
{
	uint32_t n;

	if (!strcmp(w, "src"))
		return parse_prefsrc(q, v);
	if (!strcmp(w, "from"))
		return parse_from(q, v);
	if (!strcmp(w, "expires")) {
		if (!parse_u32(v, &n))
			return iparg_invalid("\"expires\" value is invalid\n", v);
		q->s->has_expires = true;
		q->s->expires = n;
		route_spec_grow(q->s, sizeof(n));
	} else if (matches(w, "metric") || matches(w, "priority") ||
		   !strcmp(w, "preference")) {
		if (!parse_u32(v, &n))
			return iparg_invalid("\"metric\" value is invalid\n", v);
		q->s->has_priority = true;
		q->s->priority = n;
		route_spec_grow(q->s, sizeof(n));
	} else if (!strcmp(w, "scope")) {
		if (rt_name_parse(RT_NAME_SCOPE, v, &n) < 0)
			return iparg_invalid("invalid \"scope\" value\n", v);
		q->s->rtm.rtm_scope = (unsigned char)n;
		q->scope_ok = true;
	} else if (matches(w, "protocol")) {
		if (rt_name_parse(RT_NAME_PROTO, v, &n) < 0)
			return iparg_invalid("\"protocol\" value is invalid\n", v);
		q->s->rtm.rtm_protocol = (unsigned char)n;
	} else if (matches(w, "table")) {
		return parse_table(q, v);
	} else if (!strcmp(w, "dev") || !strcmp(w, "oif")) {
		q->dev = v;
	} else if (matches(w, "pref")) {
		return parse_pref(q, v);
	} else {
		return -1;
	}
	return 0;
}

static bool takes_value(const char *w)
{
	return !strcmp(w, "src") || !strcmp(w, "from") || !strcmp(w, "expires") ||
	       matches(w, "metric") || matches(w, "priority") ||
	       !strcmp(w, "preference") || !strcmp(w, "scope") ||
	       matches(w, "protocol") || matches(w, "table") ||
	       !strcmp(w, "dev") || !strcmp(w, "oif") || matches(w, "pref");
}

static int parse_words(struct route_words *q, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		int r, k;

		if (route_spec_full(q->s))
			return iparg_too_long(w);
		if (!strcmp(w, "nexthop")) {
			q->nh_argc = argc - i;
			q->nh_argv = argv + i;
			return 0;
		} else if (!strcmp(w, "via")) {
			r = parse_via(q, argc, argv, &i);
		} else if ((k = metric_index(w)) >= 0) {
			r = parse_metric(q, (size_t)k, argc, argv, &i);
		} else if (!strcmp(w, "onlink")) {
			q->s->rtm.rtm_flags |= RTNH_F_ONLINK;
			r = 0;
		} else if (takes_value(w)) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			r = parse_valued(q, w, argv[i]);
		} else {
			r = parse_dst(q, argc, argv, &i);
		}
		if (r)
			return r;
	}
	return 0;
}

/* The metrics nest is written after the device: counted there. */
static void count_metrics(struct route_spec *s)
{
	if (!s->metrics_set)
		return;
	route_spec_grow(s, 0);
	if (s->lock)
		route_spec_grow(s, sizeof(s->lock));
	for (int a = 1; a <= RTAX_MAX; a++)
		if (s->metrics_set & (1u << a))
			route_spec_grow(s, sizeof(s->metrics[a]));
}

/* iproute2's defaults for what the words left open. */
static void complete(struct route_words *q, bool del)
{
	struct rtmsg *r = &q->s->rtm;
	unsigned char t = r->rtm_type;

	if (r->rtm_family == AF_UNSPEC)
		r->rtm_family = AF_INET;
	if (!q->table_ok && (t == RTN_LOCAL || t == RTN_BROADCAST ||
			     t == RTN_NAT || t == RTN_ANYCAST))
		r->rtm_table = RT_TABLE_LOCAL;
	if (q->scope_ok)
		return;
	if (r->rtm_family == AF_INET6)
		r->rtm_scope = RT_SCOPE_UNIVERSE;
	else if (t == RTN_LOCAL || t == RTN_NAT)
		r->rtm_scope = RT_SCOPE_HOST;
	else if (t == RTN_BROADCAST || t == RTN_MULTICAST || t == RTN_ANYCAST)
		r->rtm_scope = RT_SCOPE_LINK;
	else if (t == RTN_UNICAST || t == RTN_UNSPEC)
		r->rtm_scope = del ? RT_SCOPE_NOWHERE :
			       q->gw_ok || q->nh_argc ? r->rtm_scope : RT_SCOPE_LINK;
}

/* The device and the next hops name devices: resolved once the words
 * are all read, as iproute2 does. */
static int add_devs(struct ctx *c, struct route_words *q)
{
	struct nl *nl = ctx_nl(c);
	int idx, r = 0;

	if (!nl)
		return EXIT_CMD;
	if (q->dev && !(r = link_index_or_nodev(nl, q->dev, &idx))) {
		q->s->oif = (uint32_t)idx;
		route_spec_grow(q->s, sizeof(q->s->oif));
	}
	if (!r)
		count_metrics(q->s);
	if (!r && q->nh_argc)
		r = route_read_nexthops(q->s, nl, q->nh_argc, q->nh_argv);
	return r;
}

/* Words first, then the devices they name, then iproute2's defaults. */
static int describe(struct ctx *c, struct route_spec *s, bool del, int argc,
		    char **argv)
{
	struct route_words q = { .c = c, .s = s };
	int r;

	s->rtm.rtm_family = c->opt.family == AF_INET6 ? AF_INET6 :
			    c->opt.family == AF_INET ? AF_INET : AF_UNSPEC;
	s->rtm.rtm_table = RT_TABLE_MAIN;
	s->rtm.rtm_scope = del ? RT_SCOPE_NOWHERE : RT_SCOPE_UNIVERSE;
	if (!del) {
		s->rtm.rtm_protocol = RTPROT_BOOT;
		s->rtm.rtm_type = RTN_UNICAST;
	}
	if ((r = parse_words(&q, argc, argv)))
		return r;
	if (!q.dst_ok)
		return route_usage(c, false);
	if ((r = add_devs(c, &q)))
		return r;
	complete(&q, del);
	return 0;
}

static int modify(struct ctx *c, uint16_t type, uint16_t flags, int argc,
		  char **argv)
{
	struct route_spec s;
	struct nl_req msg;
	struct nl *nl;
	int r;

	route_spec_init(&s);
	if ((r = describe(c, &s, type == RTM_DELROUTE, argc, argv)))
		return r;
	if (route_req_build(&msg, type, flags, &s) < 0)
		return iparg_too_long(argv[argc - 1]);
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	return nl_talk(nl, &msg.nlh, NULL, NULL) < 0 ? EXIT_KERNEL : 0;
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"add", "change", "chg", "replace", "prepend", "append", "test",
	"delete", "list", "show", "lst", "get", "flush", "save", "restore",
	"showdump", "help", NULL
};

enum { ADD, CHANGE, CHG, REPLACE, PREPEND, APPEND, TEST, DELETE, LIST,
       SHOW, LST, GET, FLUSH, SAVE, RESTORE, SHOWDUMP, HELP };

static const uint16_t modify_flags[] = {
	[ADD] = NLM_F_CREATE | NLM_F_EXCL, [CHANGE] = NLM_F_REPLACE,
	[CHG] = NLM_F_REPLACE, [REPLACE] = NLM_F_CREATE | NLM_F_REPLACE,
	[PREPEND] = NLM_F_CREATE, [APPEND] = NLM_F_CREATE | NLM_F_APPEND,
	[TEST] = NLM_F_EXCL, [DELETE] = 0,
};

int route_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return route_show(c, 0, argv, false);
	int sub = match_first(argv[0], subcommands);
	if (sub == CHG && strcmp(argv[0], "chg"))
		sub = -1;
	switch (sub) {
	case ADD: case CHANGE: case CHG: case REPLACE: case PREPEND:
	case APPEND: case TEST:
		return modify(c, RTM_NEWROUTE, modify_flags[sub], argc - 1, argv + 1);
	case DELETE:
		return modify(c, RTM_DELROUTE, 0, argc - 1, argv + 1);
	case LIST: case SHOW: case LST:
		return route_show(c, argc - 1, argv + 1, false);
	case GET:
		return route_get(c, argc - 1, argv + 1);
	case FLUSH:
		return route_show(c, argc - 1, argv + 1, true);
	case HELP:
		return route_usage(c, true);
	case -1:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s route help\".",
			    argv[0], c->prog);
	default:
		return fail(EXIT_USAGE, "ip route %s: not supported by nsip",
			    subcommands[sub]);
	}
}
