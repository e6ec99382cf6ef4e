/* Fuzz target: the events a monitor receives. The bytes are messages back
 * to back (as in a datagram, or a file rtmon wrote), walked by
 * nl_dump_each (which trusts no length), each handed to monitor_event as
 * `ip monitor` would get it: every object, with labels and, every other
 * input, -tshort and -o. No kernel is asked (no socket for names): links
 * are named from the events themselves, so the cache's puts and drops run
 * too. */
#include <stdbool.h>

#include "fuzz_reply.h"
#include "monitor/monitor.h"

static int one_event(const struct nlmsghdr *nlh, void *data)
{
	monitor_event(data, nlh);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c = { .prog = "ip", .who = AS_IP };
	bool variant = size % 2;

	c.opt.timestamp = c.opt.tshort = variant;
	c.opt.details = variant;
	struct monitor m = { .c = &c, .label = true, .ifindex = variant ? 2 : 0 };
	out_init(&m.out, fuzz_sink(), false, false, variant);
	fuzz_dump_run(data, size, one_event, &m);
	ifnames_free(&m.names);
	monitor_nsid_free(&m);
	return 0;
}
