/* -m multiport: its port list (iptables' words, both ways), the
 * intervals of the anonymous nftables set that matches it, and how the
 * list is kept in the rule's user data so that it lists as it was given;
 * also what the rule's user data takes in all (and addrtype's part). */
#ifndef NSIP_MULTIPORT_H
#define NSIP_MULTIPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xt/nat_rule.h"

/* PORT[:PORT][,...] with service names of proto ("tcp", "udp"): 0, or -1
 * with iptables' message in err (NAT_ERR_MAX bytes). */
int xt_parse_multiport(const char *list, const char *proto,
		       struct xt_multiport *m, char *err);

/* The list merged into sorted, disjoint intervals [lo, hi]: their number
 * (at most XT_MULTI_PORTS). */
size_t xt_multiport_intervals(const struct xt_multiport *m, uint16_t *lo,
			      uint16_t *hi);

/* The user data value that keeps the list (a flags byte: 1 negated, 2
 * --sports, 4 --ports; then each entry as two big-endian ports): its
 * length, written into buf (at least XT_MPORT_UDATA_MAX bytes). */
#define XT_MPORT_UDATA_MAX (1 + 4 * XT_MULTI_PORTS)
size_t xt_multiport_to_udata(const struct xt_multiport *m, uint8_t *buf);
/* The list back from such a value: 0, or -1 when it is malformed. */
int xt_multiport_from_udata(struct xt_multiport *m, const uint8_t *v, size_t len);

/* The bytes the rule's user data takes (nft's comment, nsip's own): at
 * most XT_UDATA_MAX. */
size_t xt_udata_size(const struct nat_rule *r);

/* Whether the addrtype match needs its user data value (a side of more
 * than one type), which is then written into v (4 bytes) unless v is
 * NULL. */
bool xt_addrtype_udata(const struct xt_addrtype_match *a, uint8_t *v);

#endif
