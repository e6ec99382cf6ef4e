/* iproute2's argument errors, word for word, for every applet of ip's
 * grammar: one function a message, the word at fault always last. The
 * iproute2 name of each is given; they all exit 255 (EXIT_USAGE) except
 * where said. */
#ifndef NSIP_IPARG_H
#define NSIP_IPARG_H

#include <stdbool.h>

/* invarg: `Error: argument "WORD" is wrong: WHY`. WHY may end in "\n"
 * where iproute2's does, which leaves an empty line after it. */
int iparg_invalid(const char *why, const char *word);
/* invarg with iproute2's two most common WHYs for a keyword's value:
 * `"KEY" value is invalid` and `"KEY" value should be >= 0`. */
int iparg_value_invalid(const char *key, const char *word);
int iparg_value_negative(const char *key, const char *word);
/* incomplete_command: `Command line is not complete. Try option "help"`. */
int iparg_incomplete(void);
/* duparg2: `Error: either "KEY" is duplicate, or "WORD" is a garbage.` */
int iparg_duplicate(const char *key, const char *word);
/* duparg: `Error: duplicate "KEY": "WORD" is the second value.` */
int iparg_twice(const char *key, const char *word);
/* parse_on_off's: `Error: argument of "KEY" must be "on" or "off", not
 * "WORD"`; EXIT_CMD. */
int iparg_on_off(const char *key, const char *word);
/* nodev: `Cannot find device "NAME"`; EXIT_CMD. */
int iparg_nodev(const char *name);

/* `Error: the request is too long at "WORD".` (a line that repeats words
 * until the request buffer is full). */
int iparg_too_long(const char *word);

/* Moves *i to the value of the keyword at *i; false when there is none. */
bool iparg_next(int argc, int *i);

#endif
