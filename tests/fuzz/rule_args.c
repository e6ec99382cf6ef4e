/* Fuzz target: the rule applet's words (cmd/rule/): add and del with
 * every word put into the request, and show/flush with their selectors.
 * Nothing reaches the kernel: fuzz_kernel.h answers in its place (every
 * rule dump empty, every change accepted) and no socket is opened.
 *
 * Input: one byte of options (see fuzz_ctx_init), then the words,
 * separated by NUL bytes or newlines. `restore` is left out: it reads
 * the fuzzer's own stdin. */
#include "fuzz_applet.h"
#include "fuzz_kernel.h"

#include "base/parse.h"

/* Whether the first word (up to a NUL or a newline) is "restore" or an
 * abbreviation of it. */
static bool is_restore(const uint8_t *words, size_t size)
{
	char first[8] = { 0 };
	size_t n = 0;

	while (n < size && words[n] && words[n] != '\n') {
		if (n == sizeof(first) - 1)
			return false;
		first[n] = (char)words[n];
		n++;
	}
	return matches(first, "restore");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1 || is_restore(data + 1, size - 1))
		return 0;
	fuzz_ctx_init(&c, data[0]);
	fuzz_applet(rule_main, &c, data, size);
	return 0;
}
