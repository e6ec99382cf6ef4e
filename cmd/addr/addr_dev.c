/* A device's index as `ip address` resolves names: shared by its add/del
 * words (addr.c) and its filters (addr_filter.c, addr_show.c). */
#include <stdio.h>

#include "addr.h"
#include "nl/link_lookup.h"

int addr_dev_index(struct nl *nl, const char *name)
{
	unsigned int index = link_name_index(nl, name);
	char tail;

	/* ip also takes "ifN" for a device known only by its index. */
	/* sscanf as ip reads it, overflow included: the same names work. */
	if (!index && sscanf(name, "if%u%c", &index, &tail) != 1) /* NOLINT(cert-err34-c) */
		index = 0;
	return (int)index;
}
