/* Fuzz target: the -batch tokenizer. The bytes are a command file read
 * through batch_next (lines, comments, continuations, quotes), and one line
 * split by batch_split with a word limit taken from the first byte, so that
 * "too many words" is reached too. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "base/batch.h"

#define SMALL_MAX 8

/* Every word must lie inside the line and end there. */
static void split_line(const uint8_t *data, size_t size)
{
	char *line = malloc(size + 1);
	char *words[SMALL_MAX];

	if (!line)
		return;
	memcpy(line, data, size);
	line[size] = '\0';
	int max = size ? data[0] % (SMALL_MAX + 1) : 0;
	int n = batch_split(line, words, max);
	if (n < BATCH_TOO_MANY || n > max)
		abort();
	for (int i = 0; i < n; i++)
		if (words[i] < line || words[i] + strlen(words[i]) > line + size)
			abort();
	free(line);
}

static void read_file(const uint8_t *data, size_t size)
{
	/* fmemopen wants a writable buffer even to read. */
	char *copy = malloc(size);
	struct batch b;
	char **argv;
	int argc;

	if (!copy)
		return;
	memcpy(copy, data, size);
	b = (struct batch){ .f = fmemopen(copy, size, "r"), .name = "fuzz" };
	if (b.f) {
		while (batch_next(&b, &argc, &argv) > 0) {
			if (argc < 1 || argc > BATCH_MAX_WORDS || argv[argc])
				abort();
			for (int i = 0; i < argc; i++)
				if (!argv[i][0] && argv[i][-1] != '"' && argv[i][-1] != '\'')
					abort();   /* only a quoted word may be empty */
		}
		batch_close(&b);
	}
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	split_line(data, size);
	if (size > 0)
		read_file(data, size);
	return 0;
}
