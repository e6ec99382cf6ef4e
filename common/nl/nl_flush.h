/* Flushes delete what a dump listed, in rounds: dump, delete each chosen
 * object, and again until a round finds nothing (deleting can bring
 * others up: a promoted secondary address, a route that was hidden) or a
 * limit is reached. One loop for `ip address|route|neigh flush`; each
 * says what it dumps, which objects go, and how one is deleted. */
#ifndef NSIP_NL_FLUSH_H
#define NSIP_NL_FLUSH_H

#include <stdbool.h>
#include <stdint.h>

#include "nl/nl.h"

/* Sends nlh back with type del_type. Returns 1 when the object is gone
 * (deleted now, or already gone: ENOENT/ESRCH), 0 when the message was too
 * large to resend, -1 with a message printed when the kernel refused. */
int nl_flush_one(struct nl *nl, const struct nlmsghdr *nlh, uint16_t del_type);

struct nl_flush {
	struct nl *nl;
	void *data;                 /* handed to each callback */
	/* Asks this round's dump into d: 0, or -1 with a message printed. */
	int (*dump)(struct nl *nl, struct nl_dump *d, void *data);
	/* Each dumped message: 1 to delete it, 0 to keep it, -1 on an error
	 * printed. */
	int (*choose)(const struct nlmsghdr *nlh, void *data);
	/* Deletes a chosen message, answering as nl_flush_one does; NULL:
	 * nl_flush_one with del_type. */
	int (*remove)(struct nl *nl, const struct nlmsghdr *nlh, void *data);
	uint16_t del_type;
	/* After each round that deleted (NULL: nothing to do). */
	void (*next_round)(void *data);
	int max_rounds;             /* give up before round N + 1; 0: no limit */
	int max_seconds;            /* give up when a round ends later; 0: none */
	bool one_round;             /* done after the first round that deleted */
	/* "*** Flush is complete after 0 rounds ***" rather than "Nothing to
	 * flush." when the first round finds nothing (something else was
	 * flushed before the rounds). */
	bool said_before;
	const char *what;           /* "entries", "addresses": the round lines */
	int stats;                  /* -s: a line for each round and the end */
	/* Filled by nl_flush_run, for the caller's own last words. */
	int rounds;                 /* rounds that deleted */
	int deleted;                /* in the last round */
	long seconds;               /* since the start, at the last round's end */
};

enum nl_flush_end {
	NL_FLUSH_DONE,              /* nothing left (its line said under -s) */
	NL_FLUSH_FAILED,            /* a dump or a delete failed, said */
	NL_FLUSH_GAVE_UP,           /* a limit reached: the caller says so */
};

enum nl_flush_end nl_flush_run(struct nl_flush *f);

#endif
