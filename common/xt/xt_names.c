/* iptables' names for the filter table's values (see xt_names.h). */
#include "xt/xt_names.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* nftables' ct state bits: invalid, then 1 << (ctinfo + 1) for
 * established (0), related (1) and new (2), and untracked. */
const struct xt_ct_state xt_ct_states[] = {
	{ "INVALID", 1u << 0 }, { "NEW", 1u << 3 }, { "RELATED", 1u << 2 },
	{ "ESTABLISHED", 1u << 1 }, { "UNTRACKED", 1u << 6 },
};
const size_t xt_n_ct_states = N(xt_ct_states);

static int one_state(const char *w, size_t len, uint32_t *bits)
{
	for (size_t k = 0; k < N(xt_ct_states); k++) {
		if (strlen(xt_ct_states[k].name) == len &&
		    !strncasecmp(xt_ct_states[k].name, w, len)) {
			*bits |= xt_ct_states[k].bit;
			return 0;
		}
	}
	if ((len == 4 && !strncasecmp(w, "SNAT", 4)) ||
	    (len == 4 && !strncasecmp(w, "DNAT", 4)))
		return -2;
	return -1;
}

int xt_parse_ct_states(const char *list, uint32_t *bits, char *bad, size_t size)
{
	const char *p = list;

	*bits = 0;
	for (;;) {
		const char *comma = strchr(p, ',');
		size_t len = comma ? (size_t)(comma - p) : strlen(p);
		int ret = one_state(p, len, bits);

		if (ret < 0) {
			snprintf(bad, size, "%.*s", (int)len, p);
			return ret;
		}
		if (!comma)
			return 0;
		p = comma + 1;
	}
}

/* REJECT's types: the canonical name first, then its short alias. */
static const struct {
	const char *name, *alias;
	uint8_t code;
} rejects[] = {
	{ "icmp-net-unreachable", "net-unreach", 0 },
	{ "icmp-host-unreachable", "host-unreach", 1 },
	{ "icmp-proto-unreachable", "proto-unreach", 2 },
	{ "icmp-port-unreachable", "port-unreach", 3 },
	{ "icmp-net-prohibited", "net-prohib", 9 },
	{ "icmp-host-prohibited", "host-prohib", 10 },
	{ "icmp-admin-prohibited", "admin-prohib", 13 },
};

int xt_parse_reject(const char *name, struct xt_reject *rj)
{
	*rj = (struct xt_reject){ .icmp_code = 3 };
	if (!strcmp(name, "tcp-reset") || !strcmp(name, "tcp-rst")) {
		rj->tcp_reset = true;
		return 0;
	}
	for (size_t k = 0; k < N(rejects); k++) {
		if (!strcmp(name, rejects[k].name) || !strcmp(name, rejects[k].alias)) {
			rj->icmp_code = rejects[k].code;
			return 0;
		}
	}
	return -1;
}

const char *xt_reject_code_name(uint8_t code)
{
	for (size_t k = 0; k < N(rejects); k++)
		if (rejects[k].code == code)
			return rejects[k].name;
	return NULL;
}

/* The names --log-level takes, and (by level) the ones -L prints. */
static const struct {
	const char *name;
	uint8_t level;
} log_levels[] = {
	{ "emerg", 0 }, { "panic", 0 }, { "alert", 1 }, { "crit", 2 },
	{ "error", 3 }, { "warning", 4 }, { "notice", 5 }, { "info", 6 },
	{ "debug", 7 },
};

static const char *const level_shown[8] = {
	"emerg", "alert", "crit", "err", "warn", "notice", "info", "debug",
};

int xt_parse_log_level(const char *word, uint8_t *level)
{
	if (word[0] >= '0' && word[0] <= '7' && word[1] == '\0') {
		*level = (uint8_t)(word[0] - '0');
		return 0;
	}
	for (size_t k = 0; k < N(log_levels); k++) {
		if (!strcmp(word, log_levels[k].name)) {
			*level = log_levels[k].level;
			return 0;
		}
	}
	return -1;
}

const char *xt_log_level_name(uint8_t level)
{
	return level < 8 ? level_shown[level] : NULL;
}

/* The matches and targets of iptables 1.8.9's extensions for IPv4. */
static const char *const matches[] = {
	"addrtype", "ah", "bpf", "cgroup", "cluster", "comment", "connbytes",
	"connlabel", "connlimit", "connmark", "conntrack", "cpu", "dccp",
	"devgroup", "dscp", "ecn", "esp", "hashlimit", "helper", "icmp",
	"ipcomp", "iprange", "ipvs", "length", "limit", "mac", "mark",
	"multiport", "nfacct", "osf", "owner", "physdev", "pkttype", "policy",
	"quota", "rateest", "realm", "recent", "rpfilter", "sctp", "set",
	"socket", "state", "statistic", "string", "tcp", "tcpmss", "time",
	"tos", "ttl", "u32", "udp",
};

static const char *const targets[] = {
	"AUDIT", "CHECKSUM", "CLASSIFY", "CLUSTERIP", "CONNMARK", "CONNSECMARK",
	"CT", "DNAT", "DSCP", "ECN", "HMARK", "IDLETIMER", "LED", "LOG", "MARK",
	"MASQUERADE", "NETMAP", "NFLOG", "NFQUEUE", "NOTRACK", "RATEEST",
	"REDIRECT", "REJECT", "SECMARK", "SET", "SNAT", "SYNPROXY", "TCPMSS",
	"TCPOPTSTRIP", "TEE", "TOS", "TPROXY", "TRACE", "TTL", "ULOG",
};

bool xt_nsip_has_target(const char *name)
{
	for (int t = NAT_T_ACCEPT; t <= NAT_T_LOG; t++) {
		struct nat_rule r = { .target = (enum nat_target)t };

		if (t != NAT_T_JUMP && !strcmp(nat_target_name(&r), name))
			return true;
	}
	return false;
}

static bool in_list(const char *const *v, size_t n, const char *name)
{
	for (size_t k = 0; k < n; k++)
		if (!strcmp(v[k], name))
			return true;
	return false;
}

bool xt_known_match(const char *name)
{
	return in_list(matches, N(matches), name);
}

bool xt_known_target(const char *name)
{
	return in_list(targets, N(targets), name);
}
