/* The values the IP tunnel kinds read alike (see link_tnl.h): each is
 * read as iproute2 6.1 reads it, with its message and exit code. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <net/if.h>     /* before linux/if_tunnel.h, whose linux/if.h then yields */
#include <linux/if_tunnel.h>
#include <linux/ip6_tunnel.h>

#include "link_tnl.h"
#include "base/err.h"
#include "base/parse.h"
#include "nl/link_lookup.h"

#define FLOWINFO_TCLASS 0x0ff00000u
#define FLOWINFO_LABEL 0x000fffffu

int tnl_dev(struct nl *nl, const char *name, uint32_t *link)
{
	int index = link_index(nl, name);

	if (index < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!index)   /* ip exits with nodev()'s -1 here: 255 */
		return fail(EXIT_USAGE, "Cannot find device \"%s\"", name);
	*link = (uint32_t)index;
	return 0;
}

bool tnl_number(const char *word, int base, uint32_t max, uint32_t *out)
{
	char *end;

	if (!*word)
		return false;
	errno = 0;
	unsigned long v = strtoul(word, &end, base);
	/* strtoul takes "-1" as ULONG_MAX, which the maximum then refuses */
	if (end == word || *end || (v == ULONG_MAX && errno == ERANGE) || v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

int tnl_key(const char *name, const char *word, uint32_t *key)
{
	struct inet_prefix a;
	uint32_t v;

	if (strchr(word, '.')) {
		if (inet_addr_parse(word, AF_INET, &a) < 0 || a.family != AF_INET)
			return fail(EXIT_CMD, "Error: an IP address is expected rather "
				    "than \"%s\"", word);
		memcpy(key, a.data, 4);
		return 0;
	}
	if (!tnl_number(word, 0, UINT_MAX, &v))
		return fail(EXIT_USAGE, "invalid value for \"%s\": \"%s\"; it should be "
			    "an unsigned integer", name, word);
	*key = htonl(v);
	return 0;
}

bool tnl_addr_given(const struct inet_prefix *a, int family)
{
	static const unsigned char zero[16];
	size_t len = family == AF_INET ? 4 : 16;

	return a->family == family && !a->wildcard && memcmp(a->data, zero, len);
}

int tnl_ends_put(struct link_spec *s, int family, uint16_t local_attr,
		 const struct inet_prefix *local, uint16_t remote_attr,
		 const struct inet_prefix *remote)
{
	uint8_t len = family == AF_INET ? 4 : 16;
	int r = 0;

	if (tnl_addr_given(local, family))
		r = kind_bytes(s, local_attr, local->data, len);
	if (!r && tnl_addr_given(remote, family))
		r = kind_bytes(s, remote_attr, remote->data, len);
	return r;
}

int tnl_encap_value(struct tnl_encap *e, const char *key, const char *w)
{
	uint32_t v;

	if (!strcmp(key, "encap")) {
		if (!strcmp(w, "fou"))
			e->type = TUNNEL_ENCAP_FOU;
		else if (!strcmp(w, "gue"))
			e->type = TUNNEL_ENCAP_GUE;
		else if (!strcmp(w, "none"))
			e->type = TUNNEL_ENCAP_NONE;
		else
			return iparg_invalid("Invalid encap type.", w);
		return 0;
	}
	bool sport = !strcmp(key, "encap-sport");
	if (sport && !strcmp(w, "auto")) {
		e->sport = 0;
		return 0;
	}
	if (!tnl_number(w, 0, 0xffff, &v))
		return iparg_invalid(sport ? "Invalid source port." :
				     "Invalid destination port.", w);
	*(sport ? &e->sport : &e->dport) = (uint16_t)v;
	return 0;
}

bool tnl_encap_switch(struct tnl_encap *e, const char *w)
{
	static const struct { const char *word; uint16_t flag; } flags[] = {
		{ "encap-csum", TUNNEL_ENCAP_FLAG_CSUM },
		{ "encap-udp6-csum", TUNNEL_ENCAP_FLAG_CSUM6 },
		{ "encap-remcsum", TUNNEL_ENCAP_FLAG_REMCSUM },
	};

	if (!strcmp(w, "noencap")) {
		e->type = TUNNEL_ENCAP_NONE;
		return true;
	}
	bool off = !strncmp(w, "no", 2);
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (!strcmp(w + (off ? 2 : 0), flags[i].word)) {
			if (off)
				e->flags &= (uint16_t)~flags[i].flag;
			else
				e->flags |= flags[i].flag;
			return true;
		}
	return false;
}

int tnl_encap_put(struct link_spec *s, const struct tnl_encap *e, uint16_t first)
{
	int r;

	if ((r = kind_number(s, first, 2, e->type)) ||
	    (r = kind_number(s, (uint16_t)(first + 1), 2, e->flags)) ||
	    (r = kind_number(s, (uint16_t)(first + 2), 2, htons(e->sport))))
		return r;
	return kind_number(s, (uint16_t)(first + 3), 2, htons(e->dport));
}

int tnl6_hoplimit(struct tnl6 *t, const char *w)
{
	uint32_t v;

	if (!strcmp(w, "inherit")) {
		t->hoplimit = 0;
		return 0;
	}
	if (!tnl_number(w, 0, 0xff, &v))
		return iparg_invalid("invalid HLIM\n", w);
	t->hoplimit = (uint8_t)v;
	return 0;
}

int tnl6_tclass(struct tnl6 *t, const char *w)
{
	uint32_t v;

	t->flowinfo &= ~FLOWINFO_TCLASS;
	if (!strcmp(w, "inherit")) {
		t->flags |= IP6_TNL_F_USE_ORIG_TCLASS;
		return 0;
	}
	if (!tnl_number(w, 16, 0xff, &v))   /* hex, with or without 0x */
		return iparg_invalid("invalid TClass", w);
	t->flowinfo |= v << 20;
	t->flags &= ~(uint32_t)IP6_TNL_F_USE_ORIG_TCLASS;
	return 0;
}

int tnl6_flowlabel(struct tnl6 *t, const char *w)
{
	uint32_t v;

	t->flowinfo &= ~FLOWINFO_LABEL;
	if (!strcmp(w, "inherit")) {
		t->flags |= IP6_TNL_F_USE_ORIG_FLOWLABEL;
		return 0;
	}
	if (!tnl_number(w, 16, UINT32_MAX, &v) || v > FLOWINFO_LABEL)
		return iparg_invalid("invalid Flowlabel", w);
	t->flowinfo |= v;
	t->flags &= ~(uint32_t)IP6_TNL_F_USE_ORIG_FLOWLABEL;
	return 0;
}

int tnl6_dscp(struct tnl6 *t, const char *w)
{
	if (strcmp(w, "inherit"))
		return iparg_invalid("not inherit", w);
	t->flags |= IP6_TNL_F_RCV_DSCP_COPY;
	return 0;
}

int tnl6_fwmark(struct tnl6 *t, const char *w)
{
	if (!strcmp(w, "inherit")) {
		t->flags |= IP6_TNL_F_USE_ORIG_FWMARK;
		t->fwmark = 0;
		return 0;
	}
	if (!tnl_number(w, 0, UINT32_MAX, &t->fwmark))
		return iparg_invalid("invalid fwmark\n", w);
	t->flags &= ~(uint32_t)IP6_TNL_F_USE_ORIG_FWMARK;
	return 0;
}

int tnl6_encaplimit(struct tnl6 *t, const char *w)
{
	uint32_t v;

	if (!strcmp(w, "none")) {
		t->flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
		return 0;
	}
	if (!tnl_number(w, 0, 0xff, &v))
		return iparg_invalid("invalid ELIM", w);
	t->encaplimit = (uint8_t)v;
	t->flags &= ~(uint32_t)IP6_TNL_F_IGN_ENCAP_LIMIT;
	return 0;
}

int tnl_erspan_value(struct tnl_erspan *e, const char *key, const char *w)
{
	uint32_t v;

	if (!strcmp(key, "erspan")) {
		if (!tnl_number(w, 0, UINT32_MAX, &v))
			return iparg_invalid("invalid erspan index\n", w);
		if (v & ~0xfffffu || !v)
			return iparg_invalid("erspan index must be > 0 and <= 20-bit\n", w);
		e->idx = v;
	} else if (!strcmp(key, "erspan_ver")) {
		if (!tnl_number(w, 0, 0xff, &v))
			return iparg_invalid("invalid erspan version\n", w);
		if (v > 2)
			return iparg_invalid("erspan version must be 0/1/2\n", w);
		e->ver = (uint8_t)v;
	} else if (!strcmp(key, "erspan_dir")) {
		if (matches(w, "ingress"))
			e->dir = 0;
		else if (matches(w, "egress"))
			e->dir = 1;
		else
			return iparg_invalid("Invalid erspan direction.", w);
	} else {
		if (!tnl_number(w, 0, 0xffff, &v))
			return iparg_invalid("invalid erspan hwid\n", w);
		e->hwid = (uint16_t)v;
	}
	return 0;
}

int tnl_erspan_put(struct link_spec *s, const struct tnl_erspan *e)
{
	int r = kind_number(s, IFLA_GRE_ERSPAN_VER, 1, e->ver);

	if (r)
		return r;
	if (e->ver == 1 && e->idx)
		return kind_number(s, IFLA_GRE_ERSPAN_INDEX, 4, e->idx);
	if (e->ver == 2 && !(r = kind_number(s, IFLA_GRE_ERSPAN_DIR, 1, e->dir)))
		r = kind_number(s, IFLA_GRE_ERSPAN_HWID, 2, e->hwid);
	return r;
}

int tnl_refuse_change(const char *kind)
{
	return fail(EXIT_USAGE, "Changing the options of a %s tunnel is not "
		    "supported by nsip.", kind);
}
