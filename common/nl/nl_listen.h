/* Listening to rtnetlink's notifications: the multicast groups a socket
 * joins and the room the kernel may queue events in before it drops them
 * (the reader then gets ENOBUFS). */
#ifndef NSIP_NL_LISTEN_H
#define NSIP_NL_LISTEN_H

#include "nl/nl.h"

/* Joins the RTNLGRP_* group: 0, or -1 with errno. */
int nl_join_group(struct nl *nl, unsigned int group);

/* Asks for a receive buffer of bytes (the kernel caps it at
 * net.core.rmem_max): 0, or -1 with errno. */
int nl_set_rcvbuf(struct nl *nl, int bytes);

#endif
