/* The argument errors of iproute2's route and neigh parsers, word for
 * word (they all exit 255, except a missing device which exits 1). */
#ifndef NSIP_IPARG_H
#define NSIP_IPARG_H

#include <stdbool.h>

/* `Error: argument "WORD" is wrong: WHY` (WHY may end in "\n" where
 * iproute2's does, which leaves an empty line after it); EXIT_USAGE. */
int iparg_invalid(const char *why, const char *word);
/* `Command line is not complete. Try option "help"`; EXIT_USAGE. */
int iparg_incomplete(void);
/* `Error: either "KEY" is duplicate, or "WORD" is a garbage.`; EXIT_USAGE. */
int iparg_duplicate(const char *key, const char *word);
/* `Error: duplicate "KEY": "WORD" is the second value.`; EXIT_USAGE. */
int iparg_twice(const char *key, const char *word);
/* `Cannot find device "NAME"`; EXIT_CMD. */
int iparg_nodev(const char *name);

/* `Error: the request is too long at "WORD".` (a line that repeats words
 * until the request buffer is full); EXIT_USAGE. */
int iparg_too_long(const char *word);

/* Moves *i to the value of the keyword at *i; false when there is none. */
bool iparg_next(int argc, int *i);

#endif
