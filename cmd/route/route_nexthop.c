/* The multipath part of a route: "nexthop via ADDR dev NAME weight N
 * [onlink] nexthop ...", read into the request's next hops. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "nl/link_lookup.h"

struct nh_words {
	struct route_spec *s;
	struct nl *nl;
};

/* The words of one next hop, up to the next "nexthop"; *i is left on the
 * last word taken. */
static int read_one(struct nh_words *w, struct route_nexthop *nh, int argc,
		    char **argv, int *i)
{
	uint32_t weight;
	int r;

	for (; *i + 1 < argc && strcmp(argv[*i + 1], "nexthop"); ) {
		const char *word = argv[++*i];

		if (route_spec_full(w->s))
			return iparg_too_long(word);
		if (!strcmp(word, "via")) {
			if ((r = route_read_via(w->s, &nh->gateway, &nh->via, argc, argv, i)))
				return r;
		} else if (!strcmp(word, "dev")) {
			if (!iparg_next(argc, i))
				return iparg_incomplete();
			if ((nh->rtnh.rtnh_ifindex = link_index(w->nl, argv[*i])) < 0)
				return EXIT_CMD;
			if (!nh->rtnh.rtnh_ifindex) {
				iparg_nodev(argv[*i]);
				return fail(EXIT_USAGE, "Error: cannot parse nexthop");
			}
		} else if (!strcmp(word, "weight")) {
			if (!iparg_next(argc, i))
				return iparg_incomplete();
			if (!parse_u32(argv[*i], &weight) || weight == 0 || weight > 256)
				return iparg_invalid("\"weight\" is invalid\n", argv[*i]);
			nh->rtnh.rtnh_hops = (unsigned char)(weight - 1);
		} else if (!strcmp(word, "onlink")) {
			nh->rtnh.rtnh_flags |= RTNH_F_ONLINK;
		} else {
			return fail(EXIT_USAGE, "Error: \"nexthop\" or end of line is expected instead of \"%s\"",
				    word);
		}
	}
	return 0;
}

int route_read_nexthops(struct route_spec *s, struct nl *nl, int argc,
			char **argv)
{
	struct nh_words w = { s, nl };
	int r;

	route_spec_grow(s, 0);          /* the RTA_MULTIPATH nest */
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "nexthop"))
			return fail(EXIT_USAGE, "Error: \"nexthop\" or end of line is expected instead of \"%s\"",
				    argv[i]);
		if (i + 1 >= argc)
			return fail(EXIT_USAGE, "Error: unexpected end of line after \"nexthop\"");
		if (route_spec_full(s) || s->n_nexthops == ROUTE_NEXTHOPS_MAX)
			return iparg_too_long(argv[i]);
		struct route_nexthop *nh = &s->nexthops[s->n_nexthops++];
		route_spec_grow_nexthop(s);
		if ((r = read_one(&w, nh, argc, argv, &i)))
			return r;
	}
	return 0;
}
