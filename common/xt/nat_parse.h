/* Values of iptables' nat grammar: addresses, ports, protocols, NAT
 * ranges and rule numbers. On a bad word each parser writes iptables'
 * message (naming the bad part) into err and returns -1. */
#ifndef NSIP_NAT_PARSE_H
#define NSIP_NAT_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "xt/nat_rule.h"

#define NAT_ERR_MAX 160

/* ADDR[/LEN|/MASK] or a host name; the address comes back masked. */
int nat_parse_addr(const char *w, uint32_t *addr, uint32_t *mask, char *err);
/* PORT, PORT:PORT, :PORT or PORT: with service names of proto. */
int nat_parse_ports(const char *w, const char *proto, uint16_t *lo,
		    uint16_t *hi, char *err);
/* tcp, udp, icmp, all, a name in /etc/protocols, or 0..255. */
int nat_parse_proto(const char *w, uint8_t *proto, char *err);
/* SNAT/DNAT: [ADDR[-ADDR]][:PORT[-PORT[/BASE]]] into r's range (ports
 * and services as iptables reads them). 1 when the ports have a shift
 * (/BASE, which nftables cannot express: its text is then in err). */
int nat_parse_to(const char *w, struct nat_rule *r, char *err);
/* MASQUERADE/REDIRECT: PORT[-PORT[/BASE]], the same way. */
int nat_parse_to_ports(const char *w, struct nat_rule *r, char *err);
/* A rule number: 1 and up. */
int nat_parse_rulenum(const char *w, unsigned int *n, char *err);

#endif
