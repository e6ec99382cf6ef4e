#include "route_inet.h"
#include "err.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int rinet_family_bits(int family)
{
	return family == AF_INET ? 32 : family == AF_INET6 ? 128 : 0;
}

const char *rinet_family_words(int family)
{
	return family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" :
	       "any valid";
}

/* iproute2's IPv4 reading: up to four numbers in any C base, missing
 * trailing parts are zero. */
static int parse_ipv4(uint8_t *out, const char *s)
{
	memset(out, 0, 4);
	for (int i = 0; i < 4; i++) {
		char *end;

		errno = 0;
		unsigned long n = strtoul(s, &end, 0);
		if (end == s || errno || n > 255)
			return -1;
		out[i] = (uint8_t)n;
		if (*end == '\0')
			return 0;
		if (i == 3 || *end != '.')
			return -1;
		s = end + 1;
	}
	return -1;
}

int rinet_parse_addr(struct rinet *a, const char *word, int family)
{
	*a = (struct rinet){ .family = family, .bitlen = -1 };
	if (!strcmp(word, "default") || !strcmp(word, "all") ||
	    !strcmp(word, "any")) {
		a->any = true;
		a->bitlen = -2;
		/* "default" carries a zero address of its family; "any" none. */
		if (!strcmp(word, "default")) {
			a->bytelen = rinet_family_bits(family) / 8;
			a->len_given = true;
		}
		return 0;
	}
	if (strchr(word, ':')) {
		a->family = AF_INET6;
		if (family != AF_UNSPEC && family != AF_INET6)
			return -1;
		if (inet_pton(AF_INET6, word, a->data) != 1)
			return -1;
		a->bytelen = 16;
		return 0;
	}
	a->family = AF_INET;
	if (family != AF_UNSPEC && family != AF_INET)
		return -1;
	if (parse_ipv4(a->data, word) < 0)
		return -1;
	a->bytelen = 4;
	return 0;
}

/* A prefix length as a number, or as a dotted netmask of leading ones. */
static int parse_len(const char *s, unsigned int *len)
{
	char *end;
	uint8_t m[4];

	errno = 0;
	unsigned long n = strtoul(s, &end, 0);
	if (*s && end != s && !*end && !errno && n <= UINT_MAX) {
		*len = (unsigned int)n;
		return 0;
	}
	if (parse_ipv4(m, s) < 0)
		return -1;
	uint32_t mask = ((uint32_t)m[0] << 24) | ((uint32_t)m[1] << 16) |
			((uint32_t)m[2] << 8) | m[3];
	unsigned int bits = 0;
	while (bits < 32 && (mask & (0x80000000u >> bits)))
		bits++;
	if (bits < 32 && (mask << bits) != 0)
		return -1;
	*len = bits;
	return 0;
}

int rinet_parse_prefix(struct rinet *p, const char *word, int family)
{
	char buf[128];
	const char *slash = strchr(word, '/');
	unsigned int len;

	if (snprintf(buf, sizeof(buf), "%s", word) >= (int)sizeof(buf))
		return -1;
	if (slash)
		buf[slash - word] = '\0';
	if (rinet_parse_addr(p, buf, family) < 0)
		return -1;
	int bits = rinet_family_bits(p->family);
	if (slash) {
		if (p->any || parse_len(slash + 1, &len) < 0 ||
		    len > (unsigned int)bits)
			return -1;
		p->len_given = true;
		p->bitlen = (int)len;
	} else {
		p->bitlen = p->any ? 0 : bits;
	}
	return 0;
}

int rinet_get_addr(struct rinet *a, const char *word, int family)
{
	if (rinet_parse_addr(a, word, family) < 0)
		return fail(EXIT_CMD, "Error: %s address is expected rather than \"%s\".",
			    rinet_family_words(family), word);
	return 0;
}

int rinet_get_prefix(struct rinet *p, const char *word, int family)
{
	if (rinet_parse_prefix(p, word, family) < 0)
		return fail(EXIT_CMD, "Error: %s prefix is expected rather than \"%s\".",
			    rinet_family_words(family), word);
	return 0;
}

bool rinet_same_bits(const uint8_t *a, const uint8_t *b, int bits)
{
	int whole = bits / 8, rest = bits % 8;

	if (memcmp(a, b, (size_t)whole))
		return false;
	if (!rest)
		return true;
	uint8_t mask = (uint8_t)(0xff << (8 - rest));
	return ((a[whole] ^ b[whole]) & mask) == 0;
}
