/* RTM_NEWRULE / RTM_DELRULE requests of `ip rule add|del`, built from a
 * description and never sent here: the applet sends them (and flush sends
 * back the rules it dumped), and the unit tests compare their bytes. */
#ifndef NSIP_RULE_REQ_H
#define NSIP_RULE_REQ_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>
#include <linux/fib_rules.h>

#include "nl/nl.h"

/* FRA_SRC or FRA_DST: the bytes the words gave (a wildcard: none). */
struct rule_addr {
	bool given;
	uint8_t len;
	unsigned char bytes[16];
};

/* A whole request. A word given twice keeps its last value, as the kernel
 * reads the last of two attributes of one type. */
struct rule_spec {
	struct fib_rule_hdr frh;
	struct rule_addr src, dst;
	bool has_priority, has_fwmark, has_fwmask, has_protocol, has_table;
	bool has_suppress_prefixlen, has_suppress_ifgroup, has_uid_range;
	bool has_goto, l3mdev, has_flow, has_tun_id, has_ipproto;
	bool has_sport, has_dport;
	uint32_t priority, fwmark, fwmask, table, goto_target;
	uint32_t suppress_prefixlen, suppress_ifgroup, flow;
	uint64_t tun_id;               /* in network order, as sent */
	uint8_t protocol, ipproto;
	struct fib_rule_uid_range uid_range;
	struct fib_rule_port_range sport, dport;
	char iif[IFNAMSIZ], oif[IFNAMSIZ];   /* "" = none */
};

void rule_spec_init(struct rule_spec *s);

/* Builds the request into r: the header, then each attribute given. */
void rule_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		    const struct rule_spec *s);

#endif
