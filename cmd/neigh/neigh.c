/* neigh: the neighbour (ARP and NDISC) tables, as `ip neigh`.
 *
 * Usage: ip neigh { add | del | change | replace }
 *                 { ADDR [ lladdr LLADDR ] [ nud STATE ] | proxy ADDR }
 *                 [ dev DEV ] [ router ] [ extern_learn ] [ protocol PROTO ]
 *        ip neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ]
 *                 [ nud STATE ] [ protocol PROTO ]
 *        ip neigh get { ADDR | proxy ADDR } dev DEV
 * STATE := { permanent | noarp | stale | reachable | none |
 *            incomplete | delay | probe | failed }
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "neigh.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "nl/link_lookup.h"
#include "base/iparg.h"
#include "base/lladdr.h"
#include "base/parse.h"
#include "base/inet.h"
#include "nl/neigh_req.h"
#include "nl/route_names.h"

/* The words of a change as they are read: the request's description, and
 * what is checked or looked up once all are read. */
struct neigh_words {
	const struct ctx *c;
	struct neigh_spec *s;
	struct inet_prefix dst;
	const char *dev, *lladdr;
	bool dst_ok, dev_ok;
};

static int parse_dst(struct neigh_words *q, const char *w, int family)
{
	if (q->dst_ok)
		return iparg_duplicate("to", w);
	q->dst_ok = true;
	return inet_get_addr(w, family, &q->dst);
}

static int parse_one(struct neigh_words *q, int family, int argc, char **argv, int *i)
{
	const char *w = argv[*i];
	uint32_t n;

	if (matches(w, "lladdr") || !strcmp(w, "nud") || matches(w, "proxy") ||
	    !strcmp(w, "dev") || matches(w, "protocol") || !strcmp(w, "to")) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
	} else if (!strcmp(w, "router")) {
		q->s->ndm.ndm_flags |= NTF_ROUTER;
		return 0;
	} else if (matches(w, "extern_learn")) {
		q->s->ndm.ndm_flags |= NTF_EXT_LEARNED;
		return 0;
	} else if (matches(w, "help")) {
		/* iproute2 steps over "help" here rather than printing usage. */
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		return parse_dst(q, argv[*i], family);
	} else {
		return parse_dst(q, w, family);
	}
	const char *v = argv[*i];
	if (matches(w, "lladdr")) {
		if (q->lladdr)
			return iparg_twice("lladdr", v);
		q->lladdr = v;
	} else if (!strcmp(w, "nud")) {
		unsigned int state;
		if (neigh_state_parse(v, &state) < 0)
			return iparg_invalid("nud state is bad", v);
		q->s->ndm.ndm_state = (uint16_t)state;
	} else if (matches(w, "proxy")) {
		if (matches(v, "help"))
			return neigh_usage(q->c, false);
		if (q->dst_ok)
			return iparg_twice("address", v);
		q->dst_ok = q->dev_ok = true;
		q->s->ndm.ndm_flags |= NTF_PROXY;
		return inet_get_addr(v, family, &q->dst);
	} else if (!strcmp(w, "dev")) {
		q->dev = v;
		q->dev_ok = true;
	} else if (matches(w, "protocol")) {
		if (rt_name_parse(RT_NAME_PROTO, v, &n) < 0)
			return iparg_invalid("\"protocol\" value is invalid\n", v);
		q->s->has_protocol = true;
		q->s->protocol = (uint8_t)n;
		neigh_spec_grow(q->s, 1);
	} else {
		return parse_dst(q, v, family);
	}
	return 0;
}

static int take_lladdr(struct neigh_words *q)
{
	int len;

	if (!q->lladdr || !strcmp(q->lladdr, "null"))
		return 0;
	if ((len = lladdr_parse(q->lladdr, q->s->lladdr, sizeof(q->s->lladdr))) < 0)
		return EXIT_CMD;
	q->s->lladdr_len = (size_t)len;
	return 0;
}

/* Words first, then what needs them all: the required pair, the link
 * address, the device (iproute2's order of complaints). */
static int describe(struct ctx *c, struct neigh_spec *s, int argc, char **argv)
{
	struct neigh_words q = { .c = c, .s = s };
	int family = c->opt.family == AF_PACKET ? AF_UNSPEC : c->opt.family;
	int r, index;

	s->ndm.ndm_state = NUD_PERMANENT;
	for (int i = 0; i < argc; i++) {
		if (neigh_spec_full(s))
			return iparg_too_long(argv[i]);
		if ((r = parse_one(&q, family, argc, argv, &i)))
			return r;
	}
	if (!q.dev_ok || !q.dst_ok || q.dst.family == AF_UNSPEC)
		return fail(EXIT_USAGE, "Device and destination are required arguments.");
	s->ndm.ndm_family = (uint8_t)q.dst.family;
	memcpy(s->dst, q.dst.data, (size_t)q.dst.bytelen);
	s->dst_len = (size_t)q.dst.bytelen;
	s->has_dst = true;
	if ((r = take_lladdr(&q)))
		return r;
	if (q.dev) {
		struct nl *nl = ctx_nl(c);

		if (!nl)
			return EXIT_CMD;
		if ((r = link_index_or_nodev(nl, q.dev, &index)))
			return r;
		s->ndm.ndm_ifindex = index;
	}
	return 0;
}

static int modify(struct ctx *c, uint16_t type, uint16_t flags, int argc, char **argv)
{
	struct neigh_spec s;
	struct nl_req msg;
	struct nl *nl;
	int r;

	neigh_spec_init(&s);
	if ((r = describe(c, &s, argc, argv)))
		return r;
	if (neigh_req_build(&msg, type, flags, &s) < 0)
		return iparg_too_long(argv[argc - 1]);
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	return nl_talk(nl, &msg.nlh, NULL, NULL) < 0 ? EXIT_KERNEL : 0;
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"add", "change", "chg", "replace", "delete", "get", "show", "lst",
	"list", "flush", "help", NULL
};

enum { ADD, CHANGE, CHG, REPLACE, DELETE, GET, SHOW, LST, LIST, FLUSH, HELP };

int neigh_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return neigh_show(c, 0, argv, false);
	int sub = match_first(argv[0], subcommands);
	if (sub == CHG && strcmp(argv[0], "chg"))
		sub = -1;
	switch (sub) {
	case ADD:
		return modify(c, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, argc - 1, argv + 1);
	case CHANGE: case CHG:
		return modify(c, RTM_NEWNEIGH, NLM_F_REPLACE, argc - 1, argv + 1);
	case REPLACE:
		return modify(c, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, argc - 1, argv + 1);
	case DELETE:
		return modify(c, RTM_DELNEIGH, 0, argc - 1, argv + 1);
	case GET:
		return neigh_get(c, argc - 1, argv + 1);
	case SHOW: case LST: case LIST:
		return neigh_show(c, argc - 1, argv + 1, false);
	case FLUSH:
		return neigh_show(c, argc - 1, argv + 1, true);
	case HELP:
		return neigh_usage(c, true);
	default:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s neigh help\".",
			    argv[0], c->prog);
	}
}
