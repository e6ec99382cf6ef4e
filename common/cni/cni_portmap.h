/* The portmap plugin's rules on nsip's own nat rules (common/xt, table ip
 * nsip), two chains per container named from a hash of network and id:
 *   PREROUTING, OUTPUT  -m comment "dnat name: .. id: .."
 *                       -m addrtype --dst-type LOCAL -j CNI-DN-X
 *   CNI-DN-X  [-d HOSTIP/32] -p P --dport HOST -j DNAT --to-destination CTR:PORT
 *   POSTROUTING -d CTR/32  -m comment ... -j CNI-SN-X          (snat only)
 *   CNI-SN-X  -s CTR-SUBNET -d CTR -p P --dport PORT -j MASQUERADE (hairpin)
 *   CNI-SN-X  -s 127.0.0.0/8 -d CTR -p P --dport PORT -j MASQUERADE (host)
 * As the reference's, the jumps take whatever is bound to a local address
 * (nftables' fib daddr type local): an address the host gets after ADD is
 * mapped too; a mapping's hostIP narrows its DNAT rule to that address.
 * DEL finds the jumps by the chain they go to, GC by their comment
 * (the network and the container id, as the reference's). The reference
 * marks the packets to masquerade in PREROUTING; nsip's rules match them
 * again in POSTROUTING instead (after DNAT the destination is the
 * container's port), which needs no mark. Made and removed in one
 * transaction each. IPv4. */
#ifndef NSIP_CNI_PORTMAP_H
#define NSIP_CNI_PORTMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"

#define PM_MAPPINGS_MAX 64

struct pm_mapping {
	uint16_t host_port, ctr_port;
	uint8_t proto;                  /* IPPROTO_TCP or IPPROTO_UDP */
	struct cni_ip_addr host_ip;     /* family 0 = every local address */
};

struct pm_spec {
	const char *network, *id;
	struct cni_ip_addr ctr;         /* the container's address and prefix */
	bool snat;
	struct pm_mapping map[PM_MAPPINGS_MAX];
	size_t n_map;
};

/* "CNI-DN-" or "CNI-SN-" (kind 'D' or 'S') and 22 hex digits. */
void cni_portmap_chain(char kind, const char *network, const char *id, char *buf,
		       size_t len);
/* The rules of s, in one transaction: 0, or -1 with e (nothing made). */
int cni_portmap_add(const struct pm_spec *s, struct cni_err *e);
/* Removes the container's chains and the jumps to them; none is success. */
int cni_portmap_del(const char *network, const char *id, struct cni_err *e);
/* 1 when the container's DNAT chain is there, 0 when not, -1 with e. */
/* Whether the container id is still one of the runtime's (GC). */
typedef bool cni_keep_id_fn(const char *id, void *data);
/* GC: the rules of every container of network that keep does not keep
 * go; 0 or -1 with e. */
int cni_portmap_gc(const char *network, cni_keep_id_fn *keep, void *data,
		   struct cni_err *e);
int cni_portmap_exists(const char *network, const char *id, struct cni_err *e);

#endif
