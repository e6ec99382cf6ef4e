/* The filter words of `ip address show` and `flush` (addr_filter.h). */
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "addr.h"
#include "addr_filter.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "nl/link_lookup.h"
#include "nl/rt_scope.h"

/* A flag word, maybe negated with '-'; "dynamic" and "primary" are the
 * negations of "permanent" and "secondary". 1: not a flag word. */
static int flag_word(struct addr_filter *f, const char *w)
{
	bool negate = false;
	unsigned int mask;

	if (*w == '-') {
		negate = true;
		w++;
	}
	if (!strcmp(w, "dynamic")) {
		negate = !negate;
		w = "permanent";
	} else if (!strcmp(w, "primary")) {
		negate = !negate;
		w = "secondary";
	}
	if (addr_flag_parse(w, &mask) < 0)
		return 1;
	f->flagmask |= mask;
	if (negate)
		f->flags &= ~mask;
	else
		f->flags |= mask;
	return 0;
}

static int scope_word(struct addr_filter *f, const char *w)
{
	f->scopemask = 0xff;
	if (rt_scope_parse(w, &f->scope) == 0)
		return 0;
	if (strcmp(w, "all"))
		return iparg_invalid("invalid \"scope\"\n", w);
	f->scope = RT_SCOPE_NOWHERE;
	f->scopemask = 0;
	return 0;
}

static int to_word(struct addr_filter *f, const char *w)
{
	int r = inet_get_prefix(w, f->family, &f->to);

	if (!r && f->family == AF_UNSPEC)
		f->family = f->to.family;
	return r;
}

static int group_word(struct addr_filter *f, const char *w)
{
	uint32_t g;

	if (!strcmp(w, "default"))
		g = 0;
	else if (!parse_u32(w, &g))
		return iparg_invalid("Invalid \"group\" value\n", w);
	f->group = g;
	return 0;
}

static int master_word(struct nl *nl, struct addr_filter *f, const char *w)
{
	unsigned int index;

	if (link_ifindex(nl, w, &index) < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!index)
		return iparg_invalid("Device does not exist\n", w);
	f->master_index = (int)index;
	return 0;
}

/* "type bridge_slave" asks for the ports of bridges. */
static void type_word(struct addr_filter *f, const char *w)
{
	size_t n = strlen(w);

	f->kind = w;
	f->slave_kind = n > 6 && !strcmp(w + n - 6, "_slave");
	if (f->slave_kind) {
		snprintf(f->kind_buf, sizeof(f->kind_buf), "%.*s", (int)(n - 6), w);
		f->kind = f->kind_buf;
	}
}

static const char *const valued[] = { "to", "scope", "label", "group",
				      "master", "type", NULL };

/* One word with its value; *i moves onto the value. */
static int valued_word(struct nl *nl, struct addr_filter *f, int argc,
		       char **argv, int *i)
{
	const char *w = argv[*i];

	if (++*i >= argc)
		return iparg_incomplete();
	const char *v = argv[*i];
	if (!strcmp(w, "to"))
		return to_word(f, v);
	if (!strcmp(w, "scope"))
		return scope_word(f, v);
	if (!strcmp(w, "group"))
		return group_word(f, v);
	if (!strcmp(w, "master"))
		return master_word(nl, f, v);
	if (!strcmp(w, "type"))
		type_word(f, v);
	else
		f->label = v;
	return 0;
}

static bool is_valued(const char *w)
{
	for (int i = 0; valued[i]; i++)
		if (!strcmp(w, valued[i]))
			return true;
	return false;
}

/* Words in ip's order; anything else names the device. */
int addr_filter_parse(const struct ctx *c, struct nl *nl, struct addr_filter *f,
		      int argc, char **argv)
{
	*f = (struct addr_filter){ .family = c->opt.family, .group = -1 };
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		int r = 0;

		if (!strcmp(w, "up")) {
			f->up = true;
		} else if (!strcmp(w, "nomaster")) {
			f->master_index = -1;
		} else if (is_valued(w)) {
			r = valued_word(nl, f, argc, argv, &i);
		} else if (flag_word(f, w) == 0) {
			continue;
		} else {
			if (!strcmp(w, "dev")) {
				if (++i >= argc)
					return iparg_incomplete();
				w = argv[i];
			} else if (matches(w, "help")) {
				return addr_usage(c);
			}
			if (f->dev)
				return iparg_duplicate("dev", w);
			f->dev = w;
		}
		if (r)
			return r;
	}
	return 0;
}

bool addr_filter_pass(const struct addr_filter *f, const struct addr_msg *a,
		      const char *ifname)
{
	const struct ifaddrmsg *ifa = a->ifa;

	if (f->ifindex && (int)ifa->ifa_index != f->ifindex)
		return false;
	if ((f->scope ^ ifa->ifa_scope) & f->scopemask)
		return false;
	if ((f->flags ^ a->flags) & f->flagmask)
		return false;
	if (f->family && f->family != ifa->ifa_family)
		return false;
	if (f->label && fnmatch(f->label, addr_label(a, ifname), 0))
		return false;
	return !a->local || inet_prefix_holds(&f->to, mnl_attr_get_payload(a->local),
					      mnl_attr_get_payload_len(a->local));
}

bool addr_filter_link_pass(const struct addr_filter *f, const struct link_msg *m)
{
	int master = m->tb[IFLA_MASTER] ? (int)mnl_attr_get_u32(m->tb[IFLA_MASTER]) : 0;

	if (f->master_index > 0 && master != f->master_index)
		return false;
	/* ip forgets nomaster when a device is named. */
	if (f->master_index < 0 && master && !f->ifindex)
		return false;
	if (!f->kind)
		return true;
	const char *kind = link_msg_kind(m, f->slave_kind);
	return kind && !strcmp(kind, f->kind);
}
