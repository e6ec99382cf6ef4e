/* The portmap plugin's config: runtimeConfig.portMappings, snat, and the
 * container's address from prevResult, checked as the reference checks
 * them; the keys nsip does not implement yet are refused. */
#ifndef NSIP_PORTMAP_CONF_H
#define NSIP_PORTMAP_CONF_H

#include "cni/cni_portmap.h"
#include "cni/cni_skel.h"

/* Fills s from the call. has_ctr: an IPv4 address of the container was
 * found. 0, or -1 with e. */
int portmap_conf_parse(const struct cni_call *call, struct pm_spec *s, bool *has_ctr,
		       struct cni_err *e);

#endif
