/* -m length, iprange, limit and addrtype values (see xt_matchparse.h). */
#include "xt/xt_matchparse.h"
#include "xt/nat_parse.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* A number as iptables' option parser reads one: any base, leading
 * blanks and a sign as strtoul takes them; *end is where it stopped. */
static bool read_number(const char *s, unsigned long max, unsigned long *v,
			const char **end)
{
	char *e;

	errno = 0;
	*v = strtoul(s, &e, 0);
	*end = e;
	return e != s && !errno && *v <= max;
}

/* ---- length ----------------------------------------------------------- */

int xt_parse_length(const char *w, struct xt_length_match *m, char *err)
{
	unsigned long v[2];
	const char *arg = w, *end;
	int n = 0;

	for (;; arg = end + 1) {
		if (n == 2) {
			snprintf(err, NAT_ERR_MAX, "length: Too many components for "
				 "option \"--length\" (max: 2)\n");
			return -1;
		}
		if (*arg == '\0' || *arg == ':') {   /* left out */
			end = arg;
			v[n] = n ? 65535 : 0;
		} else if (!read_number(arg, 65535, &v[n], &end)) {
			snprintf(err, NAT_ERR_MAX, "length: bad value for option "
				 "\"--length\" near \"%s\", or out of range (0-65535).\n",
				 arg);
			return -1;
		} else if (*end != '\0' && *end != ':') {
			snprintf(err, NAT_ERR_MAX, "length: Argument to \"--length\" has "
				 "unexpected characters near \"%s\".\n", end);
			return -1;
		}
		n++;
		if (*end == '\0')
			break;
	}
	m->lo = (uint16_t)v[0];
	m->hi = (uint16_t)(n == 2 ? v[1] : v[0]);
	return 0;
}

/* ---- iprange ---------------------------------------------------------- */

/* Up to four parts, the last taking what is left (network order out). */
static int dotted(const char *s, uint32_t *addr)
{
	uint8_t b[4] = { 0 };
	char part[64];
	unsigned long v;
	const char *end;
	int i = 0;

	for (; i < 3; i++) {
		const char *dot = strchr(s, '.');

		if (!dot)
			break;
		if ((size_t)(dot - s) >= sizeof(part))
			return -1;
		memcpy(part, s, (size_t)(dot - s));
		part[dot - s] = '\0';
		if (!read_number(part, 255, &v, &end) || *end)
			return -1;
		b[i] = (uint8_t)v;
		s = dot + 1;
	}
	if (!read_number(s, 255, &v, &end) || *end)
		return -1;
	b[i] = (uint8_t)v;
	memcpy(addr, b, 4);
	return 0;
}

int xt_parse_iprange(const char *w, const char *option, struct xt_range *m,
		     char *err)
{
	char buf[128];
	char *dash, *bad;

	snprintf(buf, sizeof(buf), "%s", w);
	dash = strchr(buf, '-');
	if (dash)
		*dash++ = '\0';
	bad = buf;
	if (dotted(buf, &m->lo) == 0) {
		bad = dash;
		if (!dash) {
			m->hi = m->lo;
			return 0;
		}
		if (dotted(dash, &m->hi) == 0)
			return 0;
	}
	snprintf(err, NAT_ERR_MAX, "iprange: Bad value for \"%.12s\" option: \"%.100s\"",
		 option, bad);
	return -1;
}

/* ---- limit ------------------------------------------------------------ */

static const struct {
	const char *word, *name;
	uint32_t secs;
} units[] = {
	{ "day", "day", 86400 }, { "hour", "hour", 3600 },
	{ "minute", "min", 60 }, { "second", "sec", 1 },
};
#define N_UNITS (sizeof(units) / sizeof(units[0]))

int xt_parse_limit_rate(const char *w, uint32_t *avg, char *err)
{
	const char *slash = strchr(w, '/');
	uint32_t secs = 1, n;

	if (slash) {
		size_t len = strlen(slash + 1), k = 0;

		while (k < N_UNITS && (!len || strncasecmp(slash + 1, units[k].word, len)))
			k++;
		if (k == N_UNITS) {
			snprintf(err, NAT_ERR_MAX, "bad rate \"%s\"'", w);
			return -1;
		}
		secs = units[k].secs;
	}
	/* iptables reads the count as atoi does: what a number starts with,
	 * wrapped to 32 bits. */
	n = (uint32_t)strtol(w, NULL, 10);
	if (!n) {
		snprintf(err, NAT_ERR_MAX, "bad rate \"%s\"'", w);
		return -1;
	}
	*avg = XT_LIMIT_SCALE * secs / n;
	if (!*avg) {
		snprintf(err, NAT_ERR_MAX, "Rate too fast \"%s\"", w);
		return -1;
	}
	return 0;
}

int xt_parse_limit_burst(const char *w, uint32_t *burst, char *err)
{
	unsigned long v;
	const char *end;

	if (!read_number(w, 10000, &v, &end) || *end) {
		snprintf(err, NAT_ERR_MAX, "limit: bad value for option "
			 "\"--limit-burst\", or out of range (0-10000).\n");
		return -1;
	}
	*burst = v ? (uint32_t)v : XT_LIMIT_BURST;
	return 0;
}

/* The first unit (from days down) whose count would lose more to rounding
 * than it keeps ends the search: the one before it is shown. */
uint64_t xt_limit_rate(uint32_t avg, uint64_t *unit)
{
	size_t k = 1;

	if (!avg)
		avg = 1;
	for (; k < N_UNITS; k++) {
		uint32_t mult = XT_LIMIT_SCALE * units[k].secs;

		if (avg > mult || mult / avg < mult % avg)
			break;
	}
	*unit = units[k - 1].secs;
	return (uint64_t)XT_LIMIT_SCALE * units[k - 1].secs / avg;
}

const char *xt_limit_unit_name(uint64_t unit)
{
	for (size_t k = 0; k < N_UNITS; k++)
		if (units[k].secs == unit)
			return units[k].name;
	return "sec";
}

/* ---- addrtype --------------------------------------------------------- */

static const char *const addrtypes[XT_ADDRTYPE_MAX + 1] = {
	"UNSPEC", "UNICAST", "LOCAL", "BROADCAST", "ANYCAST", "MULTICAST",
	"BLACKHOLE", "UNREACHABLE", "PROHIBIT", "THROW", "NAT", "XRESOLVE",
};

/* The first type the word is a prefix of (any case), or -1. */
static int addrtype_of(const char *w, size_t len)
{
	for (int t = 0; len && t <= XT_ADDRTYPE_MAX; t++)
		if (len <= strlen(addrtypes[t]) && !strncasecmp(w, addrtypes[t], len))
			return t;
	return -1;
}

int xt_parse_addrtypes(const char *w, uint16_t *mask, char *err)
{
	const char *comma;
	int t;

	*mask = 0;
	for (; (comma = strchr(w, ',')); w = comma + 1) {
		if ((t = addrtype_of(w, (size_t)(comma - w))) < 0) {
			snprintf(err, NAT_ERR_MAX, "addrtype: bad type `%s'", w);
			return -1;
		}
		*mask |= (uint16_t)(1u << t);
	}
	if ((t = addrtype_of(w, strlen(w))) < 0) {
		snprintf(err, NAT_ERR_MAX, "addrtype: bad type \"%s\"", w);
		return -1;
	}
	*mask |= (uint16_t)(1u << t);
	return 0;
}

void xt_addrtypes_text(char *buf, size_t size, uint16_t mask)
{
	size_t n = 0;

	buf[0] = '\0';
	for (int t = 0; t <= XT_ADDRTYPE_MAX; t++)
		if (mask & 1u << t && n < size)
			n += (size_t)snprintf(buf + n, size - n, "%s%s", n ? "," : "",
					      addrtypes[t]);
}
