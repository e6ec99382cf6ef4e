/* The route applet's parts: the entry and changes (route.c), next hops
 * (route_nexthop.c), listings and flush (route_show.c), get
 * (route_get.c), and what they share: the usage text (route_usage.c) and
 * common words (route_words.c). Only route.c's route_main is called from
 * outside; the parts never call back into route.c. */
#ifndef NSIP_CMD_ROUTE_H
#define NSIP_CMD_ROUTE_H

#include <linux/rtnetlink.h>

#include "applets.h"
#include "base/inet.h"
#include "nl/ifnames.h"
#include "nl/route_req.h"

/* The usage text, naming c's program (ip without c); asked (`help`)
 * or after a word that could not be read (see usage_to). */
int route_usage(const struct ctx *c, bool asked);
int route_show(struct ctx *c, int argc, char **argv, bool flush);
int route_get(struct ctx *c, int argc, char **argv);

/* An address as the request's description keeps it. */
void route_addr_take(struct route_addr *a, const struct inet_prefix *p);

/* "from PREFIX" into *p: the source's length, and the family if still
 * open. */
int route_read_from(struct rtmsg *rtm, const char *w, struct inet_prefix *p);

/* The "nexthop ..." words (argv[0] is the first "nexthop") as s's next
 * hops; an exit code on bad words. */
int route_read_nexthops(struct route_spec *s, struct nl *nl, int argc,
			char **argv);

/* "via [inet|inet6] ADDRESS" (*i on "via", left on the address): into
 * gateway, or into via for a gateway of the other family (RTA_VIA); a
 * slot already filled keeps its first address, as the kernel reads a
 * next hop. */
int route_read_via(struct route_spec *s, struct route_addr *gateway,
		   struct route_addr *via, int argc, char **argv, int *i);

#endif
