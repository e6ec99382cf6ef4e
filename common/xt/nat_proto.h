/* Protocol names as iptables spells them: its own short table first, then
 * /etc/protocols. The parser and the printer both speak them. */
#ifndef NSIP_NAT_PROTO_H
#define NSIP_NAT_PROTO_H

#include <stdint.h>

/* A protocol's name as iptables spells it (its own short table first,
 * then /etc/protocols), or NULL. */
const char *nat_proto_name(uint8_t proto);

/* The name in iptables' own short table alone, or NULL (the -v echo of
 * a rule prints no other). */
const char *nat_proto_own_name(uint8_t proto);

/* The number of one of iptables' own protocol names, or -1. */
int nat_proto_number(const char *name);

#endif
