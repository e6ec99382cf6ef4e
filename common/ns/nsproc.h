/* Processes and named namespaces, matched by the device and inode of
 * /proc/PID/ns/net. */
#ifndef NSIP_NSPROC_H
#define NSIP_NSPROC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* True when word is all digits, as ip's test for a PID. */
bool ns_is_pid(const char *word);

/* Calls fn with every PID (as /proc spells it, in /proc's order) whose
 * network namespace is the file ns describes. Returns 0, or EXIT_CMD
 * after one message. */
int ns_pids_of(const struct stat *ns, void (*fn)(const char *pid, void *data),
	       void *data);

/* The run-dir name of the network namespace of process pid (digits, or
 * "self") into name; empty when it has none, the last match when it has
 * several (as ip). A symlink in the run dir names what it points to.
 * Returns 0, or EXIT_CMD after one message. */
int ns_identify(const char *pid, char *name, size_t len);

#endif
