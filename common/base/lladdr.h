/* Link-layer addresses as users type them: "02:00:0a:0b:0c:0d", or a
 * dotted IPv4 address for tunnels, read the way iproute2 reads them. */
#ifndef NSIP_LLADDR_H
#define NSIP_LLADDR_H

#include <stddef.h>

#define LLADDR_MAX 32   /* the longest address iproute2 accepts */

/* Fills out (cap bytes) and returns the length, or -1 after printing
 * iproute2's `"PART" is invalid lladdr.` naming the bad part. */
int lladdr_parse(const char *word, unsigned char *out, size_t cap);

#endif
