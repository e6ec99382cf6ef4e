/* The run dir of named namespaces (shared with iproute2) and the paths
 * of its entries. Knows nothing else, so that every file of the room can
 * use it. */
#ifndef NSIP_RUNDIR_H
#define NSIP_RUNDIR_H

#include <stddef.h>

#define NETNS_RUN_DIR "/run/netns"
#define NETNS_ETC_DIR "/etc/netns"

/* "/run/netns/NAME" into buf; -1 when it does not fit. */
int ns_path(char *buf, size_t len, const char *name);

#endif
