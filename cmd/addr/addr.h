/* The pieces of the addr applet shared by its files: addr.c (the entry:
 * add/change/replace/del), addr_show.c (show, list, flush) with
 * addr_filter.c, and below them addr_usage.c. Device names are resolved
 * by common/nl/link_lookup.c's link_ifindex. */
#ifndef NSIP_CMD_ADDR_H
#define NSIP_CMD_ADDR_H

#include <stdbool.h>

#include "applets.h"

/* Prints the usage where usage_to(c) says; returns its exit code
 * (addr_usage.c). */
int addr_usage(const struct ctx *c);

/* show/list (flush false) or flush, with their filter words. */
int addr_list(struct ctx *c, int argc, char **argv, bool flush);

#endif
