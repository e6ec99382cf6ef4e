/* RTM_NEWADDR / RTM_DELADDR requests of `ip address add|change|replace|
 * del`, built from a description and never sent here: the applet sends
 * them, and the unit tests compare their bytes (tests/unit/test_addr_req.c). */
#ifndef NSIP_ADDR_REQ_H
#define NSIP_ADDR_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "nl/nl.h"

/* One address attribute: sent when set, with len bytes (0 is possible: a
 * wildcard word such as "any" read without a family, which the kernel
 * then judges). */
struct addr_bytes {
	bool set;
	size_t len;
	unsigned char data[16];
};

struct addr_spec {
	unsigned char family;        /* ifa_family */
	unsigned char prefixlen;     /* ifa_prefixlen */
	unsigned char scope;         /* ifa_scope */
	unsigned int ifindex;        /* ifa_index */
	uint32_t flags;              /* IFA_F_*: in ifa_flags while they fit
					in 8 bits, else in IFA_FLAGS */
	struct addr_bytes local;     /* IFA_LOCAL */
	struct addr_bytes address;   /* IFA_ADDRESS: the peer, or the local */
	struct addr_bytes broadcast; /* IFA_BROADCAST */
	struct addr_bytes anycast;   /* IFA_ANYCAST */
	const char *label;           /* IFA_LABEL, NULL = none */
	bool has_metric;
	uint32_t metric;             /* IFA_RT_PRIORITY */
	bool has_lifetimes;
	uint32_t valid, preferred;   /* IFA_CACHEINFO, in seconds */
};

/* Builds the request into r, its attributes in the order of the struct;
 * -1 when it does not fit in NL_MSG_MAX (a label of thousands of bytes). */
int addr_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		   const struct addr_spec *s);

#endif
