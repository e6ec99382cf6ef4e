/* host-local's ranges and their walk. */
#include "cni/hl_range.h"

#include <stdio.h>
#include <string.h>

static bool same(const struct cni_ip_addr *a, const struct cni_ip_addr *b)
{
	return a->family == b->family && !cni_addr_cmp(a, b);
}

static bool contains(const struct hl_range *r, const struct cni_ip_addr *a)
{
	return cni_addr_in(&r->subnet, a) && cni_addr_cmp(a, &r->start) >= 0 &&
	       cni_addr_cmp(a, &r->end) <= 0;
}

static int addr_member(const json_t *o, const char *key, bool with_prefix,
		       struct cni_ip_addr *a, bool *given, struct cni_err *e)
{
	const json_t *v = json_object_get(o, key);

	*given = v != NULL;
	if (!v)
		return 0;
	if (!json_is_string(v) || !cni_addr_parse(json_string_value(v), with_prefix, a))
		return cni_fail(e, CNI_E_DECODE, "invalid %s: %s", key,
				json_is_string(v) ? json_string_value(v) : "not a string");
	return 0;
}

/* The default end: the subnet's last address, less IPv4's broadcast. */
static void last_ip(const struct cni_ip_addr *subnet, struct cni_ip_addr *end)
{
	*end = *subnet;
	end->prefix = -1;
	for (size_t i = 0; i < cni_addr_len(end->family); i++) {
		int bits = subnet->prefix - (int)i * 8;

		if (bits <= 0)
			end->bytes[i] = 0xff;
		else if (bits < 8)
			end->bytes[i] |= (unsigned char)(0xff >> bits);
	}
	if (end->family == AF_INET)
		end->bytes[3]--;
}

static int canonicalize(struct hl_range *r, bool has_start, bool has_end,
			bool has_gw, struct cni_err *e)
{
	struct cni_ip_addr net = r->subnet;
	char a[CNI_ADDR_STRLEN], b[CNI_ADDR_STRLEN];
	int bits = (int)cni_addr_len(r->subnet.family) * 8;

	if (r->subnet.prefix > bits - 2)
		return cni_fail(e, CNI_E_GENERIC, "Network %s too small to allocate from",
				cni_addr_format(&r->subnet, a, sizeof(a)));
	cni_addr_mask(&net);
	if (!same(&net, &r->subnet)) {
		net.prefix = -1;
		return cni_fail(e, CNI_E_GENERIC, "Network has host bits set. For a subnet "
				"mask of length %d the network address is %s",
				r->subnet.prefix, cni_addr_format(&net, a, sizeof(a)));
	}
	net.prefix = -1;
	cni_addr_next(&net);
	if (!has_gw)
		r->gw = net;
	if (!has_start)
		r->start = net;
	else if (!cni_addr_in(&r->subnet, &r->start))
		return cni_fail(e, CNI_E_GENERIC, "RangeStart %s not in network %s",
				cni_addr_format(&r->start, a, sizeof(a)),
				cni_addr_format(&r->subnet, b, sizeof(b)));
	if (!has_end)
		last_ip(&r->subnet, &r->end);
	else if (!cni_addr_in(&r->subnet, &r->end))
		return cni_fail(e, CNI_E_GENERIC, "RangeEnd %s not in network %s",
				cni_addr_format(&r->end, a, sizeof(a)),
				cni_addr_format(&r->subnet, b, sizeof(b)));
	return 0;
}

static int range_parse(const json_t *o, struct hl_range *r, struct cni_err *e)
{
	bool sub, start, end, gw;

	memset(r, 0, sizeof(*r));
	if (!json_is_object(o))
		return cni_fail(e, CNI_E_DECODE, "a range is not an object");
	if (addr_member(o, "subnet", true, &r->subnet, &sub, e) < 0 ||
	    addr_member(o, "rangeStart", false, &r->start, &start, e) < 0 ||
	    addr_member(o, "rangeEnd", false, &r->end, &end, e) < 0 ||
	    addr_member(o, "gateway", false, &r->gw, &gw, e) < 0)
		return -1;
	if (!sub)
		return cni_fail(e, CNI_E_GENERIC, "invalid range: no subnet");
	if ((start && r->start.family != r->subnet.family) ||
	    (end && r->end.family != r->subnet.family) ||
	    (gw && r->gw.family != r->subnet.family))
		return cni_fail(e, CNI_E_GENERIC, "IPNet IP and Mask version mismatch");
	return canonicalize(r, start, end, gw, e);
}

static bool overlap(const struct hl_range *a, const struct hl_range *b)
{
	return a->subnet.family == b->subnet.family &&
	       (cni_addr_in(&a->subnet, &b->subnet) || cni_addr_in(&b->subnet, &a->subnet));
}

static int set_check(const struct hl_rangeset *s, struct cni_err *e)
{
	char a[CNI_ADDR_STRLEN], b[CNI_ADDR_STRLEN];

	if (!s->n)
		return cni_fail(e, CNI_E_GENERIC, "empty range set");
	for (size_t i = 0; i < s->n; i++)
		for (size_t k = 0; k < i; k++) {
			if (s->r[i].subnet.family != s->r[k].subnet.family)
				return cni_fail(e, CNI_E_GENERIC,
						"mixed address families");
			if (overlap(&s->r[i], &s->r[k]))
				return cni_fail(e, CNI_E_GENERIC, "subnets %s and %s overlap",
						cni_addr_format(&s->r[k].subnet, a, sizeof(a)),
						cni_addr_format(&s->r[i].subnet, b, sizeof(b)));
		}
	return 0;
}

static int set_parse(const json_t *a, struct hl_rangeset *s, struct cni_err *e)
{
	const json_t *o;
	size_t i;

	if (!json_is_array(a))
		return cni_fail(e, CNI_E_DECODE, "a range set is not an array");
	json_array_foreach(a, i, o) {
		if (s->n == HL_RANGES_MAX)
			return cni_fail(e, CNI_E_GENERIC, "more than %d ranges in a set",
					HL_RANGES_MAX);
		if (range_parse(o, &s->r[s->n++], e) < 0)
			return -1;
	}
	return set_check(s, e);
}

/* The reference names the set a range error comes from. */
static int in_set(size_t idx, struct cni_err *e)
{
	char msg[sizeof(e->msg)];

	snprintf(msg, sizeof(msg), "%s", e->msg);
	snprintf(e->msg, sizeof(e->msg), "invalid range set %zu: %.400s", idx, msg);
	return -1;
}

int hl_ranges_parse(const json_t *ipam, struct hl_ranges *out, struct cni_err *e)
{
	const json_t *ranges = json_object_get(ipam, "ranges"), *a;
	size_t i;

	memset(out, 0, sizeof(*out));
	if (json_object_get(ipam, "subnet")) {
		/* the legacy single range comes first */
		out->sets[0].n = 1;
		if (range_parse(ipam, &out->sets[0].r[0], e) < 0)
			return in_set(0, e);
		out->n = 1;
	}
	if (ranges && !json_is_array(ranges))
		return cni_fail(e, CNI_E_DECODE, "ranges is not an array");
	json_array_foreach(ranges, i, a) {
		if (out->n == HL_SETS_MAX)
			return cni_fail(e, CNI_E_GENERIC, "more than %d range sets", HL_SETS_MAX);
		if (set_parse(a, &out->sets[out->n], e) < 0)
			return in_set(out->n, e);
		out->n++;
	}
	if (!out->n)
		return cni_fail(e, CNI_E_GENERIC, "no IP ranges specified");
	for (size_t s = 0; s < out->n; s++)
		for (size_t k = 0; k < s; k++)
			for (size_t x = 0; x < out->sets[s].n; x++)
				for (size_t y = 0; y < out->sets[k].n; y++)
					if (overlap(&out->sets[s].r[x], &out->sets[k].r[y]))
						return cni_fail(e, CNI_E_GENERIC,
							"range set %zu overlaps with %zu", s, k);
	return 0;
}

const struct hl_range *hl_rangeset_find(const struct hl_rangeset *set,
					const struct cni_ip_addr *a)
{
	for (size_t i = 0; i < set->n; i++)
		if (contains(&set->r[i], a))
			return &set->r[i];
	return NULL;
}

const char *hl_rangeset_format(const struct hl_rangeset *set, char *buf, size_t len)
{
	size_t n = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < set->n && n < len; i++) {
		char a[CNI_ADDR_STRLEN], b[CNI_ADDR_STRLEN];

		n += (size_t)snprintf(buf + n, len - n, "%s%s-%s", i ? "," : "",
				      cni_addr_format(&set->r[i].start, a, sizeof(a)),
				      cni_addr_format(&set->r[i].end, b, sizeof(b)));
	}
	return buf;
}

void hl_iter_init(struct hl_iter *it, const struct hl_rangeset *set,
		  const struct cni_ip_addr *last)
{
	memset(it, 0, sizeof(*it));
	it->set = set;
	for (size_t i = 0; last && i < set->n; i++)
		if (contains(&set->r[i], last)) {
			it->idx = i;
			it->cur = *last;
			it->has_cur = true;
			return;
		}
	it->start = set->r[0].start;
	it->has_start = true;
}

const struct hl_range *hl_iter_next(struct hl_iter *it, struct cni_ip_addr *ip)
{
	for (;;) {
		const struct hl_range *r = &it->set->r[it->idx];

		if (!it->has_cur) {
			it->cur = r->start;
			it->start = it->cur;
			it->has_cur = it->has_start = true;
		} else {
			if (same(&it->cur, &r->end)) {
				it->idx = (it->idx + 1) % it->set->n;
				r = &it->set->r[it->idx];
				it->cur = r->start;
			} else {
				cni_addr_next(&it->cur);
			}
			if (!it->has_start) {
				it->start = it->cur;
				it->has_start = true;
			} else if (same(&it->cur, &it->start)) {
				return NULL;
			}
		}
		if (!same(&it->cur, &r->gw)) {
			*ip = it->cur;
			ip->prefix = r->subnet.prefix;
			return r;
		}
	}
}
