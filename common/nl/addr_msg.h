/* An address message (RTM_NEWADDR) taken apart, its attributes checked
 * before anyone reads them. */
#ifndef NSIP_ADDR_MSG_H
#define NSIP_ADDR_MSG_H

#include <linux/if_addr.h>

#include "nl/nl.h"

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

#endif
