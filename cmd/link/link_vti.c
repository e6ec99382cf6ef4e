/* The words of `ip link add NAME type vti|vti6 ...` (IPsec virtual
 * tunnels; vti6 takes IPv6 addresses), read whole and sent in iproute2
 * 6.1's order. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net/if.h>     /* before linux/if_tunnel.h, whose linux/if.h then yields */
#include <linux/if_tunnel.h>

#include "link_tnl.h"
#include "base/err.h"
#include "base/parse.h"

static int vti_usage(const char *kind, bool v6)
{
	fprintf(stderr,
		"Usage: ... %-4s\t[ remote ADDR ]\n"
		"\t\t[ local ADDR ]\n"
		"\t\t[ [i|o]key KEY ]\n"
		"\t\t[ dev PHYS_DEV ]\n"
		"\t\t[ fwmark MARK ]\n"
		"\n"
		"Where:\tADDR := { %s }\n"
		"\tKEY  := { DOTTED_QUAD | NUMBER }\n"
		"\tMARK := { 0x0..0xffffffff }\n", kind, v6 ? "IPV6_ADDRESS" : "IP_ADDRESS");
	return EXIT_CMD;
}

struct vti {
	int family;
	uint32_t ikey, okey, link, fwmark;     /* keys in network order */
	struct inet_prefix local, remote;
};

/* In ip's order; fwmark alone is whole. */
enum { W_KEY, W_IKEY, W_OKEY, W_REMOTE, W_LOCAL, W_DEV, W_FWMARK, W_N };
static const struct keyword words[W_N] = {
	{ "key", true }, { "ikey", true }, { "okey", true }, { "remote", true },
	{ "local", true }, { "dev", true }, { "fwmark", false },
};

static int read_value(struct nl *nl, struct vti *v, int k, const char *w)
{
	int r;

	switch (k) {
	case W_KEY:
		if (!(r = tnl_key("key", w, &v->ikey)))
			v->okey = v->ikey;
		return r;
	case W_IKEY:
		return tnl_key("ikey", w, &v->ikey);
	case W_OKEY:
		return tnl_key("okey", w, &v->okey);
	case W_REMOTE:
		return inet_get_addr(w, v->family, &v->remote);
	case W_LOCAL:
		return inet_get_addr(w, v->family, &v->local);
	case W_DEV:
		return tnl_dev(nl, w, &v->link);
	default:
		if (!tnl_number(w, 0, UINT32_MAX, &v->fwmark))
			return iparg_invalid("invalid fwmark\n", w);
		return 0;
	}
}

static int put_all(struct link_spec *s, const struct vti *v)
{
	int r;

	if ((r = kind_bytes(s, IFLA_VTI_IKEY, &v->ikey, 4)) ||
	    (r = kind_bytes(s, IFLA_VTI_OKEY, &v->okey, 4)))
		return r;
	if ((r = tnl_ends_put(s, v->family, IFLA_VTI_LOCAL, &v->local,
			      IFLA_VTI_REMOTE, &v->remote)))
		return r;
	if ((r = kind_number(s, IFLA_VTI_FWMARK, 4, v->fwmark)))
		return r;
	return v->link ? kind_number(s, IFLA_VTI_LINK, 4, v->link) : 0;
}

int link_parse_vti(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		   char **argv)
{
	bool v6 = !strcmp(kind, "vti6");
	struct vti v = { .family = v6 ? AF_INET6 : AF_INET };

	if (!s->create)
		return tnl_refuse_change(kind);
	for (int i = 0; i < argc; i++) {
		int k = keyword_find(words, W_N, argv[i]);

		if (k == W_N)
			return vti_usage(kind, v6);     /* ip names no word */
		if (!iparg_next(argc, &i))
			return iparg_incomplete();
		int r = read_value(nl, &v, k, argv[i]);
		if (r)
			return r;
	}
	return put_all(s, &v);
}
