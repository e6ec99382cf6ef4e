/* Netlink attribute walks, inline. libmnl's are calls into the library
 * for every step and every field; a dump walks tens of thousands of
 * attributes, and those calls cost more than the checks themselves. Like
 * mnl_attr_for_each_nested(), a walk stops before the first attribute that
 * does not fit in what is left; callers that must see every byte (nl.c)
 * check that themselves. */
#ifndef NSIP_ATTR_H
#define NSIP_ATTR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

static inline bool attr_fits(const struct nlattr *a, const char *end)
{
	ptrdiff_t left = end - (const char *)a;

	return left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= left;
}

static inline const struct nlattr *attr_next(const struct nlattr *a)
{
	return (const struct nlattr *)(const void *)((const char *)a + NLA_ALIGN(a->nla_len));
}

static inline const struct nlattr *attr_first(const struct nlattr *nest)
{
	return (const struct nlattr *)(const void *)((const char *)nest + NLA_HDRLEN);
}

static inline const char *attr_end(const struct nlattr *nest)
{
	return (const char *)nest + nest->nla_len;
}

static inline uint16_t attr_type(const struct nlattr *a)
{
	return a->nla_type & NLA_TYPE_MASK;
}

static inline uint16_t attr_len(const struct nlattr *a)
{
	return (uint16_t)(a->nla_len - NLA_HDRLEN);
}

static inline const char *attr_data(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}

#define ATTR_EACH_NESTED(a, nest) \
	for ((a) = attr_first(nest); attr_fits((a), attr_end(nest)); (a) = attr_next(a))

#endif
