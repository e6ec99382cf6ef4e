/* Fuzz target: a link dump reply from the kernel, as `ip link show` takes
 * it apart. The bytes are the collected dump: walked by nl_dump_each (which
 * trusts no length), the names table built from it, and every RTM_NEWLINK
 * message that link_msg_parse accepts printed in each output mode (text,
 * -o, -br, -j, -j -p), with and without the `link show` only parts. */
#include <stdbool.h>

#include "fuzz_reply.h"
#include "../../common/link_print.h"

static void print_all_modes(const struct link_msg *m, const struct ifnames *names)
{
	for (enum fuzz_mode mode = FUZZ_TEXT; mode <= FUZZ_PRETTY; mode++) {
		for (int link_show = 0; link_show <= 1; link_show++) {
			struct out o;
			struct link_print_opts opts = {
				.brief = mode == FUZZ_BRIEF, .show_mode = link_show,
				.show_link_line = link_show || mode == FUZZ_BRIEF,
				.names = names,   /* no socket: nsids stay numbers */
			};

			fuzz_record_begin(&o, mode);
			link_print(&o, m, &opts);
			fuzz_record_end(&o);
		}
	}
}

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	/* `link show` stops at a refused message; going on reaches more. */
	if (link_msg_parse(nlh, &m) == 0)
		print_all_modes(&m, data);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nl_dump d;
	struct ifnames names;

	if (fuzz_dump_copy(&d, data, size) < 0)
		return 0;
	if (ifnames_from_dump(&d, &names) < 0)
		names = (struct ifnames){ 0 };
	nl_dump_each(&d, show_one, &names);
	ifnames_free(&names);
	nl_dump_free(&d);
	return 0;
}
