/* Where named namespaces live: one place says it, every room asks it. */
#include "ns/rundir.h"

#include <stdio.h>

int ns_path(char *buf, size_t len, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", NETNS_RUN_DIR, name);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}
