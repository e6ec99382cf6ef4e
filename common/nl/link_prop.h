/* `ip link property add|del`: a link's alternative names. */
#ifndef NSIP_LINK_PROP_H
#define NSIP_LINK_PROP_H

#include <stdint.h>

#include "nl/nl.h"

/* RTM_NEWLINKPROP (add) or RTM_DELLINKPROP for the link of index: its
 * IFLA_PROP_LIST holds the alternative name, or nothing when name is NULL
 * (what ip sends for a command without altname). name must fit
 * (LINK_ALTNAME_SIZE with its NUL, as the words are checked). */
struct nlmsghdr *link_prop_req(struct nl_req *r, uint16_t type, int index,
			       const char *name);

#endif
