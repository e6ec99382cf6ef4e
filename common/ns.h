/* Named network namespaces: bind mounts under /run/netns, shared with
 * iproute2, and the environment a command sees inside one. */
#ifndef NSIP_NS_H
#define NSIP_NS_H

#include <stddef.h>

#define NETNS_RUN_DIR "/run/netns"
#define NETNS_ETC_DIR "/etc/netns"

/* "/run/netns/NAME" into buf; -1 when it does not fit. */
int ns_path(char *buf, size_t len, const char *name);

/* Creates the namespace NAME: returns 0, or EXIT_CMD after one message,
 * with nothing left behind. */
int ns_add(const char *name);

/* Lazy unmount and unlink: returns 0 or EXIT_CMD after one message. */
int ns_delete(const char *name);

/* Enters NAME the way `ip netns exec` does: its network namespace, a
 * private mount namespace with / made rslave, a fresh /sys, and the files
 * of /etc/netns/NAME bound over /etc. Returns 0 or EXIT_USAGE. */
int ns_enter(const char *name);

#endif
