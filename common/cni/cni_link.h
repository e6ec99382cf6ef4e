/* The rtnetlink steps the CNI plugins take, on a socket of the namespace
 * they are in: a device by name, its flags, its addresses; each failure
 * worded into a CNI error. */
#ifndef NSIP_CNI_LINK_H
#define NSIP_CNI_LINK_H

#include <stddef.h>
#include <net/if.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"
#include "nl/nl.h"

struct cni_link {
	int index;
	unsigned int flags;         /* IFF_* */
	unsigned int mtu;
	int master;                 /* 0 = none */
	char mac[18];               /* "aa:bb:...", "" = none */
	unsigned char hw[6];        /* the same, as bytes */
	char kind[16];              /* "bridge", "veth", "" = none */
};

/* 1 (l filled), 0 (no such device), -1 with e. */
int cni_link_get(struct nl *nl, const char *name, struct cni_link *l,
		 struct cni_err *e);
/* Sets the flags under change; 0 or -1 with e naming the device. */
int cni_link_set_flags(struct nl *nl, const char *name, int index,
		       unsigned int flags, unsigned int change, struct cni_err *e);
int cni_link_delete(struct nl *nl, const char *name, int index, struct cni_err *e);
/* The addresses of family on the device, at most max of them: the count,
 * or -1 with e. */
int cni_link_addrs(struct nl *nl, int index, int family, struct cni_ip_addr *out,
		   size_t max, struct cni_err *e);
/* How many devices have master as their master (a bridge's ports), or -1. */
int cni_link_ports(struct nl *nl, int master);
/* The kernel's refusal in words, after what (e.g. "failed to set lo up"). */
int cni_link_failed(struct nl *nl, struct cni_err *e, const char *what);

#endif
