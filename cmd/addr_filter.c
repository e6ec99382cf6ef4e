#include <fnmatch.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "addr.h"
#include "addr_filter.h"
#include "../common/err.h"
#include "../common/parse.h"
#include "../common/rt_scope.h"

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
		return addr_badarg(w, "invalid \"scope\"\n");
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

/* Words in ip's order; anything else names the device. */
int addr_filter_parse(const struct ctx *c, struct addr_filter *f, int argc,
		      char **argv)
{
	*f = (struct addr_filter){ .family = c->opt.family, .any_word = argc > 0 };
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		int r = 0;

		if (!strcmp(w, "to") || !strcmp(w, "scope") || !strcmp(w, "label")) {
			if (++i >= argc)
				return addr_incomplete();
			if (w[0] == 't')
				r = to_word(f, argv[i]);
			else if (w[0] == 's')
				r = scope_word(f, argv[i]);
			else
				f->label = argv[i];
		} else if (!strcmp(w, "up")) {
			f->up = true;
		} else if (flag_word(f, w) == 0) {
			continue;
		} else {
			if (!strcmp(w, "dev")) {
				if (++i >= argc)
					return addr_incomplete();
				w = argv[i];
			} else if (matches(w, "help")) {
				return addr_usage(c);
			}
			if (f->dev)
				return addr_garbage("dev", w);
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
