/* The words of `ip link add NAME link DEV type macvlan|macvtap ...`. As
 * iproute2 does, bcqueuelen and macaddr put their attributes at once;
 * the mode and the flags go last. */
#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>

#include "link.h"
#include "base/err.h"
#include "base/lladdr.h"
#include "base/parse.h"

static int macvlan_usage(const char *kind)
{
	fprintf(stderr,
		"Usage: ... %s mode MODE [flag MODE_FLAG] MODE_OPTS [bcqueuelen BC_QUEUE_LEN]\n"
		"\n"
		"MODE: private | vepa | bridge | passthru | source\n"
		"MODE_FLAG: null | nopromisc | nodst\n"
		"MODE_OPTS: for mode \"source\":\n"
		"\tmacaddr { { add | del } <macaddr> | set [ <macaddr> [ <macaddr>  ... ] ] | flush }\n"
		"BC_QUEUE_LEN: Length of the rx queue for broadcast/multicast: [0-4294967295]\n",
		kind);
	return EXIT_CMD;
}

static const struct name_value {
	const char *name;
	uint32_t value;
} modes[] = {
	{ "private", MACVLAN_MODE_PRIVATE }, { "vepa", MACVLAN_MODE_VEPA },
	{ "bridge", MACVLAN_MODE_BRIDGE }, { "passthru", MACVLAN_MODE_PASSTHRU },
	{ "source", MACVLAN_MODE_SOURCE },
}, flags[] = {
	{ "nopromisc", MACVLAN_FLAG_NOPROMISC }, { "nodst", MACVLAN_FLAG_NODST },
	{ "null", 0 },
}, macaddr_modes[] = {
	{ "add", MACVLAN_MACADDR_ADD }, { "del", MACVLAN_MACADDR_DEL },
	{ "set", MACVLAN_MACADDR_SET }, { "flush", MACVLAN_MACADDR_FLUSH },
};

/* The value of an exact name (iproute2 takes no abbreviation here). */
static bool lookup(const struct name_value *t, size_t n, const char *w,
		   uint32_t *value)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(w, t[i].name)) {
			*value = t[i].value;
			return true;
		}
	return false;
}

#define LOOKUP(t, w, v) lookup(t, sizeof(t) / sizeof((t)[0]), w, v)

/* One MAC address; false when the word is not one (after iproute2's
 * message when it is not even hexadecimal). */
static bool read_mac(const char *w, unsigned char *mac)
{
	unsigned char buf[LLADDR_MAX];

	if (lladdr_parse(w, buf, 6) != 6)
		return false;
	memcpy(mac, buf, 6);
	return true;
}

/* "macaddr add|del MAC", "macaddr flush", "macaddr set [MAC...]": the
 * set takes the words after it while they are addresses. */
static int read_macaddr(const char *kind, struct link_spec *s, int argc,
			char **argv, int *i)
{
	unsigned char mac[6];
	uint32_t mode;
	int r;

	if (!LOOKUP(macaddr_modes, argv[*i], &mode))
		return macvlan_usage(kind);
	if ((r = kind_number(s, IFLA_MACVLAN_MACADDR_MODE, 4, mode)))
		return r;
	if (mode == MACVLAN_MACADDR_ADD || mode == MACVLAN_MACADDR_DEL) {
		if (!iparg_next(argc, i))
			return iparg_incomplete();
		if (!read_mac(argv[*i], mac))
			return EXIT_CMD;
		return kind_bytes(s, IFLA_MACVLAN_MACADDR, mac, 6);
	}
	if (mode != MACVLAN_MACADDR_SET)
		return 0;
	if ((r = kind_nest(s, IFLA_MACVLAN_MACADDR_DATA)))
		return r;
	while (*i + 1 < argc && read_mac(argv[*i + 1], mac)) {
		++*i;
		if ((r = kind_bytes(s, IFLA_MACVLAN_MACADDR, mac, 6)))
			return r;
	}
	return kind_nest_end(s);
}

/* iproute2's words in its order, which decides what an abbreviation
 * means. */
enum { W_MODE, W_FLAG, W_MACADDR, W_NOPROMISC, W_NODST, W_BCQUEUELEN, W_HELP, W_NONE };
static const char *const words[] = {
	"mode", "flag", "macaddr", "nopromisc", "nodst", "bcqueuelen", "help"
};

static int word_of(const char *w)
{
	int k = 0;

	while (k < W_NONE && !matches(w, words[k]))
		k++;
	return k;
}

static void set_flag(struct link_spec *s, uint32_t flag)
{
	s->has_macvlan_flags = true;
	s->macvlan_flags |= (uint16_t)flag;
}

/* The value of word k at argv[*i]. */
static int read_value(const char *kind, struct link_spec *s, int k, int argc,
		      char **argv, int *i)
{
	const char *w = argv[*i];
	uint32_t v;

	switch (k) {
	case W_MODE:
		if (!LOOKUP(modes, w, &v))
			return fail(EXIT_CMD, "Error: argument of \"mode\" must be \"private\", "
				    "\"vepa\", \"bridge\", \"passthru\" or \"source\", not \"%s\"", w);
		s->has_macvlan_mode = true;
		s->macvlan_mode = v;
		return 0;
	case W_FLAG:
		if (!LOOKUP(flags, w, &v))
			return fail(EXIT_CMD, "Error: argument of \"flag\" must be \"nopromisc\", "
				    "\"nodst\" or \"null\", not \"%s\"", w);
		set_flag(s, v);
		return 0;
	case W_MACADDR:
		return read_macaddr(kind, s, argc, argv, i);
	default:
		if (!parse_u32(w, &v))
			return fail(EXIT_CMD, "Error: argument of \"bcqueuelen\" must be a positive "
				    "integer [0-4294967295], not \"%s\"", w);
		return kind_number(s, IFLA_MACVLAN_BC_QUEUE_LEN, 4, v);
	}
}

int link_parse_macvlan(const char *kind, struct link_spec *s, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		int k = word_of(argv[i]);

		if (k == W_NOPROMISC || k == W_NODST) {
			set_flag(s, k == W_NOPROMISC ? MACVLAN_FLAG_NOPROMISC :
				    MACVLAN_FLAG_NODST);
		} else if (k == W_HELP) {
			return macvlan_usage(kind);
		} else if (k == W_NONE) {
			errmsg("%s: unknown option \"%s\"?", kind, argv[i]);
			return macvlan_usage(kind);
		} else {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			int r = read_value(kind, s, k, argc, argv, &i);
			if (r)
				return r;
		}
	}
	if ((s->macvlan_flags & MACVLAN_FLAG_NOPROMISC) &&
	    s->macvlan_mode != MACVLAN_MODE_PASSTHRU) {
		errmsg("%s: nopromisc flag only valid in passthru mode", kind);
		return macvlan_usage(kind);
	}
	return 0;
}
