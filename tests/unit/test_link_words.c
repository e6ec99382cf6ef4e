/* A kind's words, read by the link applet, give the kind data iproute2
 * 6.1 sends for the same words, byte for byte. The expected bytes are
 * the IFLA_INFO_DATA payload of ip's own request, captured once with
 * tests/unit/data/capture_kind_data.sh (strace -e write=all of
 * `ip link add x0 link d0 type KIND WORDS`) and pasted here: they are
 * ip's, not written from the builder. Kinds the test kernel lacks are
 * checked this way only. Words naming a device ("dev") need the kernel
 * and are left to the integration tests. */
#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "link/link.h"
#include "nl/link_req.h"

static const struct kind_words {
	const char *kind, *words, *data;
} rows[] = {
	{ "vxlan", "id 5 dstport 4789 ttl 4",
	  "05000500040000000800010005000000050007000100000006000f0012b50000" },
	{ "vxlan", "id 5",
	  "08000100050000000500070001000000" },
	{ "vxlan", "id 5 dstport 0",
	  "08000100050000000500070001000000" },
	{ "vxlan", "vni 7 dstport 4789 remote fd00::2 local fd00::1 ttl inherit tos inherit df set flowlabel 0x1234 ageing 100 maxaddress 50 srcport 1000 2000 nolearning proxy rsc l2miss l3miss noudpcsum udp6zerocsumtx udp6zerocsumrx remcsumtx remcsumrx",
	  "04001c00050006000100000005001d000100000008001a00000012340800080064000000080009003200000008000a0003e807d005000b000100000005000c000100000005000d000100000005000e000100000005001200000000000500130001000000050014000100000005001500010000000500160001000000080001000700000014001100fd00000000000000000000000000000114001000fd000000000000000000000000000002050007000000000006000f0012b50000" },
	{ "vxlan", "id 1 dstport 4789 local 10.0.0.1 remote 10.0.0.2 ttl auto tos 0x10 df inherit ageing none maxaddress unlimited",
	  "0500050000000000050006001000000005001d0002000000080008000000000008000900000000000800010001000000080004000a000001080002000a000002050007000100000006000f0012b50000" },
	{ "vxlan", "external dstport 4789",
	  "0500190001000000050007000000000006000f0012b50000" },
	{ "vxlan", "noexternal id 3 dstport 1",
	  "05001900000000000800010003000000050007000100000006000f0000010000" },
	{ "vxlan", "id 4 gbp",
	  "0400170008000100040000000500070001000000" },
	{ "vxlan", "id 4 gpe",
	  "04001b000800010004000000050007000100000006000f0012b60000" },
	{ "vxlan", "id 5 dstport 4789 learning noproxy norsc nol2miss nol3miss udpcsum noudp6zerocsumtx noudp6zerocsumrx noremcsumtx noremcsumrx tos AF21 hoplimit 9 label 5 port 5 6",
	  "05000b000000000005000c000000000005000d000000000005000e0000000000050012000100000005001300000000000500140000000000050015000000000005001600000000000500060048000000050005000900000008001a000000000508000a00000500060800010005000000050007000100000006000f0012b50000" },
	{ "vxlan", "external vnifilter dstport 4789",
	  "050019000100000005001e0001000000050007000000000006000f0012b50000" },
	{ "vxlan", "id 3 dstport 5 novnifilter df unset srcport 0 0",
	  "05001e000000000005001d00000000000800010003000000050007000100000006000f0000050000" },
	{ "vxlan", "t 3 l 10.0.0.1 r 10.0.0.2 n dstport 4789 a 10 m 5 p 1 2 e",
	  "0500050003000000080008000a000000080009000500000008000a00000100020500190001000000080004000a000001080002000a000002050007000000000006000f0012b50000" },

	{ "macvlan", "mode bridge",
	  "0800010004000000" },
	{ "macvlan", "mode private bcqueuelen 50",
	  "08000700320000000800010001000000" },
	{ "macvlan", "mode passthru nopromisc",
	  "08000100080000000600020001000000" },
	{ "macvlan", "mode passthru flag nopromisc nodst",
	  "08000100080000000600020003000000" },
	{ "macvlan", "mode bridge flag null",
	  "08000100040000000600020000000000" },
	{ "macvlan", "mode source macaddr add 02:00:00:00:00:01",
	  "08000300000000000a00040002000000000100000800010010000000" },
	{ "macvlan", "mode source macaddr del 02:00:00:00:00:01",
	  "08000300010000000a00040002000000000100000800010010000000" },
	{ "macvlan", "mode source macaddr flush",
	  "08000300020000000800010010000000" },
	{ "macvlan", "mode source macaddr set",
	  "0800030003000000040005000800010010000000" },
	{ "macvlan", "mode source macaddr set 02:00:00:00:00:01 02:00:00:00:00:02 bcqueuelen 10",
	  "08000300030000001c0005000a00040002000000000100000a0004000200000000020000080007000a0000000800010010000000" },
	{ "macvlan", "m vepa b 5 nod",
	  "080007000500000008000100020000000600020002000000" },
	{ "macvtap", "mode vepa nodst",
	  "08000100020000000600020002000000" },
	{ "ipvlan", "mode l2",
	  "06000100000000000600020000000000" },
	{ "ipvlan", "mode l3 private",
	  "06000100010000000600020001000000" },
	{ "ipvlan", "mode l3s vepa",
	  "06000100020000000600020002000000" },
	{ "ipvlan", "bridge",
	  "0600020000000000" },
	{ "ipvlan", "mode l2 mode l3",
	  "060001000000000006000100010000000600020000000000" },
	{ "ipvlan", "p m l2",
	  "06000100000000000600020001000000" },
	{ "ipvtap", "mode l2 bridge",
	  "06000100000000000600020000000000" },
	{ "vlan", "id 5",
	  "0600010005000000" },
	{ "vlan", "protocol 802.1ad id 5",
	  "0600050088a800000600010005000000" },
	{ "vlan", "id 5 protocol 802.1q",
	  "06000100050000000600050081000000" },
	{ "vlan", "id 5 protocol 0x8100",
	  "06000100050000000600050081000000" },
	{ "vlan", "id 5 id 6",
	  "06000100050000000600010006000000" },
	{ "vlan", "id 5 reorder_hdr off gvrp on mvrp on loose_binding on bridge_binding off",
	  "06000100050000000c0002000e0000001f000000" },
	{ "vlan", "id 5 reorder_hdr on reorder_hdr off",
	  "06000100050000000c0002000000000001000000" },
	{ "vlan", "id 5 ingress-qos-map 1:2 3:4 egress-qos-map 5:6",
	  "06000100050000001c0004000c00010001000000020000000c0001000300000004000000100003000c0001000500000006000000" },
	{ "vlan", "id 5 egress-qos-map 1:2 gvrp on",
	  "0600010005000000100003000c00010001000000020000000c0002000200000002000000" },
	{ "vlan", "id 5 ingress-qos-map gvrp on",
	  "0600010005000000040004000c0002000200000002000000" },
	{ "vlan", "p 802.1Q i 5 r on g off m on l on b on in 1:1 e 2:2",
	  "06000500810000000600010005000000100004000c0001000100000001000000100003000c00010002000000020000000c0002001d0000001f000000" },
	{ "vrf", "table 10",
	  "080001000a000000" },
	{ "vrf", "table main",
	  "08000100fe000000" },
	{ "vrf", "table 10 table 20",
	  "080001000a0000000800010014000000" },
	{ "vrf", "t 5",
	  "0800010005000000" },
	{ "bond", "mode 802.3ad miimon 100 updelay 200 downdelay 200 lacp_rate fast xmit_hash_policy layer3+4",
	  "0500010004000000080003006400000008000400c800000008000500c8000000050015000100000005000e0001000000" },
	{ "bond", "mode 1 clear_active_slave",
	  "05000100010000000800020000000000" },
	{ "bond", "peer_notify_delay 5 use_carrier 0 arp_interval 10 arp_ip_target 10.0.0.1,10.0.0.2",
	  "08001c00050000000500060000000000080007000a00000014000800080000000a000001080001000a000002" },
	{ "bond", "ns_ip6_target fd00::1,fd00::2 arp_validate filter_backup arp_all_targets all arp_missed_max 3",
	  "2c001f0014000000fd00000000000000000000000000000114000100fd000000000000000000000000000002080009000600000008000a000100000005001e0003000000" },
	{ "bond", "primary_reselect better fail_over_mac follow resend_igmp 2 num_grat_arp 3 num_unsol_na 4",
	  "05000c000100000005000d000200000008000f000200000005001000030000000500100004000000" },
	{ "bond", "all_slaves_active 1 min_links 2 lp_interval 3 packets_per_slave 4 lacp_active on ad_select count",
	  "050011000100000008001200020000000800130003000000080014000400000005001d00010000000500160002000000" },
	{ "bond", "ad_user_port_key 5 ad_actor_sys_prio 6 ad_actor_system 02:00:00:00:00:01 tlb_dynamic_lb 1",
	  "060019000500000006001800060000000a001a00020000000001000005001b0001000000" },
	{ "bond", "arp_ip_target",
	  "04000800" },
	{ "bond", "m 4 mi 1 u 2 d 3 pe 4 arp_i 5 arp_v 1",
	  "050001000400000008000300010000000800040002000000080005000300000008001c000400000008000700050000000800090001000000" },
	{ "ipip", "remote 10.0.0.2 local 10.0.0.1",
	  "0500090000000000080002000a000001080003000a00000205000a0001000000050005000000000005000400000000000800010000000000080014000000000006000f0000000000060010000000000006001100000000000600120000000000" },
	{ "ipip", "remote 10.0.0.2 local 10.0.0.1 ttl 64 tos 0x10 fwmark 5",
	  "0500090000000000080002000a000001080003000a00000205000a0001000000050005001000000005000400400000000800010000000000080014000500000006000f0000000000060010000000000006001100000000000600120000000000" },
	{ "ipip", "mode ipip remote any local 0.0.0.0 nopmtudisc",
	  "050009000400000005000a0000000000050005000000000005000400000000000800010000000000080014000000000006000f0000000000060010000000000006001100000000000600120000000000" },
	{ "ipip", "mode mplsip encap fou encap-sport auto encap-dport 5555 encap-csum encap-udp6-csum noencap-csum encap-remcsum",
	  "050009008900000005000a0001000000050005000000000005000400000000000800010000000000080014000000000006000f0001000000060010000600000006001100000000000600120015b30000" },
	{ "ipip", "external",
	  "050009000000000004001300" },
	{ "ipip", "ttl inherit tos inherit hoplimit 3 hlim 4 tclass 5 tc 6 dsfield AF11 pmtudisc noencap",
	  "050009000000000005000a0001000000050005002800000005000400040000000800010000000000080014000000000006000f0000000000060010000000000006001100000000000600120000000000" },
	{ "sit", "remote 10.0.0.2 mode ip6ip isatap 6rd-prefix 2001:db8::/32 6rd-relay_prefix 10.0.0.0/8",
	  "0500090029000000080003000a00000205000a0001000000050005000000000005000400000000000800010000000000080014000000000006000f0000000000060010000000000006001100000000000600120000000000060008000100000014000b0020010db800000000000000000000000006000d002000000008000c000a00000006000e0008000000" },
	{ "sit", "mode any",
	  "050009000000000005000a0001000000050005000000000005000400000000000800010000000000080014000000000006000f00000000000600100000000000060011000000000006001200000000000600080000000000" },
};

#define MAX_WORDS 64

static int split(char *line, char **argv)
{
	int argc = 0;

	for (char *w = strtok(line, " "); w && argc < MAX_WORDS; w = strtok(NULL, " "))
		argv[argc++] = w;
	return argc;
}

/* libmnl marks nests with NLA_F_NESTED and ip does not (the kernel takes
 * both): the mark is taken off the data's own attributes before they are
 * compared. */
static void clear_nested_bits(unsigned char *p, size_t n)
{
	size_t off = 0;

	while (off + 4 <= n) {
		uint16_t len = (uint16_t)(p[off] | p[off + 1] << 8);

		p[off + 3] &= (unsigned char)~(NLA_F_NESTED >> 8);
		if (len < 4)
			break;
		off += (len + 3u) & ~3u;
	}
}

/* The IFLA_INFO_DATA of a built request, as hex; "" when there is none. */
static void info_data_hex(const struct nl_req *r, char *hex, size_t len)
{
	const struct nlmsghdr *nlh = &r->nlh;
	const struct nlattr *a, *b;

	hex[0] = 0;
	mnl_attr_for_each(a, nlh, sizeof(struct ifinfomsg)) {
		if (mnl_attr_get_type(a) != IFLA_LINKINFO)
			continue;
		mnl_attr_for_each_nested(b, a) {
			if (mnl_attr_get_type(b) != IFLA_INFO_DATA)
				continue;
			unsigned char p[NL_MSG_MAX];
			size_t n = mnl_attr_get_payload_len(b);
			memcpy(p, mnl_attr_get_payload(b), n);
			clear_nested_bits(p, n);
			for (size_t i = 0; i < n && 2 * i + 3 <= len; i++)
				snprintf(hex + 2 * i, 3, "%02x", p[i]);
		}
	}
}

START_TEST(words_give_ips_data)
{
	const struct kind_words *k = &rows[_i];
	static char line[1024], hex[2 * NL_MSG_MAX + 1];
	char *argv[MAX_WORDS];
	struct link_spec s;
	struct nl_req r;

	snprintf(line, sizeof(line), "%s", k->words);
	int argc = split(line, argv);
	link_spec_init(&s);
	s.dev.name = "x0";
	s.create = true;
	s.kind = k->kind;
	ck_assert_msg(link_parse_kind(NULL, "ip", &s, argc, argv) == 0,
		      "%s %s: refused", k->kind, k->words);
	ck_assert_int_eq(link_req_build(&r, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &s), 0);
	info_data_hex(&r, hex, sizeof(hex));
	ck_assert_msg(!strcmp(hex, k->data), "%s %s:\n got  %s\n want %s",
		      k->kind, k->words, hex, k->data);
	link_spec_release(&s);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("link_words");
	TCase *t = tcase_create("kind data");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	tcase_add_loop_test(t, words_give_ips_data, 0, (int)(sizeof(rows) / sizeof(rows[0])));
#endif
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
