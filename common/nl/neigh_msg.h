/* A neighbour message (RTM_NEWNEIGH) taken apart, its attributes
 * checked before anyone reads them. */
#ifndef NSIP_NEIGH_MSG_H
#define NSIP_NEIGH_MSG_H

#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "nl/nl.h"

struct neigh_msg {
	const struct ndmsg *ndm;
	const struct nlattr *tb[NDA_MAX + 1];
};

/* Validates the attributes (an address must be its family's size);
 * reports a malformed message and returns -1. */
int neigh_msg_parse(const struct nlmsghdr *nlh, struct neigh_msg *m);

#endif
