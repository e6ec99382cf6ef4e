/* A device by name, asked of the kernel the way iproute2 resolves the
 * names users type (its ll_name_to_index): the name (or an alternative
 * name), else "ifN"; and the way back, an index to a name or "ifN". */
#ifndef NSIP_LINK_LOOKUP_H
#define NSIP_LINK_LOOKUP_H

#include <stddef.h>

#include "nl/ifnames.h"
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

/* The one rule for a device name a user typed, iproute2's: the device
 * of that name or alternative name (the ioctl, then RTM_GETLINK for the
 * longer alternative names); else, when name is "if" and a number as
 * sscanf's %u reads it ("if7", "if7x", "if 7", overflow wrapping), that
 * number, taken on trust (the kernel judges it when asked). *index is 0
 * when neither; returns 0, or -1 when the kernel's reply could not be had
 * or read (a message was printed). */
int link_ifindex(struct nl *nl, const char *name, unsigned int *index);

/* link_ifindex as an int, for link's words: the index, 0 when there is no
 * such device (an "ifN" beyond INT32_MAX included), -1 as above. */
int link_index(struct nl *nl, const char *name);

/* link_index for a device a command needs: 0 with *index set, else an
 * exit code, after iproute2's `Cannot find device "NAME"` when there is
 * no such device. */
int link_index_or_nodev(struct nl *nl, const char *name, int *index);

/* The longest alternative name with its NUL (the kernel's ALTIFNAMSIZ). */
#define LINK_ALTNAME_SIZE 128

/* The longest "ifN" with its NUL. */
#define LINK_IFN_SIZE 16

/* The name of index in t (which may be NULL), else "ifN" written in buf
 * (at least LINK_IFN_SIZE bytes): how iproute2 prints a device it cannot
 * name. */
const char *link_name_or_ifn(const struct ifnames *t, int index, char *buf,
			     size_t len);

#endif
