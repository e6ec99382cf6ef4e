/* A netconf message (RTM_NEWNETCONF: a device's or a family's forwarding
 * settings changed) taken apart, its attributes checked first. */
#ifndef NSIP_NETCONF_MSG_H
#define NSIP_NETCONF_MSG_H

#include <linux/netconf.h>
#include <linux/rtnetlink.h>

#include "nl/nl.h"

struct netconf_msg {
	const struct netconfmsg *ncm;
	const struct nlattr *tb[NETCONFA_MAX + 1];
};

/* 0, or -1 with a message when the message is malformed. */
int netconf_msg_parse(const struct nlmsghdr *nlh, struct netconf_msg *m);

#endif
