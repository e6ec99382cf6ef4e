/* CNI's address words. */
#include "cni/cni_addr.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t cni_addr_len(int family)
{
	return family == AF_INET ? 4 : 16;
}

static bool parse_prefix(const char *s, int max, int *prefix)
{
	char *end;
	long v;

	if (*s < '0' || *s > '9')
		return false;
	v = strtol(s, &end, 10);
	if (*end || v > max)
		return false;
	*prefix = (int)v;
	return true;
}

bool cni_addr_parse(const char *s, bool with_prefix, struct cni_ip_addr *a)
{
	char buf[CNI_ADDR_STRLEN];
	char *slash;

	memset(a, 0, sizeof(*a));
	a->prefix = -1;
	if ((size_t)snprintf(buf, sizeof(buf), "%s", s) >= sizeof(buf))
		return false;
	slash = strchr(buf, '/');
	if (with_prefix != (slash != NULL))
		return false;
	if (slash)
		*slash = '\0';
	if (inet_pton(AF_INET, buf, a->bytes) == 1)
		a->family = AF_INET;
	else if (inet_pton(AF_INET6, buf, a->bytes) == 1)
		a->family = AF_INET6;
	else
		return false;
	return !slash || parse_prefix(slash + 1, a->family == AF_INET ? 32 : 128,
				      &a->prefix);
}

const char *cni_addr_format(const struct cni_ip_addr *a, char *buf, size_t len)
{
	char ip[INET6_ADDRSTRLEN] = "";

	inet_ntop(a->family, a->bytes, ip, sizeof(ip));
	if (a->prefix >= 0)
		snprintf(buf, len, "%s/%d", ip, a->prefix);
	else
		snprintf(buf, len, "%s", ip);
	return buf;
}

void cni_addr_mask(struct cni_ip_addr *a)
{
	size_t n = cni_addr_len(a->family);

	for (size_t i = 0; i < n; i++) {
		int bits = a->prefix - (int)i * 8;

		if (bits <= 0)
			a->bytes[i] = 0;
		else if (bits < 8)
			a->bytes[i] &= (unsigned char)(0xff << (8 - bits));
	}
}

bool cni_addr_in(const struct cni_ip_addr *s, const struct cni_ip_addr *b)
{
	struct cni_ip_addr m = *b;

	if (s->family != b->family)
		return false;
	m.prefix = s->prefix;
	cni_addr_mask(&m);
	return !memcmp(m.bytes, s->bytes, cni_addr_len(s->family));
}

int cni_addr_cmp(const struct cni_ip_addr *a, const struct cni_ip_addr *b)
{
	return memcmp(a->bytes, b->bytes, cni_addr_len(a->family));
}

void cni_addr_next(struct cni_ip_addr *a)
{
	for (size_t i = cni_addr_len(a->family); i-- > 0;)
		if (++a->bytes[i] != 0)
			break;
}

void cni_addr_prev(struct cni_ip_addr *a)
{
	for (size_t i = cni_addr_len(a->family); i-- > 0;)
		if (a->bytes[i]-- != 0)
			break;
}
