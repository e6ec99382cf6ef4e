/* RTM_NEWLINK / RTM_DELLINK requests of `ip link add|set|delete`, built
 * from a description and never sent here: the applet sends them, and the
 * unit tests compare their bytes. */
#ifndef NSIP_LINK_REQ_H
#define NSIP_LINK_REQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/lladdr.h"
#include "nl/nl.h"

/* What the words asked of one device (the new one, or a veth's peer). */
struct link_settings {
	int ifindex;                /* 0 when creating */
	unsigned int flags;         /* ifi_flags, under the mask: */
	unsigned int change;        /* ifi_change */
	const char *name;           /* IFLA_IFNAME */
	uint32_t link;              /* IFLA_LINK: the lower device, 0 = none */
	unsigned char addr[LLADDR_MAX];
	size_t addr_len;            /* IFLA_ADDRESS, 0 = none */
	unsigned char brd[LLADDR_MAX];
	size_t brd_len;             /* IFLA_BROADCAST, 0 = none */
	bool has_mtu, has_txqlen, has_master, has_netns_pid;
	uint32_t mtu, txqlen, master, netns_pid;
	int netns_fd;               /* IFLA_NET_NS_FD, -1 = none */
	const char *alias;          /* IFLA_IFALIAS */
};

/* What a vxlan's words leave for the end of its data, where iproute2
 * puts them; the other words' attributes are kind numbers, in the order
 * of the words. */
struct vxlan_settings {
	bool given;                 /* the words were read */
	bool send_learning;         /* on creation, or when a word said it */
	bool has_id, has_port, learning;
	uint32_t id;
	uint16_t port;              /* host order; 0 = none sent */
	int local_family, remote_family;   /* AF_UNSPEC = not given */
	unsigned char local[16], remote[16];
};

/* One attribute of the kind's data, in the order the words gave them:
 * a number of 1, 2 or 4 bytes (value, in the machine's byte order: one
 * meant to be big-endian, a port range or a flow label, holds its bytes
 * as they go), a flag (size 0), bytes (any other size up to 16), or the
 * start or the end of a nest (KIND_NEST, KIND_NEST_END). */
struct kind_number {
	uint16_t attr;
	uint8_t size;
	uint32_t value;
	unsigned char bytes[16];
};

#define KIND_NEST 0xfe
#define KIND_NEST_END 0xff
#define KIND_NESTS_MAX 4

#define KIND_NUMBERS_MAX 64

/* A whole request: the device, its kind and the kind's own data. */
struct link_spec {
	struct link_settings dev;
	bool create;                /* `link add`: kinds then check and send more */
	const char *kind;           /* IFLA_INFO_KIND, NULL = no IFLA_LINKINFO */
	bool has_data;              /* an IFLA_INFO_DATA nest follows the kind */
	bool has_peer;              /* veth: VETH_INFO_PEER */
	struct link_settings peer;
	bool has_macvlan_mode, has_macvlan_flags;
	uint32_t macvlan_mode;      /* MACVLAN_MODE_*, after the numbers */
	uint16_t macvlan_flags;     /* IFLA_MACVLAN_FLAGS, after the mode */
	bool has_ipvlan_flags;
	uint16_t ipvlan_flags;      /* IFLA_IPVLAN_FLAGS, after the numbers */
	bool has_vlan_id;
	uint16_t vlan_id;
	struct vxlan_settings vxlan;
	struct kind_number numbers[KIND_NUMBERS_MAX];
	size_t n_numbers;
};

/* Empty settings: no netns fd, nothing asked. */
void link_settings_init(struct link_settings *s);
void link_spec_init(struct link_spec *s);
/* Closes the namespace fds the settings hold. */
void link_spec_release(struct link_spec *s);

/* Builds the request into r; -1 when it does not fit in NL_MSG_MAX. */
int link_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		   const struct link_spec *s);

#endif
