/* What iptables' own targets check in the kernel (and refuse with EINVAL)
 * but nftables' expressions take or refuse otherwise: REJECT belongs to
 * the filter table, NAT targets to the nat table, and a TCP reset needs
 * -p tcp. nsip refuses these itself, as the kernel refuses iptables-nft,
 * for a single command and for a restore alike. */
#ifndef NSIP_XT_REFUSES_H
#define NSIP_XT_REFUSES_H

#include <stdbool.h>

#include "xt/nat_rule.h"
#include "xt/xt_table.h"

bool xt_kernel_refuses(const struct xt_table *t, const struct nat_rule *r);

#endif
