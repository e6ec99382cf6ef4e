/* The record of one route (RTM_NEWROUTE), as `ip route show` and
 * `ip route get` print it, in text, -oneline and JSON. */
#ifndef NSIP_ROUTE_PRINT_H
#define NSIP_ROUTE_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <linux/rtnetlink.h>

#include "nl/ifnames.h"
#include "nl/nl.h"
#include "nl/route_msg.h"
#include "print/out.h"

/* Fields a listing leaves out because its filter already fixed them. */
struct route_print_opts {
	const struct ifnames *names;
	bool details;
	bool numeric;          /* -N: type, table, protocol, scope as numbers */
	int stats;
	bool hide_table, hide_proto, hide_scope, hide_dev,
	     hide_gateway, hide_prefsrc, hide_metric, hide_iif;
};

/* Prints the record without its end of line. */
void route_print(struct out *o, const struct route_msg *m,
		 const struct route_print_opts *opts);

/* An address attribute of a route or neighbour as text. */
const char *route_addr_str(int family, const struct nlattr *a, char *buf,
			   size_t len);

/* Clock ticks per second of the kernel's time fields ($HZ overrides). */
long route_user_hz(void);

#endif
