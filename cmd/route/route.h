/* The route applet's parts: the entry and changes (route.c), next hops
 * (route_nexthop.c), listings and flush (route_show.c), get
 * (route_get.c), and what they share: the usage text (route_usage.c) and
 * common words (route_words.c). Only route.c's route_main is called from
 * outside; the parts never call back into route.c. */
#ifndef NSIP_CMD_ROUTE_H
#define NSIP_CMD_ROUTE_H

#include <linux/rtnetlink.h>

#include "applets.h"
#include "nl/ifnames.h"

int route_usage(const struct ctx *asker);
int route_show(struct ctx *c, int argc, char **argv, bool flush);
int route_get(struct ctx *c, int argc, char **argv);

/* Index of a device by name from a link table, or 0. */
int route_ifindex(const struct ifnames *names, const char *name);

/* "from PREFIX": RTA_SRC and its length; the family if still open. */
int route_put_from(struct nlmsghdr *nlh, struct rtmsg *rtm, const char *w);

/* The "nexthop ..." words (argv[0] is the first "nexthop") as
 * RTA_MULTIPATH; an exit code on bad words. */
int route_put_nexthops(struct nlmsghdr *nlh, struct rtmsg *rtm,
		       const struct ifnames *names, int argc, char **argv);

/* "via [inet|inet6] ADDRESS" (*i on "via", left on the address):
 * RTA_GATEWAY, or RTA_VIA for a gateway of the other family. */
int route_put_via(struct nlmsghdr *nlh, struct rtmsg *rtm, int argc,
		  char **argv, int *i);

#endif
