/* What `ip -d link` adds to a link's record: counters and limits, the
 * kind of the device and its data (veth, bridge, macvlan, vxlan) and, for
 * a bridge port, the port's data. */
#ifndef NSIP_LINK_DETAILS_H
#define NSIP_LINK_DETAILS_H

#include "link_print.h"

void link_print_details(struct out *o, const struct link_msg *m,
			const struct link_print_opts *opts);

/* Kind printers: the IFLA_INFO_DATA (or IFLA_INFO_SLAVE_DATA) nest. */
int bridge_print(struct out *o, const struct nlattr *data,
		 const struct link_print_opts *opts);
int bridge_slave_print(struct out *o, const struct nlattr *data,
		       const struct link_print_opts *opts);
int vxlan_print(struct out *o, const struct nlattr *data,
		const struct link_print_opts *opts);
int vlan_print(struct out *o, const struct nlattr *data,
	       const struct link_print_opts *opts);
int macvlan_print(struct out *o, const struct nlattr *data,
		  const struct link_print_opts *opts);

/* 802.1Q, 802.1ad, or the number, of a protocol in network order. */
const char *vlan_proto_name(uint16_t proto_be, char *buf, size_t len);

/* A device's name from the table, or "ifN". */
const char *link_name_of(const struct link_print_opts *opts, int index,
			 char *buf, size_t len);

#endif
