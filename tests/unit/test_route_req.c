/* The requests of `ip route add|del` and `ip neigh add|replace|del`, byte
 * for byte. Each description is filled as the applet's words fill it (the
 * word list is above each case); the expected bytes are written out by
 * hand from the netlink layout (little-endian hosts), so that the builders
 * are checked against the format, not themselves. */
#include <string.h>
#include <sys/socket.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "nl/neigh_req.h"
#include "nl/route_req.h"

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

static void ipv4(struct route_addr *a, unsigned char b0, unsigned char b1,
		 unsigned char b2, unsigned char b3)
{
	const unsigned char bytes[4] = { b0, b1, b2, b3 };

	*a = (struct route_addr){ .given = true, .len = 4 };
	memcpy(a->bytes, bytes, 4);
}

/* What `route add` starts from before its words. */
static void add_defaults(struct route_spec *s)
{
	route_spec_init(s);
	s->rtm.rtm_family = AF_INET;
	s->rtm.rtm_table = RT_TABLE_MAIN;
	s->rtm.rtm_protocol = RTPROT_BOOT;
	s->rtm.rtm_scope = RT_SCOPE_UNIVERSE;
	s->rtm.rtm_type = RTN_UNICAST;
}

/* What `neigh add|del` makes of "10.0.0.N dev v0" (index 2). */
static void neigh_ipv4(struct neigh_spec *s, unsigned char n)
{
	neigh_spec_init(s);
	s->ndm.ndm_state = NUD_PERMANENT;
	s->ndm.ndm_family = AF_INET;
	s->ndm.ndm_ifindex = 2;
	memcpy(s->dst, "\x0a\x00\x00", 3);
	s->dst[3] = n;
	s->dst_len = 4;
	s->has_dst = true;
}

/* ip route add 10.1.0.0/16 via 10.0.0.2 dev v0 (index 2) metric 5
 * mtu lock 1400 */
static const unsigned char gateway_request_want[] = {
	80, 0, 0, 0,  24, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	/* rtmsg: family, dst_len, src_len, tos, table, protocol,
	 * scope, type, flags */
	AF_INET, 16, 0, 0,  RT_TABLE_MAIN, RTPROT_BOOT, 0, RTN_UNICAST,  0, 0, 0, 0,
	/* RTA_DST 10.1.0.0, RTA_GATEWAY 10.0.0.2, RTA_PRIORITY 5 */
	8, 0, 1, 0,  10, 1, 0, 0,
	8, 0, 5, 0,  10, 0, 0, 2,
	8, 0, 6, 0,  5, 0, 0, 0,
	/* RTA_OIF 2 */
	8, 0, 4, 0,  2, 0, 0, 0,
	/* RTA_METRICS { RTAX_LOCK (bit of RTAX_MTU), RTAX_MTU 1400 } */
	20, 0, 8, 0x80,  8, 0, 1, 0,  4, 0, 0, 0,  8, 0, 2, 0,  0x78, 0x05, 0, 0,
};

static int gateway_request(struct nl_req *r)
{
	struct route_spec s;

	add_defaults(&s);
	s.rtm.rtm_dst_len = 16;
	ipv4(&s.dst, 10, 1, 0, 0);
	ipv4(&s.gateway, 10, 0, 0, 2);
	s.has_priority = true;
	s.priority = 5;
	s.oif = 2;
	s.metrics[RTAX_MTU] = 1400;
	s.metrics_set = 1u << RTAX_MTU;
	s.lock = 1u << RTAX_MTU;
	return route_req_build(r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &s);
}

/* ip route add 10.2.0.0/16 nexthop via 10.0.0.2 dev v0 weight 3
 * nexthop via inet6 fd00::2 dev v0 onlink: the second gateway, of the
 * other family, goes as RTA_VIA. */
static const unsigned char multipath_request_want[] = {
	88, 0, 0, 0,  24, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET, 16, 0, 0,  RT_TABLE_MAIN, RTPROT_BOOT, 0, RTN_UNICAST,  0, 0, 0, 0,
	8, 0, 1, 0,  10, 2, 0, 0,
	/* RTA_MULTIPATH */
	52, 0, 9, 0x80,
	/* rtnexthop: len, flags, hops (weight - 1), ifindex; RTA_GATEWAY */
	16, 0, 0, 2,  2, 0, 0, 0,  8, 0, 5, 0,  10, 0, 0, 2,
	/* rtnexthop (onlink); RTA_VIA: family AF_INET6, fd00::2, padded */
	32, 0, RTNH_F_ONLINK, 0,  2, 0, 0, 0,
	22, 0, 18, 0,  AF_INET6, 0,  0xfd, 0,  0, 0, 0, 0,  0, 0, 0, 0,
	0, 0, 0, 0,  0, 2, 0, 0,
};

static int multipath_request(struct nl_req *r)
{
	struct route_spec s;

	add_defaults(&s);
	s.rtm.rtm_dst_len = 16;
	ipv4(&s.dst, 10, 2, 0, 0);
	s.n_nexthops = 2;
	s.nexthops[0].rtnh.rtnh_hops = 2;
	s.nexthops[0].rtnh.rtnh_ifindex = 2;
	ipv4(&s.nexthops[0].gateway, 10, 0, 0, 2);
	s.nexthops[1].rtnh.rtnh_flags = RTNH_F_ONLINK;
	s.nexthops[1].rtnh.rtnh_ifindex = 2;
	s.nexthops[1].via = (struct route_addr){ .given = true, .len = 16,
						 .via_family = AF_INET6 };
	s.nexthops[1].via.bytes[0] = 0xfd;
	s.nexthops[1].via.bytes[15] = 2;
	return route_req_build(r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &s);
}

/* ip route del 10.9.0.0/16 table 300: a table id of 256 and up goes as
 * RTA_TABLE, the header's table left unspecified. */
static const unsigned char delete_request_want[] = {
	44, 0, 0, 0,  25, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET, 16, 0, 0,  RT_TABLE_UNSPEC, 0, RT_SCOPE_NOWHERE, 0,  0, 0, 0, 0,
	8, 0, 1, 0,  10, 9, 0, 0,
	8, 0, 15, 0,  0x2c, 0x01, 0, 0,
};

static int delete_request(struct nl_req *r)
{
	struct route_spec s;

	route_spec_init(&s);
	s.rtm.rtm_family = AF_INET;
	s.rtm.rtm_dst_len = 16;
	s.rtm.rtm_scope = RT_SCOPE_NOWHERE;
	ipv4(&s.dst, 10, 9, 0, 0);
	s.table = 300;
	return route_req_build(r, RTM_DELROUTE, 0, &s);
}

/* "via default" before any family: an RTA_GATEWAY without bytes, as
 * before (the kernel refuses it with its own message). */
static const unsigned char wildcard_gateway_request_want[] = {
	40, 0, 0, 0,  24, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET, 16, 0, 0,  RT_TABLE_MAIN, RTPROT_BOOT, 0, RTN_UNICAST,  0, 0, 0, 0,
	8, 0, 1, 0,  10, 7, 0, 0,
	4, 0, 5, 0,
};

static int wildcard_gateway_request(struct nl_req *r)
{
	struct route_spec s;

	add_defaults(&s);
	s.rtm.rtm_dst_len = 16;
	ipv4(&s.dst, 10, 7, 0, 0);
	s.gateway.given = true;
	return route_req_build(r, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &s);
}

/* ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0 (index 2) */
static const unsigned char neigh_add_request_want[] = {
	48, 0, 0, 0,  28, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
	/* ndmsg: family, pads, ifindex, state (PERMANENT), flags, type */
	AF_INET, 0, 0, 0,  2, 0, 0, 0,  0x80, 0,  0,  0,
	/* NDA_DST 10.0.0.5 */
	8, 0, 1, 0,  10, 0, 0, 5,
	/* NDA_LLADDR, padded to 4 */
	10, 0, 2, 0,  2, 0, 0, 0, 0, 5, 0, 0,
};

static int neigh_add_request(struct nl_req *r)
{
	static const unsigned char ll[] = { 2, 0, 0, 0, 0, 5 };
	struct neigh_spec s;

	neigh_ipv4(&s, 5);
	memcpy(s.lladdr, ll, sizeof(ll));
	s.lladdr_len = sizeof(ll);
	return neigh_req_build(r, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, &s);
}

/* ip neigh replace proxy fd00::5 dev v0 protocol static: the protocol
 * comes first, where the word loop used to write it. */
static const unsigned char neigh_proxy_request_want[] = {
	56, 0, 0, 0,  28, 0,  0x01, 0x05,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET6, 0, 0, 0,  2, 0, 0, 0,  0x80, 0,  NTF_PROXY,  0,
	/* NDA_PROTOCOL 4 (static), padded */
	5, 0, 12, 0,  4, 0, 0, 0,
	/* NDA_DST fd00::5 */
	20, 0, 1, 0,  0xfd, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 5,
};

static int neigh_proxy_request(struct nl_req *r)
{
	struct neigh_spec s;

	neigh_spec_init(&s);
	s.ndm.ndm_state = NUD_PERMANENT;
	s.ndm.ndm_family = AF_INET6;
	s.ndm.ndm_ifindex = 2;
	s.ndm.ndm_flags = NTF_PROXY;
	s.has_protocol = true;
	s.protocol = RTPROT_STATIC;
	memset(s.dst, 0, sizeof(s.dst));
	s.dst[0] = 0xfd;
	s.dst[15] = 5;
	s.dst_len = 16;
	s.has_dst = true;
	return neigh_req_build(r, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, &s);
}

/* ip neigh del 10.0.0.7 dev v0: no flags but the request's own. */
static const unsigned char neigh_del_request_want[] = {
	36, 0, 0, 0,  29, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
	AF_INET, 0, 0, 0,  2, 0, 0, 0,  0x80, 0,  0,  0,
	8, 0, 1, 0,  10, 0, 0, 7,
};

static int neigh_del_request(struct nl_req *r)
{
	struct neigh_spec s;

	neigh_ipv4(&s, 7);
	return neigh_req_build(r, RTM_DELNEIGH, 0, &s);
}

static const struct {
	int (*build)(struct nl_req *r);
	const unsigned char *want;
	size_t len;
} cases[] = {
	{ gateway_request, gateway_request_want, sizeof(gateway_request_want) },
	{ multipath_request, multipath_request_want, sizeof(multipath_request_want) },
	{ delete_request, delete_request_want, sizeof(delete_request_want) },
	{ wildcard_gateway_request, wildcard_gateway_request_want, sizeof(wildcard_gateway_request_want) },
	{ neigh_add_request, neigh_add_request_want, sizeof(neigh_add_request_want) },
	{ neigh_proxy_request, neigh_proxy_request_want, sizeof(neigh_proxy_request_want) },
	{ neigh_del_request, neigh_del_request_want, sizeof(neigh_del_request_want) },
};

START_TEST(request_bytes)
{
	struct nl_req r;

	ck_assert_int_eq(cases[_i].build(&r), 0);
	ck_assert_uint_eq(r.nlh.nlmsg_len, cases[_i].len);
	ck_assert_mem_eq(r.buf, cases[_i].want, cases[_i].len);
}
END_TEST

#endif

/* "metric 7" or "protocol 7" repeated: the words weigh what their
 * attributes would, and the line is refused where a request written word
 * by word would have been (nl_req_full), though the description keeps
 * one value. */
START_TEST(repeated_words_fill_up)
{
	struct route_spec s;
	int words = 0;

	route_spec_init(&s);
	ck_assert_uint_eq(s.size, 28);
	while (!route_spec_full(&s)) {
		route_spec_grow(&s, 4);
		words++;
	}
	ck_assert_int_eq(words, (NL_MSG_MAX - NL_WORD_ROOM - 28) / 8 + 1);
	route_spec_init(&s);
	route_spec_grow_nexthop(&s);
	ck_assert_uint_eq(s.size, 36);

	struct neigh_spec ns;
	neigh_spec_init(&ns);
	for (int k = 1; k < words; k++)
		neigh_spec_grow(&ns, 1);
	ck_assert(!neigh_spec_full(&ns));
	neigh_spec_grow(&ns, 1);
	ck_assert(neigh_spec_full(&ns));
}
END_TEST

/* The most next hops a line can hold still fit in one request. */
START_TEST(most_nexthops_fit)
{
	static struct route_spec s;
	struct nl_req r;

	route_spec_init(&s);
	s.rtm.rtm_family = AF_INET;
	route_spec_grow(&s, 0);
	while (!route_spec_full(&s)) {
		s.nexthops[s.n_nexthops++].rtnh.rtnh_ifindex = 2;
		route_spec_grow_nexthop(&s);
	}
	ck_assert_uint_le(s.n_nexthops, ROUTE_NEXTHOPS_MAX);
	ck_assert_int_eq(route_req_build(&r, RTM_NEWROUTE, 0, &s), 0);
	ck_assert_uint_eq(r.nlh.nlmsg_len, s.size);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("route_req");
	TCase *t = tcase_create("build");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	tcase_add_loop_test(t, request_bytes, 0, (int)(sizeof(cases) / sizeof(cases[0])));
#endif
	tcase_add_test(t, repeated_words_fill_up);
	tcase_add_test(t, most_nexthops_fit);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
