/* The record of one link (RTM_NEWLINK), as `ip link show` prints it in
 * every mode; `ip addr show` prints the same header. */
#ifndef NSIP_LINK_PRINT_H
#define NSIP_LINK_PRINT_H

#include <stdbool.h>
#include <linux/rtnetlink.h>

#include "ifnames.h"
#include "nl.h"
#include "out.h"

/* A link message taken apart: its fixed header and validated attributes. */
struct link_msg {
	const struct ifinfomsg *ifi;
	const struct nlattr *tb[IFLA_MAX + 1];
};

int link_msg_parse(const struct nlmsghdr *nlh, struct link_msg *m);

struct link_print_opts {
	bool brief;
	bool show_mode;        /* "mode DEFAULT": link show prints it, addr show not */
	bool show_link_line;   /* the "    link/ether ..." line */
	bool details;          /* -d: counters, limits, kind and its data */
	struct nl *nl;         /* to name the namespace behind link-netnsid */
	const struct ifnames *names;
};

/* Prints the record up to, not including, its end of line (addr show adds
 * its addresses after it). */
void link_print(struct out *o, const struct link_msg *m,
		const struct link_print_opts *opts);

/* The kind of the link (IFLA_INFO_KIND: "veth", "bridge"...) or, with
 * slave, of its master's port (IFLA_INFO_SLAVE_KIND); NULL when unknown. */
const char *link_msg_kind(const struct link_msg *m, bool slave);

/* Pieces other printers share. */
struct flag_name {
	unsigned int bit;
	const char *name;
};
/* The names of the bits set in flags, each followed by a comma while
 * bits remain, leftover bits in hex: elements of the current array. */
void out_flag_names(struct out *o, unsigned int flags,
		    const struct flag_name *t, size_t n);

const char *link_type_name(unsigned short type, char *buf, size_t len);
const char *link_addr_str(const unsigned char *a, size_t alen,
			  unsigned short type, char *buf, size_t len);
const char *operstate_name(unsigned int state, char *buf, size_t len);

#endif
