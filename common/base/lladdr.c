#include "base/lladdr.h"
#include "base/err.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "a.b.c.d": up to four numbers (any C base), each at most 255; fewer
 * parts leave the rest zero, as iproute2's own IPv4 reader does. */
static int dotted(const char *word, unsigned char *out, size_t cap)
{
	const char *p = word;

	if (cap < 4)
		return -1;
	memset(out, 0, 4);
	for (int i = 0; i < 4; i++) {
		char *end;
		unsigned long n = strtoul(p, &end, 0);

		if (end == p || n > 255)
			return -1;
		out[i] = (unsigned char)n;
		if (*end == '\0')
			return 4;
		if (i == 3 || *end != '.')
			return -1;
		p = end + 1;
	}
	return -1;
}

/* One hex byte: like sscanf("%x"), leading blanks, a sign or 0x and
 * trailing junk are tolerated; the value must be 0..255. */
static int hex_byte(const char *part, unsigned char *out)
{
	unsigned int v;

	if (sscanf(part, "%x", &v) != 1 || v > 255) /* NOLINT(cert-err34-c): ip's own rule */
		return -1;
	*out = (unsigned char)v;
	return 0;
}

int lladdr_parse(const char *word, unsigned char *out, size_t cap)
{
	char part[64];
	size_t n = 0;

	if (strchr(word, '.')) {
		int len = dotted(word, out, cap);
		if (len < 0)
			errmsg("\"%s\" is invalid lladdr.", word);
		return len;
	}
	for (const char *p = word; n < cap; n++) {
		const char *colon = strchr(p, ':');
		size_t len = colon ? (size_t)(colon - p) : strlen(p);

		snprintf(part, sizeof(part), "%.*s", (int)len, p);
		if (hex_byte(part, &out[n]) < 0) {
			errmsg("\"%s\" is invalid lladdr.", part);
			return -1;
		}
		if (!colon)
			return (int)n + 1;
		p = colon + 1;
	}
	return (int)n;
}
