/* host-local's ranges: the "ranges" (and legacy "subnet", "rangeStart",
 * "rangeEnd", "gateway") of an ipam config, made whole as the reference
 * does (gateway .1, start .1, end the last address less IPv4's broadcast),
 * and the walk over a range set that starts after the last address handed
 * out, skipping the gateway, until it comes round. */
#ifndef NSIP_HL_RANGE_H
#define NSIP_HL_RANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"

#define HL_RANGES_MAX 16
#define HL_SETS_MAX 8

struct hl_range {
	struct cni_ip_addr subnet, start, end, gw;   /* start, end, gw: no prefix */
};

struct hl_rangeset {
	struct hl_range r[HL_RANGES_MAX];
	size_t n;
};

struct hl_ranges {
	struct hl_rangeset sets[HL_SETS_MAX];
	size_t n;
};

/* Reads the ranges of the ipam object: 0, or -1 with e. */
int hl_ranges_parse(const json_t *ipam, struct hl_ranges *out, struct cni_err *e);
/* The range of set holding a, or NULL. */
const struct hl_range *hl_rangeset_find(const struct hl_rangeset *set,
					const struct cni_ip_addr *a);
/* "START-END,START-END": the set in the reference's messages. */
const char *hl_rangeset_format(const struct hl_rangeset *set, char *buf, size_t len);

struct hl_iter {
	const struct hl_rangeset *set;
	size_t idx;
	struct cni_ip_addr cur, start;
	bool has_cur, has_start;
};

/* Starts after last (when it lies in the set), else at the first start. */
void hl_iter_init(struct hl_iter *it, const struct hl_rangeset *set,
		  const struct cni_ip_addr *last);
/* The next candidate (with its range), or NULL once round. */
const struct hl_range *hl_iter_next(struct hl_iter *it, struct cni_ip_addr *ip);

#endif
