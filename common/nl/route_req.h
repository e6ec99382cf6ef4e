/* RTM_NEWROUTE / RTM_DELROUTE requests of `ip route add|change|replace|
 * append|prepend|test|del`, built from a description and never sent here:
 * the applet sends them, and the unit tests compare their bytes. */
#ifndef NSIP_ROUTE_REQ_H
#define NSIP_ROUTE_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/rtnetlink.h>

#include "nl/nl.h"

/* An address attribute: RTA_DST, RTA_SRC, RTA_PREFSRC, RTA_GATEWAY, or
 * RTA_VIA (then with the gateway's own family first). */
struct route_addr {
	bool given;
	uint8_t len;                /* bytes of the address (a wildcard: 0) */
	uint16_t via_family;        /* RTA_VIA only */
	unsigned char bytes[16];
};

/* One "nexthop ..." of a multipath route. A next hop may name several
 * gateways: the kernel reads the first of each type, so the first is
 * kept. */
struct route_nexthop {
	struct rtnexthop rtnh;      /* flags, hops (weight - 1), ifindex */
	struct route_addr gateway;  /* RTA_GATEWAY */
	struct route_addr via;      /* RTA_VIA */
};

/* No line can hold more next hops than this: each weighs at least its
 * rtnexthop, and the words stop at nl_req_full. */
#define ROUTE_NEXTHOPS_MAX ((NL_MSG_MAX - NL_WORD_ROOM) / sizeof(struct rtnexthop) + 1)

/* A whole request. Where the words may repeat an attribute the last one
 * is kept, as the kernel would; RTA_TABLE and RTA_SRC are kept once
 * given, since a later "table main" or "from default" wrote only the
 * header's field. */
struct route_spec {
	struct rtmsg rtm;
	struct route_addr dst, src, prefsrc, gateway, via;
	bool has_priority, has_expires, has_pref;
	uint32_t priority, expires;
	uint8_t pref;               /* RTA_PREF */
	uint32_t table;             /* RTA_TABLE (ids of 256 and up); 0 = none */
	uint32_t oif;               /* RTA_OIF; 0 = none */
	uint32_t metrics[RTAX_MAX + 1];
	uint32_t metrics_set, lock; /* bits by RTAX_*: given, locked */
	size_t n_nexthops;          /* RTA_MULTIPATH when not 0 */
	struct route_nexthop nexthops[ROUTE_NEXTHOPS_MAX];
	/* What the request would weigh had each word written its attribute
	 * at once (as the word loops did before this description): a line
	 * that repeats words without end is refused at the same word. */
	size_t size;
};

void route_spec_init(struct route_spec *s);
/* Counts an attribute of len bytes (a nest's header: 0) that words asked
 * for, or one rtnexthop. */
void route_spec_grow(struct route_spec *s, size_t len);
void route_spec_grow_nexthop(struct route_spec *s);
/* The words have asked for more than a request may hold (nl_req_full). */
bool route_spec_full(const struct route_spec *s);

/* Builds the request into r; -1 when it does not fit in NL_MSG_MAX. */
int route_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		    const struct route_spec *s);

#endif
