/* The words of `ip link add NAME type vrf table TABLE`. */
#include <stdio.h>
#include <linux/if_link.h>

#include "link.h"
#include "base/err.h"
#include "base/parse.h"
#include "nl/route_names.h"

static int vrf_usage(void)
{
	fputs("Usage: ... vrf table TABLEID\n", stderr);
	return EXIT_CMD;
}

/* Each "table" puts its attribute at once, as iproute2 does; a table is
 * a number or a name of rt_tables. */
int link_parse_vrf(struct link_spec *s, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		uint32_t table;

		if (matches(argv[i], "table")) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			if (rt_name_parse(RT_NAME_TABLE, argv[i], &table))
				return iparg_invalid("invalid table ID\n", argv[i]);
			int r = kind_number(s, IFLA_VRF_TABLE, 4, table);
			if (r)
				return r;
		} else if (matches(argv[i], "help")) {
			return vrf_usage();
		} else {
			errmsg("vrf: unknown option \"%s\"?", argv[i]);
			return vrf_usage();
		}
	}
	return 0;
}
