/* Fuzz target: a rule dump reply from the kernel, as `ip rule show` takes
 * it apart. The bytes are the collected dump: walked by nl_dump_each
 * (which trusts no length), and every RTM_NEWRULE message rule_msg_parse
 * accepts printed as text, JSON and pretty JSON, with and without -d. */
#include <stdbool.h>

#include "fuzz_reply.h"
#include "print/rule_print.h"

static int show_one(const struct nlmsghdr *nlh, void *data)
{
	struct rule_msg m;

	(void)data;
	if (nlh->nlmsg_type != RTM_NEWRULE || rule_msg_parse(nlh, &m) < 0)
		return 0;
	for (enum fuzz_mode mode = FUZZ_TEXT; mode <= FUZZ_PRETTY; mode++) {
		if (mode == FUZZ_ONELINE || mode == FUZZ_BRIEF)
			continue;      /* rules have no -o or -br form */
		for (int details = 0; details <= 1; details++) {
			struct out o;
			struct rule_print_opts opts = { .details = details };

			fuzz_record_begin(&o, mode);
			rule_print(&o, &m, &opts);
			fuzz_record_end(&o);
		}
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_dump_run(data, size, show_one, NULL);
	return 0;
}
