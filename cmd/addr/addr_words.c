/* The words of `ip address add|change|replace|del` (addr_words.h): each
 * word is read into the request's description as it comes, so that each
 * error names the first bad word, as ip's do. */
#include <stdio.h>
#include <string.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "addr.h"
#include "addr_words.h"
#include "base/err.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "nl/rt_scope.h"

#define LIFE_FOREVER 0xffffffffU
#define BRD_ALL_ONES (-1)   /* brd + */
#define BRD_ALL_ZEROS (-2)  /* brd - */

static void set_bytes(struct addr_bytes *b, const struct inet_prefix *p)
{
	b->set = true;
	b->len = p->bytelen;
	memcpy(b->data, p->data, sizeof(b->data));
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
static void take_family(struct addr_words *m, int family)
{
	if (m->spec.family == AF_UNSPEC)
		m->spec.family = (unsigned char)family;
}

/* peer and local: a prefix of the request's family. */
static int read_prefix(struct addr_words *m, const char *w, struct addr_bytes *b,
		       struct inet_prefix *p, size_t *len)
{
	int r = inet_get_prefix(w, m->spec.family, p);

	if (r)
		return r;
	*len = p->bytelen;
	take_family(m, p->family);
	set_bytes(b, p);
	return 0;
}

static int word_peer(struct addr_words *m, const char *w)
{
	if (m->peer_len)
		return iparg_twice("peer", w);
	int r = read_prefix(m, w, &m->spec.address, &m->peer, &m->peer_len);
	if (!r)
		m->spec.prefixlen = (unsigned char)m->peer.bitlen;
	return r;
}

/* brd ADDR and anycast ADDR: one address of the request's family. */
static int read_addr(struct addr_words *m, const char *w, struct addr_bytes *b,
		     size_t *len)
{
	struct inet_prefix a;
	int r = inet_get_addr(w, m->spec.family, &a);

	if (r)
		return r;
	take_family(m, a.family);
	*len = a.bytelen;
	set_bytes(b, &a);
	return 0;
}

static int word_brd(struct addr_words *m, const char *w)
{
	size_t len = 0;

	if (m->brd_len)
		return iparg_twice("broadcast", w);
	if (!strcmp(w, "+") || !strcmp(w, "-")) {
		m->brd_len = w[0] == '+' ? BRD_ALL_ONES : BRD_ALL_ZEROS;
		return 0;
	}
	int r = read_addr(m, w, &m->spec.broadcast, &len);
	m->brd_len = (int)len;
	return r;
}

static int word_anycast(struct addr_words *m, const char *w)
{
	if (m->any_len)
		return iparg_twice("anycast", w);
	return read_addr(m, w, &m->spec.anycast, &m->any_len);
}

static int word_local(struct addr_words *m, const char *w)
{
	if (m->local_len)
		return iparg_duplicate("local", w);
	m->local_word = w;
	return read_prefix(m, w, &m->spec.local, &m->local, &m->local_len);
}

/* Flags that mean something for IPv6 only: ip warns and goes on. */
static void v6_flag(struct addr_words *m, unsigned int flag, const char *name)
{
	if (m->spec.family == AF_INET6)
		m->spec.flags |= flag;
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

static int word_flag(struct addr_words *m, enum addr_word k, const char *w)
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
		m->spec.flags |= IFA_F_NOPREFIXROUTE;
		break;
	default:
		m->spec.flags |= IFA_F_MCAUTOJOIN;
		break;
	}
	return 0;
}

/* A word that takes a value v. A label or metric given twice: the last
 * one counts (the kernel took the last of repeated attributes). */
static int word_valued(struct addr_words *m, enum addr_word k, const char *v)
{
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
		m->spec.scope = (unsigned char)scope;
		m->scoped = true;
		return 0;
	case W_DEV:
		m->dev = v;
		return 0;
	case W_LABEL:
		m->spec.label = v;
		return 0;
	default:
		if (!parse_u32(v, &m->spec.metric))
			return iparg_invalid("\"metric\" value is invalid\n", v);
		m->spec.has_metric = true;
		return 0;
	}
}

/* valid_lft and preferred_lft: ip checks the duplicate before the value. */
static int word_lifetime(struct addr_words *m, bool valid, int argc, char **argv,
			 int *i)
{
	const char **seen = valid ? &m->valid_word : &m->preferred_word;
	const char *key = valid ? "valid_lft" : "preferred_lft";

	if (*seen)
		return iparg_twice(key, argv[*i]);
	if (++*i >= argc)
		return iparg_incomplete();
	*seen = argv[*i];
	if (lifetime(argv[*i], valid ? &m->spec.valid : &m->spec.preferred) < 0)
		return iparg_invalid(valid ? "valid_lft value" : "preferred_lft value",
				     argv[*i]);
	return 0;
}

/* [local] PREFIX, or help. */
static int word_local_or_help(struct addr_words *m, int argc, char **argv, int *i)
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

static int read_words(struct addr_words *m, int argc, char **argv)
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
static int add_broadcast(struct addr_words *m)
{
	if (m->spec.family != AF_INET)
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
	m->spec.broadcast = (struct addr_bytes){ .set = true, .len = 4 };
	memcpy(m->spec.broadcast.data, &a, 4);
	return 0;
}

/* Without peer the local address is also the IFA_ADDRESS; except that an
 * IPv4 del without /PLEN deletes by local address alone, with ip's warning. */
static void add_address(struct addr_words *m)
{
	if (m->peer_len || !m->local_len)
		return;
	if (m->del && m->local.family == AF_INET && !m->local.plen_given) {
		errmsg("Warning: Executing wildcard deletion to stay compatible with old scripts.\n"
		       "         Explicitly specify the prefix length (%s/%d) to avoid this warning.\n"
		       "         This special behaviour is likely to disappear in further releases,\n"
		       "         fix your scripts!", m->local_word, (int)m->local_len * 8);
		return;
	}
	m->peer = m->local;
	set_bytes(&m->spec.address, &m->local);
}

static bool is_multicast(const struct inet_prefix *p)
{
	if (p->family == AF_INET)
		return (p->data[0] & 0xf0) == 0xe0;
	return p->family == AF_INET6 && p->data[0] == 0xff;
}

/* The checks that need every word, in ip's order, up to the device. */
static int check_words(struct addr_words *m)
{
	int r;

	if (!m->dev)
		return fail(EXIT_CMD, "Not enough information: \"dev\" argument is required.");
	add_address(m);
	if (!m->spec.prefixlen)
		m->spec.prefixlen = (unsigned char)m->local.bitlen;
	if (m->brd_len < 0 && !m->del && (r = add_broadcast(m)))
		return r;
	if (!m->scoped && !m->del)
		m->spec.scope = m->local.family == AF_INET && m->local.data[0] == 127
				? RT_SCOPE_HOST : RT_SCOPE_UNIVERSE;
	return 0;
}

int addr_words_read(const struct ctx *c, bool del, int argc, char **argv,
		    struct addr_words *w)
{
	*w = (struct addr_words){
		.c = c, .del = del,
		.spec = { .family = (unsigned char)c->opt.family,
			  .valid = LIFE_FOREVER, .preferred = LIFE_FOREVER },
	};
	int r = read_words(w, argc, argv);

	if (r || w->help_shown)
		return r;
	return check_words(w);
}

int addr_words_finish(struct addr_words *m)
{
	if (m->valid_word || m->preferred_word) {
		if (!m->spec.valid)
			return fail(EXIT_CMD, "valid_lft is zero");
		if (m->spec.valid < m->spec.preferred)
			return fail(EXIT_CMD, "preferred_lft is greater than valid_lft");
		m->spec.has_lifetimes = true;
	}
	if ((m->spec.flags & IFA_F_MCAUTOJOIN) && !is_multicast(&m->local))
		return fail(EXIT_CMD, "autojoin needs multicast address");
	return 0;
}
