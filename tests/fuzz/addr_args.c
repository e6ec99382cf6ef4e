/* Fuzz target: the addr applet's words (cmd/addr.c: the subcommand, and
 * add/change/replace/del's words put into the request with every check),
 * never executed: ctx_nl is the stand-in below and gives no socket, so a
 * request that passed every check is dropped where it would be sent.
 * show/list/flush (cmd/addr_show.c) need the kernel's dumps: addr_list is
 * a stand-in too. Device names are looked up with if_nametoindex, which
 * only reads.
 *
 * Input: one byte of options (bit 0: -4, bit 1: -6, bit 2: ip, else nsip),
 * then the words, separated by NUL bytes or newlines. */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz_applet.h"
#include "../../cmd/addr.h"

struct nl *ctx_nl(struct ctx *c)
{
	(void)c;
	return NULL;
}

int addr_list(struct ctx *c, int argc, char **argv, bool flush)
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
	out_init(&c.out, fuzz_sink(), false, false, false);
	fuzz_applet(addr_main, &c, data, size);
	return 0;
}
