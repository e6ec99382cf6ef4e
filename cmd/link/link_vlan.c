/* The words of `ip link add NAME link DEV type vlan ...`. As iproute2
 * does, every word puts its attribute at once, the flags go last. */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <linux/if_link.h>
#include <linux/if_vlan.h>

#include "link.h"
#include "base/err.h"
#include "base/parse.h"

static int vlan_usage(void)
{
	fputs("Usage: ... vlan id VLANID\n"
	      "\t\t[ protocol VLANPROTO ]\n"
	      "\t\t[ reorder_hdr { on | off } ]\n"
	      "\t\t[ gvrp { on | off } ]\n"
	      "\t\t[ mvrp { on | off } ]\n"
	      "\t\t[ loose_binding { on | off } ]\n"
	      "\t\t[ bridge_binding { on | off } ]\n"
	      "\t\t[ ingress-qos-map QOS-MAP ]\n"
	      "\t\t[ egress-qos-map QOS-MAP ]\n"
	      "\n"
	      "VLANID := 0-4095\n"
	      "VLANPROTO: [ 802.1Q | 802.1ad ]\n"
	      "QOS-MAP := [ QOS-MAP ] QOS-MAPPING\n"
	      "QOS-MAPPING := FROM:TO\n", stderr);
	return EXIT_CMD;
}

/* iproute2's words in its order, which decides what an abbreviation
 * means; flag: the VLAN_FLAG_* an on/off word sets. */
static const struct {
	const char *word;
	uint32_t flag;
} words[] = {
	{ "protocol", 0 }, { "id", 0 },
	{ "reorder_hdr", VLAN_FLAG_REORDER_HDR }, { "gvrp", VLAN_FLAG_GVRP },
	{ "mvrp", VLAN_FLAG_MVRP }, { "loose_binding", VLAN_FLAG_LOOSE_BINDING },
	{ "bridge_binding", VLAN_FLAG_BRIDGE_BINDING },
	{ "ingress-qos-map", 0 }, { "egress-qos-map", 0 }, { "help", 0 },
};

enum { W_PROTOCOL, W_ID, W_INGRESS = 7, W_EGRESS, W_HELP, W_NONE };

/* "802.1Q", "802.1ad" (in any case) or a number, sent big-endian. Of the
 * other ethertype names ip knows, none is a VLAN protocol the kernel
 * takes: nsip refuses them as words it does not know. */
static int read_protocol(struct link_spec *s, const char *w)
{
	uint32_t proto;

	if (!strcasecmp(w, "802.1Q"))
		proto = 0x8100;
	else if (!strcasecmp(w, "802.1ad"))
		proto = 0x88a8;
	else if (!parse_u32(w, &proto) || proto > 0xffff)
		return iparg_invalid("protocol is invalid", w);
	return kind_number(s, IFLA_VLAN_PROTOCOL, 2, htons((uint16_t)proto));
}

static int read_id(struct link_spec *s, const char *w)
{
	uint32_t id;

	if (!parse_u32(w, &id) || id > 0xffff)
		return iparg_invalid("id is invalid", w);
	return kind_number(s, IFLA_VLAN_ID, 2, id);
}

/* "FROM:TO" words into a nest, up to the first word without a colon,
 * which is left for the loop of words. A bad one is named by its part
 * before the colon, as ip names it. */
static int read_qos_map(struct link_spec *s, int k, int argc, char **argv, int *i)
{
	const char *what = k == W_INGRESS ? "invalid ingress-qos-map" :
			   "invalid egress-qos-map";
	int r = kind_nest(s, k == W_INGRESS ? IFLA_VLAN_INGRESS_QOS : IFLA_VLAN_EGRESS_QOS);

	for (; !r && *i < argc && strchr(argv[*i], ':'); ++*i) {
		char key[64];
		const char *colon = strchr(argv[*i], ':');
		struct ifla_vlan_qos_mapping m;

		snprintf(key, sizeof(key), "%.*s", (int)(colon - argv[*i]), argv[*i]);
		if (!parse_u32(key, &m.from) || !parse_u32(colon + 1, &m.to))
			return iparg_invalid(what, key);
		r = kind_bytes(s, IFLA_VLAN_QOS_MAPPING, &m, sizeof(m));
	}
	--*i;   /* the loop of words steps over the last word read */
	return r ? r : kind_nest_end(s);
}

static int read_word(struct link_spec *s, int k, int argc, char **argv, int *i,
		     struct ifla_vlan_flags *flags)
{
	const char *w = argv[*i];

	switch (k) {
	case W_PROTOCOL:
		return read_protocol(s, w);
	case W_ID:
		return read_id(s, w);
	case W_INGRESS:
	case W_EGRESS:
		return read_qos_map(s, k, argc, argv, i);
	default:
		flags->mask |= words[k].flag;
		if (!strcmp(w, "on"))
			flags->flags |= words[k].flag;
		else if (!strcmp(w, "off"))
			flags->flags &= ~words[k].flag;
		else
			return iparg_on_off(words[k].word, w);
		return 0;
	}
}

int link_parse_vlan(struct link_spec *s, int argc, char **argv)
{
	struct ifla_vlan_flags flags = { 0, 0 };

	for (int i = 0; i < argc; i++) {
		int k = 0;

		while (k < W_NONE && !matches(argv[i], words[k].word))
			k++;
		if (k == W_HELP)
			return vlan_usage();
		if (k == W_NONE) {
			errmsg("vlan: unknown command \"%s\"?", argv[i]);
			return vlan_usage();
		}
		if (!iparg_next(argc, &i))
			return iparg_incomplete();
		int r = read_word(s, k, argc, argv, &i, &flags);
		if (r)
			return r;
	}
	if (flags.mask)
		return kind_bytes(s, IFLA_VLAN_FLAGS, &flags, sizeof(flags));
	return 0;
}
