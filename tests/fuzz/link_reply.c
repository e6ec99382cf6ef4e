/* Fuzz target: a link dump reply from the kernel, as `ip link show` takes
 * it apart. The bytes are the dump: walked by nl_dump_each (which trusts
 * no length) into the stream that `link show` prints from (records held
 * back until the links they name have come, as -d holds all of them, and
 * the same dump taken again as after an interruption), and every
 * RTM_NEWLINK message that link_msg_parse accepts printed in each output
 * mode (text, -o, -br, -j, -j -p), with and without the `link show` only
 * parts, against the names the stream has gathered, with its counters
 * (-s, -s -s, -s -h -iec). */
#include <stdbool.h>

#include "fuzz_reply.h"
#include "print/link_print.h"
#include "print/link_stats_print.h"
#include "nl/link_stream.h"

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

			struct link_stats_opts stats = {
				.level = 1 + link_show, .human = link_show && mode == FUZZ_TEXT,
				.iec = link_show, .own_lines = !link_show,
			};

			fuzz_record_begin(&o, mode);
			link_print(&o, m, &opts);
			link_stats_print(&o, m, &stats);
			fuzz_record_end(&o);
		}
	}
}

static bool every(const struct link_msg *m, void *data)
{
	(void)m;
	(void)data;
	return true;
}

static int show_one(const struct link_msg *m, void *data)
{
	print_all_modes(m, data);
	return 0;
}

/* `link show` stops at a refused message; going on reaches more. */
static int take(const struct nlmsghdr *nlh, void *stream)
{
	link_stream_take(nlh, stream);
	return 0;
}

static void stream(const struct nl_dump *d, bool hold_all)
{
	struct link_stream ls = {
		.wanted = every, .show = show_one, .hold_all = hold_all,
	};

	ls.data = &ls.names;
	nl_dump_each(d, take, &ls);
	link_stream_restart(&ls);
	nl_dump_each(d, take, &ls);
	link_stream_end(&ls);
	link_stream_free(&ls);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nl_dump d;

	if (fuzz_dump_copy(&d, data, size) < 0)
		return 0;
	stream(&d, false);
	stream(&d, true);
	nl_dump_free(&d);
	return 0;
}
