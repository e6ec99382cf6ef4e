/* The words of `ip link add NAME type vxlan ...`. Like iproute2, most
 * words put their attribute at once (kind numbers, in the words' order);
 * the id, the addresses, learning and the port go last. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_link.h>

#include "link.h"
#include "base/err.h"
#include "base/inet.h"
#include "base/parse.h"
#include "nl/link_lookup.h"
#include "nl/route_names.h"

static int vxlan_usage(void)
{
	fputs("Usage: ... vxlan id VNI\n"
	      "\t\t[ { group | remote } IP_ADDRESS ]\n"
	      "\t\t[ local ADDR ]\n"
	      "\t\t[ ttl TTL ]\n"
	      "\t\t[ tos TOS ]\n"
	      "\t\t[ df DF ]\n"
	      "\t\t[ flowlabel LABEL ]\n"
	      "\t\t[ dev PHYS_DEV ]\n"
	      "\t\t[ dstport PORT ]\n"
	      "\t\t[ srcport MIN MAX ]\n"
	      "\t\t[ [no]learning ]\n"
	      "\t\t[ [no]proxy ]\n"
	      "\t\t[ [no]rsc ]\n"
	      "\t\t[ [no]l2miss ]\n"
	      "\t\t[ [no]l3miss ]\n"
	      "\t\t[ ageing SECONDS ]\n"
	      "\t\t[ maxaddress NUMBER ]\n"
	      "\t\t[ [no]udpcsum ]\n"
	      "\t\t[ [no]udp6zerocsumtx ]\n"
	      "\t\t[ [no]udp6zerocsumrx ]\n"
	      "\t\t[ [no]remcsumtx ] [ [no]remcsumrx ]\n"
	      "\t\t[ [no]external ] [ gbp ] [ gpe ]\n"
	      "\t\t[ [no]vnifilter ]\n"
	      "\n"
	      "Where:\tVNI\t:= 0-16777215\n"
	      "\tADDR\t:= { IP_ADDRESS | any }\n"
	      "\tTOS\t:= { NUMBER | inherit }\n"
	      "\tTTL\t:= { 1..255 | auto | inherit }\n"
	      "\tDF\t:= { unset | set | inherit }\n"
	      "\tLABEL := 0-1048575\n", stderr);
	return EXIT_CMD;
}

/* How a word is read. */
enum vx_how {
	VX_ID, VX_GROUP, VX_REMOTE, VX_LOCAL, VX_DEV, VX_TTL, VX_TOS, VX_DF,
	VX_LABEL, VX_AGEING, VX_LIMIT, VX_SRCPORT, VX_DSTPORT, VX_LEARNING,
	VX_BOOL, VX_EXTERNAL, VX_FLAG
};

/* iproute2's words in its order, which decides what an abbreviation
 * means; key names a repeated word in the message (NULL: the word as
 * written), on is a switch's value. */
static const struct vx_word {
	const char *word;
	const char *key;
	uint16_t attr;
	uint8_t how;
	uint8_t on;
} vx_words[] = {
	{ "id", "id", IFLA_VXLAN_ID, VX_ID, 0 },
	{ "vni", "id", IFLA_VXLAN_ID, VX_ID, 0 },
	{ "group", "group", IFLA_VXLAN_GROUP, VX_GROUP, 0 },
	{ "remote", "remote", IFLA_VXLAN_GROUP, VX_REMOTE, 0 },
	{ "local", "local", IFLA_VXLAN_LOCAL, VX_LOCAL, 0 },
	{ "dev", "dev", IFLA_VXLAN_LINK, VX_DEV, 0 },
	{ "ttl", "ttl", IFLA_VXLAN_TTL, VX_TTL, 0 },
	{ "hoplimit", "ttl", IFLA_VXLAN_TTL, VX_TTL, 0 },
	{ "tos", "tos", IFLA_VXLAN_TOS, VX_TOS, 0 },
	{ "dsfield", "tos", IFLA_VXLAN_TOS, VX_TOS, 0 },
	{ "df", "df", IFLA_VXLAN_DF, VX_DF, 0 },
	{ "label", "flowlabel", IFLA_VXLAN_LABEL, VX_LABEL, 0 },
	{ "flowlabel", "flowlabel", IFLA_VXLAN_LABEL, VX_LABEL, 0 },
	{ "ageing", "ageing", IFLA_VXLAN_AGEING, VX_AGEING, 0 },
	{ "maxaddress", "maxaddress", IFLA_VXLAN_LIMIT, VX_LIMIT, 0 },
	{ "port", "srcport", IFLA_VXLAN_PORT_RANGE, VX_SRCPORT, 0 },
	{ "srcport", "srcport", IFLA_VXLAN_PORT_RANGE, VX_SRCPORT, 0 },
	{ "dstport", "dstport", IFLA_VXLAN_PORT, VX_DSTPORT, 0 },
	{ "nolearning", NULL, IFLA_VXLAN_LEARNING, VX_LEARNING, 0 },
	{ "learning", NULL, IFLA_VXLAN_LEARNING, VX_LEARNING, 1 },
	{ "noproxy", NULL, IFLA_VXLAN_PROXY, VX_BOOL, 0 },
	{ "proxy", NULL, IFLA_VXLAN_PROXY, VX_BOOL, 1 },
	{ "norsc", NULL, IFLA_VXLAN_RSC, VX_BOOL, 0 },
	{ "rsc", NULL, IFLA_VXLAN_RSC, VX_BOOL, 1 },
	{ "nol2miss", NULL, IFLA_VXLAN_L2MISS, VX_BOOL, 0 },
	{ "l2miss", NULL, IFLA_VXLAN_L2MISS, VX_BOOL, 1 },
	{ "nol3miss", NULL, IFLA_VXLAN_L3MISS, VX_BOOL, 0 },
	{ "l3miss", NULL, IFLA_VXLAN_L3MISS, VX_BOOL, 1 },
	{ "udpcsum", NULL, IFLA_VXLAN_UDP_CSUM, VX_BOOL, 1 },
	{ "noudpcsum", NULL, IFLA_VXLAN_UDP_CSUM, VX_BOOL, 0 },
	{ "udp6zerocsumtx", NULL, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, VX_BOOL, 1 },
	{ "noudp6zerocsumtx", NULL, IFLA_VXLAN_UDP_ZERO_CSUM6_TX, VX_BOOL, 0 },
	{ "udp6zerocsumrx", NULL, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, VX_BOOL, 1 },
	{ "noudp6zerocsumrx", NULL, IFLA_VXLAN_UDP_ZERO_CSUM6_RX, VX_BOOL, 0 },
	{ "remcsumtx", NULL, IFLA_VXLAN_REMCSUM_TX, VX_BOOL, 1 },
	{ "noremcsumtx", NULL, IFLA_VXLAN_REMCSUM_TX, VX_BOOL, 0 },
	{ "remcsumrx", NULL, IFLA_VXLAN_REMCSUM_RX, VX_BOOL, 1 },
	{ "noremcsumrx", NULL, IFLA_VXLAN_REMCSUM_RX, VX_BOOL, 0 },
	{ "external", NULL, IFLA_VXLAN_COLLECT_METADATA, VX_EXTERNAL, 1 },
	{ "noexternal", NULL, IFLA_VXLAN_COLLECT_METADATA, VX_EXTERNAL, 0 },
	{ "vnifilter", NULL, IFLA_VXLAN_VNIFILTER, VX_BOOL, 1 },
	{ "novnifilter", NULL, IFLA_VXLAN_VNIFILTER, VX_BOOL, 0 },
	{ "gbp", NULL, IFLA_VXLAN_GBP, VX_FLAG, 0 },
	{ "gpe", NULL, IFLA_VXLAN_GPE, VX_FLAG, 0 },
};

/* The state of one command line's words. */
struct vx_parse {
	struct nl *nl;
	struct link_spec *s;
	uint64_t seen;              /* attributes given, by number */
	bool external, group_multi;
};

/* "group"/"remote"/"local": an address of want's family (or of either
 * when want is AF_UNSPEC), multicast exactly when multi; 0, or an exit
 * code after iproute2's message. (ip takes "local any" once the family
 * is known and sends an empty address the kernel refuses: refused here
 * before anything is sent.) */
static int read_addr(const char *key, const char *w, bool multi, int want,
		     int *family, unsigned char *out)
{
	struct inet_prefix a;
	int r = inet_get_addr(w, want, &a);

	if (r)
		return r;
	bool is_multi = a.family == AF_INET ? (a.data[0] & 0xf0) == 0xe0 :
			a.data[0] == 0xff;
	if (a.wildcard || is_multi != multi) {
		char what[40];

		snprintf(what, sizeof(what), "invalid %s address", key);
		return iparg_invalid(what, w);
	}
	*family = a.family;
	memcpy(out, a.data, inet_addr_len(a.family));
	return 0;
}

static int read_dev(struct vx_parse *p, const char *w)
{
	int index = link_index(p->nl, w);

	if (index < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!index)
		return fail(EXIT_USAGE, "Cannot find device \"%s\"", w);
	return kind_number(p->s, IFLA_VXLAN_LINK, 4, (uint32_t)index);
}

/* "ttl": "inherit" (a flag), "auto" (0) or 0-255. */
static int read_ttl(struct vx_parse *p, const char *w)
{
	uint32_t ttl = 0;

	if (!strcmp(w, "inherit"))
		return kind_number(p->s, IFLA_VXLAN_TTL_INHERIT, 0, 0);
	if (strcmp(w, "auto")) {
		if (!parse_u32(w, &ttl))
			return iparg_invalid("invalid TTL", w);
		if (ttl > 255)
			return iparg_invalid("TTL must be <= 255", w);
	}
	return kind_number(p->s, IFLA_VXLAN_TTL, 1, ttl);
}

/* "tos": "inherit" (1), a name of rt_dsfield or a hexadecimal number. */
static int read_tos(struct vx_parse *p, const char *w)
{
	uint32_t tos = 1;

	if (strcmp(w, "inherit") && rt_name_parse(RT_NAME_DSFIELD, w, &tos))
		return iparg_invalid("bad TOS value", w);
	return kind_number(p->s, IFLA_VXLAN_TOS, 1, tos);
}

static int read_df(struct vx_parse *p, const char *w)
{
	static const char *const names[] = { "unset", "set", "inherit" };

	for (uint32_t i = 0; i < 3; i++)
		if (!strcmp(w, names[i]))
			return kind_number(p->s, IFLA_VXLAN_DF, 1, i);
	return iparg_invalid("DF must be 'unset', 'set' or 'inherit'", w);
}

static int read_label(struct vx_parse *p, const char *w)
{
	uint32_t label;

	if (!parse_u32(w, &label) || label > 0xfffff)
		return iparg_invalid("invalid flowlabel", w);
	return kind_number(p->s, IFLA_VXLAN_LABEL, 4, htonl(label));
}

/* "ageing"/"maxaddress": a number, or the word that means 0. */
static int read_count(struct vx_parse *p, const struct vx_word *k, const char *w)
{
	bool ageing = k->how == VX_AGEING;
	uint32_t n = 0;

	if (strcmp(w, ageing ? "none" : "unlimited") && !parse_u32(w, &n))
		return iparg_invalid(ageing ? "ageing timer" : "max addresses", w);
	return kind_number(p->s, k->attr, 4, n);
}

static bool read_port(const char *w, uint16_t *port)
{
	uint32_t v;

	if (!parse_u32(w, &v) || v > 0xffff)
		return false;
	*port = (uint16_t)v;
	return true;
}

/* "srcport MIN MAX": sent only when one is not 0, both big-endian. */
static int read_srcport(struct vx_parse *p, int argc, char **argv, int *i)
{
	struct ifla_vxlan_port_range range;
	uint16_t low, high;
	uint32_t bytes;

	if (!read_port(argv[*i], &low))
		return iparg_invalid("min port", argv[*i]);
	if (!iparg_next(argc, i))
		return iparg_incomplete();
	if (!read_port(argv[*i], &high))
		return iparg_invalid("max port", argv[*i]);
	if (!low && !high)
		return 0;
	range.low = htons(low);
	range.high = htons(high);
	memcpy(&bytes, &range, sizeof(bytes));
	return kind_number(p->s, IFLA_VXLAN_PORT_RANGE, 4, bytes);
}

static int read_id(struct vx_parse *p, const char *w)
{
	struct vxlan_settings *v = &p->s->vxlan;

	if (!parse_u32(w, &v->id) || v->id >= 1u << 24)
		return iparg_invalid("invalid id", w);
	v->has_id = true;
	return 0;
}

/* A word with its value at argv[*i]. */
static int read_value(struct vx_parse *p, const struct vx_word *k, int argc,
		      char **argv, int *i)
{
	struct vxlan_settings *v = &p->s->vxlan;
	const char *w = argv[*i];

	switch (k->how) {
	case VX_ID:
		return read_id(p, w);
	case VX_GROUP:
	case VX_REMOTE:
		p->group_multi = k->how == VX_GROUP;
		return read_addr(k->key, w, p->group_multi, v->local_family,
				 &v->remote_family, v->remote);
	case VX_LOCAL:
		return read_addr("local", w, false, v->remote_family,
				 &v->local_family, v->local);
	case VX_DEV:
		return read_dev(p, w);
	case VX_TTL:
		return read_ttl(p, w);
	case VX_TOS:
		return read_tos(p, w);
	case VX_DF:
		return read_df(p, w);
	case VX_LABEL:
		return read_label(p, w);
	case VX_AGEING:
	case VX_LIMIT:
		return read_count(p, k, w);
	case VX_SRCPORT:
		return read_srcport(p, argc, argv, i);
	default:
		if (!read_port(w, &v->port))
			return iparg_invalid("dst port", w);
		v->has_port = true;
		return 0;
	}
}

/* A word without a value. */
static int read_switch(struct vx_parse *p, const struct vx_word *k)
{
	switch (k->how) {
	case VX_LEARNING:
		p->s->vxlan.learning = k->on;
		return 0;
	case VX_EXTERNAL:
		p->external = k->on;
		if (k->on)
			p->s->vxlan.learning = false;
		return kind_number(p->s, k->attr, 1, k->on);
	case VX_FLAG:
		return kind_number(p->s, k->attr, 0, 0);
	default:
		return kind_number(p->s, k->attr, 1, k->on);
	}
}

static bool takes_value(const struct vx_word *k)
{
	return k->how < VX_LEARNING;
}

static int read_word(struct vx_parse *p, const struct vx_word *k, int argc,
		     char **argv, int *i)
{
	const char *typed = argv[*i];
	bool group_given = p->s->vxlan.remote_family != AF_UNSPEC;

	if ((k->how == VX_GROUP || k->how == VX_REMOTE) && group_given &&
	    p->group_multi != (k->how == VX_GROUP))
		return fail(EXIT_CMD, "vxlan: both group and remote cannot be specified");
	if (takes_value(k) && !iparg_next(argc, i))
		return iparg_incomplete();
	if (p->seen & (1ull << k->attr))
		return iparg_duplicate(k->key ? k->key : typed, argv[*i]);
	p->seen |= 1ull << k->attr;
	return takes_value(k) ? read_value(p, k, argc, argv, i) : read_switch(p, k);
}

static const struct vx_word *find_word(const char *w)
{
	for (size_t k = 0; k < sizeof(vx_words) / sizeof(vx_words[0]); k++)
		if (matches(w, vx_words[k].word))
			return &vx_words[k];
	return NULL;
}

/* What iproute2 checks once every word is read (a change of an existing
 * device needs neither an id nor a port). */
static int check_whole(const struct vx_parse *p)
{
	struct vxlan_settings *v = &p->s->vxlan;

	if (p->external && v->has_id)
		return fail(EXIT_CMD, "vxlan: both 'external' and vni cannot be specified");
	if (!p->external && !v->has_id && p->s->create)
		return fail(EXIT_CMD, "vxlan: missing virtual network identifier");
	/* a change sends learning only when a word says it */
	v->send_learning = p->s->create || (p->seen & (1ull << IFLA_VXLAN_LEARNING));
	if (v->remote_family != AF_UNSPEC && p->group_multi &&
	    !(p->seen & (1ull << IFLA_VXLAN_LINK)))
		return fail(EXIT_CMD, "vxlan: 'group' requires 'dev' to be specified");
	if (!v->has_port && (p->seen & (1ull << IFLA_VXLAN_GPE)))
		v->port = 4790;
	else if (!v->has_port && p->s->create)
		fputs("vxlan: destination port not specified\n"
		      "Will use Linux kernel default (non-standard value)\n"
		      "Use 'dstport 4789' to get the IANA assigned value\n"
		      "Use 'dstport 0' to get default and quiet this message\n", stderr);
	return 0;
}

int link_parse_vxlan(struct nl *nl, struct link_spec *s, int argc, char **argv)
{
	struct vx_parse p = { .nl = nl, .s = s };

	s->vxlan.given = true;
	s->vxlan.learning = true;
	for (int i = 0; i < argc; i++) {
		const struct vx_word *k = find_word(argv[i]);

		if (!k) {
			if (matches(argv[i], "help"))
				return vxlan_usage();
			errmsg("vxlan: unknown command \"%s\"?", argv[i]);
			return vxlan_usage();
		}
		int r = read_word(&p, k, argc, argv, &i);
		if (r)
			return r;
	}
	return check_whole(&p);
}
