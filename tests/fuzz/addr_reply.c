/* Fuzz target: an address dump reply from the kernel, as `ip address show`
 * takes it apart. The bytes are the collected dump: walked by nl_dump_each
 * (which trusts no length), and every RTM_NEWADDR message addr_msg_parse
 * accepts printed in each output mode (text, -o, -br, -j, -j -p), as a
 * link's address list and as flush/-o lines led by "INDEX: DEV". */
#include <stdbool.h>
#include <linux/rtnetlink.h>

#include "fuzz_reply.h"
#include "print/addr_print.h"

static void print_all_modes(const struct addr_msg *m)
{
	for (enum fuzz_mode mode = FUZZ_TEXT; mode <= FUZZ_PRETTY; mode++) {
		for (int led = 0; led <= 1; led++) {
			struct out o;
			struct addr_print_opts opts = {
				.brief = mode == FUZZ_BRIEF,
				.dev = led ? addr_label(m, "eth0") : NULL,
			};

			fuzz_record_begin(&o, mode);
			out_arr_begin(&o, "addr_info");
			out_obj_begin(&o, NULL);
			addr_print(&o, m, &opts);
			out_obj_end(&o);
			out_arr_end(&o);
			fuzz_record_end(&o);
		}
	}
}

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct addr_msg m;

	(void)data;
	if (nlh->nlmsg_type != RTM_NEWADDR)
		return 0;
	/* `address show` stops at a refused message; going on reaches more. */
	if (addr_msg_parse(nlh, &m) == 0)
		print_all_modes(&m);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_dump_run(data, size, show_one, NULL);
	return 0;
}
