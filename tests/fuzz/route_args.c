/* Fuzz target: the route applet's words (cmd/route.c, route_nexthop.c,
 * route_get.c): add/change/replace/prepend/append/test/delete with every
 * word put into the request (metrics, next hops, devices resolved against
 * fuzz_kernel.h's made-up links), get, help. Nothing reaches the kernel:
 * fuzz_kernel.h answers in its place and no socket is opened.
 *
 * show/list/flush (cmd/route_show.c) are a stand-in: "flush cache" writes
 * the machine's /proc/sys/net/ipv4/route/flush, which no fuzz target may
 * touch.
 *
 * Input: one byte of options (bit 0: -4, bit 1: -6, bit 2: ip, else
 * nsip, bit 3: -j, bit 4: -s, bit 5: -d), then the words, separated by
 * NUL bytes or newlines. */
#include <sys/socket.h>

#include "fuzz_applet.h"
#include "fuzz_kernel.h"
#include "../../cmd/route.h"

int route_show(struct ctx *c, int argc, char **argv, bool flush)
{
	(void)flush;
	if (argc < 0 || argv[argc] != NULL || !c->prog)
		abort();
	return 0;
}

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
	fuzz_applet(route_main, &c, data, size);
	return 0;
}
