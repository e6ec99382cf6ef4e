/* Named network namespaces: bind mounts under /run/netns, shared with
 * iproute2, and the environment a command sees inside one. */
#ifndef NSIP_NS_H
#define NSIP_NS_H

#include "ns/rundir.h"

/* Creates the namespace NAME: returns 0, or EXIT_CMD after one message,
 * with nothing left behind. */
int ns_add(const char *name);

/* Binds the network namespace of process pid as NAME: like ns_add. */
int ns_attach(const char *name, int pid);

/* Lazy unmount (never following a symlink) and unlink: returns 0 or
 * EXIT_CMD after one message. */
int ns_delete(const char *name);

/* Enters NAME the way `ip netns exec` does: its network namespace, a
 * private mount namespace with / made rslave, a fresh /sys, and the files
 * of /etc/netns/NAME bound over /etc. Returns 0 or EXIT_USAGE. */
int ns_enter(const char *name);

/* The names of the run dir in directory order, NULL-terminated, into
 * *names (free with ns_names_free); a missing run dir is an empty list.
 * Returns 0, or -1 after one message. */
int ns_names(char ***names);
void ns_names_free(char **names);

#endif
