/* The filter words of `ip address show` and `flush`, and the test of an
 * address against them. */
#ifndef NSIP_CMD_ADDR_FILTER_H
#define NSIP_CMD_ADDR_FILTER_H

#include <stdbool.h>

#include "applet.h"
#include "../common/addr_print.h"
#include "../common/inet.h"

struct addr_filter {
	int family;            /* -4/-6, or the family of "to" */
	const char *dev;
	int ifindex;           /* of dev, once looked up */
	bool up;
	unsigned int scope, scopemask;
	unsigned int flags, flagmask;
	const char *label;     /* a shell pattern */
	struct inet_prefix to;
	bool any_word;         /* flush needs at least one */
};

/* Reads the words; exit code on a bad one (message printed), else 0. */
int addr_filter_parse(const struct ctx *c, struct addr_filter *f, int argc,
		      char **argv);

/* Whether the address passes scope, flags, family, label and "to";
 * ifname stands for a missing label. */
bool addr_filter_pass(const struct addr_filter *f, const struct addr_msg *a,
		      const char *ifname);

#endif
