/* Decoding a link's counters: both kernel layouts are arrays of counters in
 * one order (struct rtnl_link_stats is the 32-bit prefix of the 64-bit
 * one), so a set is read counter by counter into the 64-bit struct, as
 * many as both sides know; the rest stays 0. */
#include "nl/link_stats.h"

#include <string.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/rtnetlink.h>

#define N64 LINK_STATS_KNOWN_FIELDS
#define IN_STRUCT (sizeof(struct rtnl_link_stats64) / sizeof(uint64_t))

static void widen(const struct nlattr *a, size_t width, uint64_t *out)
{
	const char *p = mnl_attr_get_payload(a);
	size_t n = mnl_attr_get_payload_len(a) / width;

	if (n > N64)   /* a newer kernel's extra counters */
		n = N64;
	for (size_t i = 0; i < n; i++) {
		uint32_t v32;
		uint64_t v64;

		/* memcpy: the payload is 4-byte aligned only */
		if (width == sizeof(v64)) {
			memcpy(&v64, p + i * width, sizeof(v64));
			out[i] = v64;
		} else {
			memcpy(&v32, p + i * width, sizeof(v32));
			out[i] = v32;
		}
	}
}

int link_stats_get(const struct link_msg *m, struct link_stats *st)
{
	uint64_t v[N64] = { 0 };

	memset(st, 0, sizeof(*st));
	if (m->tb[IFLA_STATS64]) {
		widen(m->tb[IFLA_STATS64], sizeof(uint64_t), v);
		st->is64 = true;
	} else if (m->tb[IFLA_STATS]) {
		widen(m->tb[IFLA_STATS], sizeof(uint32_t), v);
	} else {
		return 0;
	}
	memcpy(&st->s, v, (IN_STRUCT < N64 ? IN_STRUCT : N64) * sizeof(uint64_t));
	st->rx_otherhost_dropped = v[N64 - 1];
	if (m->tb[IFLA_CARRIER_CHANGES]) {
		st->has_carrier_changes = true;
		st->carrier_changes = mnl_attr_get_u32(m->tb[IFLA_CARRIER_CHANGES]);
	}
	return 1;
}

struct asked {
	struct link_stats *st;
	int found;
};

static int take_stats(const struct nlmsghdr *nlh, void *data)
{
	struct asked *a = data;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK || a->found)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	a->found = link_stats_get(&m, a->st);
	return 0;
}

int link_stats_ask(struct nl *nl, int index, struct link_stats *st)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	struct asked a = { st, 0 };

	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
	/* quiet: a link deleted since the dump is simply not counted */
	if (nl_talk_quiet(nl, nlh, take_stats, &a) < 0)
		return a.found < 0 ? -1 : 0;
	return a.found;
}
