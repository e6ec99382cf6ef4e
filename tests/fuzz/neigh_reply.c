/* Fuzz target: a neighbour dump reply from the kernel, as `ip neigh show`
 * takes it apart. The bytes are the collected dump: walked by
 * nl_dump_each (which trusts no length), and every RTM_NEWNEIGH message
 * neigh_msg_parse accepts printed in each output mode (text, -o, -j,
 * -j -p), with and without the device and the -s counters; devices
 * named from fuzz_names(). */
#include <stdbool.h>

#include "fuzz_reply.h"
#include "print/neigh_print.h"

static void print_all_modes(const struct neigh_msg *m)
{
	for (enum fuzz_mode mode = FUZZ_TEXT; mode <= FUZZ_PRETTY; mode++) {
		if (mode == FUZZ_BRIEF)
			continue;      /* no -br form: it prints as text */
		for (int variant = 0; variant <= 1; variant++) {
			struct out o;
			struct neigh_print_opts opts = {
				.names = fuzz_names(), .hide_dev = variant,
				.stats = variant ? 0 : 2,
			};

			fuzz_record_begin(&o, mode);
			neigh_print(&o, m, &opts);
			fuzz_record_end(&o);
		}
	}
}

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct neigh_msg m;

	(void)data;
	if (nlh->nlmsg_type != RTM_NEWNEIGH)
		return 0;
	/* `neigh show` stops at a refused message; going on reaches more. */
	if (neigh_msg_parse(nlh, &m) == 0)
		print_all_modes(&m);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_dump_run(data, size, show_one, NULL);
	return 0;
}
