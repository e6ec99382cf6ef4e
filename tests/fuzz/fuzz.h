/* What every fuzz target defines, and what they share.
 *
 * A target is one file tests/fuzz/NAME.c defining LLVMFuzzerTestOneInput;
 * its seeds live in tests/fuzz/corpus/NAME/. It is built twice (mk/fuzz.am):
 * fuzz_NAME with libFuzzer (--enable-fuzzing, clang) for `make fuzz`, and
 * replay_NAME with tests/fuzz/replay.c, which any compiler builds and which
 * `make check` runs over the corpus, so that every input kept there (seeds
 * and the inputs of crashes found and fixed) is replayed on every build. */
#ifndef NSIP_FUZZ_H
#define NSIP_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Where printers write: nothing is kept, every byte is still formatted. */
static inline FILE *fuzz_sink(void)
{
	static FILE *sink;

	if (!sink)
		sink = fopen("/dev/null", "w");
	return sink;
}

/* Splits buf (len bytes, buf[len] must be writable) into words at NUL
 * bytes and newlines, in place; empty words are kept (they are words an
 * applet can be given). Returns how many, at most max; argv[count] is
 * NULL. */
static inline int fuzz_words(char *buf, size_t len, char **argv, int max)
{
	int argc = 0;
	size_t start = 0;

	buf[len] = '\0';
	for (size_t i = 0; i <= len && argc < max; i++) {
		if (buf[i] == '\n' || buf[i] == '\0') {
			buf[i] = '\0';
			if (i < len || i > start)
				argv[argc++] = buf + start;
			start = i + 1;
		}
	}
	argv[argc] = NULL;
	return argc;
}

#endif
