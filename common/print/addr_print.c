#include "print/addr_print.h"
#include "nl/route_names.h"
#include "base/inet.h"
#include "nl/rt_scope.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* Not in every libc's copy of the kernel headers. */
#ifndef IFA_F_MANAGETEMPADDR
#define IFA_F_MANAGETEMPADDR 0x100
#endif
#ifndef IFA_F_NOPREFIXROUTE
#define IFA_F_NOPREFIXROUTE 0x200
#endif
#ifndef IFA_F_MCAUTOJOIN
#define IFA_F_MCAUTOJOIN 0x400
#endif
#ifndef IFA_F_STABLE_PRIVACY
#define IFA_F_STABLE_PRIVACY 0x800
#endif

#define LIFE_FOREVER 0xffffffffU

/* ip's order, which is the order of the words in its output. Secondary
 * and temporary are one bit: "temporary" is its name for IPv6. */
static const struct {
	const char *name;
	unsigned int mask;
} flag_names[] = {
	{ "secondary", IFA_F_SECONDARY }, { "temporary", IFA_F_TEMPORARY },
	{ "nodad", IFA_F_NODAD }, { "optimistic", IFA_F_OPTIMISTIC },
	{ "dadfailed", IFA_F_DADFAILED }, { "home", IFA_F_HOMEADDRESS },
	{ "deprecated", IFA_F_DEPRECATED }, { "tentative", IFA_F_TENTATIVE },
	{ "permanent", IFA_F_PERMANENT }, { "mngtmpaddr", IFA_F_MANAGETEMPADDR },
	{ "noprefixroute", IFA_F_NOPREFIXROUTE }, { "autojoin", IFA_F_MCAUTOJOIN },
	{ "stable-privacy", IFA_F_STABLE_PRIVACY },
};

#define N_FLAGS (sizeof(flag_names) / sizeof(flag_names[0]))

int addr_flag_parse(const char *word, unsigned int *mask)
{
	for (size_t i = 0; i < N_FLAGS; i++)
		if (!strcmp(word, flag_names[i].name)) {
			*mask = flag_names[i].mask;
			return 0;
		}
	return -1;
}

/* Permanent is shown by its absence: "dynamic". Bits without a name are
 * shown in hex so that nothing the kernel says is lost. */
static void print_flags(struct out *o, int family, unsigned int flags)
{
	for (size_t i = 0; i < N_FLAGS; i++) {
		unsigned int mask = flag_names[i].mask;

		if (mask == IFA_F_PERMANENT) {
			if (!(flags & mask))
				out_bool(o, "dynamic", "dynamic ", true);
		} else if (flags & mask) {
			const char *name = flag_names[i].name;
			if (mask == IFA_F_SECONDARY && family == AF_INET6)
				name = "temporary";
			char fmt[32];
			snprintf(fmt, sizeof(fmt), "%s ", name);
			out_bool(o, name, fmt, true);
		}
		flags &= ~mask;
	}
	if (flags) {
		char hex[16];
		snprintf(hex, sizeof(hex), "%02x", flags);
		out_str(o, "ifa_flags", "flags %s ", hex);
	}
}

static const char *addr_str(int family, const struct nlattr *a, char *buf,
			    size_t len)
{
	return inet_ntop(family, mnl_attr_get_payload(a), buf, (socklen_t)len);
}

static void print_lifetime(struct out *o, const char *key, unsigned int t,
			   bool is_signed)
{
	if (t == LIFE_FOREVER) {
		out_uint(o, key, NULL, t);
		out_text(o, "forever");
	} else if (is_signed) {
		out_int(o, key, "%dsec", (int)t);
	} else {
		out_uint(o, key, "%usec", t);
	}
}

static void print_lifetimes(struct out *o, const struct addr_msg *m)
{
	const struct ifa_cacheinfo *ci = mnl_attr_get_payload(m->tb[IFA_CACHEINFO]);

	out_nl(o);
	out_text(o, "       valid_lft ");
	print_lifetime(o, "valid_life_time", ci->ifa_valid, false);
	out_text(o, " preferred_lft ");
	/* A deprecated address counts its preferred time below zero. */
	print_lifetime(o, "preferred_life_time", ci->ifa_prefered,
		       m->flags & IFA_F_DEPRECATED);
}

/* "ADDR[ peer ADDR]/PLEN [metric N ]": what -brief shows of an address. */
static void print_local(struct out *o, const struct addr_msg *m)
{
	int family = m->ifa->ifa_family;
	char buf[INET6_ADDRSTRLEN];

	out_str(o, "local", "%s", addr_str(family, m->local, buf, sizeof(buf)));
	if (memcmp(mnl_attr_get_payload(m->address), mnl_attr_get_payload(m->local),
		   inet_addr_len(family))) {
		out_text(o, " peer ");
		out_str(o, "address", "%s", addr_str(family, m->address, buf, sizeof(buf)));
	}
	out_int(o, "prefixlen", "/%d ", m->ifa->ifa_prefixlen);
	if (m->tb[IFA_RT_PRIORITY])
		out_uint(o, "metric", "metric %u ",
			 mnl_attr_get_u32(m->tb[IFA_RT_PRIORITY]));
}

static void print_head(struct out *o, const struct addr_msg *m,
		       const struct addr_print_opts *opts)
{
	if (opts->dev) {
		out_uint(o, "index", "%u: ", m->ifa->ifa_index);
		out_str(o, "dev", "%s", opts->dev);
	}
	out_str(o, "family", "    %s ",
		m->ifa->ifa_family == AF_INET ? "inet" : "inet6");
}

void addr_print(struct out *o, const struct addr_msg *m,
		const struct addr_print_opts *opts)
{
	int family = m->ifa->ifa_family;
	char buf[INET6_ADDRSTRLEN];

	if (!opts->brief)
		print_head(o, m, opts);
	if (m->local)
		print_local(o, m);
	if (opts->brief)
		return;
	if (m->tb[IFA_BROADCAST])
		out_str(o, "broadcast", "brd %s ",
			addr_str(family, m->tb[IFA_BROADCAST], buf, sizeof(buf)));
	if (m->tb[IFA_ANYCAST])
		out_str(o, "anycast", "any %s ",
			addr_str(family, m->tb[IFA_ANYCAST], buf, sizeof(buf)));
	out_str(o, "scope", "scope %s ",
		opts->numeric ? rt_number(m->ifa->ifa_scope, buf, sizeof(buf))
			      : rt_scope_name(m->ifa->ifa_scope, buf, sizeof(buf)));
	print_flags(o, family, m->flags);
	if (m->tb[IFA_LABEL])
		out_str(o, "label", "%s", mnl_attr_get_str(m->tb[IFA_LABEL]));
	if (m->tb[IFA_CACHEINFO])
		print_lifetimes(o, m);
	out_eol(o);
}
