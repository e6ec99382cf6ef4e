/* The words of `ip link add NAME type gre|gretap|erspan ...` (erspan alone
 * takes the erspan words), read whole and sent in iproute2 6.1's order; the key, sequence and checksum words, which
 * ip6gre and ip6gretap share, are read here too (gre_flag_word). */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net/if.h>     /* before linux/if_tunnel.h, whose linux/if.h then yields */
#include <linux/if_tunnel.h>

#include "link_tnl.h"
#include "base/err.h"
#include "base/parse.h"
#include "nl/route_names.h"

static int gre_usage(const char *kind, bool erspan)
{
	fprintf(stderr,
		"Usage: ... %-9s\t[ remote ADDR ]\n"
		"\t\t\t[ local ADDR ]\n"
		"\t\t\t[ [no][i|o]seq ]\n"
		"\t\t\t[ [i|o]key KEY | no[i|o]key ]\n"
		"\t\t\t[ [no][i|o]csum ]\n"
		"\t\t\t[ ttl TTL ]\n"
		"\t\t\t[ tos TOS ]\n"
		"\t\t\t[ [no]pmtudisc ]\n"
		"\t\t\t[ [no]ignore-df ]\n"
		"\t\t\t[ dev PHYS_DEV ]\n"
		"\t\t\t[ fwmark MARK ]\n"
		"\t\t\t[ external ]\n"
		TNL_ENCAP_USAGE
		"%s"
		"\n"
		"Where:\tADDR := { IP_ADDRESS | any }\n"
		"\tTOS  := { NUMBER | inherit }\n"
		"\tTTL  := { 1..255 | inherit }\n"
		"\tKEY  := { DOTTED_QUAD | NUMBER }\n"
		"\tMARK := { 0x0..0xffffffff }\n", kind, erspan ?
		"\t\t\t[ erspan_ver version ]\n"
		"\t\t\t[ erspan IDX ]\n"
		"\t\t\t[ erspan_dir { ingress | egress } ]\n"
		"\t\t\t[ erspan_hwid hwid ]\n" : "");
	return EXIT_CMD;
}

/* In ip's order, all abbreviable: three groups of six, each "X", "noX",
 * "iX", "noiX", "oX", "nooX", for the key, the sequence numbers and the
 * checksums. */
static const char *const flag_words[] = {
	"key", "nokey", "ikey", "noikey", "okey", "nookey",
	"seq", "noseq", "iseq", "noiseq", "oseq", "nooseq",
	"csum", "nocsum", "icsum", "noicsum", "ocsum", "noocsum", NULL
};

int gre_flag_word(struct gre_keys *k, int argc, char **argv, int *i)
{
	static const uint16_t flag[] = { GRE_KEY, GRE_SEQ, GRE_CSUM };
	int w = match_first(argv[*i], flag_words);

	if (w < 0)
		return -1;
	int group = w / 6, dir = w % 6 / 2;     /* dir: 0 both, 1 in, 2 out */
	bool off = w % 2, in = dir != 2, out = dir != 1;
	uint32_t key = 0;
	if (!group && !off) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		int r = tnl_key(flag_words[w], argv[*i], &key);
		if (r)
			return r;
	}
	if (in) {
		k->iflags = off ? k->iflags & (uint16_t)~flag[group] : k->iflags | flag[group];
		if (!group)
			k->ikey = key;
	}
	if (out) {
		k->oflags = off ? k->oflags & (uint16_t)~flag[group] : k->oflags | flag[group];
		if (!group)
			k->okey = key;
	}
	return 0;
}

struct gre {
	struct gre_keys k;
	struct tnl_encap e;
	struct tnl_erspan er;
	struct inet_prefix local, remote;
	uint32_t link, fwmark;
	uint8_t pmtudisc, ignore_df, tos, ttl;
	bool metadata, erspan;
};

/* After the flag words, in ip's order: the abbreviable ones ... */
enum { W_NOPMTU, W_PMTU, W_REMOTE, W_LOCAL, W_DEV, W_TTL, W_HOPLIMIT, W_HLIM,
       W_TOS, W_TCLASS, W_DSFIELD, W_FWMARK, W_ENCAP, W_SPORT, W_DPORT,
       W_ERSPAN, W_ERSPAN_VER, W_ERSPAN_DIR, W_ERSPAN_HWID, W_N };
static const struct keyword words[W_N] = {
	{ "nopmtudisc", true }, { "pmtudisc", true }, { "remote", true },
	{ "local", true }, { "dev", true }, { "ttl", true }, { "hoplimit", true },
	{ "hlim", true }, { "tos", true }, { "tclass", true }, { "dsfield", true },
	/* ... and those with a value that are whole words */
	{ "fwmark", false }, { "encap", false }, { "encap-sport", false },
	{ "encap-dport", false },
	/* erspan's only */
	{ "erspan", false }, { "erspan_ver", false }, { "erspan_dir", false },
	{ "erspan_hwid", false },
};

static int read_value(struct nl *nl, struct gre *g, int k, const char *w)
{
	uint32_t v;

	switch (k) {
	case W_REMOTE:
		return inet_get_addr(w, AF_INET, &g->remote);
	case W_LOCAL:
		return inet_get_addr(w, AF_INET, &g->local);
	case W_DEV:
		return tnl_dev(nl, w, &g->link);
	case W_TTL: case W_HOPLIMIT: case W_HLIM:
		v = 0;
		if (strcmp(w, "inherit") && !tnl_number(w, 0, 0xff, &v))
			return iparg_invalid("invalid TTL\n", w);
		g->ttl = (uint8_t)v;
		return 0;
	case W_TOS: case W_TCLASS: case W_DSFIELD:
		v = 1;
		if (strcmp(w, "inherit") && rt_name_parse(RT_NAME_DSFIELD, w, &v))
			return iparg_invalid("bad TOS value", w);
		g->tos = (uint8_t)v;
		return 0;
	case W_FWMARK:
		if (!tnl_number(w, 0, UINT32_MAX, &g->fwmark))
			return iparg_invalid("invalid fwmark\n", w);
		return 0;
	case W_ENCAP: case W_SPORT: case W_DPORT:
		return tnl_encap_value(&g->e, words[k].word, w);
	default:
		return tnl_erspan_value(&g->er, words[k].word, w);
	}
}

/* A word without a value; false when it is none. */
static bool read_switch(struct gre *g, const char *w)
{
	if (!strcmp(w, "external"))
		g->metadata = true;
	else if (!strcmp(w, "ignore-df"))
		g->ignore_df = 1;
	else if (!strcmp(w, "noignore-df"))
		g->ignore_df = 2;       /* sent as 0, but sent: ip's "given" bit */
	else
		return tnl_encap_switch(&g->e, w);
	return true;
}

static int read_word(struct nl *nl, struct gre *g, int argc, char **argv, int *i)
{
	int r = gre_flag_word(&g->k, argc, argv, i);

	if (r >= 0)
		return r;
	int k = keyword_find(words, g->erspan ? W_N : W_ERSPAN, argv[*i]);
	if (k == W_NOPMTU || k == W_PMTU) {
		g->pmtudisc = k == W_PMTU;
		return 0;
	}
	if (k < (g->erspan ? W_N : W_ERSPAN)) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		return read_value(nl, g, k, argv[*i]);
	}
	return read_switch(g, argv[*i]) ? 0 : -1;
}

/* A multicast remote: ip keys the tunnel with the group's address, where
 * no key was given, and wants a local address. */
static int broadcast(struct gre *g)
{
	if (g->remote.family != AF_INET || g->remote.wildcard ||
	    (g->remote.data[0] & 0xf0) != 0xe0)
		return 0;
	if (!g->k.ikey) {
		memcpy(&g->k.ikey, g->remote.data, 4);
		g->k.iflags |= GRE_KEY;
	}
	if (!g->k.okey) {
		memcpy(&g->k.okey, g->remote.data, 4);
		g->k.oflags |= GRE_KEY;
	}
	if (!tnl_addr_given(&g->local, AF_INET))
		return fail(EXIT_CMD, "A broadcast tunnel requires a source address.");
	return 0;
}

int gre_keys_put(struct link_spec *s, const struct gre_keys *k)
{
	int r;

	if ((r = kind_bytes(s, IFLA_GRE_IKEY, &k->ikey, 4)) ||
	    (r = kind_bytes(s, IFLA_GRE_OKEY, &k->okey, 4)) ||
	    (r = kind_number(s, IFLA_GRE_IFLAGS, 2, k->iflags)))
		return r;
	return kind_number(s, IFLA_GRE_OFLAGS, 2, k->oflags);
}

static int put_all(struct link_spec *s, const struct gre *g)
{
	int r;

	if (g->metadata)
		return kind_number(s, IFLA_GRE_COLLECT_METADATA, 0, 0);
	if ((r = gre_keys_put(s, &g->k)))
		return r;
	if ((r = tnl_ends_put(s, AF_INET, IFLA_GRE_LOCAL, &g->local,
			      IFLA_GRE_REMOTE, &g->remote)))
		return r;
	if ((r = kind_number(s, IFLA_GRE_PMTUDISC, 1, g->pmtudisc)) ||
	    (g->ignore_df && (r = kind_number(s, IFLA_GRE_IGNORE_DF, 1, g->ignore_df & 1))) ||
	    (r = kind_number(s, IFLA_GRE_TOS, 1, g->tos)) ||
	    (g->link && (r = kind_number(s, IFLA_GRE_LINK, 4, g->link))) ||
	    (r = kind_number(s, IFLA_GRE_TTL, 1, g->ttl)) ||
	    (r = kind_number(s, IFLA_GRE_FWMARK, 4, g->fwmark)) ||
	    (g->erspan && (r = tnl_erspan_put(s, &g->er))))
		return r;
	return tnl_encap_put(s, &g->e, IFLA_GRE_ENCAP_TYPE);
}

int link_parse_gre(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		   char **argv)
{
	struct gre g = { .pmtudisc = 1, .er.ver = 1, .erspan = !strcmp(kind, "erspan") };

	if (!s->create)
		return tnl_refuse_change(kind);
	for (int i = 0; i < argc; i++) {
		int r = read_word(nl, &g, argc, argv, &i);

		if (r < 0)
			return gre_usage(kind, g.erspan);     /* ip names no word */
		if (r > 0)
			return r;
	}
	int r = broadcast(&g);
	return r ? r : put_all(s, &g);
}
