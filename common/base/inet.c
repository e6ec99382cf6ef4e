#include "base/inet.h"
#include "base/err.h"
#include "base/parse.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

size_t inet_addr_len(int family)
{
	return family == AF_INET ? 4 : family == AF_INET6 ? 16 : 0;
}

int inet_family_bits(int family)
{
	return (int)inet_addr_len(family) * 8;
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* strtoul(cp, end, 0) for one part of an IPv4 address; the parts of most
 * words are read here without it (a batch reads thousands): one to three
 * digits without a leading zero, or a lone zero. */
static unsigned long ipv4_part(const char *cp, char **end)
{
	const char *p = cp;
	unsigned long n = 0;

	if (*p >= '1' && *p <= '9') {
		while (p - cp < 3 && is_digit(*p))
			n = n * 10 + (unsigned long)(*p++ - '0');
		if (!is_digit(*p)) {
			*end = (char *)p;
			return n;
		}
	} else if (p[0] == '0' && (p[1] == '.' || p[1] == '\0')) {
		*end = (char *)p + 1;
		return 0;
	}
	return strtoul(cp, end, 0);
}

/* iproute2 reads each part with strtoul in base 0 and fills missing
 * trailing parts with zeros; inet_pton would refuse "10.7" and "010.1.1.1",
 * which scripts written for ip use. */
static int parse_ipv4(const char *word, unsigned char *out)
{
	const char *cp = word;

	for (int i = 0; i < 4; i++) {
		char *end;
		unsigned long n = ipv4_part(cp, &end);

		if (end == cp || n > 255)
			return -1;
		out[i] = (unsigned char)n;
		if (*end == '\0')
			return 0;
		if (i == 3 || *end != '.')
			return -1;
		cp = end + 1;
	}
	return -1;
}

/* "default" keeps the full length of its family, "any"/"all" none: the
 * kernel is told so in the attribute's size. */
static int parse_wildcard(const char *word, int family, struct inet_prefix *p)
{
	bool is_default = word_is(word, "default");

	if (!is_default && !word_is(word, "any") && !word_is(word, "all"))
		return 1;
	p->family = family;
	p->bytelen = is_default ? inet_addr_len(family) : 0;
	p->wildcard = true;
	p->plen_given = is_default;
	return 0;
}

int inet_addr_parse(const char *word, int family, struct inet_prefix *p)
{
	*p = (struct inet_prefix){ .bitlen = -1 };
	int r = parse_wildcard(word, family, p);

	if (r <= 0)
		return r;
	if (strchr(word, ':')) {
		if (family != AF_UNSPEC && family != AF_INET6)
			return -1;
		if (inet_pton(AF_INET6, word, p->data) != 1)
			return -1;
		p->family = AF_INET6;
	} else {
		if (family != AF_UNSPEC && family != AF_INET)
			return -1;
		if (parse_ipv4(word, p->data) < 0)
			return -1;
		p->family = AF_INET;
	}
	p->bytelen = inet_addr_len(p->family);
	return 0;
}

/* A dotted netmask is accepted where a length is: only contiguous ones. */
static int netmask_bits(const char *word, unsigned int *bits)
{
	struct inet_prefix m;
	uint32_t mask;

	if (inet_addr_parse(word, AF_INET, &m) < 0 || m.family != AF_INET)
		return -1;
	memcpy(&mask, m.data, 4);
	mask = ntohl(mask);
	if ((~mask & (~mask + 1)) != 0)
		return -1;
	for (*bits = 0; mask; mask <<= 1)
		++*bits;
	return 0;
}

/* A whole word in any C base, within unsigned int (like ip's get_unsigned). */
static int parse_uint(const char *word, unsigned int *out)
{
	char *end;

	if (!*word)
		return -1;
	errno = 0;
	unsigned long v = strtoul(word, &end, 0);
	if (*end || (v == ULONG_MAX && errno == ERANGE) || v > UINT_MAX)
		return -1;
	*out = (unsigned int)v;
	return 0;
}

int inet_prefix_parse(const char *word, int family, struct inet_prefix *p)
{
	const char *slash = strchr(word, '/');
	char addr[INET6_ADDRSTRLEN + 64];
	size_t n = slash ? (size_t)(slash - word) : strlen(word);

	if (n >= sizeof(addr))
		return -1;
	memcpy(addr, word, n);
	addr[n] = '\0';
	if (inet_addr_parse(addr, family, p) < 0)
		return -1;

	int maxlen = (int)inet_addr_len(p->family) * 8;
	if (!slash) {
		p->bitlen = p->wildcard ? 0 : maxlen;
		return 0;
	}
	unsigned int plen;
	if (p->wildcard)
		return -1;
	if (parse_uint(slash + 1, &plen) < 0 && netmask_bits(slash + 1, &plen) < 0)
		return -1;
	if (plen > (unsigned int)maxlen)
		return -1;
	p->bitlen = (int)plen;
	p->plen_given = true;
	return 0;
}

const char *inet_family_verbose(int family)
{
	switch (family) {
	case AF_UNSPEC: return "any valid";
	case AF_INET: return "inet";
	case AF_INET6: return "inet6";
	case AF_PACKET: return "link";
	default: return "???";
	}
}

int inet_get_addr(const char *word, int family, struct inet_prefix *p)
{
	if (inet_addr_parse(word, family, p) < 0)
		return fail(EXIT_CMD, "Error: %s address is expected rather than \"%s\".",
			    inet_family_verbose(family), word);
	return 0;
}

int inet_get_prefix(const char *word, int family, struct inet_prefix *p)
{
	if (family == AF_PACKET)
		return fail(EXIT_CMD, "Error: \"%s\" may be inet prefix, but it is "
			    "not allowed in this context.", word);
	if (inet_prefix_parse(word, family, p) < 0)
		return fail(EXIT_CMD, "Error: %s prefix is expected rather than \"%s\".",
			    inet_family_verbose(family), word);
	return 0;
}

bool inet_prefix_holds(const struct inet_prefix *pfx, const void *addr,
		       size_t len)
{
	if (pfx->family == AF_UNSPEC || pfx->bitlen <= 0)
		return true;
	if (len != inet_addr_len(pfx->family))
		return false;
	return inet_same_bits(addr, pfx->data, pfx->bitlen);
}

bool inet_same_bits(const void *a, const void *b, int bits)
{
	const unsigned char *x = a, *y = b;
	int whole = bits / 8, rest = bits % 8;

	if (memcmp(x, y, (size_t)whole))
		return false;
	if (!rest)
		return true;
	unsigned char mask = (unsigned char)(0xff << (8 - rest));
	return ((x[whole] ^ y[whole]) & mask) == 0;
}
