/* The neigh applet's parts: the entry and changes (neigh.c), listings,
 * flush and get (neigh_show.c), and what they share: the usage text
 * (neigh_usage.c) and common words (neigh_words.c). The parts never call
 * back into neigh.c. */
#ifndef NSIP_CMD_NEIGH_H
#define NSIP_CMD_NEIGH_H

#include "applets.h"

/* The usage text, naming c's program (ip without c); asked (`help`)
 * or after a word that could not be read (see usage_to). */
int neigh_usage(const struct ctx *c, bool asked);
int neigh_show(struct ctx *c, int argc, char **argv, bool flush);
int neigh_get(struct ctx *c, int argc, char **argv);

/* A NUD state word or number (one bit); -1 when it is neither. */
int neigh_state_parse(const char *w, unsigned int *state);

#endif
