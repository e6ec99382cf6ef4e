/* IP protocol numbers and their names in /etc/protocols, as iproute2
 * reads and writes them ("tcp", "ipv6-icmp", or a number). */
#ifndef NSIP_IPPROTO_H
#define NSIP_IPPROTO_H

#include <stddef.h>

/* A decimal number up to 255, or a name or alias of /etc/protocols; -1
 * when it is neither. */
int ipproto_parse(const char *word);
/* The protocol's first name in /etc/protocols, else "ipproto-N". */
const char *ipproto_name(unsigned int proto, char *buf, size_t len);

#endif
