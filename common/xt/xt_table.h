/* The iptables tables nsip knows, as data: each names the nftables table
 * its rules live in, the type of its base chains, and each built-in chain
 * with its hook and iptables' priority. Everything that makes, lists or
 * sets the policy of built-in chains reads these entries, so nat and
 * filter are two rows here, not two copies of code. */
#ifndef NSIP_XT_TABLE_H
#define NSIP_XT_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct xt_base_chain {
	const char *name;        /* "PREROUTING", "INPUT", ... */
	uint32_t hook;           /* NF_INET_* */
	int32_t prio;            /* iptables-nft's priority for the table */
};

/* No table has more built-in chains. */
#define XT_MAX_CHAINS 5

struct xt_table {
	const char *name;        /* iptables' name: "nat", "filter" */
	const char *nft_name;    /* nsip's nftables table (family ip) */
	const char *chain_type;  /* the base chains' nftables type */
	bool may_drop;           /* DROP (target or policy) allowed */
	const struct xt_base_chain *chains;   /* in iptables' listing order */
	size_t n_chains;
};

extern const struct xt_table xt_table_nat;
extern const struct xt_table xt_table_filter;

/* The table iptables calls name, or NULL. */
const struct xt_table *xt_table_find(const char *name);
/* Chain name's entry when it is one of t's built-in chains, else NULL. */
const struct xt_base_chain *xt_table_chain(const struct xt_table *t,
					   const char *name);
static inline bool xt_is_builtin(const struct xt_table *t, const char *name)
{
	return xt_table_chain(t, name) != NULL;
}

#endif
