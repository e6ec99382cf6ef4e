/* A link's counters, decoded from its RTM_NEWLINK record: IFLA_STATS64,
 * or IFLA_STATS widened to 64 bits when a kernel sends no 64-bit set (as
 * ip falls back), and IFLA_CARRIER_CHANGES, which `ip -s -s` shows. */
#ifndef NSIP_LINK_STATS_H
#define NSIP_LINK_STATS_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/if_link.h>

#include "nl/link_msg.h"

struct link_stats {
	struct rtnl_link_stats64 s;   /* fields the kernel did not send are 0 */
	/* The 25th counter (Linux 5.18), apart: older uapi headers lack it. */
	uint64_t rx_otherhost_dropped;
	bool is64;                    /* from IFLA_STATS64 ("stats64" in JSON) */
	bool has_carrier_changes;
	uint32_t carrier_changes;
};

/* The fewest bytes of a counter set nsip takes: the 23 counters every
 * kernel since 2.6 sends; newer ones (rx_nohandler, ...) may follow. */
#define LINK_STATS_MIN_FIELDS 23
/* The counters nsip knows, rx_otherhost_dropped the last. */
#define LINK_STATS_KNOWN_FIELDS 25

/* Fills st from m. Returns 1, or 0 when m carries no counters (a dump
 * asked with RTEXT_FILTER_SKIP_STATS). m's attributes were validated by
 * link_msg_parse (length, alignment). */
int link_stats_get(const struct link_msg *m, struct link_stats *st);

/* Asks the kernel the counters of link index (records that carry none:
 * the AF_INET6 ones of `ip -6 address`). 1, 0 when the link or its
 * counters are gone, -1 after a message (a malformed reply). */
int link_stats_ask(struct nl *nl, int index, struct link_stats *st);

#endif
