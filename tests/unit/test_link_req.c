/* The requests of `ip link add|set|delete`, byte for byte. The expected
 * bytes are written out by hand from the netlink layout (little-endian
 * hosts), so that the builder is checked against the format, not itself.
 * dummy and vlan are here because the test kernel has neither. */
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "req_bytes.h"
#include "nl/link_prop.h"
#include "nl/link_req.h"

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

/* ip link add x type dummy */
START_TEST(dummy_request)
{
	static const unsigned char want[] = {
		56, 0, 0, 0,  16, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
		/* ifinfomsg: family, pad, type, index, flags, change */
		0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		/* IFLA_IFNAME "x" */
		6, 0, 3, 0,  'x', 0, 0, 0,
		/* IFLA_LINKINFO { IFLA_INFO_KIND "dummy" (no NUL) } */
		16, 0, 18, 0x80,  9, 0, 1, 0,  'd', 'u', 'm', 'm', 'y', 0, 0, 0,
	};
	struct link_spec s;
	struct nl_req r;

	link_spec_init(&s);
	s.dev.name = "x";
	s.kind = "dummy";
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &s), 0);
	/* libmnl marks nests with NLA_F_NESTED, as the kernel allows. */
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip link add link eth0 (index 2) name v10 type vlan id 10 */
START_TEST(vlan_request)
{
	static const unsigned char want[] = {
		72, 0, 0, 0,  16, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
		0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		/* IFLA_LINK 2, then IFLA_IFNAME, as iproute2 sends them */
		8, 0, 5, 0,  2, 0, 0, 0,
		8, 0, 3, 0,  'v', '1', '0', 0,
		/* IFLA_LINKINFO { KIND "vlan", IFLA_INFO_DATA { IFLA_VLAN_ID 10 } } */
		24, 0, 18, 0x80,  8, 0, 1, 0,  'v', 'l', 'a', 'n',
		12, 0, 2, 0x80,  6, 0, 1, 0,  10, 0, 0, 0,
	};
	struct link_spec s;
	struct nl_req r;

	link_spec_init(&s);
	s.dev.name = "v10";
	s.dev.link = 2;
	s.kind = "vlan";
	s.has_data = true;
	s.has_vlan_id = true;
	s.vlan_id = 10;
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &s), 0);
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip link add a up type veth peer name b mtu 1400 */
START_TEST(veth_peer_request)
{
	static const unsigned char want[] = {
		92, 0, 0, 0,  16, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
		/* flags IFF_UP, change IFF_UP */
		0, 0, 0, 0,  0, 0, 0, 0,  1, 0, 0, 0,  1, 0, 0, 0,
		6, 0, 3, 0,  'a', 0, 0, 0,
		/* IFLA_LINKINFO { KIND "veth", DATA { VETH_INFO_PEER {
		 *   ifinfomsg, IFLA_MTU 1400, IFLA_IFNAME "b" } } } */
		52, 0, 18, 0x80,  8, 0, 1, 0,  'v', 'e', 't', 'h',
		40, 0, 2, 0x80,  36, 0, 1, 0x80,
		0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		8, 0, 4, 0,  0x78, 0x05, 0, 0,
		6, 0, 3, 0,  'b', 0, 0, 0,
	};
	struct link_spec s;
	struct nl_req r;

	link_spec_init(&s);
	s.dev.name = "a";
	s.dev.flags = s.dev.change = IFF_UP;
	s.kind = "veth";
	s.has_data = s.has_peer = true;
	s.peer.name = "b";
	s.peer.has_mtu = true;
	s.peer.mtu = 1400;
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &s), 0);
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip link set dev 3 netns PID 42 nomaster: attributes in a fixed order */
START_TEST(set_request)
{
	static const unsigned char want[] = {
		56, 0, 0, 0,  16, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
		0, 0, 0, 0,  3, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		/* IFLA_NET_NS_PID 42, IFLA_MASTER 0, IFLA_IFALIAS "hi" (no NUL) */
		8, 0, 19, 0,  42, 0, 0, 0,
		8, 0, 10, 0,  0, 0, 0, 0,
		6, 0, 20, 0,  'h', 'i', 0, 0,
	};
	struct link_spec s;
	struct nl_req r;

	link_spec_init(&s);
	s.dev.ifindex = 3;
	s.dev.has_netns_pid = true;
	s.dev.netns_pid = 42;
	s.dev.has_master = true;
	s.dev.alias = "hi";
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, 0, &s), 0);
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip link set dev 4 type bridge stp_state 1 priority 100 vlan_filtering 1 */
START_TEST(bridge_numbers_request)
{
	static const unsigned char want[] = {
		76, 0, 0, 0,  16, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
		0, 0, 0, 0,  4, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		/* IFLA_LINKINFO { KIND "bridge", DATA { IFLA_BR_STP_STATE 1 (u32),
		 *   IFLA_BR_PRIORITY 100 (u16), IFLA_BR_VLAN_FILTERING 1 (u8) } } */
		44, 0, 18, 0x80,  10, 0, 1, 0,  'b', 'r', 'i', 'd', 'g', 'e', 0, 0,
		28, 0, 2, 0x80,  8, 0, 5, 0,  1, 0, 0, 0,
		6, 0, 6, 0,  100, 0, 0, 0,  5, 0, 7, 0,  1, 0, 0, 0,
	};
	struct link_spec s;
	struct nl_req r;

	link_spec_init(&s);
	s.dev.ifindex = 4;
	s.kind = "bridge";
	s.has_data = true;
	s.numbers[s.n_numbers++] = (struct kind_number){ .attr = IFLA_BR_STP_STATE, .size = 4, .value = 1 };
	s.numbers[s.n_numbers++] = (struct kind_number){ .attr = IFLA_BR_PRIORITY, .size = 2, .value = 100 };
	s.numbers[s.n_numbers++] = (struct kind_number){ .attr = IFLA_BR_VLAN_FILTERING, .size = 1, .value = 1 };
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, 0, &s), 0);
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

START_TEST(oversized_request_fails)
{
	static char alias[NL_MSG_MAX];
	struct link_spec s;
	struct nl_req r;

	memset(alias, 'a', sizeof(alias) - 1);
	link_spec_init(&s);
	s.dev.alias = alias;
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, 0, &s), -1);
}
END_TEST

/* ip link property add dev (index 3) altname xy: ip's bytes (strace). */
START_TEST(altname_add_request)
{
	static const unsigned char want[] = {
		/* RTM_NEWLINKPROP, NLM_F_REQUEST|EXCL|CREATE|APPEND */
		44, 0, 0, 0,  108, 0,  0x01, 0x0e,  0, 0, 0, 0,  0, 0, 0, 0,
		0, 0, 0, 0,  3, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		/* IFLA_PROP_LIST { IFLA_ALT_IFNAME "xy" } */
		12, 0, 52, 0x80,  7, 0, 53, 0,  'x', 'y', 0, 0,
	};
	struct nl_req r;

	link_prop_req(&r, RTM_NEWLINKPROP, 3, "xy");
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip link property del dev (index 3), no altname: an empty list. */
START_TEST(altname_del_empty_request)
{
	static const unsigned char want[] = {
		36, 0, 0, 0,  109, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
		0, 0, 0, 0,  3, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,
		4, 0, 52, 0x80,
	};
	struct nl_req r;

	link_prop_req(&r, RTM_DELLINKPROP, 3, NULL);
	assert_req_bytes(&r, want, sizeof(want));
}
END_TEST

#endif

static Suite *suite(void)
{
	Suite *s = suite_create("link_req");
	TCase *t = tcase_create("build");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	tcase_add_test(t, dummy_request);
	tcase_add_test(t, vlan_request);
	tcase_add_test(t, veth_peer_request);
	tcase_add_test(t, set_request);
	tcase_add_test(t, bridge_numbers_request);
	tcase_add_test(t, oversized_request_fails);
	tcase_add_test(t, altname_add_request);
	tcase_add_test(t, altname_del_empty_request);
#endif
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
