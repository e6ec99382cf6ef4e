/* iptables-restore: a whole rule set from a file or stdin, as one nftables
 * transaction.
 *
 * Usage: iptables-restore [-c] [-v] [-t] [-n] [-T TABLE] [-w [S]] [-W US]
 *                         [-M CMD] [-4] [-V] [-h] [FILE]
 *
 * The input is iptables-save's: "*TABLE" opens a block, ":CHAIN POLICY
 * [P:B]" lines name its chains, iptables words change it, COMMIT closes
 * it; '#' lines and empty lines are skipped. Every change of every block
 * goes into one batch sent after the last line: a bad line anywhere means
 * nothing is changed. Without --noflush a block replaces its table.
 * -6 is refused.
 */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets.h"
#include "xt_restore.h"

static void usage_text(FILE *f, const char *name)
{
	fprintf(f,
		"Usage: %s [-c] [-v] [-V] [-t] [-h] [-n] [-T table] [-M command] [-4] [-6] [file]\n"
		"\t   [ --counters ]\n"
		"\t   [ --verbose ]\n"
		"\t   [ --version]\n"
		"\t   [ --test ]\n"
		"\t   [ --help ]\n"
		"\t   [ --noflush ]\n"
		"\t   [ --table=<TABLE> ]\n"
		"\t   [ --modprobe=<command> ]\n"
		"\t   [ --ipv4 ]\n"
		"\t   [ --ipv6 ]\n", name);
}

/* A line that cannot be read: iptables' parameter problem, exit 2. */
static int line_param(struct xr *r, const char *msg)
{
	fflush(stdout);
	fprintf(stderr, "%s v%s (nsip): %s\n", r->name, XT_COMPAT_VERSION, msg);
	nat_try_help(&r->e);
	return NAT_EXIT_PARAM;
}

static int read_error(struct xr *r, enum xr_error err)
{
	char msg[160];
	const char *what = NULL;
	int n = r->e.line;

	switch (err) {
	case XR_NO_TABLE_NAME: what = "table name invalid"; break;
	case XR_NO_CHAIN_NAME: what = "chain name invalid"; break;
	case XR_NO_POLICY: what = "policy invalid"; break;
	case XR_NEED_COLON: snprintf(msg, sizeof(msg), "Bad line %d: need :", n); break;
	case XR_NEED_BRACKET: snprintf(msg, sizeof(msg), "Bad line %d: need ]", n); break;
	case XR_TOO_MANY: snprintf(msg, sizeof(msg), "line %d: too many arguments", n); break;
	case XR_TABLE_OPTION:
		snprintf(msg, sizeof(msg), "The -t option cannot be used in %s.\n", r->name);
		break;
	case XR_WAIT_OPTION:
		snprintf(msg, sizeof(msg), "You cannot use `-w' from iptables-restore");
		break;
	case XR_WAIT_INTERVAL_OPTION:
		snprintf(msg, sizeof(msg), "You cannot use `-W' from iptables-restore");
		break;
	case XR_OK:
		return 0;
	}
	if (what)
		snprintf(msg, sizeof(msg), "%s: line %d %s", r->name, n, what);
	return line_param(r, msg);
}

static int table_line(struct xr *r, const struct xr_line *l)
{
	r->table_line = r->e.line;
	if (!xt_table_find(l->name)) {
		fflush(stdout);
		fprintf(stderr, "%s v%s (nsip): %s: line %d table name '%s' invalid\n",
			r->name, XT_COMPAT_VERSION, r->name, r->e.line, l->name);
		nat_try_help(&r->e);
		return NAT_EXIT_PARAM;
	}
	r->in_table = true;
	r->skipping = r->only_table && strcmp(r->only_table, l->name);
	return r->skipping ? 0 : xr_open_table(r, l);
}

static int one_line(struct xr *r, char *line)
{
	struct xr_line l;
	enum xr_error err = xr_read_line(line, r->in_table, &l);

	if (err)
		return read_error(r, err);
	switch (l.kind) {
	case XR_SKIP:
		return 0;
	case XR_STRAY:
		return xr_line_failed(r, NULL);
	case XR_TABLE:
		return table_line(r, &l);
	case XR_COMMIT: {
		bool skipped = r->skipping;

		r->in_table = r->skipping = false;
		if (skipped)
			return 0;
		int ret = xr_close_table(r);

		if (!ret)
			xr_echo_commit(r);
		return ret;
	}
	case XR_CHAIN:
		return r->skipping ? 0 : xr_chain_line(r, &l);
	case XR_WORDS:
		return r->skipping ? 0 : xr_words_line(r, &l);
	}
	return 0;
}

static int read_input(struct xr *r, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int ret = 0;

	while (!ret && (len = getline(&line, &cap, in)) >= 0) {
		r->e.line++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		ret = one_line(r, line);
	}
	free(line);
	if (!ret && r->in_table) {
		fflush(stdout);
		fprintf(stderr, "%s: COMMIT expected at line %d\n", r->name,
			r->e.line + 1);
		ret = NAT_EXIT_OTHER;
	}
	return ret;
}

/* The options; *file the input's name (NULL: stdin). 0 to go on, else
 * 1 + the exit code. */
static int read_options(struct xr *r, int argc, char **argv, const char **file)
{
	static const struct option longs[] = {
		{ "counters", no_argument, NULL, 'c' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "version", no_argument, NULL, 'V' },
		{ "test", no_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ "noflush", no_argument, NULL, 'n' },
		{ "table", required_argument, NULL, 'T' },
		{ "modprobe", required_argument, NULL, 'M' },
		{ "ipv4", no_argument, NULL, '4' },
		{ "ipv6", no_argument, NULL, '6' },
		{ "wait", optional_argument, NULL, 'w' },
		{ "wait-interval", required_argument, NULL, 'W' },
		{ NULL, 0, NULL, 0 },
	};
	int ch;

	optind = 0;   /* a fresh scan, also within one process's tests */
	opterr = 1;
	while ((ch = getopt_long(argc, argv, "bcvVthnw::W:M:T:46", longs, NULL)) != -1) {
		switch (ch) {
		case 'c': r->counters = true; break;
		case 't': r->test = true; break;
		case 'n': r->noflush = true; break;
		case 'T': r->only_table = optarg; break;
		case 'w':   /* -w [SECONDS]: the number may be the next word */
			if (!optarg && optind < argc &&
			    strspn(argv[optind], "0123456789") == strlen(argv[optind]))
				optind++;
			break;
		case 'M': case '4': case 'W': case 'b':
			break;   /* nftables needs no module loader and no lock */
		case 'V':
			printf("%s v%s (nsip)\n", r->name, XT_COMPAT_VERSION);
			return 1;
		case 'h':
			usage_text(stdout, r->name);
			return 1;
		case 'v': r->verbose = true; break;
		case '6':
			fprintf(stderr, "%s: -6 (--ipv6): nsip does not do ip6tables yet\n", r->name);
			return 1 + NAT_EXIT_OTHER;
		default:
			fprintf(stderr, "Try `%s -h' for more information.\n", r->name);
			return 1 + NAT_EXIT_OTHER;
		}
	}
	if (optind < argc - 1) {
		fputs("Unknown arguments found on commandline\n", stderr);
		return 1 + NAT_EXIT_OTHER;
	}
	*file = optind < argc ? argv[optind] : NULL;
	return 0;
}

/* The name as called: what iptables-restore's messages begin with. */
static const char *called_as(const struct ctx *c)
{
	static char buf[64];

	if (c->who != AS_IPTABLES)
		return "iptables-restore";
	snprintf(buf, sizeof(buf), "%s", c->argv0);
	return basename(buf);
}

int xt_restore_main(struct ctx *c, int argc, char **argv)
{
	struct xr r = { .e = { c, NULL, 0 } };
	const char *file;
	FILE *in = stdin;
	char *args[argc + 2];
	int ret;

	r.name = r.e.name = called_as(c);
	/* getopt wants the program's name first */
	args[0] = (char *)r.name;
	for (int k = 0; k < argc; k++)
		args[k + 1] = argv[k];
	args[argc + 1] = NULL;
	if ((ret = read_options(&r, argc + 1, args, &file)))
		return ret - 1;
	if (file && !(in = fopen(file, "r"))) {
		fprintf(stderr, "Can't open %s: %s\n", file, strerror(errno));
		return NAT_EXIT_OTHER;
	}
	ret = read_input(&r, in);
	if (in != stdin)
		fclose(in);
	if (!ret && !r.test)
		ret = xr_commit(&r);
	xr_free(&r);
	return ret;
}
