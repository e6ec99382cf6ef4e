/* The record of one address (RTM_NEWADDR), as `ip address show` prints it
 * in every mode, and the address flags by name (for filters). */
#ifndef NSIP_ADDR_PRINT_H
#define NSIP_ADDR_PRINT_H

#include <stdbool.h>
#include <linux/if_addr.h>

#include "nl/nl.h"
#include "print/out.h"

/* An address message taken apart. local and address stand in for each
 * other when only one was sent (as ip treats them). */
struct addr_msg {
	const struct ifaddrmsg *ifa;
	const struct nlattr *tb[IFA_MAX + 1];
	const struct nlattr *local;
	const struct nlattr *address;
	unsigned int flags;    /* IFA_FLAGS when sent, else ifa_flags */
};

/* Validates an inet or inet6 address message; -1 (reported) when it is
 * malformed, 1 when it is of another family (nsip does not show those). */
int addr_msg_parse(const struct nlmsghdr *nlh, struct addr_msg *m);

/* The address's label, or the device name when it has none (IPv6). */
const char *addr_label(const struct addr_msg *m, const char *ifname);

struct addr_print_opts {
	bool brief;            /* "ADDR/PLEN " only */
	const char *dev;       /* -oneline and flush: lead with "INDEX: DEV" */
};

/* Prints one address; in text, ends its line (not with brief). */
void addr_print(struct out *o, const struct addr_msg *m,
		const struct addr_print_opts *opts);

/* The IFA_F_* bit of a flag word of ip's filters (permanent, secondary,
 * tentative, ...); 0 or -1 when the word is no flag name. */
int addr_flag_parse(const char *word, unsigned int *mask);

#endif
