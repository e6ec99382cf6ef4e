/* nsip: one binary for `ip netns|link|addr|route|neigh` and `iptables -t nat`.
 *
 * Usage: nsip [ OPTIONS ] OBJECT { COMMAND | help }
 *        nsip [ -force ] -batch FILE
 *        OBJECT  := { netns | link | address | route | neigh | nat }
 *        OPTIONS := { -V[ersion] | -4 | -6 | -0 | -f[amily] FAMILY |
 *                     -s[tats] | -d[etails] | -o[neline] | -br[ief] |
 *                     -j[son] | -p[retty] | -n[etns] NAME | -a[ll] |
 *                     -force | -b[atch] FILE | -help }
 *
 * Called through a link named after an applet (netns, link, addr, route,
 * neigh, nat) it is that applet; through a link named ip it is ip. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "applet.h"
#include "../common/err.h"
#include "../common/ns.h"
#include "../common/parse.h"

struct object {
	const char *name;
	applet_fn *fn;        /* NULL: an ip object nsip does not implement */
	bool nsip_only;       /* not an object of ip's grammar */
};

/* iproute2's object order: it decides what an abbreviation means. */
static const struct object objects[] = {
	{ "address", NULL, false },   { "addrlabel", NULL, false },
	{ "maddress", NULL, false },  { "route", route_main, false },
	{ "rule", NULL, false },      { "neighbor", neigh_main, false },
	{ "neighbour", neigh_main, false }, { "ntable", NULL, false },
	{ "ntbl", NULL, false },      { "link", link_main, false },
	{ "l2tp", NULL, false },      { "fou", NULL, false },
	{ "ila", NULL, false },       { "macsec", NULL, false },
	{ "tunnel", NULL, false },    { "tunl", NULL, false },
	{ "tuntap", NULL, false },    { "tap", NULL, false },
	{ "token", NULL, false },     { "tcpmetrics", NULL, false },
	{ "tcp_metrics", NULL, false }, { "monitor", NULL, false },
	{ "xfrm", NULL, false },      { "mroute", NULL, false },
	{ "mrule", NULL, false },     { "netns", netns_main, false },
	{ "netconf", NULL, false },   { "vrf", NULL, false },
	{ "sr", NULL, false },        { "nexthop", NULL, false },
	{ "mptcp", NULL, false },     { "ioam", NULL, false },
	{ "stats", NULL, false },     { "help", NULL, false },
	{ "nat", NULL, true },
};

#define N_OBJECTS (sizeof(objects) / sizeof(objects[0]))

/* The names an applet link may have, and the object each one is. */
static const char *const applet_links[] = {
	"netns", "link", "addr", "route", "neigh", "nat", NULL
};

struct nl *ctx_nl(struct ctx *c)
{
	if (!c->nl_ready) {
		if (nl_open(&c->nl) < 0)
			return NULL;
		c->nl_ready = true;
	}
	return &c->nl;
}

static int usage(struct ctx *c, FILE *f, int code)
{
	fprintf(f,
		"Usage: %s [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       %s [ -force ] -batch filename\n"
		"where  OBJECT := { address | link | neigh | netns | route%s }\n"
		"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
		"                    -4 | -6 | -0 | -f[amily] { inet | inet6 | link } |\n"
		"                    -o[neline] | -br[ief] | -j[son] | -p[retty] |\n"
		"                    -n[etns] name | -a[ll] | -force | -b[atch] file }\n",
		c->prog, c->prog, c->who == AS_IP ? "" : " | nat");
	return code;
}

static const struct object *find_object(const struct ctx *c, const char *word)
{
	for (size_t i = 0; i < N_OBJECTS; i++) {
		if (objects[i].nsip_only && c->who == AS_IP)
			continue;
		if (matches(word, objects[i].name))
			return &objects[i];
	}
	return NULL;
}

static int run_object(struct ctx *c, const char *word, int argc, char **argv)
{
	const struct object *o = find_object(c, word);

	if (!o)
		return fail(EXIT_CMD, "Object \"%s\" is unknown, try \"%s help\".",
			    word, c->prog);
	if (!strcmp(o->name, "help"))
		return usage(c, stderr, EXIT_USAGE);
	if (!o->fn)
		return fail(EXIT_USAGE, "Object \"%s\" is not supported by nsip.",
			    o->name);
	return o->fn(c, argc, argv);
}

static int family_of(const char *word, int *family)
{
	if (!strcmp(word, "inet"))
		*family = AF_INET;
	else if (!strcmp(word, "inet6"))
		*family = AF_INET6;
	else if (!strcmp(word, "link"))
		*family = AF_PACKET;
	else
		return -1;
	return 0;
}

/* Result of one global option: go on, or stop with an exit code. */
#define GO_ON (-1)

/* Options that take a value; *i is moved onto it. */
static const char *option_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}


/* One option, tested in iproute2's order (which decides abbreviations:
 * -h is -human, -b is -batch, -r is -resolve). Options that only shape
 * output nsip does not make are accepted and ignored, so scripts run. */
static int parse_option(struct ctx *c, const char *opt, int argc, char **argv,
			int *i)
{
	const char *v;

	if (matches(opt, "-loops")) {
		if (!option_value(argc, argv, i))
			return usage(c, stderr, EXIT_USAGE);
	} else if (matches(opt, "-family")) {
		if (!(v = option_value(argc, argv, i)))
			return usage(c, stderr, EXIT_USAGE);
		if (family_of(v, &c->opt.family) < 0)
			return fail(EXIT_USAGE, "Error: argument \"%s\" is wrong: "
				    "invalid protocol family", v);
	} else if (!strcmp(opt, "-4")) {
		c->opt.family = AF_INET;
	} else if (!strcmp(opt, "-6")) {
		c->opt.family = AF_INET6;
	} else if (!strcmp(opt, "-0")) {
		c->opt.family = AF_PACKET;
	} else if (!strcmp(opt, "-M") || !strcmp(opt, "-B") ||
		   matches(opt, "-human") || matches(opt, "-human-readable") ||
		   matches(opt, "-iec")) {
	} else if (matches(opt, "-stats") || matches(opt, "-statistics")) {
		c->opt.stats++;
	} else if (matches(opt, "-details")) {
		c->opt.details = true;
	} else if (matches(opt, "-resolve")) {
	} else if (matches(opt, "-oneline")) {
		c->opt.oneline = true;
	} else if (matches(opt, "-timestamp") || matches(opt, "-tshort")) {
	} else if (matches(opt, "-Version")) {
		printf("%s utility, nsip-%s\n", c->prog, PACKAGE_VERSION);
		return 0;
	} else if (matches(opt, "-force")) {
		c->opt.force = true;
	} else if (matches(opt, "-batch")) {
		if (!(c->opt.batch = option_value(argc, argv, i)))
			return usage(c, stderr, EXIT_USAGE);
	} else if (matches(opt, "-brief")) {
		c->opt.brief = true;
	} else if (matches(opt, "-json")) {
		c->opt.json = true;
	} else if (matches(opt, "-pretty")) {
		c->opt.pretty = true;
	} else if (matches(opt, "-rcvbuf")) {
		if (!option_value(argc, argv, i))
			return usage(c, stderr, EXIT_USAGE);
	} else if (matches(opt, "-color") || !strncmp(opt, "-color=", 7)) {
	} else if (matches(opt, "-help")) {
		return usage(c, stderr, EXIT_USAGE);
	} else if (matches(opt, "-netns")) {
		if (!(v = option_value(argc, argv, i)))
			return usage(c, stderr, EXIT_USAGE);
		int r = ns_enter(v);
		if (r)
			return r;
	} else if (matches(opt, "-Numeric")) {
	} else if (matches(opt, "-all")) {
		c->opt.all = true;
	} else if (!strcmp(opt, "-echo")) {
	} else {
		return fail(EXIT_USAGE, "Option \"%s\" is unknown, try \"%s -help\".",
			    opt, c->prog);
	}
	return GO_ON;
}

/* Parses the global options; returns how many words they took, or stores
 * an exit code in *code and returns -1. */
static int parse_options(struct ctx *c, int argc, char **argv, int *code)
{
	int i;

	for (i = 0; i < argc; i++) {
		const char *opt = argv[i];

		if (!strcmp(opt, "--"))
			return i + 1;
		if (opt[0] != '-')
			break;
		if (opt[1] == '-')
			opt++;
		*code = parse_option(c, opt, argc, argv, &i);
		if (*code != GO_ON)
			return -1;
	}
	return i;
}

static enum personality personality_of(const char *argv0, const char **applet)
{
	char buf[256];
	const char *base;

	snprintf(buf, sizeof(buf), "%s", argv0);
	base = basename(buf);
	*applet = NULL;
	if (!strcmp(base, "ip"))
		return AS_IP;
	if (!strcmp(base, "iptables"))
		return AS_IPTABLES;
	for (int i = 0; applet_links[i]; i++)
		if (!strcmp(base, applet_links[i])) {
			*applet = applet_links[i];
			return AS_APPLET;
		}
	return AS_NSIP;
}

int main(int argc, char **argv)
{
	struct ctx c = { .prog = "nsip" };
	const char *applet;
	int code;

	c.who = personality_of(argc > 0 ? argv[0] : "nsip", &applet);
	if (argc > 0 && nettools_wanted(argv[0], argc - 1, argv + 1))
		return nettools_main(argc, argv);
	if (c.who == AS_IP)
		c.prog = "ip";
	if (c.who == AS_IPTABLES)
		return fail(EXIT_USAGE, "iptables: not supported by this nsip yet");

	int used = parse_options(&c, argc - 1, argv + 1, &code);
	if (used < 0)
		return code;
	argc -= used + 1;
	argv += used + 1;
	out_init(&c.out, stdout, c.opt.json, c.opt.pretty, c.opt.oneline);

	if (c.opt.batch)
		code = fail(EXIT_USAGE, "-batch is not supported by this nsip yet");
	else if (applet)
		code = run_object(&c, applet, argc, argv);
	else if (argc > 0)
		code = run_object(&c, argv[0], argc - 1, argv + 1);
	else
		code = usage(&c, stderr, EXIT_USAGE);

	if (fflush(stdout) != 0 && code == 0)
		code = fail(EXIT_CMD, "write error: %s", strerror(errno));
	if (c.nl_ready)
		nl_close(&c.nl);
	return code;
}
