/* Fuzz target: a route dump reply from the kernel, as `ip route show` and
 * `ip route get` take it apart. The bytes are the collected dump: walked
 * by nl_dump_each (which trusts no length), and every RTM_NEWROUTE message
 * route_msg_parse accepts printed in each output mode (text, -o, -j,
 * -j -p), once with every field shown (-d -s) and once with the fields a
 * filter would have fixed left out. */
#include <stdbool.h>

#include "fuzz_reply.h"
#include "print/route_print.h"

static void print_all_modes(const struct route_msg *m)
{
	for (enum fuzz_mode mode = FUZZ_TEXT; mode <= FUZZ_PRETTY; mode++) {
		if (mode == FUZZ_BRIEF)
			continue;      /* no -br form: it prints as text */
		for (int hide = 0; hide <= 1; hide++) {
			struct out o;
			struct route_print_opts opts = {
				.names = fuzz_names(), .details = !hide, .stats = !hide,
				.hide_table = hide, .hide_proto = hide,
				.hide_scope = hide, .hide_dev = hide,
				.hide_gateway = hide, .hide_prefsrc = hide,
				.hide_metric = hide, .hide_iif = hide,
			};

			fuzz_record_begin(&o, mode);
			route_print(&o, m, &opts);
			fuzz_record_end(&o);
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
	fuzz_dump_run(data, size, show_one, NULL);
	return 0;
}
