#include "base/parse.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

int keyword_find(const struct keyword *table, int n, const char *word)
{
	/* The first letters rule out most keywords without a call. */
	for (int k = 0; k < n; k++)
		if (table[k].word[0] == word[0] && keyword_is(&table[k], word))
			return k;
	return n;
}

int match_first(const char *word, const char *const *table)
{
	for (int i = 0; table[i]; i++)
		if (matches(word, table[i]))
			return i;
	return -1;
}

bool netns_name_ok(const char *name)
{
	size_t len = strnlen(name, 256);

	return len > 0 && len <= 255 && !strchr(name, '/') &&
	       strcmp(name, ".") != 0 && strcmp(name, "..") != 0;
}

static bool parse_long(const char *word, long long lo, long long hi,
		       long long *out)
{
	char *end;

	if (!*word)
		return false;
	errno = 0;
	long long v = strtoll(word, &end, 0);
	if (errno || *end || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

bool parse_u32(const char *word, uint32_t *out)
{
	long long v;

	if (word[0] == '-' || !parse_long(word, 0, UINT32_MAX, &v))
		return false;
	*out = (uint32_t)v;
	return true;
}

bool parse_s32(const char *word, int32_t *out)
{
	long long v;

	if (!parse_long(word, INT32_MIN, INT32_MAX, &v))
		return false;
	*out = (int32_t)v;
	return true;
}

bool iface_name_ok(const char *name)
{
	if (!*name || strlen(name) >= 16)
		return false;
	for (; *name; name++)
		if (*name == '/' || *name == ' ' || (*name >= '\t' && *name <= '\r'))
			return false;
	return true;
}

int scan_number_range(const char *word, unsigned long *first, unsigned long *second)
{
	char *end, *end2;

	*first = strtoul(word, &end, 10);
	if (end == word)
		return 0;
	if (*end != '-')
		return 1;
	*second = strtoul(end + 1, &end2, 10);
	return end2 == end + 1 ? 1 : 2;
}
