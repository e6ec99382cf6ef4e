#include "base/batch.h"
#include "base/err.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

int batch_open(struct batch *b, const char *file)
{
	*b = (struct batch){ .name = file };
	if (!strcmp(file, "-")) {
		b->f = stdin;
		return 0;
	}
	b->f = fopen(file, "r");
	if (!b->f) {
		errmsg("Cannot open file \"%s\" for reading: %s", file, strerror(errno));
		return -1;
	}
	return 0;
}

void batch_close(struct batch *b)
{
	if (b->f && b->f != stdin)
		fclose(b->f);
	free(b->line);
	free(b->chunk);
	b->f = NULL;
	b->line = b->chunk = NULL;
}

/* The bytes that end a word: a space, a tab, a line's end, the string's
 * end. A table, as every byte of a batch passes through it. */
static const bool ends_word[256] = {
	[' '] = true, ['\t'] = true, ['\r'] = true, ['\n'] = true, ['\0'] = true,
};

static bool is_space(char c)
{
	return c && ends_word[(unsigned char)c];
}

int batch_split(char *line, char **words, int max)
{
	int n = 0;
	char *p = line;

	for (;;) {
		while (is_space(*p))
			p++;
		if (!*p)
			return n;
		if (n == max)
			return BATCH_TOO_MANY;
		if (*p == '"' || *p == '\'') {
			char *end = strchr(p + 1, *p);
			if (!end)
				return BATCH_UNTERMINATED;
			words[n++] = p + 1;
			*end = '\0';
			p = end + 1;
			continue;
		}
		words[n++] = p;
		while (!ends_word[(unsigned char)*p])
			p++;
		if (*p)
			*p++ = '\0';
	}
}

/* Reads one logical line: a '#' ends it, a backslash before the newline
 * joins the next physical line. Returns -1 at the end of the file. Most
 * lines are one physical line: b->text is then the line just read,
 * otherwise the lines joined in b->line. */
static int read_logical_line(struct batch *b)
{
	size_t len = 0;

	for (;;) {
		ssize_t n = getline(&b->chunk, &b->chunk_cap, b->f);
		char *chunk = b->chunk;

		if (n < 0) {
			b->text = b->line;
			return len ? 0 : -1;
		}
		b->lineno++;
		char *hash = strchr(chunk, '#');
		if (hash) {
			*hash = '\0';
			n = hash - chunk;
		}
		bool more = n >= 2 && chunk[n - 1] == '\n' && chunk[n - 2] == '\\' && !hash;
		if (more)
			n -= 2;
		else if (!len) {
			b->text = chunk;
			return 0;
		}
		if (len + (size_t)n + 1 > b->cap) {
			size_t cap = (len + (size_t)n + 1) * 2;
			char *p = realloc(b->line, cap);
			if (!p)
				return -1;
			b->line = p;
			b->cap = cap;
		}
		memcpy(b->line + len, chunk, (size_t)n);
		len += (size_t)n;
		b->line[len] = '\0';
		if (!more) {
			b->text = b->line;
			return 0;
		}
	}
}

int batch_next(struct batch *b, int *argc, char ***argv)
{
	while (read_logical_line(b) == 0) {
		int n = batch_split(b->text, b->words, BATCH_MAX_WORDS);

		if (n == BATCH_UNTERMINATED)
			return fail(-1, "Unterminated quoted string");
		if (n == BATCH_TOO_MANY)
			return fail(-1, "Too many arguments to command");
		if (n == 0)
			continue;
		b->words[n] = NULL;
		*argc = n;
		*argv = b->words;
		return 1;
	}
	return 0;
}
