/* Addresses and prefixes as iproute2's route and neigh words take them:
 * "default", "all"/"any", dotted quads that may be short ("10.1" is
 * 10.1.0.0), IPv6 text, and an optional "/LEN" or "/MASK". */
#ifndef NSIP_ROUTE_INET_H
#define NSIP_ROUTE_INET_H

#include <stdbool.h>
#include <stdint.h>

struct rinet {
	int family;            /* AF_INET, AF_INET6, or AF_UNSPEC for a bare "default" */
	int bytelen;           /* bytes of data that mean something */
	int bitlen;            /* prefix length */
	bool len_given;        /* "/LEN" was written, or the word was "default" */
	bool any;              /* "default", "all" or "any" */
	uint8_t data[16];
};

/* Without a message: 0, or -1 when the word is not one of family's. */
int rinet_parse_addr(struct rinet *a, const char *word, int family);
int rinet_parse_prefix(struct rinet *p, const char *word, int family);

/* With iproute2's message ("Error: inet address is expected rather than
 * ..."): 0, or EXIT_CMD. */
int rinet_get_addr(struct rinet *a, const char *word, int family);
int rinet_get_prefix(struct rinet *p, const char *word, int family);

/* "any valid", "inet", "inet6": the words of iproute2's messages. */
const char *rinet_family_words(int family);

/* Whether the first bits of two addresses of one family agree. */
bool rinet_same_bits(const uint8_t *a, const uint8_t *b, int bits);

/* Bits of an address of this family: 32, 128, or 0. */
int rinet_family_bits(int family);

#endif
