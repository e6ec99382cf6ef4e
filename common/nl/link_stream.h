/* A link dump printed as it arrives (`link show`, `addr show`), in the
 * kernel's order, without being kept: a record waits only while a link it
 * names (its peer, "wb0@wa0"; its master) has not come yet, and goes out
 * as soon as that one comes. What is kept of each link is its name and
 * flags, for those lookups.
 *
 * With -d every record waits for the end of the dump: the details name
 * links from attributes deeper in the record (a vxlan's device).
 *
 * When the kernel marks the dump interrupted and it is asked again, the
 * links already printed are not printed twice: the output has each link
 * once, as a dump that was not interrupted has. */
#ifndef NSIP_LINK_STREAM_H
#define NSIP_LINK_STREAM_H

#include <stdbool.h>

#include "nl/ifnames.h"
#include "nl/link_msg.h"
#include "nl/nl.h"

struct link_stream {
	/* Set by the caller: which records to print, and how. */
	bool (*wanted)(const struct link_msg *m, void *data);
	int (*show)(const struct link_msg *m, void *data);
	void *data;
	bool hold_all;             /* -d: print everything at the end */

	struct ifnames names;      /* every link seen, for the printer */
	struct nl_dump held;       /* records waiting, back to back */
	size_t first;              /* where the first one still waiting is */
	int awaited;               /* the index it waits for */
};

/* Takes one message of the dump (an nl_msg_fn): 0, or -1 said. */
int link_stream_take(const struct nlmsghdr *nlh, void *stream);
/* The dump is asked again: what waits is dropped, it comes again. */
void link_stream_restart(void *stream);
/* The dump has ended: prints what still waits, names unknown ("ifN"). */
int link_stream_end(struct link_stream *s);
void link_stream_free(struct link_stream *s);

#endif
