/* The words of `ip link add NAME type ipip|sit ...`: read whole, then
 * sent in iproute2's order. Changing an existing tunnel (ip merges the
 * words with what the kernel has) is refused. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net/if.h>     /* before linux/if_tunnel.h, whose linux/if.h then yields */
#include <linux/if_link.h>
#include <linux/if_tunnel.h>

#include "link_tnl.h"
#include "base/err.h"
#include "base/inet.h"
#include "base/parse.h"
#include "nl/route_names.h"

static int iptnl_usage(const char *kind)
{
	bool sit = !strcmp(kind, "sit");

	fprintf(stderr,
		"Usage: ... %-6s\t[ remote ADDR ]\n"
		"\t\t\t[ local ADDR ]\n"
		"\t\t\t[ ttl TTL ]\n"
		"\t\t\t[ tos TOS ]\n"
		"\t\t\t[ [no]pmtudisc ]\n"
		"\t\t\t[ 6rd-prefix ADDR ]\n"
		"\t\t\t[ 6rd-relay_prefix ADDR ]\n"
		"\t\t\t[ 6rd-reset ]\n"
		"\t\t\t[ dev PHYS_DEV ]\n"
		"\t\t\t[ fwmark MARK ]\n"
		"\t\t\t[ external ]\n"
		TNL_ENCAP_USAGE
		"\t\t\t[ mode %s ]\n"
		"\n"
		"Where:\tADDR := { IP_ADDRESS | any }\n"
		"\tTOS  := { NUMBER | inherit }\n"
		"\tTTL  := { 1..255 | inherit }\n"
		"\tMARK := { 0x0..0xffffffff }\n",
		kind, sit ? "{ ip6ip | ipip | mplsip | any } ]\n\t\t\t[ isatap" :
		"{ ipip | mplsip | any }");
	return EXIT_CMD;
}

struct tnl {
	bool sit, metadata;
	uint32_t proto, ttl, tos, link, fwmark;
	uint8_t pmtudisc;
	uint16_t iflags;
	struct tnl_encap e;
	struct inet_prefix local, remote, prefix6rd, relay6rd;
};

static int read_mode(struct tnl *t, const char *w)
{
	if (t->sit && (!strcmp(w, "ipv6/ipv4") || !strcmp(w, "ip6ip")))
		t->proto = IPPROTO_IPV6;
	else if (!strcmp(w, "ipv4/ipv4") || !strcmp(w, "ipip") || !strcmp(w, "ip4ip4"))
		t->proto = IPPROTO_IPIP;
	else if (!strcmp(w, "mpls/ipv4") || !strcmp(w, "mplsip"))
		t->proto = IPPROTO_MPLS;
	else if (!strcmp(w, "any/ipv4") || !strcmp(w, "any"))
		t->proto = 0;
	else
		return iparg_invalid("Cannot guess tunnel mode.", w);
	return 0;
}

/* A word with a value (at argv[*i] once found): 0, an exit code, or -1
 * when key is none of them. */
static int read_value(struct nl *nl, struct tnl *t, const char *key, int argc,
		      char **argv, int *i)
{
	static const char *const keys[] = {
		"mode", "remote", "local", "ttl", "hoplimit", "hlim", "tos", "tclass", "tc",
		"encap", "encap-sport", "encap-dport", "6rd-prefix", "6rd-relay_prefix",
		"fwmark", NULL
	};
	size_t k = 0;

	while (keys[k] && strcmp(key, keys[k]))
		k++;
	if (!keys[k] && !matches(key, "dev") && !matches(key, "dsfield"))
		return -1;
	if (!iparg_next(argc, i))
		return iparg_incomplete();
	const char *w = argv[*i];
	if (!keys[k] && matches(key, "dev"))
		return tnl_dev(nl, w, &t->link);
	if (!keys[k] || (k >= 6 && k <= 8)) {   /* tos, tclass, tc, dsfield */
		t->tos = 1;
		if (strcmp(w, "inherit") && rt_name_parse(RT_NAME_DSFIELD, w, &t->tos))
			return iparg_invalid("bad TOS value", w);
		return 0;
	}
	switch (k) {
	case 0:
		return read_mode(t, w);
	case 1:
		return inet_get_addr(w, AF_INET, &t->remote);
	case 2:
		return inet_get_addr(w, AF_INET, &t->local);
	case 3: case 4: case 5:
		t->ttl = 0;
		if (strcmp(w, "inherit") && (!parse_u32(w, &t->ttl) || t->ttl > 255))
			return iparg_invalid("invalid TTL\n", w);
		return 0;
	case 12:
		return inet_get_prefix(w, AF_INET6, &t->prefix6rd);
	case 13:
		return inet_get_prefix(w, AF_INET, &t->relay6rd);
	case 14:
		if (!parse_u32(w, &t->fwmark))
			return iparg_invalid("invalid fwmark\n", w);
		return 0;
	default:
		return tnl_encap_value(&t->e, key, w);
	}
}

/* A word without a value; false when it is none. */
static bool read_switch(struct tnl *t, const char *w)
{
	if (!strcmp(w, "nopmtudisc") || !strcmp(w, "pmtudisc"))
		t->pmtudisc = w[0] == 'p';
	else if (t->sit && !strcmp(w, "isatap"))
		t->iflags |= SIT_ISATAP;
	else if (!strcmp(w, "external"))
		t->metadata = true;
	else if (!strcmp(w, "6rd-reset")) {
		inet_prefix_parse("2002::/16", AF_INET6, &t->prefix6rd);
		t->relay6rd = (struct inet_prefix){ 0 };
	} else
		return tnl_encap_switch(&t->e, w);
	return true;
}

static int put_all(struct link_spec *s, const struct tnl *t)
{
	int r = kind_number(s, IFLA_IPTUN_PROTO, 1, t->proto);

	if (r || t->metadata)
		return r ? r : kind_number(s, IFLA_IPTUN_COLLECT_METADATA, 0, 0);
	if ((r = tnl_ends_put(s, AF_INET, IFLA_IPTUN_LOCAL, &t->local,
			      IFLA_IPTUN_REMOTE, &t->remote)))
		return r;
	if ((r = kind_number(s, IFLA_IPTUN_PMTUDISC, 1, t->pmtudisc)) ||
	    (r = kind_number(s, IFLA_IPTUN_TOS, 1, t->tos)) ||
	    (r = kind_number(s, IFLA_IPTUN_TTL, 1, t->ttl)) ||
	    (r = kind_number(s, IFLA_IPTUN_LINK, 4, t->link)) ||
	    (r = kind_number(s, IFLA_IPTUN_FWMARK, 4, t->fwmark)) ||
	    (r = tnl_encap_put(s, &t->e, IFLA_IPTUN_ENCAP_TYPE)))
		return r;
	if (!t->sit)
		return 0;
	if ((r = kind_number(s, IFLA_IPTUN_FLAGS, 2, t->iflags)))
		return r;
	if (t->prefix6rd.family == AF_INET6 && !t->prefix6rd.wildcard &&
	    ((r = kind_bytes(s, IFLA_IPTUN_6RD_PREFIX, t->prefix6rd.data, 16)) ||
	     (r = kind_number(s, IFLA_IPTUN_6RD_PREFIXLEN, 2, (uint32_t)t->prefix6rd.bitlen))))
		return r;
	if (t->relay6rd.family == AF_INET && !t->relay6rd.wildcard &&
	    ((r = kind_bytes(s, IFLA_IPTUN_6RD_RELAY_PREFIX, t->relay6rd.data, 4)) ||
	     (r = kind_number(s, IFLA_IPTUN_6RD_RELAY_PREFIXLEN, 2, (uint32_t)t->relay6rd.bitlen))))
		return r;
	return 0;
}

int link_parse_iptnl(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		     char **argv)
{
	struct tnl t = { .sit = !strcmp(kind, "sit"), .pmtudisc = 1 };

	if (!s->create)
		return tnl_refuse_change(kind);
	for (int i = 0; i < argc; i++) {
		int r = read_value(nl, &t, argv[i], argc, argv, &i);

		if (r < 0 && !read_switch(&t, argv[i]))
			return iptnl_usage(kind);   /* ip names no word */
		if (r > 0)
			return r;
	}
	if (t.ttl && !t.pmtudisc)
		return fail(EXIT_USAGE, "ttl != 0 and nopmtudisc are incompatible");
	return put_all(s, &t);
}
