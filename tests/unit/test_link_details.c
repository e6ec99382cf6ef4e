/* The link printer fed with a recorded kernel link dump (data/details.dump,
 * made by data/record_details.sh), against what iproute2 printed for the
 * same links at the same moment, in every output mode. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <arpa/inet.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "print/link_print.h"

static char *slurp(const char *name, size_t *len)
{
	char path[4096];
	const char *dir = getenv("TESTS_DIR");

	snprintf(path, sizeof(path), "%s/unit/data/%s", dir ? dir : "tests", name);
	FILE *f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "cannot open %s", path);
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 4096 > cap)
			buf = realloc(buf, cap = cap ? cap * 2 : 8192);
		got = fread(buf + n, 1, cap - n - 1, f);
		n += got;
	} while (got > 0);
	fclose(f);
	buf[n] = '\0';
	*len = n;
	return buf;
}

struct render {
	struct out out;
	struct link_print_opts opts;
};

static int print_one(const struct nlmsghdr *nlh, void *data)
{
	struct render *r = data;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	out_obj_begin(&r->out, NULL);
	link_print(&r->out, &m, &r->opts);
	out_eol(&r->out);
	out_obj_end(&r->out);
	return 0;
}

/* Prints the whole recorded dump in one mode; compares with golden. */
static void check_mode(const char *golden, bool json, bool pretty,
		       bool oneline, bool brief, bool details)
{
	struct nl_dump d = { 0 };
	struct ifnames names;
	struct render r;
	char *text = NULL;
	size_t text_len = 0, want_len;

	d.buf = slurp("details.dump", &d.len);
	ck_assert_int_eq(ifnames_from_dump(&d, &names), 0);
	FILE *f = open_memstream(&text, &text_len);
	out_init(&r.out, f, json, pretty, oneline);
	r.opts = (struct link_print_opts){
		.brief = brief, .show_mode = true, .show_link_line = true,
		.details = details, .nl = NULL, .names = &names,
	};
	out_list_begin(&r.out);
	ck_assert_int_eq(nl_dump_each(&d, print_one, &r), 0);
	out_list_end(&r.out);
	fclose(f);
	char *want = slurp(golden, &want_len);
	ck_assert_str_eq(text, want);
	free(want);
	free(text);
	ifnames_free(&names);
	nl_dump_free(&d);
}

START_TEST(text) { check_mode("details.txt", false, false, false, false, false); }
END_TEST
START_TEST(oneline) { check_mode("details-o.txt", false, false, true, false, false); }
END_TEST
START_TEST(brief) { check_mode("details-br.txt", false, false, false, true, false); }
END_TEST
START_TEST(json_pretty) { check_mode("details-j-p.txt", true, true, false, false, false); }
END_TEST
START_TEST(details) { check_mode("details-d.txt", false, false, false, false, true); }
END_TEST
START_TEST(details_json) { check_mode("details-d-j.txt", true, false, false, false, true); }
END_TEST

/* A copy of the first recorded message, for damaging. */
static struct nlmsghdr *first_message(char *buf, size_t cap)
{
	size_t len;
	char *dump = slurp("details.dump", &len);
	const struct nlmsghdr *h = (const void *)dump;

	ck_assert_uint_le(h->nlmsg_len, cap);
	memcpy(buf, dump, h->nlmsg_len);
	free(dump);
	return (struct nlmsghdr *)buf;
}

START_TEST(attribute_past_the_end_is_refused)
{
	static char buf[8192] __attribute__((aligned(4)));
	struct nlmsghdr *nlh = first_message(buf, sizeof(buf));
	struct nlattr *a = (struct nlattr *)((char *)mnl_nlmsg_get_payload(nlh) +
					     MNL_ALIGN(sizeof(struct ifinfomsg)));
	struct link_msg m;

	a->nla_len = (uint16_t)(nlh->nlmsg_len + 64);
	ck_assert_int_eq(link_msg_parse(nlh, &m), -1);
}
END_TEST

START_TEST(short_mtu_is_refused)
{
	static char buf[8192] __attribute__((aligned(4)));
	struct nlmsghdr *nlh = first_message(buf, sizeof(buf));
	struct nlattr *a;
	struct link_msg m;
	bool found = false;

	mnl_attr_for_each(a, nlh, sizeof(struct ifinfomsg)) {
		if (mnl_attr_get_type(a) == IFLA_MTU) {
			a->nla_len = 6;   /* two bytes of a u32: a lie */
			found = true;
			break;
		}
	}
	ck_assert(found);
	ck_assert_int_eq(link_msg_parse(nlh, &m), -1);
}
END_TEST

START_TEST(header_too_short_is_refused)
{
	static char buf[8192] __attribute__((aligned(4)));
	struct nlmsghdr *nlh = first_message(buf, sizeof(buf));
	struct link_msg m;

	nlh->nlmsg_len = sizeof(struct nlmsghdr) + 4;
	ck_assert_int_eq(link_msg_parse(nlh, &m), -1);
}
END_TEST

/* The test kernel has no vlan: a reply made here, as the kernel makes
 * them (its layout), checks the vlan data line. */
START_TEST(vlan_details)
{
	static char buf[1024] __attribute__((aligned(4)));
	struct ifla_vlan_flags flags = { VLAN_FLAG_REORDER_HDR | VLAN_FLAG_GVRP, ~0u };
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	struct ifnames names = { 0 };
	struct render r;
	struct link_msg m;
	char *got = NULL;
	size_t len = 0;

	nlh->nlmsg_type = RTM_NEWLINK;
	ifi->ifi_index = 5;
	ifi->ifi_flags = IFF_BROADCAST | IFF_MULTICAST;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "v10");
	struct nlattr *info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, IFLA_INFO_KIND, "vlan");
	struct nlattr *data = mnl_attr_nest_start(nlh, IFLA_INFO_DATA);
	mnl_attr_put_u16(nlh, IFLA_VLAN_PROTOCOL, htons(0x8100));
	mnl_attr_put_u16(nlh, IFLA_VLAN_ID, 10);
	mnl_attr_put(nlh, IFLA_VLAN_FLAGS, sizeof(flags), &flags);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);

	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	FILE *f = open_memstream(&got, &len);
	out_init(&r.out, f, false, false, false);
	r.opts = (struct link_print_opts){ .show_mode = true, .details = true,
					   .names = &names };
	link_print(&r.out, &m, &r.opts);
	fclose(f);
	ck_assert_str_eq(got, "5: v10: <BROADCAST,MULTICAST> \n"
			 "    vlan protocol 802.1Q id 10 <REORDER_HDR,GVRP> ");
	free(got);
	got = NULL;
	f = open_memstream(&got, &len);
	out_init(&r.out, f, true, false, false);
	out_obj_begin(&r.out, NULL);
	link_print(&r.out, &m, &r.opts);
	out_obj_end(&r.out);
	fclose(f);
	ck_assert_str_eq(got, "{\"ifindex\":5,\"ifname\":\"v10\",\"flags\":[\"BROADCAST\","
			 "\"MULTICAST\"],\"linkinfo\":{\"info_kind\":\"vlan\",\"info_data\":"
			 "{\"protocol\":\"802.1Q\",\"id\":10,\"flags\":[\"REORDER_HDR\",\"GVRP\"]}}}");
	free(got);
}
END_TEST

/* kind_details: the -d text and JSON of a reply made here
 * with the given kind data (the test kernel has no vlan, ipvlan, vrf or bond;
 * the layout is the kernel's, the expected text ip 6.1's format). */
static void details_of(const char *kind, bool slave, void (*put_data)(struct nlmsghdr *),
		       const char *want_text, const char *want_json)
{
	static char buf[1024] __attribute__((aligned(4)));
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	struct ifnames names = { 0 };
	struct render r;
	struct link_msg m;
	char *got = NULL;
	size_t len = 0;

	nlh->nlmsg_type = RTM_NEWLINK;
	ifi->ifi_index = 5;
	ifi->ifi_flags = IFF_BROADCAST | IFF_MULTICAST;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, "k0");
	struct nlattr *info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put_strz(nlh, slave ? IFLA_INFO_SLAVE_KIND : IFLA_INFO_KIND, kind);
	struct nlattr *data = mnl_attr_nest_start(nlh, slave ? IFLA_INFO_SLAVE_DATA :
						  IFLA_INFO_DATA);
	put_data(nlh);
	mnl_attr_nest_end(nlh, data);
	mnl_attr_nest_end(nlh, info);
	ck_assert_int_eq(link_msg_parse(nlh, &m), 0);
	for (int json = 0; json < 2; json++) {
		FILE *f = open_memstream(&got, &len);
		out_init(&r.out, f, json, false, false);
		r.opts = (struct link_print_opts){ .show_mode = true, .details = true,
						   .names = &names };
		out_obj_begin(&r.out, NULL);
		link_print(&r.out, &m, &r.opts);
		out_obj_end(&r.out);
		fclose(f);
		ck_assert_str_eq(got, json ? want_json : want_text);
		free(got);
		got = NULL;
	}
}

static void kind_details(const char *kind, void (*put_data)(struct nlmsghdr *),
			 const char *want_text, const char *want_json)
{
	details_of(kind, false, put_data, want_text, want_json);
}

static void put_qos(struct nlmsghdr *nlh, uint16_t type, uint32_t from, uint32_t to)
{
	struct ifla_vlan_qos_mapping map = { from, to };
	struct nlattr *n = mnl_attr_nest_start(nlh, type);

	mnl_attr_put(nlh, IFLA_VLAN_QOS_MAPPING, sizeof(map), &map);
	mnl_attr_nest_end(nlh, n);
}

static void vlan_maps(struct nlmsghdr *nlh)
{
	struct ifla_vlan_flags flags = { VLAN_FLAG_MVRP | VLAN_FLAG_LOOSE_BINDING, ~0u };

	mnl_attr_put_u16(nlh, IFLA_VLAN_ID, 7);
	mnl_attr_put(nlh, IFLA_VLAN_FLAGS, sizeof(flags), &flags);
	put_qos(nlh, IFLA_VLAN_INGRESS_QOS, 1, 2);
	put_qos(nlh, IFLA_VLAN_EGRESS_QOS, 3, 4);
}

/* No protocol: "802.1q"; MVRP before LOOSE_BINDING; the maps on lines of
 * their own. */
START_TEST(vlan_qos_details)
{
	kind_details("vlan", vlan_maps,
		     "5: k0: <BROADCAST,MULTICAST> \n"
		     "    vlan protocol 802.1q id 7 <MVRP,LOOSE_BINDING> \n"
		     "      ingress-qos-map { 1:2 } \n"
		     "      egress-qos-map { 3:4 } ",
		     "{\"ifindex\":5,\"ifname\":\"k0\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		     "\"linkinfo\":{\"info_kind\":\"vlan\",\"info_data\":{\"protocol\":\"802.1q\","
		     "\"id\":7,\"flags\":[\"MVRP\",\"LOOSE_BINDING\"],"
		     "\"ingress_qos\":[{\"from\":1,\"to\":2}],"
		     "\"egress_qos\":[{\"from\":3,\"to\":4}]}}}");
}
END_TEST

static void ipvlan_l3s_vepa(struct nlmsghdr *nlh)
{
	mnl_attr_put_u16(nlh, IFLA_IPVLAN_MODE, IPVLAN_MODE_L3S);
	mnl_attr_put_u16(nlh, IFLA_IPVLAN_FLAGS, IPVLAN_F_VEPA);
}

/* ip's mode text begins with a blank: two after the kind. */
START_TEST(ipvlan_details)
{
	kind_details("ipvtap", ipvlan_l3s_vepa,
		     "5: k0: <BROADCAST,MULTICAST> \n"
		     "    ipvtap  mode l3s vepa ",
		     "{\"ifindex\":5,\"ifname\":\"k0\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		     "\"linkinfo\":{\"info_kind\":\"ipvtap\",\"info_data\":{\"mode\":\"l3s\","
		     "\"vepa\":true}}}");
}
END_TEST

static void vrf_table(struct nlmsghdr *nlh)
{
	mnl_attr_put_u32(nlh, IFLA_VRF_TABLE, 10);
}

START_TEST(vrf_details)
{
	kind_details("vrf", vrf_table,
		     "5: k0: <BROADCAST,MULTICAST> \n    vrf table 10 ",
		     "{\"ifindex\":5,\"ifname\":\"k0\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		     "\"linkinfo\":{\"info_kind\":\"vrf\",\"info_data\":{\"table\":10}}}");
}
END_TEST

static void bond_data(struct nlmsghdr *nlh)
{
	static const unsigned char actor[6] = { 2, 0, 0, 0, 0, 9 };
	struct nlattr *n;

	mnl_attr_put_u8(nlh, IFLA_BOND_MODE, 4);
	mnl_attr_put_u32(nlh, IFLA_BOND_ACTIVE_SLAVE, 0);
	mnl_attr_put_u32(nlh, IFLA_BOND_MIIMON, 100);
	n = mnl_attr_nest_start(nlh, IFLA_BOND_ARP_IP_TARGET);
	mnl_attr_put_u32(nlh, 0, htonl(0x0a000001));
	mnl_attr_put_u32(nlh, 1, htonl(0x0a000002));
	mnl_attr_nest_end(nlh, n);
	mnl_attr_put_u32(nlh, IFLA_BOND_ARP_VALIDATE, 0);
	mnl_attr_put_u8(nlh, IFLA_BOND_XMIT_HASH_POLICY, 1);
	mnl_attr_put_u8(nlh, IFLA_BOND_NUM_PEER_NOTIF, 1);
	mnl_attr_put_u8(nlh, IFLA_BOND_AD_LACP_RATE, 1);
	mnl_attr_put_u8(nlh, IFLA_BOND_AD_SELECT, 9);
	n = mnl_attr_nest_start(nlh, IFLA_BOND_AD_INFO);
	mnl_attr_put_u16(nlh, IFLA_BOND_AD_INFO_AGGREGATOR, 1);
	mnl_attr_put_u16(nlh, IFLA_BOND_AD_INFO_NUM_PORTS, 2);
	mnl_attr_nest_end(nlh, n);
	mnl_attr_put(nlh, IFLA_BOND_AD_ACTOR_SYSTEM, sizeof(actor), actor);
}

/* ip's order and names: no active_slave for 0, arp_validate null in
 * JSON for 0, num_grat_arp as num_peer_notif, UNKNOWN past the names. */
START_TEST(bond_details)
{
	kind_details("bond", bond_data,
		     "5: k0: <BROADCAST,MULTICAST> \n"
		     "    bond mode 802.3ad miimon 100 arp_ip_target 10.0.0.1,10.0.0.2 "
		     "arp_validate none xmit_hash_policy layer3+4 num_grat_arp 1 "
		     "lacp_rate fast ad_select UNKNOWN ad_aggregator 1 ad_num_ports 2 "
		     "ad_actor_system 02:00:00:00:00:09 ",
		     "{\"ifindex\":5,\"ifname\":\"k0\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		     "\"linkinfo\":{\"info_kind\":\"bond\",\"info_data\":{\"mode\":\"802.3ad\","
		     "\"miimon\":100,\"arp_ip_target\":[\"10.0.0.1\",\"10.0.0.2\"],"
		     "\"arp_validate\":null,\"xmit_hash_policy\":\"layer3+4\",\"num_peer_notif\":1,"
		     "\"ad_lacp_rate\":\"fast\",\"ad_select\":\"UNKNOWN\","
		     "\"ad_info\":{\"aggregator\":1,\"num_ports\":2},"
		     "\"ad_actor_system\":\"02:00:00:00:00:09\"}}}");
}
END_TEST

static void bond_port_data(struct nlmsghdr *nlh)
{
	static const unsigned char perm[6] = { 2, 0, 0, 0, 0, 1 };

	mnl_attr_put_u8(nlh, IFLA_BOND_SLAVE_STATE, 1);
	mnl_attr_put_u8(nlh, IFLA_BOND_SLAVE_MII_STATUS, 7);
	mnl_attr_put_u32(nlh, IFLA_BOND_SLAVE_LINK_FAILURE_COUNT, 3);
	mnl_attr_put(nlh, IFLA_BOND_SLAVE_PERM_HWADDR, sizeof(perm), perm);
	mnl_attr_put_u16(nlh, IFLA_BOND_SLAVE_QUEUE_ID, 0);
	mnl_attr_put_u8(nlh, IFLA_BOND_SLAVE_AD_ACTOR_OPER_PORT_STATE, 0x3d);
}

/* A state past the names by number under "..._index"; the port state's
 * bits by name after its number. */
START_TEST(bond_port_details)
{
	details_of("bond", true, bond_port_data,
		   "5: k0: <BROADCAST,MULTICAST> \n"
		   "    bond_slave state BACKUP mii_status 7 link_failure_count 3 "
		   "perm_hwaddr 02:00:00:00:00:01 queue_id 0 ad_actor_oper_port_state 61 "
		   "ad_actor_oper_port_state_str <active,aggregating,in_sync,collecting,distributing> ",
		   "{\"ifindex\":5,\"ifname\":\"k0\",\"flags\":[\"BROADCAST\",\"MULTICAST\"],"
		   "\"linkinfo\":{\"info_slave_kind\":\"bond\",\"info_slave_data\":{\"state\":\"BACKUP\","
		   "\"mii_status_index\":7,\"link_failure_count\":3,\"perm_hwaddr\":\"02:00:00:00:00:01\","
		   "\"queue_id\":0,\"ad_actor_oper_port_state\":61,"
		   "\"ad_actor_oper_port_state_str\":[\"active\",\"aggregating\",\"in_sync\","
		   "\"collecting\",\"distributing\"]}}}");
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("link_print");
	TCase *t = tcase_create("recorded");

	tcase_add_test(t, text);
	tcase_add_test(t, oneline);
	tcase_add_test(t, brief);
	tcase_add_test(t, json_pretty);
	tcase_add_test(t, details);
	tcase_add_test(t, details_json);
	tcase_add_test(t, attribute_past_the_end_is_refused);
	tcase_add_test(t, short_mtu_is_refused);
	tcase_add_test(t, header_too_short_is_refused);
	tcase_add_test(t, vlan_details);
	tcase_add_test(t, vlan_qos_details);
	tcase_add_test(t, ipvlan_details);
	tcase_add_test(t, vrf_details);
	tcase_add_test(t, bond_details);
	tcase_add_test(t, bond_port_details);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
