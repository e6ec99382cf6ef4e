/* addr: IPv4 and IPv6 addresses of devices, as `ip address`.
 *
 * Usage: ip address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]
 *                   [ CONFFLAG... ]
 *        ip address del IFADDR dev IFNAME
 *        ip address flush FILTER...
 *        ip address [ {show|list} [ FILTER... ] ]
 *        ip address help
 * IFADDR   := PREFIX [ peer PREFIX ] [ broadcast { ADDR | + | - } ]
 *             [ anycast ADDR ] [ label NAME ] [ scope SCOPE ] [ metric N ]
 * PREFIX   := ADDR[/PLEN]  (an address alone is /32 or /128)
 * LIFETIME := [ valid_lft { SECONDS | forever } ]
 *             [ preferred_lft { SECONDS | forever } ]
 * CONFFLAG := { nodad | noprefixroute | home | mngtmpaddr | autojoin }
 * FILTER   := { [dev] IFNAME | up | scope { SCOPE | all } | to PREFIX |
 *               label PATTERN | FLAG | group GROUP | master DEV | nomaster |
 *               type KIND }
 * FLAG     := { permanent | dynamic | primary | secondary | temporary |
 *               [-]tentative | [-]deprecated | [-]dadfailed | CONFFLAG }
 * SCOPE    := { global | site | link | host | nowhere | NUMBER }
 */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "addr.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/inet.h"
#include "nl/link_lookup.h"
#include "base/parse.h"
#include "nl/rt_scope.h"

#define LIFE_FOREVER 0xffffffffU
#define BRD_ALL_ONES (-1)   /* brd + */
#define BRD_ALL_ZEROS (-2)  /* brd - */

/* What the words of add/change/replace/del said; the attributes go into
 * the request as the words come, as ip does. */
struct modify {
	struct ctx *c;
	struct nlmsghdr *nlh;
	struct ifaddrmsg *ifa;
	bool del;
	const char *dev;
	const char *local_word;
	struct inet_prefix local, peer;
	size_t local_len, peer_len;
	int brd_len;           /* bytes of brd ADDR, or BRD_ALL_* */
	size_t any_len;
	bool scoped;
	const char *valid_word, *preferred_word;
	uint32_t valid, preferred;
	unsigned int flags;
	bool help_shown;       /* "help" ended the words: nothing is sent */
};

static int put(struct modify *m, uint16_t type, size_t len, const void *data)
{
	if (!nl_put_check(m->nlh, type, len, data))
		return fail(EXIT_USAGE, "Error: the request is too long.");
	return 0;
}

static int lifetime(const char *word, uint32_t *t)
{
	if (!strcmp(word, "forever")) {
		*t = LIFE_FOREVER;
		return 0;
	}
	return parse_u32(word, t) ? 0 : -1;
}

/* The first address family a word names decides the family of the rest. */
static void take_family(struct modify *m, int family)
{
	if (m->ifa->ifa_family == AF_UNSPEC)
		m->ifa->ifa_family = (unsigned char)family;
}

/* peer and local: a prefix of the request's family. */
static int put_prefix(struct modify *m, const char *w, uint16_t type,
		      struct inet_prefix *p, size_t *len)
{
	int r = inet_get_prefix(w, m->ifa->ifa_family, p);

	if (r)
		return r;
	*len = p->bytelen;
	take_family(m, p->family);
	return put(m, type, p->bytelen, p->data);
}

static int word_peer(struct modify *m, const char *w)
{
	if (m->peer_len)
		return iparg_twice("peer", w);
	int r = put_prefix(m, w, IFA_ADDRESS, &m->peer, &m->peer_len);
	if (!r)
		m->ifa->ifa_prefixlen = (unsigned char)m->peer.bitlen;
	return r;
}

/* brd ADDR and anycast ADDR: one address of the request's family. */
static int put_addr(struct modify *m, const char *w, uint16_t type, size_t *len)
{
	struct inet_prefix a;
	int r = inet_get_addr(w, m->ifa->ifa_family, &a);

	if (r)
		return r;
	take_family(m, a.family);
	*len = a.bytelen;
	return put(m, type, a.bytelen, a.data);
}

static int word_brd(struct modify *m, const char *w)
{
	size_t len = 0;

	if (m->brd_len)
		return iparg_twice("broadcast", w);
	if (!strcmp(w, "+") || !strcmp(w, "-")) {
		m->brd_len = w[0] == '+' ? BRD_ALL_ONES : BRD_ALL_ZEROS;
		return 0;
	}
	int r = put_addr(m, w, IFA_BROADCAST, &len);
	m->brd_len = (int)len;
	return r;
}

static int word_anycast(struct modify *m, const char *w)
{
	if (m->any_len)
		return iparg_twice("anycast", w);
	return put_addr(m, w, IFA_ANYCAST, &m->any_len);
}

static int word_local(struct modify *m, const char *w)
{
	if (m->local_len)
		return iparg_duplicate("local", w);
	m->local_word = w;
	return put_prefix(m, w, IFA_LOCAL, &m->local, &m->local_len);
}

/* Flags that mean something for IPv6 only: ip warns and goes on. */
static void v6_flag(struct modify *m, unsigned int flag, const char *name)
{
	if (m->ifa->ifa_family == AF_INET6)
		m->flags |= flag;
	else
		errmsg("Warning: %s option can be set only for IPv6 addresses", name);
}

/* The words of add/change/replace/del in ip's order, which decides what
 * an abbreviation means ("b" broadcast, "p" priority, "pre" preference);
 * any other word is the local address. */
enum addr_word {
	W_PEER, W_REMOTE, W_BROADCAST, W_BRD, W_ANYCAST, W_SCOPE, W_DEV,
	W_LABEL, W_METRIC, W_PRIORITY, W_PREFERENCE,    /* these take a value */
	W_VALID_LFT, W_PREFERRED_LFT,
	W_HOME, W_NODAD, W_MNGTMPADDR, W_NOPREFIXROUTE, W_AUTOJOIN,
	W_LOCAL
};

static const struct keyword addr_words[] = {
	[W_PEER] = { "peer", false }, [W_REMOTE] = { "remote", false },
	[W_BROADCAST] = { "broadcast", true }, [W_BRD] = { "brd", false },
	[W_ANYCAST] = { "anycast", false }, [W_SCOPE] = { "scope", false },
	[W_DEV] = { "dev", false }, [W_LABEL] = { "label", false },
	[W_METRIC] = { "metric", true }, [W_PRIORITY] = { "priority", true },
	[W_PREFERENCE] = { "preference", true },
	[W_VALID_LFT] = { "valid_lft", true },
	[W_PREFERRED_LFT] = { "preferred_lft", true },
	[W_HOME] = { "home", false }, [W_NODAD] = { "nodad", false },
	[W_MNGTMPADDR] = { "mngtmpaddr", false },
	[W_NOPREFIXROUTE] = { "noprefixroute", false },
	[W_AUTOJOIN] = { "autojoin", false },
};

static int word_flag(struct modify *m, enum addr_word k, const char *w)
{
	switch (k) {
	case W_HOME:
		v6_flag(m, IFA_F_HOMEADDRESS, w);
		break;
	case W_NODAD:
		v6_flag(m, IFA_F_NODAD, w);
		break;
	case W_MNGTMPADDR:
		v6_flag(m, IFA_F_MANAGETEMPADDR, w);
		break;
	case W_NOPREFIXROUTE:
		m->flags |= IFA_F_NOPREFIXROUTE;
		break;
	default:
		m->flags |= IFA_F_MCAUTOJOIN;
		break;
	}
	return 0;
}

/* A word that takes a value v. */
static int word_valued(struct modify *m, enum addr_word k, const char *v)
{
	uint32_t metric;
	unsigned int scope;

	switch (k) {
	case W_PEER: case W_REMOTE:
		return word_peer(m, v);
	case W_BROADCAST: case W_BRD:
		return word_brd(m, v);
	case W_ANYCAST:
		return word_anycast(m, v);
	case W_SCOPE:
		if (rt_scope_parse(v, &scope) < 0)
			return iparg_invalid("invalid scope value.", v);
		m->ifa->ifa_scope = (unsigned char)scope;
		m->scoped = true;
		return 0;
	case W_DEV:
		m->dev = v;
		return 0;
	case W_LABEL:
		return put(m, IFA_LABEL, strlen(v) + 1, v);
	default:
		if (!parse_u32(v, &metric))
			return iparg_invalid("\"metric\" value is invalid\n", v);
		return put(m, IFA_RT_PRIORITY, sizeof(metric), &metric);
	}
}

/* valid_lft and preferred_lft: ip checks the duplicate before the value. */
static int word_lifetime(struct modify *m, bool valid, int argc, char **argv, int *i)
{
	const char **seen = valid ? &m->valid_word : &m->preferred_word;
	const char *key = valid ? "valid_lft" : "preferred_lft";

	if (*seen)
		return iparg_twice(key, argv[*i]);
	if (++*i >= argc)
		return iparg_incomplete();
	*seen = argv[*i];
	if (lifetime(argv[*i], valid ? &m->valid : &m->preferred) < 0)
		return iparg_invalid(valid ? "valid_lft value" : "preferred_lft value", argv[*i]);
	return 0;
}

/* [local] PREFIX, or help. */
static int word_local_or_help(struct modify *m, int argc, char **argv, int *i)
{
	const char *w = argv[*i];

	if (!strcmp(w, "local")) {
		if (++*i >= argc)
			return iparg_incomplete();
		w = argv[*i];
	}
	if (matches(w, "help")) {
		m->help_shown = true;
		return addr_usage(m->c);
	}
	return word_local(m, w);
}

static int parse_words(struct modify *m, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		enum addr_word k = (enum addr_word)keyword_find(addr_words, W_LOCAL, argv[i]);
		int r;

		if (k <= W_PREFERENCE)
			r = ++i < argc ? word_valued(m, k, argv[i]) : iparg_incomplete();
		else if (k <= W_PREFERRED_LFT)
			r = word_lifetime(m, k == W_VALID_LFT, argc, argv, &i);
		else if (k < W_LOCAL)
			r = word_flag(m, k, argv[i]);
		else
			r = word_local_or_help(m, argc, argv, &i);
		if (r || m->help_shown)
			return r;
	}
	return 0;
}

/* brd + and brd -: the host part of the prefix all ones or all zeros;
 * nothing for /31 and /32, which have no broadcast address. */
static int add_broadcast(struct modify *m)
{
	if (m->ifa->ifa_family != AF_INET)
		return fail(EXIT_CMD, "Broadcast can be set only for IPv4 addresses");
	if (m->peer.bitlen > 30)
		return 0;
	uint32_t a, host = m->peer.bitlen <= 0 ? 0xffffffffU
					       : 0xffffffffU >> m->peer.bitlen;
	memcpy(&a, m->peer.data, 4);
	a = ntohl(a);
	a = m->brd_len == BRD_ALL_ONES ? (a | host) : (a & ~host);
	a = htonl(a);
	m->brd_len = 4;
	return put(m, IFA_BROADCAST, 4, &a);
}

/* Without peer the local address is also the IFA_ADDRESS; except that an
 * IPv4 del without /PLEN deletes by local address alone, with ip's warning. */
static int add_address(struct modify *m)
{
	if (m->peer_len || !m->local_len)
		return 0;
	if (m->del && m->local.family == AF_INET && !m->local.plen_given) {
		errmsg("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
		       "         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
		       "         This special behaviour is likely to disappear in further releases,\n"
		       "         fix your scripts!", m->local_word, (int)m->local_len * 8);
		return 0;
	}
	m->peer = m->local;
	return put(m, IFA_ADDRESS, m->local.bytelen, m->local.data);
}

static int add_lifetimes(struct modify *m)
{
	struct ifa_cacheinfo ci = { 0 };

	if (!m->valid_word && !m->preferred_word)
		return 0;
	if (!m->valid)
		return fail(EXIT_CMD, "valid_lft is zero");
	if (m->valid < m->preferred)
		return fail(EXIT_CMD, "preferred_lft is greater than valid_lft");
	ci.ifa_prefered = m->preferred;
	ci.ifa_valid = m->valid;
	return put(m, IFA_CACHEINFO, sizeof(ci), &ci);
}

static bool is_multicast(const struct inet_prefix *p)
{
	if (p->family == AF_INET)
		return (p->data[0] & 0xf0) == 0xe0;
	return p->family == AF_INET6 && p->data[0] == 0xff;
}

/* The checks and attributes that need every word, in ip's order. */
static int finish(struct modify *m)
{
	int r;

	if (m->flags <= 0xff)
		m->ifa->ifa_flags = (unsigned char)m->flags;
	else if ((r = put(m, IFA_FLAGS, sizeof(m->flags), &m->flags)))
		return r;
	if (!m->dev)
		return fail(EXIT_CMD, "Not enough information: \"dev\" argument is required.");
	if ((r = add_address(m)))
		return r;
	if (!m->ifa->ifa_prefixlen)
		m->ifa->ifa_prefixlen = (unsigned char)m->local.bitlen;
	if (m->brd_len < 0 && !m->del && (r = add_broadcast(m)))
		return r;
	if (!m->scoped && !m->del)
		m->ifa->ifa_scope = m->local.family == AF_INET && m->local.data[0] == 127
				    ? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
	struct nl *nl = ctx_nl(m->c);
	if (!nl)
		return EXIT_CMD;
	if (link_ifindex(nl, m->dev, &m->ifa->ifa_index) < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!m->ifa->ifa_index)
		return iparg_nodev(m->dev);
	if ((r = add_lifetimes(m)))
		return r;
	if ((m->flags & IFA_F_MCAUTOJOIN) && !is_multicast(&m->local))
		return fail(EXIT_CMD, "autojoin needs multicast address");
	return 0;
}

static int modify(struct ctx *c, uint16_t type, uint16_t flags, int argc,
		  char **argv)
{
	struct modify *m = &(struct modify){ .c = c, .del = type == RTM_DELADDR,
					     .valid = LIFE_FOREVER,
					     .preferred = LIFE_FOREVER };
	struct nl_req req;
	struct nl *nl;

	m->nlh = nl_req_init(&req, type, flags);
	m->ifa = nl_put_header(m->nlh, sizeof(*m->ifa));
	m->ifa->ifa_family = (unsigned char)c->opt.family;
	int r = parse_words(m, argc, argv);
	if (!r && !m->help_shown)
		r = finish(m);
	if (r || m->help_shown)
		return r;
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	return nl_talk(nl, m->nlh, NULL, NULL) < 0 ? EXIT_KERNEL : 0;
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"add", "change", "chg", "replace", "delete", "list", "show", "lst",
	"flush", "save", "showdump", "restore", "help", NULL
};

enum { ADD, CHANGE, CHG, REPLACE, DELETE, LIST, SHOW, LST, FLUSH, SAVE,
       SHOWDUMP, RESTORE, HELP };

int addr_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return addr_list(c, 0, argv, false);
	int sub = match_first(argv[0], subcommands);
	switch (sub) {
	case ADD:
		return modify(c, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, argc - 1, argv + 1);
	case CHANGE: case CHG:
		return modify(c, RTM_NEWADDR, NLM_F_REPLACE, argc - 1, argv + 1);
	case REPLACE:
		return modify(c, RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, argc - 1, argv + 1);
	case DELETE:
		return modify(c, RTM_DELADDR, 0, argc - 1, argv + 1);
	case LIST: case SHOW: case LST:
		return addr_list(c, argc - 1, argv + 1, false);
	case FLUSH:
		return addr_list(c, argc - 1, argv + 1, true);
	case HELP:
		return addr_usage(c);
	case -1:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s address help\".",
			    argv[0], c->prog);
	default:
		return fail(EXIT_USAGE, "%s address %s: not supported by this nsip yet",
			    c->prog, subcommands[sub]);
	}
}
