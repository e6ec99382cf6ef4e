/* The bridge plugin's own keys of the network config, typed and checked;
 * what nsip does not do yet is refused here, before anything is made. */
#ifndef NSIP_BRIDGE_CONF_H
#define NSIP_BRIDGE_CONF_H

#include <stdbool.h>

#include "cni/cni_conf.h"
#include "cni/cni_err.h"

struct bridge_conf {
	const char *bridge;        /* "cni0" when not given */
	bool is_gw, is_default_gw, hairpin, promisc, enable_dad, ip_masq;
	bool force_addr;       /* forceAddress: a gateway replaces the bridge's */
	unsigned int mtu;          /* 0 = the kernel's default */
	const char *ipam_type;     /* NULL: layer 2 only, no addresses */
	const json_t *dns;         /* the config's "dns", or NULL */
};

/* 0, or -1 with e. */
int bridge_conf_parse(const struct cni_conf *c, struct bridge_conf *b,
		      struct cni_err *e);

#endif
