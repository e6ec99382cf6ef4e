/* Fuzz target: the route applet's words (cmd/route.c, route_nexthop.c,
 * route_get.c): add/change/replace/prepend/append/test/delete with every
 * word put into the request (metrics, next hops, devices resolved against
 * fuzz_kernel.h's made-up links), get, show/list with their filters
 * (cmd/route_show.c), help. Nothing reaches the kernel: fuzz_kernel.h
 * answers in its place (every route dump empty) and no socket is opened.
 *
 * flush is not run: "flush cache" writes the machine's
 * /proc/sys/net/ipv4/route/flush, which no fuzz target may touch. Its
 * filter words are show's (the same parse_filter).
 *
 * Input: one byte of options (see fuzz_ctx_init), then the words,
 * separated by NUL bytes or newlines. */
#include "fuzz_applet.h"
#include "fuzz_kernel.h"
#include "route/route.h"

/* Whether the first word is "flush" or an abbreviation of it (route.c
 * takes any: no other subcommand starts with 'f'). */
static bool asks_flush(const uint8_t *data, size_t size)
{
	static const char flush[] = "flush";
	size_t n = 0;

	while (n + 1 < size && data[n + 1] != '\0' && data[n + 1] != '\n')
		n++;
	return n > 0 && n < sizeof(flush) && !memcmp(data + 1, flush, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1 || asks_flush(data, size))
		return 0;
	fuzz_ctx_init(&c, data[0]);
	fuzz_applet(route_main, &c, data, size);
	return 0;
}
