/* The words after "type KIND" of `ip link add`: a veth's peer, a
 * bridge's numbers; the other kinds' words have files of their own. */
#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

#include "link.h"
#include "link_tnl.h"
#include "base/err.h"
#include "nl/link_lookup.h"
#include "base/parse.h"

/* Kinds iproute2 knows that take no words: words after them are ignored. */
static const char *const wordless_kinds[] = {
	"dummy", "ifb", "nlmon", "vcan", "team", "team_slave", "netdevsim",
	"virt_wifi", NULL
};

/* Kinds iproute2 reads words for and nsip does not. */
static const char *const foreign_kinds[] = {
	"amt", "bareudp", "bond_slave", "bridge_slave", "can", "dsa",
	"gtp", "hsr", "ipoib", "macsec", "rmnet",
	"vxcan", "wwan", "xfrm",
	NULL
};

static bool listed(const char *kind, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(kind, list[i]))
			return true;
	return false;
}

static int veth_usage(const char *prog)
{
	/* iproute2 prints this one on stdout. */
	printf("Usage: %1$s link <options> type veth [peer <options>]\n"
	       "The peer takes the same <options> as the device: see '%1$s link add help'.\n",
	       prog);
	return EXIT_CMD;
}

/* "peer [name] NAME [netns NS] ...": the peer's own device words. */
static int parse_veth(struct nl *nl, const char *prog, struct link_spec *s,
		      int argc, char **argv)
{
	const char *kind = NULL;
	int used = 0;

	if (strcmp(argv[0], "peer"))
		return veth_usage(prog);
	s->has_peer = true;
	int r = link_parse_dev(nl, prog, true, argc - 1, argv + 1, &s->peer, &kind,
			       &used);
	if (r)
		return r;
	if (kind)
		return iparg_twice("type", kind);
	return 0;
}

/* iproute2's bridge words in its order (which decides abbreviations);
 * size 0: a word nsip does not take. */
static const struct {
	const char *word;
	uint16_t attr;
	uint8_t size;
} bridge_words[] = {
	{ "fdb_flush", 0, 0 }, { "forward_delay", IFLA_BR_FORWARD_DELAY, 4 },
	{ "hello_time", IFLA_BR_HELLO_TIME, 4 }, { "max_age", IFLA_BR_MAX_AGE, 4 },
	{ "ageing_time", IFLA_BR_AGEING_TIME, 4 },
	{ "stp_state", IFLA_BR_STP_STATE, 4 }, { "priority", IFLA_BR_PRIORITY, 2 },
	{ "vlan_filtering", IFLA_BR_VLAN_FILTERING, 1 },
	{ "vlan_protocol", 0, 0 }, { "group_fwd_mask", 0, 0 },
	{ "group_address", 0, 0 }, { "no_linklocal_learn", 0, 0 },
	{ "vlan_default_pvid", 0, 0 }, { "vlan_stats_enabled", 0, 0 },
	{ "vlan_stats_per_port", 0, 0 }, { "mcast_router", 0, 0 },
	{ "mcast_snooping", IFLA_BR_MCAST_SNOOPING, 1 },
	{ "mcast_vlan_snooping", 0, 0 }, { "mcast_query_use_ifaddr", 0, 0 },
	{ "mcast_querier", 0, 0 }, { "mcast_hash_elasticity", 0, 0 },
	{ "mcast_hash_max", 0, 0 }, { "mcast_last_member_count", 0, 0 },
	{ "mcast_startup_query_count", 0, 0 },
	{ "mcast_last_member_interval", 0, 0 },
	{ "mcast_membership_interval", 0, 0 }, { "mcast_querier_interval", 0, 0 },
	{ "mcast_query_interval", 0, 0 }, { "mcast_query_response_interval", 0, 0 },
	{ "mcast_startup_query_interval", 0, 0 }, { "mcast_stats_enabled", 0, 0 },
	{ "mcast_igmp_version", 0, 0 }, { "mcast_mld_version", 0, 0 },
	{ "nf_call_iptables", 0, 0 }, { "nf_call_ip6tables", 0, 0 },
	{ "nf_call_arptables", 0, 0 },
};

static int bridge_usage(void)
{
	fputs("Usage: ... bridge [ forward_delay FORWARD_DELAY ] [ hello_time HELLO_TIME ]\n"
	      "                  [ max_age MAX_AGE ] [ ageing_time AGEING_TIME ]\n"
	      "                  [ stp_state STP_STATE ] [ priority PRIORITY ]\n"
	      "                  [ vlan_filtering VLAN_FILTERING ]\n"
	      "                  [ mcast_snooping MULTICAST_SNOOPING ]\n", stderr);
	return EXIT_CMD;
}

/* One "WORD NUMBER" of a bridge: a number of the word's size. */
static int bridge_number(struct link_spec *s, size_t k, const char *v)
{
	char what[48];
	uint32_t n;
	uint32_t max = bridge_words[k].size == 4 ? UINT32_MAX :
		       bridge_words[k].size == 2 ? 0xffff : 0xff;

	snprintf(what, sizeof(what), "invalid %s", bridge_words[k].word);
	if (!parse_u32(v, &n) || n > max)
		return iparg_invalid(what, v);
	return kind_number(s, bridge_words[k].attr, bridge_words[k].size, n);
}

static int parse_bridge(struct link_spec *s, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		size_t k = 0, n = sizeof(bridge_words) / sizeof(bridge_words[0]);

		while (k < n && !matches(argv[i], bridge_words[k].word))
			k++;
		if (k < n && !bridge_words[k].size)
			return fail(EXIT_USAGE, "Option \"%s\" of bridge is not supported "
				    "by nsip.", bridge_words[k].word);
		if (k == n) {
			if (!matches(argv[i], "help"))
				errmsg("bridge: unknown command \"%s\"?", argv[i]);
			return bridge_usage();
		}
		if (++i >= argc)
			return iparg_incomplete();
		int r = bridge_number(s, k, argv[i]);
		if (r)
			return r;
	}
	return 0;
}

int link_parse_kind(struct nl *nl, const char *prog, struct link_spec *s,
		    int argc, char **argv)
{
	if (!argc)
		return 0;
	/* The kinds nsip reads are looked for before the lists (they are in
	 * none): a batch of veths need not scan them for every line. */
	s->has_data = true;
	if (!strcmp(s->kind, "veth"))
		return parse_veth(nl, prog, s, argc, argv);
	if (!strcmp(s->kind, "macvlan") || !strcmp(s->kind, "macvtap"))
		return link_parse_macvlan(s->kind, s, argc, argv);
	if (!strcmp(s->kind, "ipvlan") || !strcmp(s->kind, "ipvtap"))
		return link_parse_ipvlan(s->kind, s, argc, argv);
	if (!strcmp(s->kind, "vlan"))
		return link_parse_vlan(s, argc, argv);
	if (!strcmp(s->kind, "bond"))
		return link_parse_bond(nl, s, argc, argv);
	if (!strcmp(s->kind, "ipip") || !strcmp(s->kind, "sit"))
		return link_parse_iptnl(nl, s->kind, s, argc, argv);
	if (!strcmp(s->kind, "gre") || !strcmp(s->kind, "gretap") ||
	    !strcmp(s->kind, "erspan"))
		return link_parse_gre(nl, s->kind, s, argc, argv);
	if (!strcmp(s->kind, "ip6gre") || !strcmp(s->kind, "ip6gretap") ||
	    !strcmp(s->kind, "ip6erspan"))
		return link_parse_gre6(nl, s->kind, s, argc, argv);
	if (!strcmp(s->kind, "ip6tnl"))
		return link_parse_ip6tnl(nl, s, argc, argv);
	if (!strcmp(s->kind, "vti") || !strcmp(s->kind, "vti6"))
		return link_parse_vti(nl, s->kind, s, argc, argv);
	if (!strcmp(s->kind, "geneve"))
		return link_parse_geneve(s, argc, argv);
	if (!strcmp(s->kind, "vrf"))
		return link_parse_vrf(s, argc, argv);
	if (!strcmp(s->kind, "vxlan"))
		return link_parse_vxlan(nl, s, argc, argv);
	if (!strcmp(s->kind, "bridge"))
		return parse_bridge(s, argc, argv);
	s->has_data = false;
	if (listed(s->kind, wordless_kinds))
		return 0;
	if (listed(s->kind, foreign_kinds))
		return fail(EXIT_USAGE, "Options of %s are not supported by nsip.",
			    s->kind);
	if (matches(argv[0], "help"))
		return link_usage_after(prog);
	return fail(EXIT_CMD, "Garbage instead of arguments \"%s ...\". "
		    "Try \"%s link help\".", argv[0], prog);
}
