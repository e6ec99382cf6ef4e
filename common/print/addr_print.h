/* The record of one address (RTM_NEWADDR), as `ip address show` prints it
 * in every mode, and the address flags by name (for filters). */
#ifndef NSIP_ADDR_PRINT_H
#define NSIP_ADDR_PRINT_H

#include <stdbool.h>
#include <linux/if_addr.h>

#include "nl/addr_msg.h"
#include "nl/nl.h"
#include "print/out.h"

struct addr_print_opts {
	bool brief;            /* "ADDR/PLEN " only */
	const char *dev;       /* -oneline and flush: lead with "INDEX: DEV" */
	bool numeric;          /* -N: the scope as a number */
};

/* Prints one address; in text, ends its line (not with brief). */
void addr_print(struct out *o, const struct addr_msg *m,
		const struct addr_print_opts *opts);

/* The IFA_F_* bit of a flag word of ip's filters (permanent, secondary,
 * tentative, ...); 0 or -1 when the word is no flag name. */
int addr_flag_parse(const char *word, unsigned int *mask);

#endif
