/* Names the link printers share. */
#ifndef NSIP_LINK_NAMES_H
#define NSIP_LINK_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "print/link_print.h"

/* 802.1Q, 802.1ad, or the number, of a protocol in network order. */
const char *vlan_proto_name(uint16_t proto_be, char *buf, size_t len);

#endif
