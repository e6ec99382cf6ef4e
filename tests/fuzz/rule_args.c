/* Fuzz target: the rule applet's words (cmd/rule/): add and del with
 * every word put into the request, and show/flush with their selectors.
 * Nothing reaches the kernel: fuzz_kernel.h answers in its place (every
 * rule dump empty, every change accepted) and no socket is opened.
 *
 * Input: one byte of options (see fuzz_ctx_init), then the words,
 * separated by NUL bytes or newlines. */
#include "fuzz_applet.h"
#include "fuzz_kernel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1)
		return 0;
	fuzz_ctx_init(&c, data[0]);
	fuzz_applet(rule_main, &c, data, size);
	return 0;
}
