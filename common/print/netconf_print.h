/* The record of one netconf message, as `ip monitor netconf` prints it:
 * "inet veth0 forwarding off rp_filter off ...". */
#ifndef NSIP_NETCONF_PRINT_H
#define NSIP_NETCONF_PRINT_H

#include "nl/ifnames.h"
#include "nl/netconf_msg.h"
#include "print/out.h"

/* Prints the record without its end of line; names: to name the device. */
void netconf_print(struct out *o, const struct netconf_msg *m,
		   const struct ifnames *names);

#endif
