/* A link's counters as `ip -s link` prints them: the RX and TX tables
 * (and with -s -s their error lines) in text and -oneline, the "stats64"
 * object in JSON; -human numbers (k, M, ... or with -iec Ki, Mi, ...). */
#ifndef NSIP_LINK_STATS_PRINT_H
#define NSIP_LINK_STATS_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

#include "nl/link_msg.h"
#include "nl/link_stats.h"
#include "print/out.h"

struct link_stats_opts {
	int level;     /* how many -s: 1 the counters, 2 also the errors */
	bool human;    /* -h/-human */
	bool iec;      /* -iec: powers of 1024 for -human */
	bool own_lines;   /* addr show: the tables start and end lines */
};

/* Prints m's counters after the record printed so far: each table on a
 * line of its own, the first after a line break and the last not ended
 * (link show), or with own_lines on whole lines (addr show, whose
 * addresses end their lines); nothing when m has none. */
void link_stats_print(struct out *o, const struct link_msg *m,
		      const struct link_stats_opts *opts);
/* The same for counters at hand (asked apart: nl/link_stats.h). */
void link_stats_print_set(struct out *o, const struct link_stats *st,
			  const struct link_stats_opts *opts);

/* One counter as ip's tables print it into buf: plain, or with -human a
 * number of at most three digits and a unit ("2.42M", "2.30Mi"). */
const char *link_stats_num(char *buf, size_t len, uint64_t v, bool human,
			   bool iec);

#endif
