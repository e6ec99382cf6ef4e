/* The container's network namespace (CNI_NETNS): opened only when it is
 * one (nsfs, or proc's /proc/PID/ns/net), entered and left again so that
 * rtnetlink sockets opened meanwhile speak to it. */
#ifndef NSIP_CNI_NETNS_H
#define NSIP_CNI_NETNS_H

#include "cni/cni_err.h"

/* Opens path: its fd, or -1 with e in the reference's words ("failed to
 * Statfs ...", "unknown FS magic on ..."); errno_out (may be NULL) gets
 * the errno of a failed stat, 0 when the file is no namespace. */
int cni_netns_open(const char *path, int *errno_out, struct cni_err *e);
/* Enters the namespace fd: the fd of the one left (to come back to), or
 * -1 with e. */
int cni_netns_enter(int fd, struct cni_err *e);
/* Goes back to home and closes it; 0, or -1 with e. */
int cni_netns_leave(int home, struct cni_err *e);

#endif
