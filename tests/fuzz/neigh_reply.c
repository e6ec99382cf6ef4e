/* Fuzz target: a neighbour dump reply from the kernel, as `ip neigh show`
 * takes it apart. The bytes are the collected dump: walked by
 * nl_dump_each (which trusts no length), and every RTM_NEWNEIGH message
 * neigh_msg_parse accepts printed in each output mode (text, -o, -j,
 * -j -p), with and without the device and the -s counters. Devices are
 * named from a small table, so that known and unknown ("ifN") indexes
 * both come up. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../common/neigh_print.h"

enum mode { TEXT, ONELINE, JSON, PRETTY };

static struct ifname_entry links[] = {
	{ 1, IFF_UP | IFF_LOOPBACK, "lo" },
	{ 2, IFF_UP, "eth0" },
	{ 3, 0, "br0" },
};
static const struct ifnames names = { links, sizeof(links) / sizeof(links[0]) };

static void print_all_modes(const struct neigh_msg *m)
{
	for (int mode = TEXT; mode <= PRETTY; mode++) {
		for (int variant = 0; variant <= 1; variant++) {
			struct out o;
			struct neigh_print_opts opts = {
				.names = &names, .hide_dev = variant,
				.stats = variant ? 0 : 2,
			};

			out_init(&o, fuzz_sink(), mode >= JSON, mode == PRETTY,
				 mode == ONELINE);
			out_list_begin(&o);
			out_obj_begin(&o, NULL);
			neigh_print(&o, m, &opts);
			out_eol(&o);
			out_obj_end(&o);
			out_list_end(&o);
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
	/* Exactly the input's size, so that a read past it is caught; malloc
	 * aligns it as the receive buffer is. */
	struct nl_dump d = { .buf = malloc(size ? size : 1), .len = size, .cap = size };

	if (!d.buf)
		return 0;
	memcpy(d.buf, data, size);
	nl_dump_each(&d, show_one, NULL);
	nl_dump_free(&d);
	return 0;
}
