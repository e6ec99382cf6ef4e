/* Protocol names as iptables spells them, both ways. */
#include "xt/nat_proto.h"

#include <netdb.h>
#include <string.h>
#include <netinet/in.h>

/* iptables' own names, tried before /etc/protocols. */
static const struct {
	const char *name;
	uint8_t num;
} protos[] = {
	{ "tcp", IPPROTO_TCP },   { "sctp", IPPROTO_SCTP },
	{ "udp", IPPROTO_UDP },   { "udplite", IPPROTO_UDPLITE },
	{ "icmp", IPPROTO_ICMP }, { "icmpv6", IPPROTO_ICMPV6 },
	{ "esp", IPPROTO_ESP },   { "ah", IPPROTO_AH },
	{ "mh", 135 },            { "all", 0 },
};

int nat_proto_number(const char *name)
{
	for (size_t i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
		if (!strcmp(protos[i].name, name))
			return protos[i].num;
	return -1;
}

const char *nat_proto_own_name(uint8_t proto)
{
	for (size_t i = 0; i < sizeof(protos) / sizeof(protos[0]); i++)
		if (protos[i].num == proto)
			return protos[i].name;
	return NULL;
}

const char *nat_proto_name(uint8_t proto)
{
	const char *own = nat_proto_own_name(proto);

	if (own)
		return own;
	struct protoent *p = getprotobynumber(proto);

	return p ? p->p_name : NULL;
}
