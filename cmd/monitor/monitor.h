/* The monitor applet's parts: the entry, its words and the listening
 * loop (monitor.c), one event printed as ip prints it (monitor_event.c),
 * namespace id events (monitor_nsid.c) and the messages of a file that
 * rtmon wrote (monitor_file.c). The parts never call back into monitor.c. */
#ifndef NSIP_CMD_MONITOR_H
#define NSIP_CMD_MONITOR_H

#include <stdbool.h>
#include <stddef.h>

#include "applets.h"
#include "nl/ifnames.h"

/* The objects a monitor may be asked for, as bits. */
enum {
	MON_LINK = 1 << 0,
	MON_ADDR = 1 << 1,
	MON_ROUTE = 1 << 2,
	MON_NEIGH = 1 << 3,
	MON_NETCONF = 1 << 4,
	MON_NSID = 1 << 5,
	MON_RULE = 1 << 6,
	MON_ALL = (1 << 7) - 1,
};

/* A namespace id and the run-dir name ip has come to know it by. */
struct nsid_name {
	int nsid;
	char *name;
};

struct monitor {
	struct ctx *c;
	struct out out;        /* always text: ip's monitor writes no JSON */
	struct nl *ask;        /* for names: never the listening socket */
	struct ifnames names;  /* ip's cache of links, kept by the events */
	struct nsid_name *nsids;   /* ip's cache of namespace names */
	size_t n_nsids;
	bool nsids_loaded;     /* ip fills its cache once, on first need */
	bool label;            /* "[LINK]" ... before each event */
	int ifindex;           /* dev DEVICE, or 0 */
};

/* Prints one message as ip's monitor does (a message of a type ip does
 * not print, or a malformed one, gets one line on stderr): 0, or -1 when
 * ip would stop there. */
int monitor_event(struct monitor *m, const struct nlmsghdr *nlh);

/* The headers before an event: the time (-t, -ts) and, with label, its
 * object's label. */
void monitor_headers(struct monitor *m, const char *label);

/* The name of index for the printers: learnt from the kernel when the
 * cache does not have it, as ip's name cache does. */
void monitor_learn(struct monitor *m, int index);

/* namespace id events: the cache loaded at the start, one event, the end. */
int monitor_nsid_load(struct monitor *m);
/* The cached name of nsid for the link printer (which does not take it
 * out), loading the cache first if it was not: NULL when none. */
const char *monitor_nsid_name(int nsid, void *monitor);
/* 1 when it printed the event, 0 when not, -1 when ip would stop. */
int monitor_nsid_event(struct monitor *m, const struct nlmsghdr *nlh);
void monitor_nsid_free(struct monitor *m);

/* Prints every message of FILE (rtmon's records): an exit code. */
int monitor_file(struct monitor *m, const char *path);

#endif
