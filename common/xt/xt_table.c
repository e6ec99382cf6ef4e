/* The tables' rows (see xt_table.h). */
#include "xt/xt_table.h"

#include <string.h>
#include <linux/netfilter.h>

/* iptables' nat priorities: destination NAT before filtering, source NAT
 * after it. */
static const struct xt_base_chain nat_chains[] = {
	{ "PREROUTING", NF_INET_PRE_ROUTING, -100 },
	{ "INPUT", NF_INET_LOCAL_IN, 100 },
	{ "OUTPUT", NF_INET_LOCAL_OUT, -100 },
	{ "POSTROUTING", NF_INET_POST_ROUTING, 100 },
};

/* iptables-nft's filter chains sit at priority 0 ("filter"). */
static const struct xt_base_chain filter_chains[] = {
	{ "INPUT", NF_INET_LOCAL_IN, 0 },
	{ "FORWARD", NF_INET_FORWARD, 0 },
	{ "OUTPUT", NF_INET_LOCAL_OUT, 0 },
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* The nat table keeps the name nsip's rules have always lived under. */
const struct xt_table xt_table_nat = {
	"nat", "nsip", "nat", false, nat_chains, N(nat_chains),
};

const struct xt_table xt_table_filter = {
	"filter", "nsip_filter", "filter", true, filter_chains, N(filter_chains),
};

static const struct xt_table *const tables[] = { &xt_table_filter, &xt_table_nat };

const struct xt_table *xt_table_find(const char *name)
{
	for (size_t k = 0; k < N(tables); k++)
		if (!strcmp(tables[k]->name, name))
			return tables[k];
	return NULL;
}

const struct xt_base_chain *xt_table_chain(const struct xt_table *t,
					   const char *name)
{
	for (size_t k = 0; k < t->n_chains; k++)
		if (!strcmp(t->chains[k].name, name))
			return &t->chains[k];
	return NULL;
}
