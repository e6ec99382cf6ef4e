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

#endif
