/* Fuzz target: a route dump reply from the kernel, as `ip route show` and
 * `ip route get` take it apart. The bytes are the collected dump: walked
 * by nl_dump_each (which trusts no length), and every RTM_NEWROUTE message
 * route_msg_parse accepts printed in each output mode (text, -o, -j,
 * -j -p), once with every field shown (-d -s) and once with the fields a
 * filter would have fixed left out. Devices are named from a small table,
 * so that known and unknown ("ifN") indexes both come up. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "../../common/route_print.h"

enum mode { TEXT, ONELINE, JSON, PRETTY };

static struct ifname_entry links[] = {
	{ 1, IFF_UP | IFF_LOOPBACK, "lo" },
	{ 2, IFF_UP, "eth0" },
	{ 3, 0, "br0" },
};
static const struct ifnames names = { links, sizeof(links) / sizeof(links[0]) };

static void print_all_modes(const struct route_msg *m)
{
	for (int mode = TEXT; mode <= PRETTY; mode++) {
		for (int hide = 0; hide <= 1; hide++) {
			struct out o;
			struct route_print_opts opts = {
				.names = &names, .details = !hide, .stats = !hide,
				.hide_table = hide, .hide_proto = hide,
				.hide_scope = hide, .hide_dev = hide,
				.hide_gateway = hide, .hide_prefsrc = hide,
				.hide_metric = hide, .hide_iif = hide,
			};

			out_init(&o, fuzz_sink(), mode >= JSON, mode == PRETTY,
				 mode == ONELINE);
			out_list_begin(&o);
			out_obj_begin(&o, NULL);
			route_print(&o, m, &opts);
			out_eol(&o);
			out_obj_end(&o);
			out_list_end(&o);
		}
	}
}

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct route_msg m;

	(void)data;
	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	/* `route show` stops at a refused message; going on reaches more. */
	if (route_msg_parse(nlh, &m) == 0)
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
