/* The option sections of iptables' help (nat_help.c). */
#ifndef NSIP_CMD_NAT_HELP_H
#define NSIP_CMD_NAT_HELP_H

#include <stdbool.h>
#include <stdio.h>

/* A blank line and the section of the match or target name, headed as
 * iptables heads it; for a target without options (ACCEPT, a chain)
 * iptables' standard section; nothing for a match without one (-p all). */
void nat_help_section(FILE *f, const char *name, bool target);

#endif
