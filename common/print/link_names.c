/* Names the link printers share: a device by index, a VLAN protocol. */
#include "print/link_names.h"

#include <arpa/inet.h>
#include <stdio.h>

const char *link_name_of(const struct link_print_opts *opts, int index,
			 char *buf, size_t len)
{
	const struct ifname_entry *e = opts->names ? ifnames_find(opts->names, index) : NULL;

	if (e)
		snprintf(buf, len, "%s", e->name);
	else
		snprintf(buf, len, "if%d", index);
	return buf;
}

const char *vlan_proto_name(uint16_t proto_be, char *buf, size_t len)
{
	uint16_t proto = ntohs(proto_be);

	if (proto == 0x8100)
		return "802.1Q";
	if (proto == 0x88a8)
		return "802.1ad";
	snprintf(buf, len, "[%04x]", proto);
	return buf;
}
