/* -m multiport's list (see multiport.h). */
#include "xt/multiport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xt/nat_parse.h"

/* One entry: PORT or PORT:PORT, both ends given (unlike --dport). */
static int one_entry(char *w, const char *proto, uint16_t *lo, uint16_t *hi,
		     char *err)
{
	char *colon = strchr(w, ':');
	uint16_t unused;

	if (!colon)
		return nat_parse_ports(w, proto, lo, hi, err);
	*colon++ = '\0';
	if (!*w || !*colon) {
		snprintf(err, NAT_ERR_MAX, "invalid port/service `' specified");
		return -1;
	}
	if (nat_parse_ports(w, proto, lo, &unused, err) < 0 ||
	    nat_parse_ports(colon, proto, hi, &unused, err) < 0)
		return -1;
	if (*lo > *hi) {
		snprintf(err, NAT_ERR_MAX, "invalid portrange specified");
		return -1;
	}
	return 0;
}

int xt_parse_multiport(const char *list, const char *proto,
		       struct xt_multiport *m, char *err)
{
	char buf[512], *p = buf;
	unsigned int places = 0;

	if (strlen(list) >= sizeof(buf)) {
		snprintf(err, NAT_ERR_MAX, "too many ports specified");
		return -1;
	}
	memcpy(buf, list, strlen(list) + 1);
	m->n = 0;
	for (;;) {
		char *comma = strchr(p, ',');

		if (comma)
			*comma = '\0';
		if (m->n == XT_MULTI_PORTS) {
			snprintf(err, NAT_ERR_MAX, "too many ports specified");
			return -1;
		}
		if (one_entry(p, proto, &m->lo[m->n], &m->hi[m->n], err) < 0)
			return -1;
		places += m->lo[m->n] == m->hi[m->n] ? 1 : 2;
		m->n++;
		if (places > XT_MULTI_PORTS) {
			snprintf(err, NAT_ERR_MAX, "too many ports specified");
			return -1;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

static int by_lo(const void *a, const void *b)
{
	const uint16_t *x = a, *y = b;

	return (int)x[0] - (int)y[0];
}

size_t xt_multiport_intervals(const struct xt_multiport *m, uint16_t *lo,
			      uint16_t *hi)
{
	uint16_t v[XT_MULTI_PORTS][2];
	size_t n = 0;

	for (unsigned int k = 0; k < m->n && k < XT_MULTI_PORTS; k++) {
		v[k][0] = m->lo[k];
		v[k][1] = m->hi[k];
	}
	qsort(v, m->n, sizeof(v[0]), by_lo);
	for (unsigned int k = 0; k < m->n; k++) {
		/* Overlapping or touching: one interval (the set takes no
		 * overlap). */
		if (n && (uint32_t)v[k][0] <= (uint32_t)hi[n - 1] + 1) {
			if (v[k][1] > hi[n - 1])
				hi[n - 1] = v[k][1];
			continue;
		}
		lo[n] = v[k][0];
		hi[n] = v[k][1];
		n++;
	}
	return n;
}

size_t xt_multiport_to_udata(const struct xt_multiport *m, uint8_t *buf)
{
	size_t len = 1;

	buf[0] = (uint8_t)(m->neg | m->src << 1 | m->any << 2);
	for (unsigned int k = 0; k < m->n && k < XT_MULTI_PORTS; k++) {
		buf[len++] = (uint8_t)(m->lo[k] >> 8);
		buf[len++] = (uint8_t)m->lo[k];
		buf[len++] = (uint8_t)(m->hi[k] >> 8);
		buf[len++] = (uint8_t)m->hi[k];
	}
	return len;
}

int xt_multiport_from_udata(struct xt_multiport *m, const uint8_t *v, size_t len)
{
	unsigned int places = 0;

	if (len < 5 || (len - 1) % 4 || (len - 1) / 4 > XT_MULTI_PORTS || v[0] > 7 ||
	    (v[0] & 6) == 6)
		return -1;
	memset(m, 0, sizeof(*m));
	m->set = true;
	m->neg = v[0] & 1;
	m->src = v[0] & 2;
	m->any = v[0] & 4;
	for (size_t i = 1; i < len; i += 4) {
		m->lo[m->n] = (uint16_t)(v[i] << 8 | v[i + 1]);
		m->hi[m->n] = (uint16_t)(v[i + 2] << 8 | v[i + 3]);
		if (m->lo[m->n] > m->hi[m->n])
			return -1;
		places += m->lo[m->n] == m->hi[m->n] ? 1 : 2;
		m->n++;
	}
	return places <= XT_MULTI_PORTS ? 0 : -1;
}

size_t xt_udata_size(const struct nat_rule *r)
{
	size_t n = 0;

	if (r->comment[0])
		n += 2 + strlen(r->comment) + 1;
	if (r->ct.set && r->ct.as_state)
		n += 3;
	if (r->mport.set)
		n += 2 + 1 + 4 * (size_t)r->mport.n;
	if (r->n_order)
		n += 2 + (size_t)r->n_order;
	if (xt_addrtype_udata(&r->addrtype, NULL))
		n += 2 + 4;
	return n;
}

static bool several(uint16_t mask)
{
	return mask & (mask - 1);
}

bool xt_addrtype_udata(const struct xt_addrtype_match *a, uint8_t *v)
{
	uint16_t src = several(a->src) ? a->src : 0;
	uint16_t dst = several(a->dst) ? a->dst : 0;

	if (!src && !dst)
		return false;
	if (v) {
		v[0] = (uint8_t)(src >> 8);
		v[1] = (uint8_t)src;
		v[2] = (uint8_t)(dst >> 8);
		v[3] = (uint8_t)dst;
	}
	return true;
}
