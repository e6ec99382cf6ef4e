/* The record of one link (RTM_NEWLINK), as `ip link show` prints it in
 * every mode; `ip addr show` prints the same header. */
#ifndef NSIP_LINK_PRINT_H
#define NSIP_LINK_PRINT_H

#include <stdbool.h>
#include <linux/rtnetlink.h>

#include "nl/ifnames.h"
#include "nl/link_msg.h"
#include "nl/nl.h"
#include "print/out.h"

struct link_print_opts {
	bool brief;
	bool show_mode;        /* "mode DEFAULT": link show prints it, addr show not */
	bool show_link_line;   /* the "    link/ether ..." line */
	bool details;          /* -d: counters, limits, kind and its data */
	bool numeric;          /* -N: link type and group as numbers */
	bool hide_qlen;        /* monitor's records have no "qlen N" */
	struct nl *nl;         /* to name the namespace behind link-netnsid */
	/* When set, names an nsid instead of asking nl (the monitor's cache
	 * of names, as ip's); NULL when it has no name. */
	const char *(*nsid_name)(int nsid, void *data);
	void *nsid_data;
	const struct ifnames *names;
};

/* Prints the record up to, not including, its end of line (addr show adds
 * its addresses after it). */
void link_print(struct out *o, const struct link_msg *m,
		const struct link_print_opts *opts);

/* The "    altname NAME" lines (JSON "altnames"): ip prints them after the
 * record's counters in link show, before the addresses in addr show. */
void link_print_altnames(struct out *o, const struct link_msg *m);

/* Pieces other printers share. */
const char *link_type_name(unsigned short type, char *buf, size_t len);
const char *link_addr_str(const unsigned char *a, size_t alen,
			  unsigned short type, char *buf, size_t len);
const char *operstate_name(unsigned int state, char *buf, size_t len);

#endif
