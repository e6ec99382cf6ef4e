/* Delegation to an IPAM plugin as the spec says: the executable named by
 * ipam.type, found in CNI_PATH, run with the caller's environment (the
 * command set) and the same config on stdin; its result, or its error
 * passed on as it gave it. nsip's bridge thus works with the reference
 * host-local, and the reference bridge with nsip's. */
#ifndef NSIP_CNI_IPAM_H
#define NSIP_CNI_IPAM_H

#include "cni/cni_result.h"
#include "cni/cni_skel.h"

/* Runs the plugin type with command ("ADD", "DEL"). With r, its stdout is
 * read as a result into r. 0, or -1 with e. */
int cni_ipam_exec(const struct cni_call *call, const char *type, const char *command,
		  struct cni_result *r, struct cni_err *e);

#endif
