/* IPv4 and IPv6 addresses and prefixes as iproute2 reads them from the
 * command line (addr, route and neigh all take them), and the test of an
 * address against a prefix used by their filters. */
#ifndef NSIP_INET_H
#define NSIP_INET_H

#include <stdbool.h>
#include <stddef.h>

struct inet_prefix {
	int family;            /* AF_INET, AF_INET6; AF_UNSPEC: a wildcard
				  word read without a family */
	size_t bytelen;        /* bytes of data that count (0 for any/all) */
	int bitlen;            /* the prefix length */
	bool plen_given;       /* "/N" was written, or the word was "default" */
	bool wildcard;         /* "default", "any" or "all" */
	unsigned char data[16];
};

/* Bytes of an address of this family: 4, 16, or 0 for any other. */
size_t inet_addr_len(int family);
/* The same in bits: 32, 128, or 0. */
int inet_family_bits(int family);

/* One address: dotted IPv4 in iproute2's lenient form (C-base numbers,
 * missing trailing parts are zero: "10.7" is 10.7.0.0), IPv6 when the word
 * holds ':', or a wildcard word. family AF_UNSPEC accepts either family;
 * another family must match. Returns 0, or -1 when the word is not one. */
int inet_addr_parse(const char *word, int family, struct inet_prefix *p);

/* ADDR[/PLEN] where PLEN is a number or a dotted netmask; without /PLEN
 * the prefix is the whole address (/32, /128). Returns 0 or -1. */
int inet_prefix_parse(const char *word, int family, struct inet_prefix *p);

/* The same, printing iproute2's message for a bad word ("Error: inet
 * prefix is expected rather than ...") and returning EXIT_CMD; 0 when
 * the word was good. */
int inet_get_addr(const char *word, int family, struct inet_prefix *p);
int inet_get_prefix(const char *word, int family, struct inet_prefix *p);

/* "inet", "inet6", "link", or "any valid" for AF_UNSPEC: the words of
 * iproute2's messages. */
const char *inet_family_verbose(int family);

/* Whether the address (len bytes) lies inside pfx. A prefix with no
 * family or of length 0 holds every address; one of the other family
 * holds none. */
bool inet_prefix_holds(const struct inet_prefix *pfx, const void *addr,
		       size_t len);

/* Whether the first bits of two addresses agree. */
bool inet_same_bits(const void *a, const void *b, int bits);

#endif
