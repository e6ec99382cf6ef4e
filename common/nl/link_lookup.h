/* A device by name, asked of the kernel the way iproute2 resolves the
 * names users type: the name (or an alternative name), else "ifN". */
#ifndef NSIP_LINK_LOOKUP_H
#define NSIP_LINK_LOOKUP_H

#include <stddef.h>

#include "nl/nl.h"

struct link_found {
	int index;
	size_t addr_len;            /* bytes of its link-layer address */
};

/* 1 when found (f filled), 0 when there is no such device (the kernel
 * said so), -1 when the kernel's reply could not be had or read (a
 * message was printed). */
int link_lookup(struct nl *nl, const char *name, struct link_found *f);

/* The index of the device named name (or having it as an alternative
 * name), 0 when none is or the name is too long for the ioctl (IFNAMSIZ):
 * an ioctl on nl's socket, where if_nametoindex would open and
 * close a socket of its own for each name (some 9 µs against 1). */
unsigned int link_name_index(struct nl *nl, const char *name);

/* The index of name, 0 when there is no such device, -1 as above. */
int link_index(struct nl *nl, const char *name);

#endif
