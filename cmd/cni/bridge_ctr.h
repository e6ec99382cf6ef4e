/* The bridge plugin's steps inside the container: the addresses and
 * routes of the result on CNI_IFNAME; and, for DEL, the interface's
 * removal. */
#ifndef NSIP_BRIDGE_CTR_H
#define NSIP_BRIDGE_CTR_H

#include <stdbool.h>

#include "cni/cni_result.h"
#include "cni/cni_skel.h"

/* In the namespace fd: looks up ifname (its MAC into r's interface 2),
 * adds r's addresses and routes. 0, or -1 with e. */
int bridge_ctr_setup(int fd, const char *ifname, bool enable_dad,
		     struct cni_result *r, struct cni_err *e);
/* In the namespace fd: 1 when ifname exists there, 0 when not, -1 with e. */
int bridge_ctr_has(int fd, const char *ifname, struct cni_err *e);
/* In the namespace fd: deletes ifname (and so its veth peer); a missing
 * one is no failure. 0 or -1 with e. */
int bridge_ctr_delete(int fd, const char *ifname, struct cni_err *e);

#endif
