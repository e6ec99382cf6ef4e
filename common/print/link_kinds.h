/* The printers of each link kind's data, which link_details.c calls by
 * kind (link_kind_print.c, link_vxlan_print.c, link_tun_print.c,
 * link_macvlan_print.c, link_bond_print.c, link_geneve_print.c). */
#ifndef NSIP_LINK_KINDS_H
#define NSIP_LINK_KINDS_H

#include "print/link_print.h"

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
int ipvlan_print(struct out *o, const struct nlattr *data,
		 const struct link_print_opts *opts);
int vrf_print(struct out *o, const struct nlattr *data,
	      const struct link_print_opts *opts);
int vrf_slave_print(struct out *o, const struct nlattr *data,
		    const struct link_print_opts *opts);
int bond_print(struct out *o, const struct nlattr *data,
	       const struct link_print_opts *opts);
int bond_slave_print(struct out *o, const struct nlattr *data,
		     const struct link_print_opts *opts);
int geneve_print(struct out *o, const struct nlattr *data,
		 const struct link_print_opts *opts);
int tun_print(struct out *o, const struct nlattr *data,
	      const struct link_print_opts *opts);

#endif
