#include "xt/nat_parse.h"

#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include "xt/nat_proto.h"

/* A whole-word decimal number up to max. */
static int number(const char *w, unsigned long max, unsigned long *out)
{
	char *end;

	if (!*w || *w == '-' || *w == '+' || *w == ' ')
		return -1;
	errno = 0;
	*out = strtoul(w, &end, 10);
	return errno || *end || *out > max ? -1 : 0;
}

static int host_addr(const char *w, uint32_t *addr)
{
	struct addrinfo hints = { .ai_family = AF_INET }, *res;
	struct in_addr a;

	if (inet_pton(AF_INET, w, &a) == 1) {
		*addr = a.s_addr;
		return 0;
	}
	/* A name: only what the resolver knows, never a half-number. */
	if (!*w || strspn(w, "0123456789.") == strlen(w) ||
	    getaddrinfo(w, NULL, &hints, &res))
		return -1;
	*addr = ((struct sockaddr_in *)res->ai_addr)->sin_addr.s_addr;
	freeaddrinfo(res);
	return 0;
}

static int mask_of(const char *w, uint32_t *mask)
{
	unsigned long len;
	struct in_addr a;

	if (strchr(w, '.')) {
		/* Any mask, as iptables takes it: one that is no prefix
		 * (255.0.255.0) is written as such and listed dotted. */
		if (inet_pton(AF_INET, w, &a) != 1)
			return -1;
		*mask = a.s_addr;
		return 0;
	}
	if (number(w, 32, &len) < 0)
		return -1;
	*mask = len ? htonl(~0u << (32 - len)) : 0;
	return 0;
}

int nat_parse_addr(const char *w, uint32_t *addr, uint32_t *mask, char *err)
{
	char buf[256];
	char *slash;

	snprintf(buf, sizeof(buf), "%s", w);
	slash = strchr(buf, '/');
	*mask = 0xffffffff;
	if (slash) {
		*slash++ = '\0';
		if (mask_of(slash, mask) < 0) {
			snprintf(err, NAT_ERR_MAX, "invalid mask `%s' specified", slash);
			return -1;
		}
	}
	if (host_addr(buf, addr) < 0) {
		snprintf(err, NAT_ERR_MAX, "host/network `%s' not found", buf);
		return -1;
	}
	*addr &= *mask;
	return 0;
}

static int one_port(const char *w, const char *proto, uint16_t *port)
{
	unsigned long n;
	struct servent *s;

	if (number(w, 65535, &n) == 0) {
		*port = (uint16_t)n;
		return 0;
	}
	s = *w ? getservbyname(w, proto) : NULL;
	if (!s)
		return -1;
	*port = ntohs((uint16_t)s->s_port);
	return 0;
}

int nat_parse_ports(const char *w, const char *proto, uint16_t *lo,
		    uint16_t *hi, char *err)
{
	char buf[64];
	char *colon;
	const char *bad = NULL;

	snprintf(buf, sizeof(buf), "%s", w);
	colon = strchr(buf, ':');
	*lo = 0;
	*hi = 65535;
	if (!colon) {
		if (one_port(buf, proto, lo) < 0)
			bad = buf;
		*hi = *lo;
	} else {
		*colon++ = '\0';
		if (*buf && one_port(buf, proto, lo) < 0)
			bad = buf;
		else if (*colon && one_port(colon, proto, hi) < 0)
			bad = colon;
	}
	if (bad) {
		snprintf(err, NAT_ERR_MAX, "invalid port/service `%s' specified", bad);
		return -1;
	}
	if (*lo > *hi) {
		snprintf(err, NAT_ERR_MAX, "invalid portrange (min > max)");
		return -1;
	}
	return 0;
}

int nat_parse_proto(const char *w, uint8_t *proto, char *err)
{
	unsigned long n;
	int known = nat_proto_number(w);
	struct protoent *pe;

	if (known >= 0) {
		*proto = (uint8_t)known;
		return 0;
	}
	if (number(w, 255, &n) == 0) {
		*proto = (uint8_t)n;
		return 0;
	}
	pe = getprotobyname(w);
	if (pe && pe->p_proto >= 0 && pe->p_proto < 256) {
		*proto = (uint8_t)pe->p_proto;
		return 0;
	}
	snprintf(err, NAT_ERR_MAX, "unknown protocol \"%s\" specified", w);
	return -1;
}

/* One port of a NAT range as iptables reads it: a number in C's bases
 * (0x10, 010, +5) up to 65535 and at least min, with what follows it left
 * in *rest; else, with names, the whole of w as a service name of any
 * protocol (then *rest is ""): iptables takes none for a range's end. */
static int range_port(const char *w, unsigned long min, bool names,
		      uint16_t *port, const char **rest, char *err)
{
	struct servent *s;
	unsigned long n;
	char *end;

	errno = 0;
	n = *w == '-' ? ULONG_MAX : strtoul(w, &end, 0);
	if (*w != '-' && end != w && !errno && n >= min && n <= 65535) {
		*port = (uint16_t)n;
		*rest = end;
		return 0;
	}
	s = *w && names ? getservbyname(w, NULL) : NULL;
	if (!s || ntohs((uint16_t)s->s_port) < min) {
		snprintf(err, NAT_ERR_MAX, "Port `%s' not valid", w);
		return -1;
	}
	*port = ntohs((uint16_t)s->s_port);
	*rest = "";
	return 0;
}

static int garbage(const char *what, const char *rest, char *err)
{
	snprintf(err, NAT_ERR_MAX, "Garbage after port %s: `%s'", what, rest);
	return -1;
}

/* PORT[-PORT[/BASE]] for a NAT range: 0, 1 when it has a shift (/BASE,
 * whose text is then in err), -1 after iptables' message. */
static int port_range(const char *w, struct nat_rule *r, char *err)
{
	const char *rest, *hi_word;
	uint16_t lo, hi, base;

	if (range_port(w, 0, true, &lo, &rest, err) < 0)
		return -1;
	hi = lo;
	if (*rest == ':') {
		snprintf(err, NAT_ERR_MAX, "Invalid port:port syntax - use dash");
		return -1;
	}
	if (*rest && *rest != '-')
		return garbage("value", rest, err);
	if (*rest == '-') {
		hi_word = rest + 1;
		if (range_port(hi_word, 0, false, &hi, &rest, err) < 0)
			return -1;
		if (hi < lo) {
			snprintf(err, NAT_ERR_MAX, "Port range `%s' funky", hi_word);
			return -1;
		}
		if (*rest && *rest != '/')
			return garbage("range", rest, err);
	}
	r->has_ports = true;
	r->port_lo = lo;
	r->port_hi = hi;
	if (*rest != '/')
		return 0;
	/* What follows the base is not looked at, as in iptables. */
	snprintf(err, NAT_ERR_MAX, "%s", rest);
	return range_port(rest + 1, 1, true, &base, &hi_word, err) < 0 ? -1 : 1;
}

static int one_ip(const char *w, uint32_t *addr, char *err)
{
	struct in_addr a;

	if (inet_pton(AF_INET, w, &a) != 1) {
		snprintf(err, NAT_ERR_MAX, "Bad IP address \"%s\"", w);
		return -1;
	}
	*addr = a.s_addr;
	return 0;
}

int nat_parse_to(const char *w, struct nat_rule *r, char *err)
{
	char buf[128];
	char *colon, *dash;
	int shift = 0;

	snprintf(buf, sizeof(buf), "%s", w);
	colon = strchr(buf, ':');
	/* A second colon makes it all one (IPv6-like) address. */
	if (colon && !strchr(colon + 1, ':')) {
		*colon++ = '\0';
		if ((shift = port_range(colon, r, err)) < 0)
			return -1;
	}
	/* ":PORT": the ports alone, with no address to map. */
	if (!*buf && colon)
		return shift;
	dash = strchr(buf, '-');
	if (dash)
		*dash++ = '\0';
	if (one_ip(buf, &r->addr_lo, err) < 0)
		return -1;
	r->addr_hi = r->addr_lo;
	if (dash && one_ip(dash, &r->addr_hi, err) < 0)
		return -1;
	r->has_addr = true;
	return shift;
}

int nat_parse_to_ports(const char *w, struct nat_rule *r, char *err)
{
	return port_range(w, r, err);
}

int nat_parse_rulenum(const char *w, unsigned int *n, char *err)
{
	unsigned long v;

	if (number(w, 0xffffffffUL, &v) < 0 || v == 0) {
		snprintf(err, NAT_ERR_MAX, "Invalid rule number `%s'", w);
		return -1;
	}
	*n = (unsigned int)v;
	return 0;
}
