/* Namespace ids: the number by which the current namespace knows another
 * one (RTM_GETNSID), and the /run/netns name behind such a number. */
#ifndef NSIP_NSID_H
#define NSIP_NSID_H

#include <stddef.h>

#include "nl.h"

/* The nsid of /run/netns/NAME, or -1 when it has none or cannot be asked
 * (the kernel's refusal is printed unless quiet). */
int nsid_of_name(struct nl *nl, const char *name, int quiet);

/* The first /run/netns name whose nsid is nsid, into buf; -1 if none. */
int name_of_nsid(struct nl *nl, int nsid, char *buf, size_t len);

/* The nl_msg_fn that reads the kernel's RTM_NEWNSID answer: stores its
 * NETNSA_NSID in *(int *)data; other messages are ignored. Public for the
 * fuzz target of tests/fuzz/, which feeds it arbitrary replies. */
int nsid_read_reply(const struct nlmsghdr *nlh, void *data);

#endif
