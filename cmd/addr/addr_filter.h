/* The filter words of `ip address show` and `flush`, and the test of an
 * address against them. */
#ifndef NSIP_CMD_ADDR_FILTER_H
#define NSIP_CMD_ADDR_FILTER_H

#include <stdbool.h>

#include "applet.h"
#include "print/addr_print.h"
#include "base/inet.h"
#include "print/link_print.h"

struct addr_filter {
	int family;            /* -4/-6, or the family of "to" */
	const char *dev;
	int ifindex;           /* of dev, once looked up */
	bool up;
	unsigned int scope, scopemask;
	unsigned int flags, flagmask;
	const char *label;     /* a shell pattern */
	struct inet_prefix to;
	/* Filters of the links (show only). */
	long long group;       /* -1: any */
	int master_index;      /* 0: any; -1: links without a master */
	const char *kind;      /* "veth", or "bridge" of "bridge_slave" */
	bool slave_kind;
	char kind_buf[64];
};

/* Reads the words; exit code on a bad one (message printed), else 0. */
int addr_filter_parse(const struct ctx *c, struct nl *nl, struct addr_filter *f,
		      int argc, char **argv);

/* Whether the link passes master and type (ip drops the others whole). */
bool addr_filter_link_pass(const struct addr_filter *f, const struct link_msg *m);

/* Whether the address passes scope, flags, family, label and "to";
 * ifname stands for a missing label. */
bool addr_filter_pass(const struct addr_filter *f, const struct addr_msg *a,
		      const char *ifname);

#endif
