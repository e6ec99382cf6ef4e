/* host-local's store, the reference's on-disk layout so that either can
 * take over from the other: DATADIR/NETWORK/ holds one file per address
 * handed out (named as the address, holding "ID\r\nIFNAME"), a file
 * last_reserved_ip.N per range set, and a "lock" file taken with flock. */
#ifndef NSIP_HL_STORE_H
#define NSIP_HL_STORE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"

#define HL_DATA_DIR "/var/lib/cni/networks"

struct hl_store {
	char dir[PATH_MAX];
	int lock_fd;
};

/* Makes the directory (0755) and the lock file, and takes the lock: 0,
 * or -1 with e. */
int hl_store_open(struct hl_store *s, const char *data_dir, const char *network,
		  struct cni_err *e);
/* Drops the lock. */
void hl_store_close(struct hl_store *s);
/* 1: a reserved for id/ifname (and the set's last address noted), 0: it
 * was taken already, -1 with e. */
int hl_store_reserve(struct hl_store *s, const char *id, const char *ifname,
		     const struct cni_ip_addr *a, size_t set, struct cni_err *e);
/* The last address handed out from set: 1 (a filled) or 0. */
int hl_store_last(const struct hl_store *s, size_t set, struct cni_ip_addr *a);
/* The addresses held by id/ifname, at most max: their count. */
size_t hl_store_held(const struct hl_store *s, const char *id, const char *ifname,
		     struct cni_ip_addr *out, size_t max);
/* Frees every address held by id/ifname (or, when none is, by id alone:
 * files of the reference's older layout); 0 or -1 with e. */
int hl_store_release(struct hl_store *s, const char *id, const char *ifname,
		     struct cni_err *e);

/* Whether the attachment id/ifname is still the runtime's (ifname NULL:
 * an address file of the older layout, any interface of id). */
typedef bool hl_keep_fn(const char *id, const char *ifname, void *data);
/* GC: frees every address whose attachment keep does not keep; 0 or -1
 * with e. */
int hl_store_gc(struct hl_store *s, hl_keep_fn *keep, void *data, struct cni_err *e);

#endif
