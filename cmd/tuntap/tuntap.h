/* The parts of the tuntap applet (ip tuntap), which call each other only
 * downward: tuntap.c (entry) -> tuntap_words.c, tuntap_show.c ->
 * tuntap_usage.c. */
#ifndef NSIP_CMD_TUNTAP_H
#define NSIP_CMD_TUNTAP_H

#include <stdbool.h>

#include "applets.h"
#include "nl/tun.h"

/* The words of add (user and group taken) or del (taken as names, as
 * iproute2 does) into s: 0, or the exit code after the message. */
int tuntap_words(const struct ctx *c, int argc, char **argv, bool add,
		 struct tun_spec *s);

/* The listing; the words after show are not read (iproute2 6.1 lists
 * every device whatever follows). */
int tuntap_show(struct ctx *c);

/* The usage text: asked (help) or after a word that could not be read. */
int tuntap_usage(const struct ctx *c, bool asked);

#endif
