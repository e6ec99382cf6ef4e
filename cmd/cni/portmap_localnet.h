/* What portmap needs of the host beyond its rules: route_localnet on the
 * interface toward the container. */
#ifndef NSIP_PORTMAP_LOCALNET_H
#define NSIP_PORTMAP_LOCALNET_H

#include "cni/cni_portmap.h"

/* When s->snat: route_localnet set on the interface whose IPv4 subnet
 * holds the container, as the reference does, so that what the host sends
 * from 127.0.0.1 may be DNATed and masqueraded there. 0, or -1 with e. */
int portmap_localnet(const struct pm_spec *s, struct cni_err *e);

#endif
