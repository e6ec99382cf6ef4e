/* The words of `ip link add NAME type ip6gre|ip6gretap|ip6erspan ...`: GRE's key,
 * sequence and checksum words (link_gre.c), IPv6 addresses and the IPv6
 * tunnel's flow words (link_tnl.c); read whole and sent in iproute2
 * 6.1's order. ip 6.1 takes the erspan words for all three and always
 * sends the ERSPAN version: so does nsip. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net/if.h>     /* before linux/if_tunnel.h, whose linux/if.h then yields */
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>

#include "link_tnl.h"
#include "base/err.h"
#include "base/parse.h"

static int gre6_usage(const char *kind)
{
	fprintf(stderr,
		"Usage: ... %-9s\t[ remote ADDR ]\n"
		"\t\t\t[ local ADDR ]\n"
		"\t\t\t[ [no][i|o]seq ]\n"
		"\t\t\t[ [i|o]key KEY | no[i|o]key ]\n"
		"\t\t\t[ [no][i|o]csum ]\n"
		"\t\t\t[ hoplimit TTL ]\n"
		"\t\t\t[ encaplimit ELIM ]\n"
		"\t\t\t[ tclass TCLASS ]\n"
		"\t\t\t[ flowlabel FLOWLABEL ]\n"
		"\t\t\t[ dscp inherit ]\n"
		"\t\t\t[ dev PHYS_DEV ]\n"
		"\t\t\t[ fwmark MARK ]\n"
		"\t\t\t[ [no]allow-localremote ]\n"
		"\t\t\t[ external ]\n"
		"\t\t\t[ noencap ]\n"
		"\t\t\t[ encap { fou | gue | none } ]\n"
		"\t\t\t[ encap-sport PORT ]\n"
		"\t\t\t[ encap-dport PORT ]\n"
		"\t\t\t[ [no]encap-csum ]\n"
		"\t\t\t[ [no]encap-csum6 ]\n"
		"\t\t\t[ [no]encap-remcsum ]\n"
		"\t\t\t[ erspan_ver version ]\n"
		"\t\t\t[ erspan IDX ]\n"
		"\t\t\t[ erspan_dir { ingress | egress } ]\n"
		"\t\t\t[ erspan_hwid hwid ]\n"
		"\n"
		"Where:\tADDR\t  := IPV6_ADDRESS\n"
		"\tTTL\t  := { 0..255 } (default=64)\n"
		"\tKEY\t  := { DOTTED_QUAD | NUMBER }\n"
		"\tELIM\t  := { none | 0..255 }(default=4)\n"
		"\tTCLASS\t  := { 0x0..0xff | inherit }\n"
		"\tFLOWLABEL := { 0x0..0xfffff | inherit }\n"
		"\tMARK\t  := { 0x0..0xffffffff | inherit }\n", kind);
	return EXIT_CMD;
}

struct gre6 {
	struct gre_keys k;
	struct tnl_encap e;
	struct tnl6 t;
	struct inet_prefix local, remote;
	struct tnl_erspan er;
	uint32_t link;
	bool metadata;
};

/* After the flag words, in ip's order: abbreviable ones, then whole ones. */
enum { W_REMOTE, W_LOCAL, W_DEV, W_TTL, W_HOPLIMIT, W_HLIM, W_TOS, W_TCLASS,
       W_DSFIELD, W_FLOWLABEL, W_FL, W_DSCP, W_ENCAP, W_SPORT, W_DPORT,
       W_FWMARK, W_ENCAPLIMIT, W_ERSPAN, W_ERSPAN_VER, W_ERSPAN_DIR,
       W_ERSPAN_HWID, W_N };
static const struct keyword words[W_N] = {
	{ "remote", true }, { "local", true }, { "dev", true }, { "ttl", true },
	{ "hoplimit", true }, { "hlim", true }, { "tos", true }, { "tclass", true },
	{ "dsfield", true }, { "flowlabel", false }, { "fl", false }, { "dscp", false },
	{ "encap", false }, { "encap-sport", false }, { "encap-dport", false },
	{ "fwmark", false }, { "encaplimit", false }, { "erspan", false },
	{ "erspan_ver", false }, { "erspan_dir", false }, { "erspan_hwid", false },
};

static int read_value(struct nl *nl, struct gre6 *g, int k, const char *w)
{
	switch (k) {
	case W_REMOTE:
		return inet_get_addr(w, AF_INET6, &g->remote);
	case W_LOCAL:
		return inet_get_addr(w, AF_INET6, &g->local);
	case W_DEV:
		return tnl_dev(nl, w, &g->link);
	case W_TTL: case W_HOPLIMIT: case W_HLIM:
		return tnl6_hoplimit(&g->t, w);
	case W_TOS: case W_TCLASS: case W_DSFIELD:
		return tnl6_tclass(&g->t, w);
	case W_FLOWLABEL: case W_FL:
		return tnl6_flowlabel(&g->t, w);
	case W_DSCP:
		return tnl6_dscp(&g->t, w);
	case W_FWMARK:
		return tnl6_fwmark(&g->t, w);
	case W_ENCAPLIMIT:
		return tnl6_encaplimit(&g->t, w);
	case W_ENCAP: case W_SPORT: case W_DPORT:
		return tnl_encap_value(&g->e, words[k].word, w);
	default:
		return tnl_erspan_value(&g->er, words[k].word, w);
	}
}

/* A word without a value; false when it is none. */
static bool read_switch(struct gre6 *g, const char *w)
{
	if (!strcmp(w, "external"))
		g->metadata = true;
	else if (!strcmp(w, "allow-localremote"))
		g->t.flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
	else if (!strcmp(w, "noallow-localremote"))
		g->t.flags &= ~(uint32_t)IP6_TNL_F_ALLOW_LOCAL_REMOTE;
	else
		return tnl_encap_switch(&g->e, w);
	return true;
}

static int read_word(struct nl *nl, struct gre6 *g, int argc, char **argv, int *i)
{
	int r = gre_flag_word(&g->k, argc, argv, i);

	if (r >= 0)
		return r;
	int k = keyword_find(words, W_N, argv[*i]);
	if (k < W_N) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		return read_value(nl, g, k, argv[*i]);
	}
	return read_switch(g, argv[*i]) ? 0 : -1;
}

static int put_all(struct link_spec *s, const struct gre6 *g)
{
	int r;

	if (g->metadata)
		return kind_number(s, IFLA_GRE_COLLECT_METADATA, 0, 0);
	if ((r = gre_keys_put(s, &g->k)))
		return r;
	if ((r = tnl_ends_put(s, AF_INET6, IFLA_GRE_LOCAL, &g->local,
			      IFLA_GRE_REMOTE, &g->remote)))
		return r;
	if ((g->link && (r = kind_number(s, IFLA_GRE_LINK, 4, g->link))) ||
	    (r = kind_number(s, IFLA_GRE_TTL, 1, g->t.hoplimit)) ||
	    (r = kind_number(s, IFLA_GRE_ENCAP_LIMIT, 1, g->t.encaplimit)) ||
	    (r = kind_number(s, IFLA_GRE_FLOWINFO, 4, htonl(g->t.flowinfo))) ||
	    (r = kind_number(s, IFLA_GRE_FLAGS, 4, g->t.flags)) ||
	    (r = kind_number(s, IFLA_GRE_FWMARK, 4, g->t.fwmark)) ||
	    (r = tnl_erspan_put(s, &g->er)))
		return r;
	return tnl_encap_put(s, &g->e, IFLA_GRE_ENCAP_TYPE);
}

int link_parse_gre6(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		    char **argv)
{
	struct gre6 g = { .t = TNL6_INIT, .er.ver = 1,
			  .e.flags = TUNNEL_ENCAP_FLAG_CSUM6 };

	if (!s->create)
		return tnl_refuse_change(kind);
	for (int i = 0; i < argc; i++) {
		int r = read_word(nl, &g, argc, argv, &i);

		if (r < 0)
			return gre6_usage(kind);    /* ip names no word */
		if (r > 0)
			return r;
	}
	return put_all(s, &g);
}
