/* Fuzz target: the neigh applet's words (cmd/neigh.c, neigh_show.c):
 * add/change/replace/delete with every word put into the request, and
 * show/flush/get with their filters. Nothing reaches the kernel:
 * fuzz_kernel.h answers in its place (devices from its made-up links,
 * every neighbour dump empty, so a flush ends at once) and no socket is
 * opened.
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
	fuzz_applet(neigh_main, &c, data, size);
	return 0;
}
