/* The words of `ip link add NAME type ip6tnl ...`: IPv4 or IPv6 in IPv6,
 * read whole and sent in iproute2 6.1's order. Unlike ip6gre, ip6tnl
 * takes most words only whole (dev and dsfield excepted). */
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

static int ip6tnl_usage(void)
{
	fputs("Usage: ... ip6tnl\t[ remote ADDR ]\n"
	      "\t\t\t[ local ADDR ]\n"
	      "\t\t\t[ encaplimit ELIM ]\n"
	      "\t\t\t[ hoplimit HLIM ]\n"
	      "\t\t\t[ tclass TCLASS ]\n"
	      "\t\t\t[ flowlabel FLOWLABEL ]\n"
	      "\t\t\t[ dscp inherit ]\n"
	      "\t\t\t[ [no]allow-localremote ]\n"
	      "\t\t\t[ dev PHYS_DEV ]\n"
	      "\t\t\t[ fwmark MARK ]\n"
	      "\t\t\t[ external ]\n"
	      TNL_ENCAP_USAGE
	      "\t\t\t[ mode { ip6ip6 | ipip6 | any } ]\n"
	      "\n"
	      "Where:\tADDR\t  := IPV6_ADDRESS\n"
	      "\tELIM\t  := { none | 0..255 }(default=4)\n"
	      "\tHLIM\t  := 0..255 (default=64)\n"
	      "\tTCLASS    := { 0x0..0xff | inherit }\n"
	      "\tFLOWLABEL := { 0x0..0xfffff | inherit }\n"
	      "\tMARK\t  := { 0x0..0xffffffff | inherit }\n", stderr);
	return EXIT_CMD;
}

struct ip6tnl {
	struct tnl_encap e;
	struct tnl6 t;
	struct inet_prefix local, remote;
	uint32_t link;
	uint8_t proto;
	bool metadata;
};

/* The words with a value, in ip's order. */
enum { W_MODE, W_REMOTE, W_LOCAL, W_DEV, W_TTL, W_HOPLIMIT, W_HLIM,
       W_ENCAPLIMIT, W_TOS, W_TCLASS, W_TC, W_DSFIELD, W_FLOWLABEL, W_FL,
       W_DSCP, W_FWMARK, W_ENCAP, W_SPORT, W_DPORT, W_N };
static const struct keyword words[W_N] = {
	{ "mode", false }, { "remote", false }, { "local", false }, { "dev", true },
	{ "ttl", false }, { "hoplimit", false }, { "hlim", false },
	{ "encaplimit", false }, { "tos", false }, { "tclass", false }, { "tc", false },
	{ "dsfield", true }, { "flowlabel", false }, { "fl", false }, { "dscp", false },
	{ "fwmark", false }, { "encap", false }, { "encap-sport", false },
	{ "encap-dport", false },
};

static int read_mode(struct ip6tnl *t, const char *w)
{
	if (!strcmp(w, "ipv6/ipv6") || !strcmp(w, "ip6ip6"))
		t->proto = IPPROTO_IPV6;
	else if (!strcmp(w, "ip/ipv6") || !strcmp(w, "ipv4/ipv6") ||
		 !strcmp(w, "ipip6") || !strcmp(w, "ip4ip6"))
		t->proto = IPPROTO_IPIP;
	else if (!strcmp(w, "any/ipv6") || !strcmp(w, "any"))
		t->proto = 0;
	else
		return iparg_invalid("Cannot guess tunnel mode.", w);
	return 0;
}

static int read_value(struct nl *nl, struct ip6tnl *t, int k, const char *w)
{
	switch (k) {
	case W_MODE:
		return read_mode(t, w);
	case W_REMOTE:
		return inet_get_addr(w, AF_INET6, &t->remote);
	case W_LOCAL:
		return inet_get_addr(w, AF_INET6, &t->local);
	case W_DEV:
		return tnl_dev(nl, w, &t->link);
	case W_TTL: case W_HOPLIMIT: case W_HLIM:
		return tnl6_hoplimit(&t->t, w);
	case W_ENCAPLIMIT:
		/* ip 6.1 takes any word here and sends what its stack
		 * held for a bad one; nsip refuses it as ip6gre does */
		return tnl6_encaplimit(&t->t, w);
	case W_TOS: case W_TCLASS: case W_TC: case W_DSFIELD:
		return tnl6_tclass(&t->t, w);
	case W_FLOWLABEL: case W_FL:
		return tnl6_flowlabel(&t->t, w);
	case W_DSCP:
		return tnl6_dscp(&t->t, w);
	case W_FWMARK:
		return tnl6_fwmark(&t->t, w);
	default:
		return tnl_encap_value(&t->e, words[k].word, w);
	}
}

/* A word without a value; false when it is none. */
static bool read_switch(struct ip6tnl *t, const char *w)
{
	if (!strcmp(w, "allow-localremote"))
		t->t.flags |= IP6_TNL_F_ALLOW_LOCAL_REMOTE;
	else if (!strcmp(w, "noallow-localremote"))
		t->t.flags &= ~(uint32_t)IP6_TNL_F_ALLOW_LOCAL_REMOTE;
	else if (!strcmp(w, "external"))
		t->metadata = true;
	else
		return tnl_encap_switch(&t->e, w);
	return true;
}

static int put_all(struct link_spec *s, const struct ip6tnl *t)
{
	int r = kind_number(s, IFLA_IPTUN_PROTO, 1, t->proto);

	if (r || t->metadata)
		return r ? r : kind_number(s, IFLA_IPTUN_COLLECT_METADATA, 0, 0);
	if ((r = tnl_ends_put(s, AF_INET6, IFLA_IPTUN_LOCAL, &t->local,
			      IFLA_IPTUN_REMOTE, &t->remote)))
		return r;
	if ((r = kind_number(s, IFLA_IPTUN_TTL, 1, t->t.hoplimit)) ||
	    (r = kind_number(s, IFLA_IPTUN_ENCAP_LIMIT, 1, t->t.encaplimit)) ||
	    (r = kind_number(s, IFLA_IPTUN_FLOWINFO, 4, htonl(t->t.flowinfo))) ||
	    (r = kind_number(s, IFLA_IPTUN_FLAGS, 4, t->t.flags)) ||
	    (r = kind_number(s, IFLA_IPTUN_LINK, 4, t->link)) ||
	    (r = kind_number(s, IFLA_IPTUN_FWMARK, 4, t->t.fwmark)))
		return r;
	return tnl_encap_put(s, &t->e, IFLA_IPTUN_ENCAP_TYPE);
}

int link_parse_ip6tnl(struct nl *nl, struct link_spec *s, int argc, char **argv)
{
	struct ip6tnl t = { .t = TNL6_INIT, .e.flags = TUNNEL_ENCAP_FLAG_CSUM6 };

	if (!s->create)
		return tnl_refuse_change("ip6tnl");
	for (int i = 0; i < argc; i++) {
		int k = keyword_find(words, W_N, argv[i]), r = 0;

		if (k < W_N) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			r = read_value(nl, &t, k, argv[i]);
		} else if (!read_switch(&t, argv[i]))
			return ip6tnl_usage();      /* ip names no word */
		if (r)
			return r;
	}
	return put_all(s, &t);
}
