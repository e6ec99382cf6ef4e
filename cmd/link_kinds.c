/* The words after "type KIND" of `ip link add`: a veth's peer, a
 * macvlan's mode, a vxlan's id and addresses, a vlan's id. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

#include "link.h"
#include "../common/err.h"
#include "../common/link_lookup.h"
#include "../common/parse.h"

/* Kinds iproute2 knows that take no words: words after them are ignored. */
static const char *const wordless_kinds[] = {
	"dummy", "ifb", "nlmon", "vcan", "team", "team_slave", "netdevsim",
	"virt_wifi", NULL
};

/* Kinds iproute2 reads words for and nsip does not. */
static const char *const foreign_kinds[] = {
	"amt", "bareudp", "bond", "bond_slave", "bridge_slave", "can", "dsa",
	"erspan", "geneve", "gre", "gretap", "gtp", "hsr", "ip6erspan", "ip6gre",
	"ip6gretap", "ip6tnl", "ipip", "ipoib", "ipvlan", "ipvtap", "macsec",
	"macvtap", "rmnet", "sit", "vrf", "vti", "vti6", "vxcan", "wwan", "xfrm",
	NULL
};

static bool listed(const char *kind, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(kind, list[i]))
			return true;
	return false;
}

static int veth_usage(void)
{
	/* iproute2 prints this one on stdout. */
	fputs("Usage: ip link <options> type veth [peer <options>]\n"
	      "The peer takes the same <options> as the device: see 'ip link add help'.\n",
	      stdout);
	return EXIT_CMD;
}

/* "peer [name] NAME [netns NS] ...": the peer's own device words. */
static int parse_veth(struct nl *nl, struct link_spec *s, int argc, char **argv)
{
	const char *kind = NULL;
	int used = 0;

	if (strcmp(argv[0], "peer"))
		return veth_usage();
	s->has_peer = true;
	int r = link_parse_dev(nl, true, argc - 1, argv + 1, &s->peer, &kind, &used);
	if (r)
		return r;
	if (kind)
		return duparg("type", kind);
	return 0;
}

static int macvlan_usage(void)
{
	fputs("Usage: ... macvlan mode { private | vepa | bridge | passthru | source }\n",
	      stderr);
	return EXIT_CMD;
}

static const struct {
	const char *name;
	uint32_t mode;
} macvlan_modes[] = {
	{ "private", MACVLAN_MODE_PRIVATE }, { "vepa", MACVLAN_MODE_VEPA },
	{ "bridge", MACVLAN_MODE_BRIDGE }, { "passthru", MACVLAN_MODE_PASSTHRU },
	{ "source", MACVLAN_MODE_SOURCE },
};

static int macvlan_mode(struct link_spec *s, const char *v)
{
	for (size_t i = 0; i < sizeof(macvlan_modes) / sizeof(macvlan_modes[0]); i++)
		if (!strcmp(v, macvlan_modes[i].name)) {
			s->has_macvlan_mode = true;
			s->macvlan_mode = macvlan_modes[i].mode;
			return 0;
		}
	return fail(EXIT_CMD, "Error: argument of \"mode\" must be \"private\", "
		    "\"vepa\", \"bridge\", \"passthru\" or \"source\", not \"%s\"", v);
}

static int parse_macvlan(struct link_spec *s, int argc, char **argv)
{
	static const char *const foreign[] = {
		"flag", "nopromisc", "nodst", "macaddr", "bcqueuelen", "bclim", NULL
	};

	for (int i = 0; i < argc; i++) {
		if (matches(argv[i], "mode")) {
			if (++i >= argc)
				return incomplete();
			int r = macvlan_mode(s, argv[i]);
			if (r)
				return r;
		} else if (listed(argv[i], foreign)) {
			return fail(EXIT_USAGE, "Option \"%s\" of macvlan is not "
				    "supported by nsip.", argv[i]);
		} else if (matches(argv[i], "help")) {
			return macvlan_usage();
		} else {
			errmsg("macvlan: unknown option \"%s\"?", argv[i]);
			return macvlan_usage();
		}
	}
	return 0;
}

static int vlan_usage(void)
{
	fputs("Usage: ... vlan id VLANID   (VLANID := 0-4095)\n", stderr);
	return EXIT_CMD;
}

static int parse_vlan(struct link_spec *s, int argc, char **argv)
{
	static const char *const foreign[] = {
		"protocol", "reorder_hdr", "gvrp", "mvrp", "loose_binding",
		"bridge_binding", "ingress-qos-map", "egress-qos-map", NULL
	};
	uint32_t id;

	for (int i = 0; i < argc; i++) {
		if (listed(argv[i], foreign)) {
			return fail(EXIT_USAGE, "Option \"%s\" of vlan is not "
				    "supported by nsip.", argv[i]);
		} else if (matches(argv[i], "id")) {
			if (++i >= argc)
				return incomplete();
			if (!parse_u32(argv[i], &id) || id > 0xffff)
				return invarg("id is invalid", argv[i]);
			s->has_vlan_id = true;
			s->vlan_id = (uint16_t)id;
		} else if (matches(argv[i], "help")) {
			return vlan_usage();
		} else {
			errmsg("vlan: unknown command \"%s\"?", argv[i]);
			return vlan_usage();
		}
	}
	return 0;
}

static int parse_bridge(const char *w)
{
	static const char *const foreign[] = {
		"fdb_flush", "forward_delay", "hello_time", "max_age",
		"ageing_time", "stp_state", "priority", "group_fwd_mask",
		"group_address", "no_linklocal_learn", "vlan_filtering",
		"vlan_protocol", "vlan_default_pvid", "vlan_stats_enabled",
		"vlan_stats_per_port", "mcast_snooping", "mcast_vlan_snooping",
		"mcast_router", "mcast_query_use_ifaddr", "mcast_querier",
		"mcast_hash_elasticity", "mcast_hash_max",
		"mcast_last_member_count", "mcast_startup_query_count",
		"mcast_last_member_interval", "mcast_membership_interval",
		"mcast_querier_interval", "mcast_query_interval",
		"mcast_query_response_interval", "mcast_startup_query_interval",
		"mcast_stats_enabled", "mcast_igmp_version", "mcast_mld_version",
		"nf_call_iptables", "nf_call_ip6tables", "nf_call_arptables", NULL
	};

	if (listed(w, foreign))
		return fail(EXIT_USAGE, "Option \"%s\" of bridge is not supported "
			    "by nsip.", w);
	if (!matches(w, "help"))
		errmsg("bridge: unknown command \"%s\"?", w);
	fputs("Usage: ... bridge   (nsip takes no bridge options)\n", stderr);
	return EXIT_CMD;
}

int link_parse_kind(struct nl *nl, struct link_spec *s, int argc, char **argv)
{
	if (!argc || listed(s->kind, wordless_kinds))
		return 0;
	s->has_data = true;
	if (!strcmp(s->kind, "veth"))
		return parse_veth(nl, s, argc, argv);
	if (!strcmp(s->kind, "macvlan"))
		return parse_macvlan(s, argc, argv);
	if (!strcmp(s->kind, "vlan"))
		return parse_vlan(s, argc, argv);
	if (!strcmp(s->kind, "vxlan"))
		return link_parse_vxlan(nl, &s->vxlan, argc, argv);
	if (!strcmp(s->kind, "bridge"))
		return parse_bridge(argv[0]);
	if (listed(s->kind, foreign_kinds))
		return fail(EXIT_USAGE, "Options of %s are not supported by nsip.",
			    s->kind);
	if (matches(argv[0], "help"))
		return link_usage();
	return fail(EXIT_CMD, "Garbage instead of arguments \"%s ...\". "
		    "Try \"ip link help\".", argv[0]);
}
