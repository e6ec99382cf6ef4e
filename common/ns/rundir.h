/* The run dir of named namespaces (shared with iproute2): the paths of
 * its entries and the list of them. Uses nothing else of the room, so
 * that every file of the room can use it. */
#ifndef NSIP_RUNDIR_H
#define NSIP_RUNDIR_H

#include <stddef.h>

#define NETNS_RUN_DIR "/run/netns"
#define NETNS_ETC_DIR "/etc/netns"

/* "/run/netns/NAME" into buf; -1 when it does not fit. */
int ns_path(char *buf, size_t len, const char *name);

/* The names of the run dir in directory order, NULL-terminated, into
 * *names (free with ns_names_free); a missing run dir is an empty list.
 * Returns 0, or -1 after one message. */
int ns_names(char ***names);
void ns_names_free(char **names);

#endif
