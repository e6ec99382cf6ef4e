/* Fuzz target: the sysctl.conf line reader (procps' -p syntax). The bytes
 * are lines; each is parsed with and without a pattern, and whatever it
 * yields must lie inside the line, stripped as promised. The key is then
 * turned into its /proc/sys path and back. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "base/sysctl_line.h"

static void inside(const char *p, const char *line, size_t size)
{
	if (p < line || p + strlen(p) > line + size)
		abort();
}

static void check_setting(const struct sysctl_setting *s, const char *line,
			  size_t size)
{
	inside(s->key, line, size);
	if (s->value) {
		inside(s->value, line, size);
		if (isspace((unsigned char)s->value[0]) && s->value[1])
			abort();   /* leading blanks are skipped */
	}
	size_t n = strlen(s->key);
	if (n > 1 && isspace((unsigned char)s->key[n - 1]))
		abort();       /* trailing blanks are cut */

	long at;
	char *path = sysctl_key_path(s->key, &at);
	if (!path)
		return;
	if (strncmp(path, SYSCTL_ROOT, SYSCTL_ROOT_LEN) || at >= (long)n)
		abort();
	free(path);
}

static void one_line(const char *data, size_t size, const regex_t *re)
{
	char *line = malloc(size + 1);
	struct sysctl_setting s;

	if (!line)
		return;
	memcpy(line, data, size);
	line[size] = '\0';
	if (sysctl_line_parse(line, re, &s) == SYSCTL_LINE_SETTING)
		check_setting(&s, line, size);
	free(line);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static regex_t re;
	static int ready;
	const char *p = (const char *)data, *end = p + size;

	if (!ready)
		ready = regcomp(&re, "forward|^net", REG_EXTENDED | REG_NOSUB) == 0 ? 1 : -1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) + 1 : (size_t)(end - p);

		one_line(p, n, NULL);
		if (ready > 0)
			one_line(p, n, &re);
		p += n;
	}
	return 0;
}
