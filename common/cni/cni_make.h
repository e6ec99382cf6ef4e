/* What the bridge plugin makes over rtnetlink, on a socket of the
 * namespace it is in: the bridge, the veth pair (its peer straight into
 * the container), a port's hairpin mode, addresses and routes. Each
 * failure worded into a CNI error. */
#ifndef NSIP_CNI_MAKE_H
#define NSIP_CNI_MAKE_H

#include <stdbool.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"
#include "nl/nl.h"

/* Creates the bridge name (with mtu when not 0), up; *made says whether
 * this call made it. An existing device of that name must be a bridge.
 * Its index, or -1 with e. */
int cni_make_bridge(struct nl *nl, const char *name, unsigned int mtu,
		    bool promisc, bool *made, struct cni_err *e);
/* A veth pair: host (on master, up) here and peer (down) in the namespace
 * peer_ns; mtu when not 0. 0; 1 when host's name is taken (pick another);
 * -1 with e; -2 with e when the pair was made but not put on master. */
int cni_make_veth(struct nl *nl, const char *host, const char *peer, int peer_ns,
		  unsigned int mtu, int master, struct cni_err *e);
/* The bridge port index reflects frames back where they came from. */
int cni_make_hairpin(struct nl *nl, const char *name, int index, struct cni_err *e);
/* a (with its prefix) on the device: 0, or -1 with e; an address already
 * there is no failure when exist_ok. */
int cni_make_addr(struct nl *nl, const char *dev, int index,
		  const struct cni_ip_addr *a, bool exist_ok, struct cni_err *e);
/* a (with its prefix) off the device: 0, or -1 with e. */
int cni_unmake_addr(struct nl *nl, const char *dev, int index,
		    const struct cni_ip_addr *a, struct cni_err *e);
/* A route to dst (with its prefix) via gw (family 0: none) out of index. */
int cni_make_route(struct nl *nl, const char *dev, int index,
		   const struct cni_ip_addr *dst, const struct cni_ip_addr *gw,
		   struct cni_err *e);

#endif
