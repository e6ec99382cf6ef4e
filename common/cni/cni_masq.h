/* The bridge's ipMasq on nsip's own nat rules (common/xt, table ip nsip):
 * as the reference lays them out in iptables' nat table, a chain per
 * container,
 *   POSTROUTING -s ADDR/32 -j CNI-XXXXXXXXXXXXXXXXXXXXXXXX
 *   CNI-XXX... -d SUBNET -j ACCEPT
 *   CNI-XXX... ! -d 224.0.0.0/4 -j MASQUERADE
 * made in one transaction, so that DEL can take exactly them away (the
 * jump, the chain's rules, the chain) and nothing else. IPv4 only, as
 * nsip's nat is. */
#ifndef NSIP_CNI_MASQ_H
#define NSIP_CNI_MASQ_H

#include <stddef.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"

/* "CNI-" and 24 hex digits of a hash of network and id. */
void cni_masq_chain(const char *network, const char *id, char *buf, size_t len);
/* The rules for the container's addresses a[0..n) (each with its subnet's
 * prefix), in one transaction: 0, or -1 with e (nothing made). */
int cni_masq_add(const char *network, const char *id, const struct cni_ip_addr *a,
		 size_t n, struct cni_err *e);
/* Removes the container's chain and the jumps to it; none is success. */
int cni_masq_del(const char *network, const char *id, struct cni_err *e);

#endif
