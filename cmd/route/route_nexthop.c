/* Gateways and next hops: "via [FAMILY] ADDR", and the multipath part of
 * a route, "nexthop via ADDR dev NAME weight N [onlink] nexthop ...". */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "base/inet.h"

struct nh_words {
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	const struct ifnames *names;
};

/* The words of one next hop, up to the next "nexthop"; *i is left on the
 * last word taken. */
static int put_one(struct nh_words *w, struct rtnexthop *nh, int argc,
		   char **argv, int *i)
{
	uint32_t weight;
	int r;

	for (; *i + 1 < argc && strcmp(argv[*i + 1], "nexthop"); ) {
		const char *word = argv[++*i];

		if (nl_req_full(w->nlh))
			return iparg_too_long(word);
		if (!strcmp(word, "via")) {
			if ((r = route_put_via(w->nlh, w->rtm, argc, argv, i)))
				return r;
		} else if (!strcmp(word, "dev")) {
			if (!iparg_next(argc, i))
				return iparg_incomplete();
			if (!(nh->rtnh_ifindex = route_ifindex(w->names, argv[*i]))) {
				iparg_nodev(argv[*i]);
				return fail(EXIT_USAGE, "Error: cannot parse nexthop");
			}
		} else if (!strcmp(word, "weight")) {
			if (!iparg_next(argc, i))
				return iparg_incomplete();
			if (!parse_u32(argv[*i], &weight) || weight == 0 || weight > 256)
				return iparg_invalid("\"weight\" is invalid\n", argv[*i]);
			nh->rtnh_hops = (unsigned char)(weight - 1);
		} else if (!strcmp(word, "onlink")) {
			nh->rtnh_flags |= RTNH_F_ONLINK;
		} else {
			return fail(EXIT_USAGE, "Error: \"nexthop\" or end of line is expected instead of \"%s\"",
				    word);
		}
	}
	return 0;
}

int route_put_nexthops(struct nlmsghdr *nlh, struct rtmsg *rtm,
		       const struct ifnames *names, int argc, char **argv)
{
	struct nh_words w = { nlh, rtm, names };
	struct nlattr *nest = mnl_attr_nest_start(nlh, RTA_MULTIPATH);
	int r;

	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "nexthop"))
			return fail(EXIT_USAGE, "Error: \"nexthop\" or end of line is expected instead of \"%s\"",
				    argv[i]);
		if (i + 1 >= argc)
			return fail(EXIT_USAGE, "Error: unexpected end of line after \"nexthop\"");
		if (nl_req_full(nlh))
			return iparg_too_long(argv[i]);
		struct rtnexthop *nh = nl_put_header(nlh, sizeof(*nh));
		char *start = (char *)nh;
		if ((r = put_one(&w, nh, argc, argv, &i)))
			return r;
		nh->rtnh_len = (unsigned short)((char *)mnl_nlmsg_get_payload_tail(nlh) - start);
	}
	mnl_attr_nest_end(nlh, nest);
	return 0;
}
