/* The words of `ip link add NAME type bond ...`. As iproute2 does, each
 * word puts its attribute at once, in the order of the words. */
#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

#include "link.h"
#include "base/err.h"
#include "base/inet.h"
#include "base/lladdr.h"
#include "base/parse.h"
#include "nl/link_lookup.h"
#include "print/link_names.h"

static int bond_usage(void)
{
	fputs("Usage: ... bond [ mode BONDMODE ] [ active_slave SLAVE_DEV ]\n"
	      "                [ clear_active_slave ] [ miimon MIIMON ]\n"
	      "                [ updelay UPDELAY ] [ downdelay DOWNDELAY ]\n"
	      "                [ peer_notify_delay DELAY ]\n"
	      "                [ use_carrier USE_CARRIER ]\n"
	      "                [ arp_interval ARP_INTERVAL ]\n"
	      "                [ arp_validate ARP_VALIDATE ]\n"
	      "                [ arp_all_targets ARP_ALL_TARGETS ]\n"
	      "                [ arp_ip_target [ ARP_IP_TARGET, ... ] ]\n"
	      "                [ ns_ip6_target [ NS_IP6_TARGET, ... ] ]\n"
	      "                [ primary SLAVE_DEV ]\n"
	      "                [ primary_reselect PRIMARY_RESELECT ]\n"
	      "                [ fail_over_mac FAIL_OVER_MAC ]\n"
	      "                [ xmit_hash_policy XMIT_HASH_POLICY ]\n"
	      "                [ resend_igmp RESEND_IGMP ]\n"
	      "                [ num_grat_arp|num_unsol_na NUM_GRAT_ARP|NUM_UNSOL_NA ]\n"
	      "                [ all_slaves_active ALL_SLAVES_ACTIVE ]\n"
	      "                [ min_links MIN_LINKS ]\n"
	      "                [ lp_interval LP_INTERVAL ]\n"
	      "                [ packets_per_slave PACKETS_PER_SLAVE ]\n"
	      "                [ tlb_dynamic_lb TLB_DYNAMIC_LB ]\n"
	      "                [ lacp_rate LACP_RATE ]\n"
	      "                [ lacp_active LACP_ACTIVE]\n"
	      "                [ ad_select AD_SELECT ]\n"
	      "                [ ad_user_port_key PORTKEY ]\n"
	      "                [ ad_actor_sys_prio SYSPRIO ]\n"
	      "                [ ad_actor_system LLADDR ]\n"
	      "                [ arp_missed_max MISSED_MAX ]\n"
	      "\n"
	      "BONDMODE := balance-rr|active-backup|balance-xor|broadcast|802.3ad|balance-tlb|balance-alb\n"
	      "ARP_VALIDATE := none|active|backup|all|filter|filter_active|filter_backup\n"
	      "ARP_ALL_TARGETS := any|all\n"
	      "PRIMARY_RESELECT := always|better|failure\n"
	      "FAIL_OVER_MAC := none|active|follow\n"
	      "XMIT_HASH_POLICY := layer2|layer2+3|layer3+4|encap2+3|encap3+4|vlan+srcmac\n"
	      "LACP_ACTIVE := off|on\n"
	      "LACP_RATE := slow|fast\n"
	      "AD_SELECT := stable|bandwidth|count\n", stderr);
	return EXIT_CMD;
}

/* How a word's value is read. */
enum bond_how {
	B_NAMED,        /* an index of names (or the index in decimal) */
	B_NUMBER,       /* a number of size bytes, any C base */
	B_DEV,          /* a device, sent as its index */
	B_NONE,         /* no value: 0 (clear_active_slave) */
	B_TARGETS4,     /* comma-separated IPv4 addresses, a nest */
	B_TARGETS6,     /* the same in IPv6 */
	B_LLADDR,       /* a link-layer address */
};

/* iproute2's words in its order, which decides what an abbreviation
 * means; exact: a word ip takes only whole. */
static const struct bond_word {
	const char *word;
	uint16_t attr;
	uint8_t how, size;
	bool exact;
	const char *const *names;
} words[] = {
	{ "mode", IFLA_BOND_MODE, B_NAMED, 1, false, bond_mode_names },
	{ "active_slave", IFLA_BOND_ACTIVE_SLAVE, B_DEV, 4, false, NULL },
	{ "clear_active_slave", IFLA_BOND_ACTIVE_SLAVE, B_NONE, 4, false, NULL },
	{ "miimon", IFLA_BOND_MIIMON, B_NUMBER, 4, false, NULL },
	{ "updelay", IFLA_BOND_UPDELAY, B_NUMBER, 4, false, NULL },
	{ "downdelay", IFLA_BOND_DOWNDELAY, B_NUMBER, 4, false, NULL },
	{ "peer_notify_delay", IFLA_BOND_PEER_NOTIF_DELAY, B_NUMBER, 4, false, NULL },
	{ "use_carrier", IFLA_BOND_USE_CARRIER, B_NUMBER, 1, false, NULL },
	{ "arp_interval", IFLA_BOND_ARP_INTERVAL, B_NUMBER, 4, false, NULL },
	{ "arp_ip_target", IFLA_BOND_ARP_IP_TARGET, B_TARGETS4, 4, false, NULL },
	{ "ns_ip6_target", IFLA_BOND_NS_IP6_TARGET, B_TARGETS6, 16, true, NULL },
	{ "arp_validate", IFLA_BOND_ARP_VALIDATE, B_NAMED, 4, false, bond_arp_validate_names },
	{ "arp_all_targets", IFLA_BOND_ARP_ALL_TARGETS, B_NAMED, 4, false, bond_arp_all_targets_names },
	{ "arp_missed_max", IFLA_BOND_MISSED_MAX, B_NUMBER, 1, true, NULL },
	{ "primary", IFLA_BOND_PRIMARY, B_DEV, 4, false, NULL },
	{ "primary_reselect", IFLA_BOND_PRIMARY_RESELECT, B_NAMED, 1, false, bond_primary_reselect_names },
	{ "fail_over_mac", IFLA_BOND_FAIL_OVER_MAC, B_NAMED, 1, false, bond_fail_over_mac_names },
	{ "xmit_hash_policy", IFLA_BOND_XMIT_HASH_POLICY, B_NAMED, 1, false, bond_xmit_hash_policy_names },
	{ "resend_igmp", IFLA_BOND_RESEND_IGMP, B_NUMBER, 4, false, NULL },
	{ "num_grat_arp", IFLA_BOND_NUM_PEER_NOTIF, B_NUMBER, 1, false, NULL },
	{ "num_unsol_na", IFLA_BOND_NUM_PEER_NOTIF, B_NUMBER, 1, false, NULL },
	{ "all_slaves_active", IFLA_BOND_ALL_SLAVES_ACTIVE, B_NUMBER, 1, false, NULL },
	{ "min_links", IFLA_BOND_MIN_LINKS, B_NUMBER, 4, false, NULL },
	{ "lp_interval", IFLA_BOND_LP_INTERVAL, B_NUMBER, 4, false, NULL },
	{ "packets_per_slave", IFLA_BOND_PACKETS_PER_SLAVE, B_NUMBER, 4, false, NULL },
	{ "lacp_rate", IFLA_BOND_AD_LACP_RATE, B_NAMED, 1, false, bond_lacp_rate_names },
	{ "lacp_active", IFLA_BOND_AD_LACP_ACTIVE, B_NAMED, 1, true, bond_lacp_active_names },
	{ "ad_select", IFLA_BOND_AD_SELECT, B_NAMED, 1, false, bond_ad_select_names },
	{ "ad_user_port_key", IFLA_BOND_AD_USER_PORT_KEY, B_NUMBER, 2, false, NULL },
	{ "ad_actor_sys_prio", IFLA_BOND_AD_ACTOR_SYS_PRIO, B_NUMBER, 2, false, NULL },
	{ "ad_actor_system", IFLA_BOND_AD_ACTOR_SYSTEM, B_LLADDR, 0, false, NULL },
	{ "tlb_dynamic_lb", IFLA_BOND_TLB_DYNAMIC_LB, B_NUMBER, 1, false, NULL },
};

#define N_WORDS (sizeof(words) / sizeof(words[0]))

/* A name of the list, or its index written in decimal; -1 for neither. */
static int named_index(const char *const *names, const char *w)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(w, &end, 10);
	if (end != w && !*end && !errno)
		for (long i = 0; names[i]; i++)
			if (i == v)
				return (int)i;
	for (int i = 0; names[i]; i++)
		if (!strcmp(names[i], w))
			return i;
	return -1;
}

static int invalid(const struct bond_word *k, const char *w)
{
	char why[64];

	snprintf(why, sizeof(why), "invalid %s", k->word);
	if (k->attr == IFLA_BOND_NUM_PEER_NOTIF)
		snprintf(why, sizeof(why), "invalid num_grat_arp|num_unsol_na");
	return iparg_invalid(why, w);
}

static int read_dev(struct nl *nl, struct link_spec *s, const struct bond_word *k,
		    const char *w)
{
	int index = link_index(nl, w);

	if (index < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!index)
		return iparg_nodev(w);
	return kind_number(s, k->attr, 4, (uint32_t)index);
}

/* "A,B,...": at most 16 addresses, each its own attribute 0, 1, ... in a
 * nest; a bad one ends the command with iproute2's message. */
static int read_targets(struct link_spec *s, const struct bond_word *k, const char *w)
{
	char list[1024], *save = NULL;
	int r = kind_nest(s, k->attr);
	uint16_t i = 0;

	snprintf(list, sizeof(list), "%s", w);
	for (char *t = strtok_r(list, ",", &save); !r && t && i < 16;
	     t = strtok_r(NULL, ",", &save), i++) {
		struct inet_prefix a;

		if (k->how == B_TARGETS4) {
			if (inet_addr_parse(t, AF_INET, &a) || a.family != AF_INET)
				return fail(EXIT_CMD, "Error: an IP address is expected rather than \"%s\"", t);
			r = kind_bytes(s, i, a.data, 4);
		} else {
			if ((r = inet_get_addr(t, AF_INET6, &a)))
				return r;
			r = kind_bytes(s, i, a.data, 16);
		}
	}
	return r ? r : kind_nest_end(s);
}

static int read_value(struct nl *nl, struct link_spec *s, const struct bond_word *k,
		      const char *w)
{
	unsigned char lladdr[LLADDR_MAX];
	uint32_t v;
	int len;

	switch (k->how) {
	case B_NAMED:
		if ((len = named_index(k->names, w)) < 0)
			return invalid(k, w);
		return kind_number(s, k->attr, k->size, (uint32_t)len);
	case B_DEV:
		return read_dev(nl, s, k, w);
	case B_LLADDR:
		if ((len = lladdr_parse(w, lladdr, sizeof(lladdr))) < 0)
			return EXIT_CMD;
		return kind_bytes(s, k->attr, lladdr, (uint8_t)len);
	default:
		if (!parse_u32(w, &v) || (k->size < 4 && v >> (8 * k->size)))
			return invalid(k, w);
		return kind_number(s, k->attr, k->size, v);
	}
}

static const struct bond_word *find_word(const char *w)
{
	for (size_t k = 0; k < N_WORDS; k++)
		if (words[k].exact ? !strcmp(w, words[k].word) : matches(w, words[k].word))
			return &words[k];
	return NULL;
}

int link_parse_bond(struct nl *nl, struct link_spec *s, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const struct bond_word *k = find_word(argv[i]);
		int r;

		if (!k) {
			if (matches(argv[i], "help"))
				return bond_usage();
			errmsg("bond: unknown command \"%s\"?", argv[i]);
			return bond_usage();
		}
		if (k->how == B_NONE) {
			r = kind_number(s, k->attr, 4, 0);
		} else if (k->how == B_TARGETS4 || k->how == B_TARGETS6) {
			/* without a value: an empty list, as in iproute2 */
			if (i + 1 < argc)
				r = read_targets(s, k, argv[++i]);
			else if (!(r = kind_nest(s, k->attr)))
				r = kind_nest_end(s);
		} else if (!iparg_next(argc, &i)) {
			return iparg_incomplete();
		} else {
			r = read_value(nl, s, k, argv[i]);
		}
		if (r)
			return r;
	}
	return 0;
}
