/* /etc/protocols read directly rather than through getprotobyname(): a
 * static nsip has no NSS modules to load. */
#include "base/ipproto.h"
#include "base/parse.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* Calls fn with each line's words (name, number, aliases) until it says
 * stop; returns what fn returned last, or -1. */
static int each_entry(int (*fn)(char **words, int n, const void *data),
		      const void *data)
{
	FILE *f = fopen("/etc/protocols", "re");
	char line[512];
	int r = -1;

	while (f && r < 0 && fgets(line, sizeof(line), f)) {
		char *words[16], *save = NULL;
		int n = 0;

		line[strcspn(line, "#")] = '\0';
		for (char *w = strtok_r(line, " \t\r\n", &save); w && n < 16;
		     w = strtok_r(NULL, " \t\r\n", &save))
			words[n++] = w;
		if (n >= 2)
			r = fn(words, n, data);
	}
	if (f)
		fclose(f);
	return r;
}

static int number_of(char **words, int n, const void *data)
{
	uint32_t v;

	for (int i = 0; i < n; i++)
		if (i != 1 && !strcmp(words[i], data))
			return parse_u32(words[1], &v) && v <= 255 ? (int)v : -1;
	return -1;
}

int ipproto_parse(const char *word)
{
	const char *p = word;

	/* Decimal only, as ip reads it. */
	if (*p && strspn(p, "0123456789") == strlen(p)) {
		unsigned int v = 0;
		for (; *p && v <= 255; p++)
			v = v * 10 + (unsigned int)(*p - '0');
		if (v <= 255)
			return (int)v;
	}
	return each_entry(number_of, word);
}

struct name_search {
	unsigned int proto;
	char *buf;
	size_t len;
};

static int name_of(char **words, int n, const void *data)
{
	const struct name_search *s = data;
	uint32_t v;

	(void)n;
	if (!parse_u32(words[1], &v) || v != s->proto)
		return -1;
	snprintf(s->buf, s->len, "%s", words[0]);
	return 0;
}

const char *ipproto_name(unsigned int proto, char *buf, size_t len)
{
	struct name_search s = { proto, buf, len };

	if (each_entry(name_of, &s) < 0)
		snprintf(buf, len, "ipproto-%u", proto);
	return buf;
}
