/* Fuzz target: the addr applet's words (cmd/addr/addr.c: the subcommand;
 * addr_words.c: add/change/replace/del's words with every check; the
 * request built by common/nl/addr_req.c),
 * never executed: fuzz_kernel.h answers in the kernel's place (a request
 * that passed every check is checked as the kernel would, and accepted).
 * show/list/flush (cmd/addr/addr_show.c) need the kernel's dumps:
 * addr_list is a stand-in below. Device names are looked up with the name
 * ioctl, which only reads, then asked of fuzz_kernel.h's table.
 *
 * Input: one byte of options (see fuzz_ctx_init), then the words,
 * separated by NUL bytes or newlines. */
#include <stdlib.h>
#include <string.h>
#include "fuzz_applet.h"
#include "fuzz_kernel.h"
#include "addr/addr.h"

int addr_list(struct ctx *c, int argc, char **argv, bool flush)
{
	(void)flush;
	if (argc < 0 || argv[argc] != NULL || !c->prog)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1)
		return 0;
	fuzz_ctx_init(&c, data[0]);
	fuzz_applet(addr_main, &c, data, size);
	return 0;
}
