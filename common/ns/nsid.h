/* Namespace ids: the number by which the current namespace knows another
 * one (RTM_GETNSID/RTM_NEWNSID), and the /run/netns name behind such a
 * number. */
#ifndef NSIP_NSID_H
#define NSIP_NSID_H

#include <stdbool.h>
#include <stddef.h>

#include "nl/nl.h"

/* The nsid of /run/netns/NAME, or -1 when it has none or cannot be asked
 * (the kernel's refusal is printed unless quiet; an entry that is no
 * namespace is never asked about). */
int nsid_of_name(struct nl *nl, const char *name, int quiet);

/* The nsid of the namespace open on fd, as nsid_of_name. */
int nsid_of_fd(struct nl *nl, int fd, bool quiet);

/* The first /run/netns name whose nsid is nsid, into buf; -1 if none. */
int name_of_nsid(struct nl *nl, int nsid, char *buf, size_t len);

/* Gives the namespace open on fd the nsid (-1: the kernel picks one).
 * Returns 0, or EXIT_KERNEL after the kernel's answer. */
int nsid_set(struct nl *nl, int fd, int nsid);

/* One entry of a namespace's nsid table. With a target, current is the
 * nsid by which the current namespace knows the same peer. Unassigned
 * numbers are negative. */
struct nsid_entry {
	int nsid;
	bool has_current;
	int current;
};

typedef void nsid_entry_fn(const struct nsid_entry *e, void *data);

/* The nsid table of the namespace known here as target (-1: this one),
 * or only its entry nsid (>= 0). Returns 0, or after the kernel's answer
 * EXIT_KERNEL (the one entry) or EXIT_CMD (the table: "Dump terminated"). */
int nsid_table(struct nl *nl, int target, int nsid, nsid_entry_fn *fn,
	       void *data);

/* The run dir's names and their nsids here, for naming table entries. */
struct nsid_names {
	size_t n;
	char **names;
	int *nsids;
};

/* Loads the table, explaining each entry that is no namespace. Returns 0
 * or -1 after one message. */
int nsid_names_load(struct nl *nl, struct nsid_names *m);
/* The first name (in run-dir order) with that nsid, or NULL. */
const char *nsid_names_find(const struct nsid_names *m, int nsid);
void nsid_names_free(struct nsid_names *m);

/* The nl_msg_fn that reads the kernel's RTM_NEWNSID answer: stores its
 * NETNSA_NSID in *(int *)data; other messages are ignored. Public for the
 * fuzz target of tests/fuzz/, which feeds it arbitrary replies. */
int nsid_read_reply(const struct nlmsghdr *nlh, void *data);

#endif
