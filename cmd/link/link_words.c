/* The words `ip link add|set|delete` share, for a device and for a veth's
 * peer: iproute2's keywords in iproute2's order, since the order decides
 * what an abbreviation means ("a" is address, "t" txqueuelen, "d" dynamic,
 * "m" master, "n" nomaster). */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>

#include "link.h"
#include "base/err.h"
#include "nl/link_lookup.h"
#include "ns/nsopen.h"
#include "base/parse.h"

#ifndef IFALIASZ
#define IFALIASZ 256   /* <linux/if.h> clashes with <net/if.h> */
#endif

#ifndef IFF_DYNAMIC
#define IFF_DYNAMIC 0x8000
#endif

enum kw {
	K_UP, K_DOWN, K_NAME, K_INDEX, K_LINK, K_ADDRESS, K_BROADCAST, K_BRD,
	K_TXQUEUELEN, K_QLEN, K_TXQLEN, K_MTU, K_XDPGENERIC, K_XDPDRV,
	K_XDPOFFLOAD, K_XDP, K_NETNS, K_MULTICAST, K_ALLMULTICAST, K_PROMISC,
	K_TRAILERS, K_ARP, K_CARRIER, K_VF, K_MASTER, K_VRF, K_NOMASTER,
	K_DYNAMIC, K_TYPE, K_ALIAS, K_GROUP, K_MODE, K_STATE, K_NUMTXQUEUES,
	K_NUMRXQUEUES, K_ADDRGENMODE, K_LINK_NETNS, K_LINK_NETNSID, K_PROTODOWN,
	K_PROTODOWN_REASON, K_GSO_MAX_SIZE, K_GSO_MAX_SEGS, K_GRO_MAX_SIZE,
	K_PARENTDEV, K_DEVICE
};

static const struct keyword keywords[] = {
	[K_UP] = { "up", false }, [K_DOWN] = { "down", false },
	[K_NAME] = { "name", false }, [K_INDEX] = { "index", false },
	[K_LINK] = { "link", true }, [K_ADDRESS] = { "address", true },
	[K_BROADCAST] = { "broadcast", true }, [K_BRD] = { "brd", false },
	[K_TXQUEUELEN] = { "txqueuelen", true }, [K_QLEN] = { "qlen", false },
	[K_TXQLEN] = { "txqlen", true }, [K_MTU] = { "mtu", false },
	[K_XDPGENERIC] = { "xdpgeneric", false }, [K_XDPDRV] = { "xdpdrv", false },
	[K_XDPOFFLOAD] = { "xdpoffload", false }, [K_XDP] = { "xdp", false },
	[K_NETNS] = { "netns", false }, [K_MULTICAST] = { "multicast", false },
	[K_ALLMULTICAST] = { "allmulticast", false },
	[K_PROMISC] = { "promisc", false }, [K_TRAILERS] = { "trailers", false },
	[K_ARP] = { "arp", false }, [K_CARRIER] = { "carrier", false },
	[K_VF] = { "vf", false }, [K_MASTER] = { "master", true },
	[K_VRF] = { "vrf", false }, [K_NOMASTER] = { "nomaster", true },
	[K_DYNAMIC] = { "dynamic", true }, [K_TYPE] = { "type", true },
	[K_ALIAS] = { "alias", true }, [K_GROUP] = { "group", false },
	[K_MODE] = { "mode", false }, [K_STATE] = { "state", false },
	[K_NUMTXQUEUES] = { "numtxqueues", true },
	[K_NUMRXQUEUES] = { "numrxqueues", true },
	[K_ADDRGENMODE] = { "addrgenmode", true },
	[K_LINK_NETNS] = { "link-netns", true },
	[K_LINK_NETNSID] = { "link-netnsid", true },
	[K_PROTODOWN] = { "protodown", false },
	[K_PROTODOWN_REASON] = { "protodown_reason", false },
	[K_GSO_MAX_SIZE] = { "gso_max_size", false },
	[K_GSO_MAX_SEGS] = { "gso_max_segs", false },
	[K_GRO_MAX_SIZE] = { "gro_max_size", false },
	[K_PARENTDEV] = { "parentdev", false },
};

/* The keywords by first letter, in table order: by_letter[c] is the first
 * keyword starting with c and next_same[k] the one after k (both as index
 * + 1, 0 for none). Every word of a batch is looked up, and most are
 * names that start with no keyword's letter or share it with few. */
static unsigned char by_letter[128], next_same[K_DEVICE];

static void index_keywords(void)
{
	for (int k = K_DEVICE - 1; k >= 0; k--) {
		unsigned char c = (unsigned char)keywords[k].word[0];
		next_same[k] = by_letter[c];
		by_letter[c] = (unsigned char)(k + 1);
	}
}

static enum kw keyword_of(const char *w)
{
	static bool indexed;
	unsigned char c = (unsigned char)w[0];

	if (!indexed) {
		index_keywords();
		indexed = true;
	}
	for (int k = c < 128 ? by_letter[c] : 0; k; k = next_same[k - 1])
		if (keyword_is(&keywords[k - 1], w))
			return (enum kw)(k - 1);
	return K_DEVICE;
}

/* Flags set by "KEYWORD on|off"; inverted ones are set by "off". */
static const struct {
	enum kw kw;
	unsigned int flag;
	bool inverted;
} flag_words[] = {
	{ K_MULTICAST, IFF_MULTICAST, false }, { K_ALLMULTICAST, IFF_ALLMULTI, false },
	{ K_PROMISC, IFF_PROMISC, false }, { K_TRAILERS, IFF_NOTRAILERS, true },
	{ K_ARP, IFF_NOARP, true }, { K_DYNAMIC, IFF_DYNAMIC, false },
};

/* The state of one pass over the words: which were seen, and the names
 * that are resolved once all are read. */
struct dev_words {
	struct nl *nl;
	const char *prog;          /* for the usage text */
	bool create;
	int argc;
	char **argv;
	int i;                     /* the word being read */
	const char *name, *dev, *link, *kind;
};

static const char *next_word(struct dev_words *p)
{
	if (p->i + 1 >= p->argc)
		return NULL;
	return p->argv[++p->i];
}

/* iproute2's rule for names typed by users: what the kernel would refuse
 * anyway (empty, too long, '/' or blanks) is refused before asking. */
static bool ifname_ok(const char *name, size_t max)
{
	if (!*name || strlen(name) >= max)
		return false;
	/* isspace() of the C locale, nsip's, without a call a byte. */
	for (; *name; name++)
		if (*name == '/' || *name == ' ' || (*name >= '\t' && *name <= '\r'))
			return false;
	return true;
}

static int set_flag(struct link_settings *s, size_t f, const char *v)
{
	const char *key = keywords[flag_words[f].kw].word;
	unsigned int bit = flag_words[f].flag;
	bool on;

	if (!strcmp(v, "on"))
		on = true;
	else if (!strcmp(v, "off"))
		on = false;
	else
		return iparg_on_off(key, v);
	s->change |= bit;
	if (on != flag_words[f].inverted)
		s->flags |= bit;
	else
		s->flags &= ~bit;
	return 0;
}

/* "netns NAME|PATH|PID": a path when it holds '/', else a name under
 * /run/netns; only when neither opens, a process id. A run-dir entry that
 * is no namespace is explained, with the code ip's kernel gives for it. */
static int set_netns(struct link_settings *s, const char *v)
{
	struct ns_target t;

	if (s->netns_fd >= 0 || s->has_netns_pid)
		return iparg_twice("netns", v);
	if (ns_open(v, NS_PATH | NS_NAME | NS_PID, &t) < 0) {
		if (!t.what)
			return iparg_invalid("Invalid \"netns\" value\n", v);
		ns_open_complain(v, &t);
		return EXIT_KERNEL;
	}
	s->netns_fd = t.fd;
	if (t.by_pid) {
		s->has_netns_pid = true;
		s->netns_pid = (uint32_t)t.pid;
	}
	return 0;
}

static int set_number(bool *has, uint32_t *field, const char *key,
		      const char *what, const char *v)
{
	int32_t n;

	if (*has)
		return iparg_twice(key, v);
	if (!parse_s32(v, &n))
		return iparg_invalid(what, v);
	*has = true;
	*field = (uint32_t)n;
	return 0;
}

static int set_master(struct dev_words *p, struct link_settings *s, const char *v)
{
	int index = link_index(p->nl, v);

	if (index < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!index)
		return iparg_invalid("Device does not exist\n", v);
	s->has_master = true;
	s->master = (uint32_t)index;
	return 0;
}

static int set_alias(struct link_settings *s, const char *v)
{
	if (strlen(v) >= IFALIASZ)
		return iparg_invalid("alias too long\n", v);
	s->alias = v;
	return 0;
}

static int set_lladdr(unsigned char *buf, size_t *len, const char *v)
{
	int n = lladdr_parse(v, buf, LLADDR_MAX);

	if (n < 0)
		return EXIT_CMD;
	*len = (size_t)n;
	return 0;
}

/* A word that is no keyword names the device ("dev NAME" or NAME). */
static int set_device(struct dev_words *p, const char *w)
{
	if (matches(w, "help"))
		return link_usage_after(p->prog);
	if (!strcmp(w, "dev") && !(w = next_word(p)))
		return iparg_incomplete();
	if (p->dev != p->name)
		return iparg_duplicate("dev", w);
	if (!ifname_ok(w, 128))
		return iparg_invalid("\"dev\" not a valid ifname", w);
	p->dev = w;
	return 0;
}

static int set_name(struct dev_words *p, const char *v)
{
	if (p->name)
		return iparg_twice("name", v);
	if (!ifname_ok(v, IF_NAMESIZE))
		return iparg_invalid("\"name\" not a valid ifname", v);
	p->name = v;
	if (!p->dev)
		p->dev = v;
	return 0;
}

static int unsupported(const char *word)
{
	return fail(EXIT_USAGE, "Option \"%s\" of ip link is not supported by nsip.",
		    word);
}

/* A keyword that takes a value: reads the value; 0 or an exit code. */
static int with_value(struct dev_words *p, struct link_settings *s, enum kw k)
{
	const char *v = next_word(p);

	if (!v)
		return iparg_incomplete();
	for (size_t f = 0; f < sizeof(flag_words) / sizeof(flag_words[0]); f++)
		if (flag_words[f].kw == k)
			return set_flag(s, f, v);
	switch (k) {
	case K_NAME: return set_name(p, v);
	case K_LINK: p->link = v; return 0;
	case K_ADDRESS: return set_lladdr(s->addr, &s->addr_len, v);
	case K_BROADCAST: case K_BRD: return set_lladdr(s->brd, &s->brd_len, v);
	case K_TXQUEUELEN: case K_QLEN: case K_TXQLEN:
		return set_number(&s->has_txqlen, &s->txqlen, "txqueuelen",
				  "Invalid \"txqueuelen\" value\n", v);
	case K_MTU:
		return set_number(&s->has_mtu, &s->mtu, "mtu",
				  "Invalid \"mtu\" value\n", v);
	case K_NETNS: return set_netns(s, v);
	case K_MASTER: return set_master(p, s, v);
	case K_TYPE: p->kind = v; return 0;
	case K_ALIAS: return set_alias(s, v);
	default: return unsupported(keywords[k].word);
	}
}

static int read_word(struct dev_words *p, struct link_settings *s)
{
	const char *w = p->argv[p->i];
	enum kw k = keyword_of(w);

	switch (k) {
	case K_UP: case K_DOWN:
		s->change |= IFF_UP;
		if (k == K_UP)
			s->flags |= IFF_UP;
		else
			s->flags &= ~IFF_UP;
		return 0;
	case K_NOMASTER:
		s->has_master = true;
		s->master = 0;
		return 0;
	case K_DEVICE:
		return set_device(p, w);
	default:
		return with_value(p, s, k);
	}
}

/* After the words: names resolved the way iproute2 does it. */
static int resolve(struct dev_words *p, struct link_settings *s)
{
	struct link_found f;
	int found;

	if (!p->dev)
		p->dev = p->name;
	else if (!p->name || !strcmp(p->name, p->dev))
		p->name = p->dev;
	if (!p->create) {
		found = p->dev && s->addr_len ? link_lookup(p->nl, p->dev, &f) : 0;
		if (found < 0)
			return EXIT_KERNEL;
		if (found && f.addr_len && f.addr_len != s->addr_len)
			return fail(EXIT_CMD, "Invalid address length %zu - must be %zu bytes",
				    s->addr_len, f.addr_len);
		if (!p->dev)
			return fail(EXIT_USAGE, "Not enough information: \"dev\" "
				    "argument is required.");
		if ((s->ifindex = link_index(p->nl, p->dev)) <= 0)
			return s->ifindex < 0 ? EXIT_KERNEL : iparg_nodev(p->dev);
		if (p->name == p->dev)
			p->name = NULL;     /* not a rename */
	} else {
		if (p->name != p->dev)
			return fail(EXIT_USAGE, "both \"name\" and \"dev\" cannot be "
				    "used when creating devices.");
		int index = p->link ? link_index(p->nl, p->link) : 0;

		if (p->link && index <= 0)
			return index < 0 ? EXIT_KERNEL : iparg_nodev(p->link);
		s->link = (uint32_t)index;
	}
	s->name = p->name;
	return 0;
}

int link_parse_dev(struct nl *nl, const char *prog, bool create, int argc,
		   char **argv, struct link_settings *s, const char **kind, int *used)
{
	struct dev_words p = { .nl = nl, .prog = prog, .create = create,
			       .argc = argc, .argv = argv };

	for (; p.i < argc && !p.kind; p.i++) {
		int r = read_word(&p, s);
		if (r)
			return r;
	}
	*used = p.i;
	*kind = p.kind;
	return resolve(&p, s);
}
