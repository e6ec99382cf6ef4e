/* Writes the replies to nsip's link dump (RTM_GETLINK, as `ip link show`
 * asks it) to stdout, raw and back to back: the recorded input of the
 * link printer's unit test. tests/unit/record-links.sh runs it in a
 * sandbox it has set up. */
#include <stdio.h>

#include "nl/ifnames.h"
#include "nl/nl.h"

int main(void)
{
	struct nl nl;
	struct nl_dump d = { 0 };
	int r = 1;

	if (nl_open(&nl) < 0)
		return 1;
	if (link_dump(&nl, &d, false) == 0 &&
	    fwrite(d.buf, 1, d.len, stdout) == d.len && fflush(stdout) == 0)
		r = 0;
	nl_dump_free(&d);
	nl_close(&nl);
	return r;
}
