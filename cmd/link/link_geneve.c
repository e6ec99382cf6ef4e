/* The words of `ip link add NAME type geneve ...`. As iproute2 does, a
 * ttl of "inherit" and df put their attributes at once; the others go
 * last, in iproute2's order, the label, ttl and tos always. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

#include "link.h"
#include "base/err.h"
#include "base/inet.h"
#include "base/parse.h"
#include "nl/route_names.h"

static int geneve_usage(void)
{
	fputs("Usage: ... geneve id VNI\n"
	      "\t\tremote ADDR\n"
	      "\t\t[ ttl TTL ]\n"
	      "\t\t[ tos TOS ]\n"
	      "\t\t[ df DF ]\n"
	      "\t\t[ flowlabel LABEL ]\n"
	      "\t\t[ dstport PORT ]\n"
	      "\t\t[ [no]external ]\n"
	      "\t\t[ [no]udpcsum ]\n"
	      "\t\t[ [no]udp6zerocsumtx ]\n"
	      "\t\t[ [no]udp6zerocsumrx ]\n"
	      "\t\t[ innerprotoinherit ]\n"
	      "\n"
	      "Where:\tVNI   := 0-16777215\n"
	      "\tADDR  := IP_ADDRESS\n"
	      "\tTOS   := { NUMBER | inherit }\n"
	      "\tTTL   := { 1..255 | auto | inherit }\n"
	      "\tDF    := { unset | set | inherit }\n"
	      "\tLABEL := 0-1048575\n", stderr);
	return EXIT_CMD;
}

/* iproute2's words in its order; key names a repeated word (NULL: the
 * word as written); on: a switch's value. */
static const struct gn_word {
	const char *word, *key;
	uint16_t attr;
	bool value, on, exact;
} gn_words[] = {
	{ "id", "id", IFLA_GENEVE_ID, true, false, false },
	{ "vni", "id", IFLA_GENEVE_ID, true, false, false },
	{ "remote", "remote", IFLA_GENEVE_REMOTE, true, false, false },
	{ "ttl", "ttl", IFLA_GENEVE_TTL, true, false, false },
	{ "hoplimit", "ttl", IFLA_GENEVE_TTL, true, false, false },
	{ "tos", "tos", IFLA_GENEVE_TOS, true, false, false },
	{ "dsfield", "tos", IFLA_GENEVE_TOS, true, false, false },
	{ "df", "df", IFLA_GENEVE_DF, true, false, false },
	{ "label", "flowlabel", IFLA_GENEVE_LABEL, true, false, false },
	{ "flowlabel", "flowlabel", IFLA_GENEVE_LABEL, true, false, false },
	{ "dstport", "dstport", IFLA_GENEVE_PORT, true, false, false },
	{ "external", NULL, IFLA_GENEVE_COLLECT_METADATA, false, true, false },
	{ "noexternal", NULL, IFLA_GENEVE_COLLECT_METADATA, false, false, false },
	{ "udpcsum", NULL, IFLA_GENEVE_UDP_CSUM, false, true, false },
	{ "noudpcsum", NULL, IFLA_GENEVE_UDP_CSUM, false, false, false },
	{ "udp6zerocsumtx", NULL, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, false, true, false },
	{ "noudp6zerocsumtx", NULL, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, false, false, false },
	{ "udp6zerocsumrx", NULL, IFLA_GENEVE_UDP_ZERO_CSUM6_RX, false, true, false },
	{ "noudp6zerocsumrx", NULL, IFLA_GENEVE_UDP_ZERO_CSUM6_RX, false, false, false },
	{ "innerprotoinherit", NULL, IFLA_GENEVE_INNER_PROTO_INHERIT, false, true, true },
};

/* What the words left for the end. */
struct gn_state {
	uint64_t seen;                  /* attributes given, by number */
	uint32_t id, label;             /* label big-endian */
	uint32_t ttl, tos;
	uint16_t port;
	bool on[IFLA_GENEVE_MAX + 1];   /* the switches' values */
	struct inet_prefix remote;
};

static int read_ttl(struct link_spec *s, struct gn_state *g, const char *w)
{
	if (!strcmp(w, "inherit"))
		return kind_number(s, IFLA_GENEVE_TTL_INHERIT, 1, 1);
	if (!strcmp(w, "auto"))
		return 0;
	if (!parse_u32(w, &g->ttl))
		return iparg_invalid("invalid TTL", w);
	if (g->ttl > 255)
		return iparg_invalid("TTL must be <= 255", w);
	return 0;
}

static int read_df(struct link_spec *s, const char *w)
{
	static const char *const names[] = { "unset", "set", "inherit" };

	for (uint32_t i = 0; i < 3; i++)
		if (!strcmp(w, names[i]))
			return kind_number(s, IFLA_GENEVE_DF, 1, i);
	return iparg_invalid("DF must be 'unset', 'set' or 'inherit'", w);
}

static int read_value(struct link_spec *s, struct gn_state *g, uint16_t attr, const char *w)
{
	uint32_t v;
	int r;

	switch (attr) {
	case IFLA_GENEVE_ID:
		if (!parse_u32(w, &g->id) || g->id >= 1u << 24)
			return iparg_invalid("invalid id", w);
		return 0;
	case IFLA_GENEVE_REMOTE:
		if ((r = inet_get_addr(w, AF_UNSPEC, &g->remote)))
			return r;
		if (g->remote.wildcard || (g->remote.family == AF_INET ?
		    (g->remote.data[0] & 0xf0) == 0xe0 : g->remote.data[0] == 0xff))
			return iparg_invalid("invalid remote address", w);
		return 0;
	case IFLA_GENEVE_TTL:
		return read_ttl(s, g, w);
	case IFLA_GENEVE_TOS:
		g->tos = 1;
		if (strcmp(w, "inherit") && rt_name_parse(RT_NAME_DSFIELD, w, &g->tos))
			return iparg_invalid("bad TOS value", w);
		return 0;
	case IFLA_GENEVE_DF:
		return read_df(s, w);
	case IFLA_GENEVE_LABEL:
		if (!parse_u32(w, &v) || v > 0xfffff)
			return iparg_invalid("invalid flowlabel", w);
		g->label = htonl(v);
		return 0;
	default:
		if (!parse_u32(w, &v) || v > 0xffff)
			return iparg_invalid("dstport", w);
		g->port = (uint16_t)v;
		return 0;
	}
}

/* The attributes iproute2 puts after the words', in its order. */
static int put_tail(struct link_spec *s, const struct gn_state *g)
{
	static const uint16_t switches[] = {
		IFLA_GENEVE_UDP_CSUM, IFLA_GENEVE_UDP_ZERO_CSUM6_TX, IFLA_GENEVE_UDP_ZERO_CSUM6_RX,
	};
	int r = kind_number(s, IFLA_GENEVE_ID, 4, g->id);

	if (!r && g->remote.family == AF_INET)
		r = kind_bytes(s, IFLA_GENEVE_REMOTE, g->remote.data, 4);
	else if (!r && g->remote.family == AF_INET6)
		r = kind_bytes(s, IFLA_GENEVE_REMOTE6, g->remote.data, 16);
	/* a change sends these only when a word said them */
	if (!r && (s->create || (g->seen & (1ull << IFLA_GENEVE_LABEL))))
		r = kind_number(s, IFLA_GENEVE_LABEL, 4, g->label);
	if (!r && (s->create || (g->seen & (1ull << IFLA_GENEVE_TTL))))
		r = kind_number(s, IFLA_GENEVE_TTL, 1, g->ttl);
	if (!r && (s->create || (g->seen & (1ull << IFLA_GENEVE_TOS))))
		r = kind_number(s, IFLA_GENEVE_TOS, 1, g->tos);
	if (!r && g->port)
		r = kind_number(s, IFLA_GENEVE_PORT, 2, htons(g->port));
	if (!r && g->on[IFLA_GENEVE_COLLECT_METADATA])
		r = kind_number(s, IFLA_GENEVE_COLLECT_METADATA, 0, 0);
	if (!r && g->on[IFLA_GENEVE_INNER_PROTO_INHERIT])
		r = kind_number(s, IFLA_GENEVE_INNER_PROTO_INHERIT, 0, 0);
	for (size_t i = 0; !r && i < sizeof(switches) / sizeof(switches[0]); i++)
		if (g->seen & (1ull << switches[i]))
			r = kind_number(s, switches[i], 1, g->on[switches[i]]);
	return r;
}

static const struct gn_word *find_word(const char *w)
{
	for (size_t k = 0; k < sizeof(gn_words) / sizeof(gn_words[0]); k++)
		if (gn_words[k].exact ? !strcmp(w, gn_words[k].word) : matches(w, gn_words[k].word))
			return &gn_words[k];
	return NULL;
}

int link_parse_geneve(struct link_spec *s, int argc, char **argv)
{
	struct gn_state g = { 0 };

	for (int i = 0; i < argc; i++) {
		const struct gn_word *k = find_word(argv[i]);
		const char *typed = argv[i];

		if (!k) {
			if (matches(argv[i], "help"))
				return geneve_usage();
			errmsg("geneve: unknown command \"%s\"?", argv[i]);
			return geneve_usage();
		}
		if (k->value && !iparg_next(argc, &i))
			return iparg_incomplete();
		if (g.seen & (1ull << k->attr))
			return iparg_duplicate(k->key ? k->key : typed, argv[i]);
		g.seen |= 1ull << k->attr;
		if (!k->value) {
			g.on[k->attr] = k->on;
			continue;
		}
		int r = read_value(s, &g, k->attr, argv[i]);
		if (r)
			return r;
	}
	bool external = g.on[IFLA_GENEVE_COLLECT_METADATA];
	if (external && (g.seen & (1ull << IFLA_GENEVE_ID)))
		return fail(EXIT_CMD, "geneve: both 'external' and vni cannot be specified");
	if (!external && !(g.seen & (1ull << IFLA_GENEVE_ID)))
		return fail(EXIT_CMD, "geneve: missing virtual network identifier");
	if (!external && s->create && g.remote.family != AF_INET && g.remote.family != AF_INET6)
		return fail(EXIT_CMD, "geneve: remote link partner not specified");
	return put_tail(s, &g);
}
