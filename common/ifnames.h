/* The links of the current namespace by index: names and flags, for the
 * "@peer" and "master X" parts of a record. */
#ifndef NSIP_IFNAMES_H
#define NSIP_IFNAMES_H

#include <net/if.h>
#include <stddef.h>

#include "nl.h"

struct ifname_entry {
	int index;
	unsigned int flags;
	char name[IF_NAMESIZE];
};

struct ifnames {
	struct ifname_entry *v;
	size_t n;
};

/* Fills t from a finished RTM_GETLINK dump. */
int ifnames_from_dump(const struct nl_dump *d, struct ifnames *t);
/* Dumps the links and fills t. */
int ifnames_load(struct nl *nl, struct ifnames *t);
const struct ifname_entry *ifnames_find(const struct ifnames *t, int index);
void ifnames_free(struct ifnames *t);

/* Sends the RTM_GETLINK dump request (without link statistics). */
int link_dump(struct nl *nl, struct nl_dump *d);
/* The same asked of one family's handler: AF_INET6 answers with its own,
 * shorter records (no qdisc, no group), which `ip -6 address` shows. */
int link_dump_family(struct nl *nl, int family, struct nl_dump *d);

#endif
