/* The dispatcher: who nsip was called as, the global options, the object
 * (an applet of the table in applets.c, by iproute2's abbreviations) and
 * the -batch loop.
 *
 * Usage: nsip [ OPTIONS ] OBJECT { COMMAND | help }
 *        nsip [ -force ] -batch FILE
 *        OBJECT  := { netns | link | address | route | rule | neigh | tuntap | nat | sysctl }
 *        OPTIONS := { -V[ersion] | -4 | -6 | -0 | -f[amily] FAMILY |
 *                     -s[tats] | -d[etails] | -o[neline] | -br[ief] |
 *                     -j[son] | -p[retty] | -n[etns] NAME | -a[ll] |
 *                     -force | -b[atch] FILE | -help | -h[uman] | -iec |
 *                     -N[umeric] | -rc[vbuf] SIZE | -l[oops] N |
 *                     -c[olor][=never|auto] | -t[imestamp] | -ts[hort] }
 *
 * Called through a link named after an applet (netns, link, addr, route, rule,
 * neigh, tuntap, nat, sysctl) it is that applet; through a link named ip it is ip. */
#include <errno.h>
#include <limits.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "applet.h"
#include "base/batch.h"
#include "base/err.h"
#include "base/iparg.h"
#include "ns/nsrun.h"
#include "base/parse.h"

static int usage(const struct ctx *asker, const struct ctx *c)
{
	struct usage_to u = usage_to(asker);

	fprintf(u.f,
		"Usage: %s [ OPTIONS ] OBJECT { COMMAND | help }\n"
		"       %s [ -force ] -batch filename\n"
		"where  OBJECT := { address | link | monitor | neigh | netns | route | rule | tuntap%s }\n"
		"       (`%s help OBJECT` or `%s OBJECT help` for an object's words)\n"
		"       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
		"                    -4 | -6 | -0 | -f[amily] { inet | inet6 | link } |\n"
		"                    -o[neline] | -br[ief] | -j[son] | -p[retty] |\n"
		"                    -n[etns] name | -a[ll] | -force | -b[atch] file |\n"
		"                    -h[uman-readable] | -iec | -N[umeric] | -rc[vbuf] size |\n"
		"                    -l[oops] n | -c[olor][=never|auto] | -t[imestamp] | -ts[hort] }\n",
		c->prog, c->prog, c->who == AS_IP ? "" : " | nat | sysctl", c->prog, c->prog);
	return u.code;
}

/* ip prints its usage on stderr and exits 255 even when asked for it; nsip,
 * asked, answers on stdout with 0, and `nsip help APPLET` is `APPLET help`. */
static int run_object(struct ctx *c, const char *word, int argc, char **argv);

static int help(struct ctx *c, int argc, char **argv)
{
	static char help_word[] = "help";

	/* `help help` is plain help: passing it on would loop forever. */
	if (argc > 0 && c->who != AS_IP && !matches(argv[0], "help")) {
		char *words[] = { help_word, NULL };
		return run_object(c, argv[0], 1, words);
	}
	return usage(c, c);
}

static const struct applet *find_applet(const struct ctx *c, const char *word)
{
	for (size_t i = 0; i < n_applets; i++) {
		if (applets[i].nsip_only && c->who == AS_IP)
			continue;
		if (matches(word, applets[i].name))
			return &applets[i];
	}
	return NULL;
}

/* Runs the object o that word names (NULL: none does). */
static int run_found(struct ctx *c, const struct applet *o, const char *word,
		     int argc, char **argv)
{
	if (!o)
		return fail(EXIT_CMD, "Object \"%s\" is unknown, try \"%s help\".",
			    word, c->prog);
	if (!strcmp(o->name, "help"))
		return help(c, argc, argv);
	if (!o->fn)
		return fail(EXIT_USAGE, "Object \"%s\" is not supported by nsip.",
			    o->name);
	return o->fn(c, argc, argv);
}

static int run_object(struct ctx *c, const char *word, int argc, char **argv)
{
	return run_found(c, find_applet(c, word), word, argc, argv);
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


/* ip's -c[olor][=always|auto|never]: -c alone is "always". */
enum color { COLOR_NEVER, COLOR_AUTO, COLOR_ALWAYS };

static bool color_option(const char *opt, int *color)
{
	const char *eq = strchr(opt, '=');
	char name[32];

	if (!eq) {
		if (!matches(opt, "-color"))
			return false;
		*color = COLOR_ALWAYS;
		return true;
	}
	if ((size_t)(eq - opt) >= sizeof(name))
		return false;
	memcpy(name, opt, (size_t)(eq - opt));
	name[eq - opt] = '\0';
	if (!matches(name, "-color"))
		return false;
	if (!strcmp(eq + 1, "always"))
		*color = COLOR_ALWAYS;
	else if (!strcmp(eq + 1, "auto"))
		*color = COLOR_AUTO;
	else if (!strcmp(eq + 1, "never"))
		*color = COLOR_NEVER;
	else
		return false;   /* "-c=bogus" is an unknown option, as in ip */
	return true;
}

/* An option of ip's that nsip refuses rather than ignore: a script that
 * gives it expects what nsip does not do. */
static int refused(const char *opt, const char *why)
{
	return fail(EXIT_USAGE, "Option \"%s\" is not supported by nsip (%s).",
		    opt, why);
}

/* ip's get_unsigned: a whole number of any C base, no sign. */
static bool rcvbuf_size(const char *v, unsigned int *size)
{
	char *end;

	errno = 0;
	unsigned long n = strtoul(v, &end, 0);
	if (end == v || *end || errno || n > UINT_MAX || strchr(v, '-'))
		return false;
	*size = (unsigned int)n;
	return true;
}

/* One option, tested in iproute2's order (which decides abbreviations:
 * -h is -human, -b is -batch, -r is -resolve). Each is done as ip 6.1
 * does it for the objects nsip has, or refused in one line (exit 255). */
/* NOLINTBEGIN(bugprone-branch-clone) */
static int parse_option(struct ctx *c, const char *opt, int argc, char **argv,
			int *i)
{
	const char *v;

	if (matches(opt, "-loops")) {
		if (!(v = option_value(argc, argv, i)))
			return usage(NULL, c);
		/* as ip's atoi: no check, 0 (also for garbage) is no limit */
		c->opt.loops = (int)strtol(v, NULL, 10);
	} else if (matches(opt, "-family")) {
		if (!(v = option_value(argc, argv, i)))
			return usage(NULL, c);
		if (family_of(v, &c->opt.family) < 0)
			return iparg_invalid("invalid protocol family", v);
	} else if (!strcmp(opt, "-4")) {
		c->opt.family = AF_INET;
	} else if (!strcmp(opt, "-6")) {
		c->opt.family = AF_INET6;
	} else if (!strcmp(opt, "-0")) {
		c->opt.family = AF_PACKET;
	} else if (!strcmp(opt, "-M")) {
		return refused(opt, "no MPLS family");
	} else if (!strcmp(opt, "-B")) {
		return refused(opt, "no bridge family");
	} else if (matches(opt, "-human") || matches(opt, "-human-readable")) {
		c->opt.human = true;
	} else if (matches(opt, "-iec")) {
		c->opt.iec = true;
	} else if (matches(opt, "-stats") || matches(opt, "-statistics")) {
		c->opt.stats++;
	} else if (matches(opt, "-details")) {
		c->opt.details = true;
	} else if (matches(opt, "-resolve")) {
		return refused(opt, "addresses are not resolved to names");
	} else if (matches(opt, "-oneline")) {
		c->opt.oneline = true;
	} else if (matches(opt, "-timestamp")) {
		c->opt.timestamp = true;
	} else if (matches(opt, "-tshort")) {
		c->opt.timestamp = c->opt.tshort = true;
	} else if (matches(opt, "-Version")) {
		printf("%s utility, nsip-%s\n", c->prog, PACKAGE_VERSION);
		return 0;
	} else if (matches(opt, "-force")) {
		c->opt.force = true;
	} else if (matches(opt, "-batch")) {
		if (!(c->opt.batch = option_value(argc, argv, i)))
			return usage(NULL, c);
	} else if (matches(opt, "-brief")) {
		c->opt.brief = true;
	} else if (matches(opt, "-json")) {
		c->opt.json = true;
	} else if (matches(opt, "-pretty")) {
		c->opt.pretty = true;
	} else if (matches(opt, "-rcvbuf")) {
		if (!(v = option_value(argc, argv, i)))
			return usage(NULL, c);
		if (!rcvbuf_size(v, &c->opt.rcvbuf))
			return fail(EXIT_USAGE, "Invalid rcvbuf size '%s'", v);
	} else if (color_option(opt, &c->opt.color)) {
		c->opt.color_word = opt;
	} else if (matches(opt, "-help")) {
		return usage(c, c);
	} else if (matches(opt, "-netns")) {
		if (!(v = option_value(argc, argv, i)))
			return usage(NULL, c);
		int r = ns_enter(v);
		if (r)
			return r;
	} else if (matches(opt, "-Numeric")) {
		c->opt.numeric = true;
	} else if (matches(opt, "-all")) {
		c->opt.all = true;
	} else if (!strcmp(opt, "-echo")) {
		return refused(opt, "the kernel's echo of a change is not printed");
	} else {
		return fail(EXIT_USAGE, "Option \"%s\" is unknown, try \"%s -help\".",
			    opt, c->prog);
	}
	return GO_ON;
}
/* NOLINTEND(bugprone-branch-clone) */

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

/* A failed line: its message; true when the batch must stop there. */
static bool line_failed(const struct ctx *c, const struct batch *b, int lineno)
{
	fflush(stdout);
	errmsg("Command failed %s:%d", b->name, lineno);
	return !c->opt.force;
}

/* The group of the open batch group, ended: 0, or after the message of
 * the line whose change failed, true when the batch must stop there. */
static bool group_ended(struct ctx *c, const struct applet_group **open,
			const struct batch *b, int *failed)
{
	int bad = *open ? (*open)->end(c) : 0;

	*open = NULL;
	if (!bad)
		return false;
	*failed = 1;
	return line_failed(c, b, bad);
}

/* Runs each line as a command; a failing line is reported and, without
 * -force, ends the batch. Exit 1 when any line failed. Consecutive lines of
 * an applet with a batch group (nat: one nftables transaction) are one
 * group, ended when another line comes or at the end: a failure anywhere
 * in it fails all of it. */
static int run_batch(struct ctx *c, const char *file)
{
	const struct applet_group *open = NULL;
	struct batch b;
	char **words;
	int n, r, failed = 0;
	bool stop = false;

	if (batch_open(&b, file) < 0)
		return EXIT_CMD;
	c->in_batch = true;
	while (!stop && (r = batch_next(&b, &n, &words)) > 0) {
		const struct applet *o = find_applet(c, words[0]);
		const struct applet_group *group = o ? o->group : NULL;

		if (open != group && (stop = group_ended(c, &open, &b, &failed)))
			break;
		if (group && !open) {
			if (group->begin(c) < 0)
				r = -1;
			else
				open = group;
		}
		c->batch_line = b.lineno;
		out_init(&c->out, stdout, c->opt.json, c->opt.pretty, c->opt.oneline);
		if (r < 0 || run_found(c, o, words[0], n - 1, words + 1) != 0) {
			if (open)
				open->drop(c);
			open = NULL;
			failed = 1;
			stop = line_failed(c, &b, b.lineno);
		}
	}
	group_ended(c, &open, &b, &failed);
	batch_close(&b);
	return r < 0 || failed ? EXIT_CMD : 0;
}

/* Whether ip would colour this output: -c=always, or -c=auto on a
 * terminal; never JSON. nsip has no colours: then it says so rather than
 * print what ip would not. */
static bool colors_wanted(const struct ctx *c)
{
	if (c->opt.json || c->opt.color == COLOR_NEVER)
		return false;
	return c->opt.color == COLOR_ALWAYS || isatty(STDOUT_FILENO);
}

/* "nsip", or nsip with a suffix after '-', '.' or '_' (nsip-static,
 * nsip.debug): names a build or an install gives the binary itself. */
static bool is_own_name(const char *base)
{
	return !strncmp(base, "nsip", 4) &&
	       (!base[4] || strchr("-._", base[4]));
}

static enum personality personality_of(const char *argv0, const char **applet)
{
	char buf[256];
	const char *base;

	snprintf(buf, sizeof(buf), "%s", argv0);
	base = basename(buf);
	for (const struct personality_name *p = personality_names; p->name; p++)
		if (!strcmp(base, p->name)) {
			*applet = p->applet;
			return p->who;
		}
	*applet = NULL;
	return is_own_name(base) ? AS_NSIP : AS_UNKNOWN;
}


/* One line naming the name and the names nsip does answer to. */
static int refuse_name(const char *argv0)
{
	char buf[256], known[512] = "nsip";
	size_t n = strlen(known);

	snprintf(buf, sizeof(buf), "%s", argv0);
	for (const struct personality_name *p = personality_names; p->name; p++)
		n += (size_t)snprintf(known + n, n < sizeof(known) ? sizeof(known) - n : 0,
				      ", %s", p->name);
	/* 127, as a shell says of a command it cannot find */
	return fail(127, "nsip: \"%s\" is not a name nsip answers to "
		    "(it answers to %s and arp)", basename(buf), known);
}

int nsip_dispatch(int argc, char **argv)
{
	struct ctx c = { .prog = "nsip", .opt.loops = 10 };
	const char *applet;
	int code;

	c.argv0 = argc > 0 ? argv[0] : "nsip";
	c.who = personality_of(c.argv0, &applet);
	if (argc > 0 && nettools_wanted(argv[0], argc - 1, argv + 1))
		return nettools_main(argc, argv);
	if (c.who == AS_UNKNOWN)
		return refuse_name(argv[0]);
	if (c.who == AS_IP)
		c.prog = "ip";
	/* iptables' grammar, not ip's: no global options before it. */
	const struct applet *direct = applet ? find_applet(&c, applet) : NULL;
	if (direct && direct->own_grammar) {
		out_init(&c.out, stdout, false, false, false);
		return direct->fn(&c, argc - 1, argv + 1);
	}

	int used = parse_options(&c, argc - 1, argv + 1, &code);
	if (used < 0)
		return code;
	if (colors_wanted(&c))
		return refused(c.opt.color_word, "it prints no colours");
	argc -= used + 1;
	argv += used + 1;
	out_init(&c.out, stdout, c.opt.json, c.opt.pretty, c.opt.oneline);

	if (c.opt.batch)
		code = run_batch(&c, c.opt.batch);
	else if (direct)
		code = run_found(&c, direct, applet, argc, argv);
	else if (argc > 0)
		code = run_object(&c, argv[0], argc - 1, argv + 1);
	else
		code = usage(NULL, &c);

	if (fflush(stdout) != 0 && code == 0)
		code = fail(EXIT_CMD, "write error: %s", strerror(errno));
	if (c.nl_ready)
		nl_close(&c.nl);
	if (c.aside_ready)
		nl_close(&c.aside);
	return code;
}
