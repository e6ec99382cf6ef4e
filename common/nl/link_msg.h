/* A link message (RTM_NEWLINK) taken apart: its fixed header and its
 * validated attributes. Printers, lookups and filters all read links
 * through it. */
#ifndef NSIP_LINK_MSG_H
#define NSIP_LINK_MSG_H

#include <stdbool.h>
#include <linux/rtnetlink.h>

#include "nl/nl.h"

struct link_msg {
	const struct ifinfomsg *ifi;
	const struct nlattr *tb[IFLA_MAX + 1];
};

/* 0, or -1 with a message when the reply is malformed. */
int link_msg_parse(const struct nlmsghdr *nlh, struct link_msg *m);

/* The kind of the link (IFLA_INFO_KIND: "veth", "bridge"...) or, with
 * slave, of its master's port (IFLA_INFO_SLAVE_KIND); NULL when unknown. */
const char *link_msg_kind(const struct link_msg *m, bool slave);

/* fn for each of the link's alternative names (IFLA_PROP_LIST), in the
 * kernel's order. */
void link_msg_each_altname(const struct link_msg *m,
			   void (*fn)(const char *name, void *data), void *data);

#endif
