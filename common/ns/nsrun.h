/* Entering a named network namespace, and running a command inside one:
 * in this process, which becomes the command, or in a child that is
 * waited for (batch mode, -all exec). */
#ifndef NSIP_NSRUN_H
#define NSIP_NSRUN_H

#include <stdbool.h>

/* Enters NAME the way `ip netns exec` does: its network namespace, a
 * private mount namespace with / made rslave, a fresh /sys, and the files
 * of /etc/netns/NAME bound over /etc. Returns 0 or EXIT_USAGE. */
int ns_enter(const char *name);

/* Enters NAME (as ns_enter) and execs argv[0] with argv. Returns only on
 * failure: EXIT_USAGE when NAME could not be entered, EXIT_CMD when the
 * command could not be executed, each after one message. */
int ns_exec(const char *name, char **argv);

/* The same in a child process, waited for. Returns the command's exit
 * status (128 + N when signal N killed it), and sets *entered to false
 * when the child could not enter NAME. */
int ns_run(const char *name, char **argv, bool *entered);

#endif
