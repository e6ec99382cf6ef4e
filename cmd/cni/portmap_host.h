/* What portmap needs of the host: its IPv4 addresses (the DNAT rules'
 * destinations) and route_localnet on the interface toward the container. */
#ifndef NSIP_PORTMAP_HOST_H
#define NSIP_PORTMAP_HOST_H

#include "cni/cni_portmap.h"

/* The host's IPv4 addresses into s->local, and route_localnet set (when
 * s->snat) on the interface whose subnet holds the container, as the
 * reference does so that 127.0.0.1 may be masqueraded there. 0, or -1. */
int portmap_host(struct pm_spec *s, struct cni_err *e);

#endif
