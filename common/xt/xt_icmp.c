/* iptables' ICMP type names, in its order: a prefix that fits two names
 * is ambiguous, and a listing names a type by the first that fits it. */
#include "xt/xt_icmp.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct icmp_name {
	const char *name;
	uint8_t type, code_min, code_max;
} names[] = {
	{ "any", 0xff, 0, 0xff },
	{ "echo-reply", 0, 0, 0xff },
	{ "pong", 0, 0, 0xff },
	{ "destination-unreachable", 3, 0, 0xff },
	{ "network-unreachable", 3, 0, 0 },
	{ "host-unreachable", 3, 1, 1 },
	{ "protocol-unreachable", 3, 2, 2 },
	{ "port-unreachable", 3, 3, 3 },
	{ "fragmentation-needed", 3, 4, 4 },
	{ "source-route-failed", 3, 5, 5 },
	{ "network-unknown", 3, 6, 6 },
	{ "host-unknown", 3, 7, 7 },
	{ "network-prohibited", 3, 9, 9 },
	{ "host-prohibited", 3, 10, 10 },
	{ "TOS-network-unreachable", 3, 11, 11 },
	{ "TOS-host-unreachable", 3, 12, 12 },
	{ "communication-prohibited", 3, 13, 13 },
	{ "host-precedence-violation", 3, 14, 14 },
	{ "precedence-cutoff", 3, 15, 15 },
	{ "source-quench", 4, 0, 0xff },
	{ "redirect", 5, 0, 0xff },
	{ "network-redirect", 5, 0, 0 },
	{ "host-redirect", 5, 1, 1 },
	{ "TOS-network-redirect", 5, 2, 2 },
	{ "TOS-host-redirect", 5, 3, 3 },
	{ "echo-request", 8, 0, 0xff },
	{ "ping", 8, 0, 0xff },
	{ "router-advertisement", 9, 0, 0xff },
	{ "router-solicitation", 10, 0, 0xff },
	{ "time-exceeded", 11, 0, 0xff },
	{ "ttl-exceeded", 11, 0, 0xff },
	{ "ttl-zero-during-transit", 11, 0, 0 },
	{ "ttl-zero-during-reassembly", 11, 1, 1 },
	{ "parameter-problem", 12, 0, 0xff },
	{ "ip-header-bad", 12, 0, 0 },
	{ "required-option-missing", 12, 1, 1 },
	{ "timestamp-request", 13, 0, 0xff },
	{ "timestamp-reply", 14, 0, 0xff },
	{ "address-mask-request", 17, 0, 0xff },
	{ "address-mask-reply", 18, 0, 0xff },
};

#define N_NAMES (sizeof(names) / sizeof(names[0]))

/* One number of TYPE/CODE, 0-255, as strtol reads it (any base): its end
 * in *end; -1 when there is none or it is out of range. */
static int number(const char *s, const char **end)
{
	char *e;
	long v = strtol(s, &e, 0);

	*end = e;
	if (e == s || v < 0 || v > 0xff)
		return -1;
	return (int)v;
}

static int numeric(const char *word, struct xt_icmp *m, char *msg, size_t size)
{
	const char *end;
	int type = number(word, &end), code = -1;

	if (type < 0) {
		snprintf(msg, size, "Unknown ICMP type `%s'", word);
		return -1;
	}
	if (*end && *end != '/') {
		snprintf(msg, size, "unknown character %c", *end);
		return -1;
	}
	if (*end == '/') {
		code = number(end + 1, &end);
		if (code < 0) {
			snprintf(msg, size, "Unknown ICMP code `%s'", word);
			return -1;
		}
		if (*end) {
			snprintf(msg, size, "unknown character %c", *end);
			return -1;
		}
	}
	m->type = (uint8_t)type;
	m->code_min = code < 0 ? 0 : (uint8_t)code;
	m->code_max = code < 0 ? 0xff : (uint8_t)code;
	return 0;
}

int xt_icmp_parse(const char *word, struct xt_icmp *m, char *msg, size_t size)
{
	size_t len = strlen(word), found = N_NAMES;

	for (size_t k = 0; k < N_NAMES; k++) {
		if (strncasecmp(names[k].name, word, len))
			continue;
		if (found != N_NAMES) {
			snprintf(msg, size, "Ambiguous ICMP type `%s': `%s' or `%s'?",
				 word, names[found].name, names[k].name);
			return -1;
		}
		found = k;
	}
	if (found == N_NAMES)
		return numeric(word, m, msg, size);
	m->type = names[found].type;
	m->code_min = names[found].code_min;
	m->code_max = names[found].code_max;
	return 0;
}

const char *xt_icmp_name(const struct xt_icmp *m)
{
	for (size_t k = 0; k < N_NAMES; k++)
		if (names[k].type == m->type && names[k].code_min == m->code_min &&
		    names[k].code_max == m->code_max)
			return names[k].name;
	return NULL;
}

bool xt_icmp_any_code(const struct xt_icmp *m)
{
	return m->code_min == 0 && m->code_max == 0xff;
}
