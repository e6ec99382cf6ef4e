/* One expression of a rule message, read in place (no libnftnl object):
 * its name and its data's attributes by type, and the reads of those
 * attributes. Shared by the readers of nsip's rules (nat_rule_read.c,
 * filter_read.c). */
#ifndef NSIP_NFT_EXPR_H
#define NSIP_NFT_EXPR_H

#include <endian.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_tables.h>

#include "nl/attr.h"

/* One expression of a rule message, read in place: its name and the
 * attributes of its data by type (the kernel's NFTA_* numbers). Read as
 * libnftnl reads them: an attribute missing or of the wrong size reads as
 * 0; the last of two of a type counts. */
#define EXPR_ATTRS 16   /* above every NFTA_*_MAX nsip reads */

struct expr {
	const char *name;
	const struct nlattr *tb[EXPR_ATTRS];
};

static inline bool is_set(const struct expr *e, uint16_t attr)
{
	return e->tb[attr] != NULL;
}

static inline uint32_t get_u32(const struct expr *e, uint16_t attr)
{
	uint32_t v;

	if (!e->tb[attr] || attr_len(e->tb[attr]) != sizeof(v))
		return 0;
	memcpy(&v, attr_data(e->tb[attr]), sizeof(v));
	return ntohl(v);
}

static inline uint64_t get_u64(const struct expr *e, uint16_t attr)
{
	uint64_t v;

	if (!e->tb[attr] || attr_len(e->tb[attr]) != sizeof(v))
		return 0;
	memcpy(&v, attr_data(e->tb[attr]), sizeof(v));
	return be64toh(v);
}

/* The NFTA_DATA_* attribute of that type inside a data attribute. */
static inline const struct nlattr *data_part(const struct expr *e, uint16_t attr,
				      uint16_t part)
{
	const struct nlattr *a, *found = NULL;

	if (!e->tb[attr])
		return NULL;
	ATTR_EACH_NESTED(a, e->tb[attr])
		if (attr_type(a) == part)
			found = a;
	return found;
}

/* The attributes of a nest into e->tb, by type. */
static inline void read_attrs(const struct nlattr *nest, struct expr *e)
{
	const struct nlattr *a;

	ATTR_EACH_NESTED(a, nest)
		if (attr_type(a) < EXPR_ATTRS)
			e->tb[attr_type(a)] = a;
}

/* A data attribute's value bytes (*len of them), or NULL. */
static inline const void *get_value(const struct expr *e, uint16_t attr, uint32_t *len)
{
	const struct nlattr *v = data_part(e, attr, NFTA_DATA_VALUE);

	if (!v || attr_len(v) == 0 || attr_len(v) > NFT_DATA_VALUE_MAXLEN)
		return NULL;
	*len = attr_len(v);
	return attr_data(v);
}

/* A data attribute's value, only when it is exactly len bytes long. */
static inline const void *data_of(const struct expr *e, uint16_t attr, uint32_t len)
{
	uint32_t got = 0;
	const void *d = get_value(e, attr, &got);

	return d && got == len ? d : NULL;
}

/* One NFTA_LIST_ELEM of the rule's expressions: its name and data. */
static inline int read_expr(const struct nlattr *elem, struct expr *e)
{
	const struct nlattr *a, *data = NULL;

	*e = (struct expr){ .name = NULL };
	if (attr_type(elem) != NFTA_LIST_ELEM)
		return -1;
	ATTR_EACH_NESTED(a, elem) {
		if (attr_type(a) == NFTA_EXPR_NAME)
			e->name = attr_data(a);
		else if (attr_type(a) == NFTA_EXPR_DATA)
			data = a;
	}
	if (data)
		read_attrs(data, e);
	return e->name ? 0 : -1;
}

#endif
