#include "print/neigh_print.h"
#include "nl/link_lookup.h"
#include "base/inet.h"
#include "nl/route_names.h"
#include "print/route_print.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#ifndef NTF_MANAGED
#define NTF_MANAGED (1 << 0)
#endif

const char *neigh_lladdr_str(const struct nlattr *a, char *buf, size_t len)
{
	const unsigned char *p = mnl_attr_get_payload(a);
	size_t n = mnl_attr_get_payload_len(a), used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used + 4 <= len; i++)
		used += (size_t)snprintf(buf + used, len - used, i ? ":%02x" : "%02x", p[i]);
	return buf;
}

static void print_flags(struct out *o, unsigned int flags)
{
	if (flags & NTF_ROUTER)
		out_null(o, "router", "router ");
	if (flags & NTF_PROXY)
		out_null(o, "proxy", "proxy ");
	if (flags & NTF_EXT_LEARNED)
		out_null(o, "extern_learn", "extern_learn ");
	if (flags & NTF_OFFLOADED)
		out_null(o, "offload", "offload ");
	if (flags & NTF_MANAGED)
		out_null(o, "managed", "managed ");
}

static void print_stats(struct out *o, const struct neigh_msg *m)
{
	long hz = route_user_hz();

	if (m->tb[NDA_CACHEINFO]) {
		struct nda_cacheinfo ci;
		memcpy(&ci, mnl_attr_get_payload(m->tb[NDA_CACHEINFO]), sizeof(ci));
		if (ci.ndm_refcnt)
			out_uint(o, "refcnt", " ref %u", ci.ndm_refcnt);
		out_uint(o, "used", " used %u", (unsigned int)(ci.ndm_used / hz));
		out_uint(o, "confirmed", "/%u", (unsigned int)(ci.ndm_confirmed / hz));
		out_uint(o, "updated", "/%u", (unsigned int)(ci.ndm_updated / hz));
	}
	if (m->tb[NDA_PROBES])
		out_uint(o, "probes", "probes %u ", mnl_attr_get_u32(m->tb[NDA_PROBES]));
}

static void print_state(struct out *o, unsigned int nud)
{
	static const struct { unsigned int bit; const char *name; } states[] = {
		{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" },
		{ NUD_STALE, "STALE" }, { NUD_DELAY, "DELAY" },
		{ NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
		{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	};

	out_arr_begin(o, "state");
	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (nud & states[i].bit)
			out_elem_str(o, "%s ", states[i].name);
	out_arr_end(o);
}

void neigh_print(struct out *o, const struct neigh_msg *m,
		 const struct neigh_print_opts *opts)
{
	const struct ndmsg *r = m->ndm;
	char buf[64];

	if (m->tb[NDA_DST]) {
		int family = r->ndm_family;
		if (!inet_family_bits(family))
			family = mnl_attr_get_payload_len(m->tb[NDA_DST]) == 16 ?
				 AF_INET6 : AF_INET;
		out_str(o, "dst", "%s ", route_addr_str(family, m->tb[NDA_DST], buf, sizeof(buf)));
	}
	if (!opts->hide_dev && r->ndm_ifindex)
		out_str(o, "dev", "dev %s ", link_name_or_ifn(opts->names, r->ndm_ifindex,
							     buf, sizeof(buf)));
	if (m->tb[NDA_LLADDR])
		out_str(o, "lladdr", "lladdr %s ", neigh_lladdr_str(m->tb[NDA_LLADDR], buf, sizeof(buf)));
	print_flags(o, r->ndm_flags);
	if (opts->stats)
		print_stats(o, m);
	if (r->ndm_state)
		print_state(o, r->ndm_state);
	if (m->tb[NDA_PROTOCOL] && mnl_attr_get_u8(m->tb[NDA_PROTOCOL]))
		out_str(o, "protocol", "proto %s ",
			opts->numeric ?
			rt_number(mnl_attr_get_u8(m->tb[NDA_PROTOCOL]), buf, sizeof(buf)) :
			rt_name_of(RT_NAME_PROTO, mnl_attr_get_u8(m->tb[NDA_PROTOCOL]),
				   buf, sizeof(buf)));
}
