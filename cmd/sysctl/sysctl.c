/* sysctl: procps-ng 4's sysctl, reached through a link named sysctl or as
 * `nsip sysctl ...`.
 *
 * Usage: sysctl [options] [variable[=value] ...]
 *        -a -A -X            every key (the other words are not read)
 *        -n -b -N -e -q -w   values only, without newline, names only,
 *                            no word for a missing key, no echo, write
 *        -p[FILE] | --load[=FILE] [FILE...]   settings from files
 *        --system            the settings of the system's directories
 *        -r | --pattern RE   only keys that match RE
 *        --deprecated --dry-run -o -x -d -h -V
 *
 * Options are read with getopt_long, as procps reads them: the same
 * abbreviations of long options and the same words for a bad one. Every
 * key is a file under /proc/sys of the caller's namespaces: net.* keys are
 * the network namespace's. */
#include <getopt.h>
#include <stdio.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>

#include "applets.h"
#include "base/err.h"
#include "sysctl/sysctl.h"

/* Called as sysctl, procps' first lines (scripts and people compare
 * them); called as nsip, nsip's forms. The rest is in our own words. */
static bool as_nsip;

static int usage(FILE *f)
{
	if (as_nsip)
		fputs("Usage: nsip sysctl [ OPTIONS ] [ KEY[=VALUE] ... ]\n"
		      "       nsip sysctl [ OPTIONS ] { -a | -p [ FILE ... ] | --system }\n",
		      f);
	else
		fputs("\nUsage:\n sysctl [options] [variable[=value] ...]\n", f);
	fputs("\nOptions:\n"
	      "  -a, --all            show every key (-A and -X: the same)\n"
	      "      --deprecated     list deprecated keys with -a too\n"
	      "      --dry-run        show what would be written, write nothing\n"
	      "  -b, --binary         values only, no newline after them\n"
	      "  -e, --ignore         say nothing of keys that do not exist\n"
	      "  -N, --names          names only\n"
	      "  -n, --values         values only\n"
	      "  -p, --load[=<file>]  settings from files (default /etc/sysctl.conf)\n"
	      "  -f                   the same as -p\n"
	      "      --system         settings from the system's sysctl.d directories\n"
	      "  -r, --pattern <expression>\n"
	      "                       only keys matching the extended regex\n"
	      "  -q, --quiet          do not echo what is written\n"
	      "  -w, --write          every word is KEY=VALUE\n"
	      "  -o, -x               accepted, do nothing\n"
	      "  -d                   the same as -h\n"
	      "\n -h, --help     this help\n"
	      " -V, --version  the version\n"
	      "\nSee nsip-sysctl(8).\n", f);
	return f == stderr ? EXIT_FAILURE : EXIT_SUCCESS;
}

enum { OPT_DEPRECATED = 256, OPT_SYSTEM, OPT_DRY_RUN };

static const struct option long_options[] = {
	{ "all", no_argument, NULL, 'a' },
	{ "deprecated", no_argument, NULL, OPT_DEPRECATED },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "binary", no_argument, NULL, 'b' },
	{ "ignore", no_argument, NULL, 'e' },
	{ "names", no_argument, NULL, 'N' },
	{ "values", no_argument, NULL, 'n' },
	{ "load", optional_argument, NULL, 'p' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "write", no_argument, NULL, 'w' },
	{ "system", no_argument, NULL, OPT_SYSTEM },
	{ "pattern", required_argument, NULL, 'r' },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

/* What the options ask for beyond the shared state. */
struct sysctl_run {
	struct sysctl_opts o;
	bool write, all, load;
	const char *load_file;   /* -pFILE, --load=FILE */
	struct sysctl_list *list;
};

#define GO_ON (-1)

/* procps runs --system the moment it reads it: options after it and
 * every word are not looked at. */
static int run_system(struct sysctl_run *r)
{
	r->o.ignore_error = true;
	int rc = sysctl_load_system(&r->o, r->list);
	return rc | sysctl_list_write(&r->o, r->list);
}

/* NOLINTBEGIN(bugprone-branch-clone): procps' options, one case each. */
static int option(struct sysctl_run *r, int opt)
{
	switch (opt) {
	case 'b':
		r->o.print_newline = false;
		r->o.print_name = false;
		break;
	case 'n':
		r->o.print_name = false;
		break;
	case 'e':
		r->o.ignore_error = true;
		break;
	case 'N':
		r->o.name_only = true;
		break;
	case 'w':
		r->write = true;
		break;
	case 'f':
	case 'p':
		r->load = true;
		if (optarg)
			r->load_file = optarg;
		break;
	case 'q':
		r->o.quiet = true;
		break;
	case 'o':
	case 'x':
		break;
	case 'a':
	case 'A':
	case 'X':
		r->all = true;
		break;
	case OPT_DEPRECATED:
		r->o.deprecated = true;
		break;
	case OPT_SYSTEM:
		return run_system(r);
	case OPT_DRY_RUN:
		r->o.dry_run = true;
		break;
	case 'r':
		if (r->o.has_pattern && r->o.pattern_ok)
			regfree(&r->o.pattern);
		r->o.has_pattern = true;
		r->o.pattern_ok = regcomp(&r->o.pattern, optarg,
					  REG_EXTENDED | REG_NOSUB) == 0;
		break;
	case 'V':
		printf("sysctl from nsip-%s\n", PACKAGE_VERSION);
		return EXIT_SUCCESS;
	case 'd':
	case 'h':
	case '?':
		return usage(stdout);
	default:
		return usage(stderr);
	}
	return GO_ON;
}
/* NOLINTEND(bugprone-branch-clone) */

static int load(struct sysctl_run *r, int argc, char **argv)
{
	int rc = 0;

	if (r->load_file)
		rc |= sysctl_load_file(&r->o, r->list, r->load_file);
	else if (argc == 0)
		rc |= sysctl_load_file(&r->o, r->list, "/etc/sysctl.conf");
	for (int i = 0; i < argc; i++)
		rc |= sysctl_load_file(&r->o, r->list, argv[i]);
	return rc | sysctl_list_write(&r->o, r->list);
}

/* One word: KEY=VALUE (or any word under -w) is written, KEY read.
 * Failures of reads add up, of writes do not: procps' exit code. */
static int word(struct sysctl_run *r, char *w, int rc)
{
	struct sysctl_setting s;
	const char *key;
	char *path;
	long at;

	if (!r->write && !strchr(w, '='))
		return rc + sysctl_read(&r->o, w);
	/* A pattern that does not compile matches no word. */
	if (r->o.has_pattern && !r->o.pattern_ok)
		return rc | 1;
	switch (sysctl_line_parse(w, r->o.has_pattern ? &r->o.pattern : NULL, &s)) {
	case SYSCTL_LINE_SETTING:
		break;
	case SYSCTL_LINE_SYNTAX:
		sysctl_warn("command line(0): invalid syntax, continuing...");
		return rc | 1;
	default:
		return rc | 1;
	}
	key = s.key[0] == '-' ? s.key + 1 : s.key;
	if (!(path = sysctl_key_path(key, &at)))
		return rc | 1;
	if (at >= 0)
		sysctl_warn("separators should not be repeated: %s", key + at);
	rc |= sysctl_write(&r->o, path, s.value, s.ignore_failure);
	free(path);
	return rc;
}

static int run(struct sysctl_run *r, int argc, char **argv)
{
	int rc = 0;

	if (r->all)
		return sysctl_read_all(&r->o, SYSCTL_ROOT);
	if (r->load)
		return load(r, argc, argv);
	if (argc < 1) {
		sysctl_warn("no variables specified\n"
			    "Try `sysctl --help' for more information.");
		return EXIT_FAILURE;
	}
	if (r->o.name_only && r->o.quiet) {
		sysctl_warn("options -N and -q cannot coexist\n"
			    "Try `sysctl --help' for more information.");
		return EXIT_FAILURE;
	}
	for (int i = 0; i < argc; i++)
		rc = word(r, argv[i], rc);
	return rc;
}

static int sysctl_words(struct sysctl_run *r, int argc, char **argv)
{
	int opt, code = GO_ON;

	if (argc < 2)
		return usage(stderr);
	optind = 0;   /* glibc: start afresh (a -batch may call us again) */
	opterr = 1;
	while (code == GO_ON &&
	       (opt = getopt_long(argc, argv, "bneNwfp::qoxaAXr:Vdh",
				  long_options, NULL)) != -1)
		code = option(r, opt);
	if (code != GO_ON)
		return code;
	return run(r, argc - optind, argv + optind);
}

/* The global options that shape ip's output mean nothing to sysctl: one
 * given is refused rather than ignored (-n NAME, -batch, -force apply). */
static const char *output_option(const struct opts *g)
{
	if (g->json || g->pretty)
		return g->json ? "-json" : "-pretty";
	if (g->brief || g->oneline)
		return g->brief ? "-brief" : "-oneline";
	if (g->details)
		return "-details";
	if (g->stats)
		return "-stats";
	if (g->family != AF_UNSPEC)
		return "-family";
	return NULL;
}

int sysctl_main(struct ctx *c, int argc, char **argv)
{
	struct sysctl_run r = {
		.o = { .print_name = true, .print_newline = true },
	};
	char **words;
	int code;

	as_nsip = c->who != AS_APPLET;
	const char *bad = output_option(&c->opt);
	if (bad)
		return fail(EXIT_USAGE, "Option \"%s\" does not apply to sysctl.", bad);
	/* `nsip sysctl help`, `nsip help sysctl`: nsip's way of asking. Through
	 * the link, "help" is a key, as for procps. */
	if (as_nsip && argc == 1 && !strcmp(argv[0], "help"))
		return usage(stdout);
	/* getopt wants argv[0] (its messages name it: the link as called, as
	 * for procps) and moves the words about: a copy of our own. */
	words = calloc((size_t)argc + 2, sizeof(*words));
	r.list = sysctl_list_new();
	if (!words || !r.list) {
		free(words);
		sysctl_list_free(r.list);
		sysctl_warn("out of memory");
		return EXIT_FAILURE;
	}
	words[0] = (char *)(as_nsip || !c->argv0 ? "sysctl" : c->argv0);
	memcpy(words + 1, argv, (size_t)argc * sizeof(*words));
	code = sysctl_words(&r, argc + 1, words);
	if (r.o.has_pattern && r.o.pattern_ok)
		regfree(&r.o.pattern);
	sysctl_list_free(r.list);
	free(words);
	return code;
}
