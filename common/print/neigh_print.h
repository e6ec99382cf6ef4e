/* The record of one neighbour (RTM_NEWNEIGH), as `ip neigh show` prints
 * it in text, -oneline and JSON. */
#ifndef NSIP_NEIGH_PRINT_H
#define NSIP_NEIGH_PRINT_H

#include <stdbool.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "nl/ifnames.h"
#include "nl/neigh_msg.h"
#include "nl/nl.h"
#include "print/out.h"

struct neigh_print_opts {
	const struct ifnames *names;
	bool hide_dev;         /* the listing was for one device */
	bool numeric;          /* -N: the protocol as a number */
	int stats;
};

/* Prints the record without its end of line. */
void neigh_print(struct out *o, const struct neigh_msg *m,
		 const struct neigh_print_opts *opts);

/* "aa:bb:..": a link-layer address as ip writes it. */
const char *neigh_lladdr_str(const struct nlattr *a, char *buf, size_t len);

#endif
