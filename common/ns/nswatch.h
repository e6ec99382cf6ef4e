/* `netns monitor`: names appearing in and leaving the run dir. */
#ifndef NSIP_NSWATCH_H
#define NSIP_NSWATCH_H

#include <stdio.h>

/* Prints "add NAME" / "delete NAME" on out for each entry created in or
 * removed from the run dir (made if missing), flushing every line so that
 * a reader at the end of a pipe sees it at once. Runs until killed or out
 * fails; returns EXIT_CMD after one message. */
int ns_watch(FILE *out);

#endif
