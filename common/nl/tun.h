/* tun and tap devices through /dev/net/tun: made persistent, or made
 * transient again (which deletes them once no process holds them). */
#ifndef NSIP_TUN_H
#define NSIP_TUN_H

#include <sys/types.h>
#include <net/if.h>

#include "nl/nl.h"

/* What `ip tuntap add|del` asks: the name ("" lets the kernel choose),
 * the IFF_* flags of TUNSETIFF, and the owner and group ((uid_t)-1 and
 * (gid_t)-1: none, as iproute2 treats them). */
struct tun_spec {
	char name[IFNAMSIZ];
	unsigned short flags;
	uid_t uid;
	gid_t gid;
};

/* Makes the device persistent, with its owner and group. The device is
 * made on the descriptor first and made persistent last, so that any
 * failure before closes it away: nothing half-made stays. 0, or -1 after
 * iproute2's message ("ioctl(TUNSETIFF): ..."). */
int tun_add(const struct tun_spec *s);
/* Clears persistence: the device goes when its last holder closes it.
 * 0, or -1 after the message. */
int tun_del(const struct tun_spec *s);

/* The RTM_GETLINK dump request that asks for links of kind "tun" only
 * (kernels that ignore the filter send all: the caller checks the kind). */
struct nlmsghdr *tun_dump_req(struct nl_req *r);

#endif
