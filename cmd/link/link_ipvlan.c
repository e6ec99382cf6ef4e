/* The words of `ip link add NAME link DEV type ipvlan|ipvtap ...`: each
 * "mode" puts its attribute at once, as iproute2 does; the flags (one
 * of private, vepa or bridge) always go last. */
#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>

#include "link.h"
#include "base/err.h"
#include "base/parse.h"

static int ipvlan_usage(const char *kind)
{
	fprintf(stderr,
		"Usage: ... %s [ mode MODE ] [ FLAGS ]\n"
		"\n"
		"MODE: l3 | l3s | l2\n"
		"FLAGS: bridge | private | vepa\n"
		"(first values are the defaults if nothing is specified).\n",
		kind);
	return EXIT_CMD;
}

static int read_mode(struct link_spec *s, const char *w)
{
	static const char *const names[] = {
		[IPVLAN_MODE_L2] = "l2", [IPVLAN_MODE_L3] = "l3", [IPVLAN_MODE_L3S] = "l3s",
	};

	for (uint32_t m = 0; m < sizeof(names) / sizeof(names[0]); m++)
		if (!strcmp(w, names[m]))
			return kind_number(s, IFLA_IPVLAN_MODE, 2, m);
	return fail(EXIT_CMD, "Error: argument of \"mode\" must be either \"l2\", \"l3\" or \"l3s\"");
}

/* private, vepa or bridge: only the first of them is a flag; another is
 * an unknown word, as in iproute2. */
static bool read_flag(struct link_spec *s, const char *w, bool *given)
{
	static const struct { const char *name; uint16_t flag; } flags[] = {
		{ "private", IPVLAN_F_PRIVATE }, { "vepa", IPVLAN_F_VEPA }, { "bridge", 0 },
	};

	if (*given)
		return false;
	for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++)
		if (matches(w, flags[i].name)) {
			s->ipvlan_flags |= flags[i].flag;
			*given = true;
			return true;
		}
	return false;
}

int link_parse_ipvlan(const char *kind, struct link_spec *s, int argc, char **argv)
{
	bool flag_given = false;

	for (int i = 0; i < argc; i++) {
		if (matches(argv[i], "mode")) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			int r = read_mode(s, argv[i]);
			if (r)
				return r;
		} else if (read_flag(s, argv[i], &flag_given)) {
			continue;
		} else if (matches(argv[i], "help")) {
			return ipvlan_usage(kind);
		} else {
			errmsg("%s: unknown option \"%s\"?", kind, argv[i]);
			return ipvlan_usage(kind);
		}
	}
	s->has_ipvlan_flags = true;
	return 0;
}
