/* RTM_NEWNEIGH / RTM_DELNEIGH requests of `ip neigh add|change|replace|
 * del`, built from a description and never sent here: the applet sends
 * them, and the unit tests compare their bytes. */
#ifndef NSIP_NEIGH_REQ_H
#define NSIP_NEIGH_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/neighbour.h>

#include "nl/nl.h"

/* The longest link-layer address `ip neigh` takes. */
#define NEIGH_LLADDR_MAX 20

struct neigh_spec {
	struct ndmsg ndm;                /* family, ifindex, state, flags */
	bool has_dst;                    /* NDA_DST (a wildcard has no bytes) */
	unsigned char dst[16];
	size_t dst_len;
	unsigned char lladdr[NEIGH_LLADDR_MAX];
	size_t lladdr_len;               /* NDA_LLADDR, 0 = none */
	bool has_protocol;
	uint8_t protocol;                /* NDA_PROTOCOL */
	/* What the request would weigh had each word written its attribute
	 * at once (as the word loop did before this description): a line that
	 * repeats a word without end is refused at the same word. */
	size_t size;
};

void neigh_spec_init(struct neigh_spec *s);
/* Counts an attribute of len bytes that a word asked for. */
void neigh_spec_grow(struct neigh_spec *s, size_t len);
/* The words have asked for more than a request may hold (nl_req_full). */
bool neigh_spec_full(const struct neigh_spec *s);

/* Builds the request into r; -1 when it does not fit in NL_MSG_MAX. */
int neigh_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		    const struct neigh_spec *s);

#endif
