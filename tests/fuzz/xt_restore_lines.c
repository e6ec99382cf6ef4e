/* Fuzz target: iptables-restore's line reader (common/xt/xt_restore_line.c).
 * The bytes are an input file: split at newlines, each line read as the
 * restore reads it, a "*TABLE" line opening a block and COMMIT closing it.
 * Stops the run (abort) when a word lies outside its line, when there are
 * more words than the reader allows, or when a kind comes in the wrong
 * state (a table line inside a block, a chain line outside one). */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "xt/xt_restore_line.h"

static bool inside(const char *p, const char *line, size_t len)
{
	return p && p >= line && p + strlen(p) <= line + len;
}

static void check_line(const struct xr_line *l, const char *line, size_t len,
		       bool in_table)
{
	if (l->kind == XR_TABLE && (in_table || !inside(l->name, line, len)))
		abort();
	if ((l->kind == XR_CHAIN || l->kind == XR_COMMIT || l->kind == XR_WORDS) &&
	    !in_table)
		abort();
	if (l->kind == XR_STRAY && in_table)
		abort();
	if (l->kind == XR_CHAIN && (!inside(l->name, line, len) ||
				    !inside(l->policy, line, len)))
		abort();
	if (l->argc < 0 || l->argc > XR_MAX_WORDS || l->argv[l->argc])
		abort();
	for (int i = 0; i < l->argc; i++)
		if (!inside(l->argv[i], line, len))
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	bool in_table = false;
	struct xr_line l;
	uint64_t p, b;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	for (char *line = text, *next; line; line = next) {
		size_t len;

		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		len = strlen(line);
		if (xr_read_line(line, in_table, &l) != XR_OK)
			continue;
		check_line(&l, line, len, in_table);
		if (l.kind == XR_TABLE)
			in_table = true;
		else if (l.kind == XR_COMMIT)
			in_table = false;
		else if (l.kind == XR_CHAIN)
			(void)xr_chain_counters(l.counters, &p, &b);
		else if (l.kind == XR_WORDS && l.pcnt)
			(void)(xr_number(l.pcnt, &p) && xr_number(l.bcnt, &b));
	}
	free(text);
	return 0;
}
