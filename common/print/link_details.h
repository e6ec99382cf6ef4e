/* What `ip -d link` adds to a link's record: counters and limits, the
 * kind of the device and its data (veth, bridge, macvlan, vxlan) and, for
 * a bridge port, the port's data. */
#ifndef NSIP_LINK_DETAILS_H
#define NSIP_LINK_DETAILS_H

#include "print/link_print.h"

void link_print_details(struct out *o, const struct link_msg *m,
			const struct link_print_opts *opts);

#endif
