/* The links of the current namespace by index: names and flags, for the
 * "@peer" and "master X" parts of a record. */
#ifndef NSIP_IFNAMES_H
#define NSIP_IFNAMES_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>

#include "nl/nl.h"

struct ifname_entry {
	int index;
	unsigned int flags;
	char name[IF_NAMESIZE];
	bool shown;            /* link show printed it (link_stream.c) */
};

/* Sorted by index, so that a lookup is a binary search: a dump of
 * thousands of links looks up a name for each of them. */
struct ifnames {
	struct ifname_entry *v;
	size_t n;
	size_t cap;
};

/* Fills t from a finished RTM_GETLINK dump. */
int ifnames_from_dump(const struct nl_dump *d, struct ifnames *t);
/* Adds a link to t, or renews the entry of its index; NULL when out of
 * memory (said). The entry holds until the next put. */
struct ifname_entry *ifnames_put(struct ifnames *t, int index,
				 unsigned int flags, const char *name);
/* Forgets the link of index (gone: RTM_DELLINK), if t has it. */
void ifnames_drop(struct ifnames *t, int index);
/* Dumps the links and fills t. */
int ifnames_load(struct nl *nl, struct ifnames *t);
const struct ifname_entry *ifnames_find(const struct ifnames *t, int index);
struct ifname_entry *ifnames_entry(struct ifnames *t, int index);
void ifnames_free(struct ifnames *t);

/* The RTM_GETLINK dump request of one family (without link statistics),
 * built in r. AF_INET6 answers with its own, shorter records (no qdisc,
 * no group), which `ip -6 address` shows. */
struct nlmsghdr *link_dump_req(struct nl_req *r, int family);
/* The same, with the links' counters when stats (for -s). */
struct nlmsghdr *link_dump_req_stats(struct nl_req *r, int family, bool stats);
/* Dumps every link (AF_UNSPEC) into d, with their counters when stats. */
int link_dump(struct nl *nl, struct nl_dump *d, bool stats);

#endif
