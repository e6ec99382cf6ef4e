/* The records of `ip tuntap show`: one line a device, its flags, owner
 * and group from sysfs, and with -d the processes attached to it. */
#ifndef NSIP_TUNTAP_PRINT_H
#define NSIP_TUNTAP_PRINT_H

#include <stdbool.h>

#include "print/out.h"

struct tuntap_record {
	const char *name;
	long flags;            /* sysfs tun_flags: IFF_* bits */
	long owner, group;     /* -1: none */
};

/* "NAME: tun persist user 0 group 0" (the record stays open). */
void tuntap_print_begin(struct out *o, const struct tuntap_record *r);
/* With -d: "\tAttached to processes:" on a line of its own (text), then
 * the JSON list "processes" (opened, written, closed) of the holders,
 * each "COMM(PID)" in text (comm NULL: "<NULL>"). */
void tuntap_print_attached(struct out *o);
void tuntap_print_holders_open(struct out *o);
void tuntap_print_holder(struct out *o, int pid, const char *comm);
void tuntap_print_holders_close(struct out *o);
void tuntap_print_end(struct out *o);

#endif
