/* Fuzz target: the neigh applet's words (cmd/neigh.c, neigh_show.c):
 * add/change/replace/delete with every word put into the request, and
 * show/flush/get with their filters. Nothing reaches the kernel:
 * fuzz_kernel.h answers in its place (devices from its made-up links,
 * every neighbour dump empty, so a flush ends at once) and no socket is
 * opened.
 *
 * Input: one byte of options (bit 0: -4, bit 1: -6, bit 2: ip, else
 * nsip, bit 3: -j, bit 4: -s, bit 5: -d), then the words, separated by
 * NUL bytes or newlines. */
#include <sys/socket.h>

#include "fuzz_applet.h"
#include "fuzz_kernel.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c = { 0 };

	if (size < 1)
		return 0;
	c.opt.family = data[0] & 1 ? AF_INET : data[0] & 2 ? AF_INET6 : AF_UNSPEC;
	c.who = data[0] & 4 ? AS_IP : AS_NSIP;
	c.prog = data[0] & 4 ? "ip" : "nsip";
	c.opt.json = data[0] & 8;
	c.opt.stats = data[0] & 16 ? 1 : 0;
	c.opt.details = data[0] & 32;
	out_init(&c.out, fuzz_sink(), c.opt.json, false, false);
	fuzz_applet(neigh_main, &c, data, size);
	return 0;
}
