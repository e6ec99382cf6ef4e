/* The CNI plugins nsip acts as (cmd/cni/): each is a struct cni_plugin run
 * by common/cni's frame. */
#ifndef NSIP_CNI_PLUGINS_H
#define NSIP_CNI_PLUGINS_H

#include "cni/cni_skel.h"

extern const struct cni_plugin cni_loopback_plugin;
extern const struct cni_plugin cni_host_local_plugin;
extern const struct cni_plugin cni_bridge_plugin;
extern const struct cni_plugin cni_portmap_plugin;

#endif
