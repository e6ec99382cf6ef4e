/* Names the link printers share: a VLAN protocol. */
#include "print/link_names.h"

#include <arpa/inet.h>
#include <stdio.h>

const char *vlan_proto_name(uint16_t proto_be, char *buf, size_t len)
{
	uint16_t proto = ntohs(proto_be);

	if (proto == 0x8100)
		return "802.1Q";
	if (proto == 0x88a8)
		return "802.1ad";
	snprintf(buf, len, "[%u]", proto);   /* decimal, as ip writes it */
	return buf;
}
