/* Fuzz target: the netns applet's words (cmd/netns.c): list, list-id and
 * its filters, set, add, attach, delete (one and -all), identify, pids,
 * exec (one, -all, in a batch), monitor, help, bad words.
 *
 * Nothing touches the machine. Every function through which netns reaches
 * mounts, namespaces, processes, files or inotify is a stand-in below, at
 * the boundary of whole objects of libnsipcore.a (rundir.o, ns.o,
 * nsfile.o, nsproc.o, nsrun.o, nswatch.o: each of their external functions
 * is defined here, so the linker never takes those objects and no symbol
 * is defined twice). common/ns/nsopen.c and common/ns/nsid.c stay real:
 * the opener reads its words over the stand-in nsfile_open, and nsid's
 * requests go to the pretend kernel of fuzz_kernel.h, which opens no
 * socket. The only file ever opened is /dev/null, standing for a
 * namespace file.
 *
 * The pretend run dir holds "blue" and "red" (namespaces) and "stale" (a
 * plain file left behind). Each stand-in checks what nsip promises it
 * (pointers set, names that passed netns_name_ok, PIDs that are digits,
 * argument lists NULL-terminated) and aborts otherwise: a finding.
 *
 * Input: one byte of options (see fuzz_ctx_init; here bit 4 means "in a
 * batch" instead of -s, which netns ignores, and bit 7 is -all), then the
 * words, separated by NUL bytes or newlines. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

#include "fuzz_applet.h"
#include "fuzz_kernel.h"
#include "ns/ns.h"
#include "ns/nsfile.h"
#include "ns/nsproc.h"
#include "ns/nsrun.h"
#include "ns/nswatch.h"
#include "ns/rundir.h"
#include "base/parse.h"

static const char *const fake_run_dir[] = { "blue", "red", "stale", NULL };

static void want_name(const char *name)
{
	if (!name || !netns_name_ok(name))
		abort();
}

/* The index of name in the pretend run dir, or -1. */
static int fake_entry(const char *name)
{
	for (int i = 0; fake_run_dir[i]; i++)
		if (!strcmp(name, fake_run_dir[i]))
			return i;
	return -1;
}

static bool fake_is_ns(const char *name)
{
	int i = fake_entry(name);

	return i >= 0 && strcmp(fake_run_dir[i], "stale") != 0;
}

/* ---- rundir.o ---- */

int ns_path(char *buf, size_t len, const char *name)
{
	if (!buf || !len)
		abort();
	want_name(name);
	int n = snprintf(buf, len, "%s/%s", NETNS_RUN_DIR, name);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

/* One allocation: the pointers, then the strings they point to, so that
 * ns_names_free is a single free (ASan sees a lost or twice-freed list). */
int ns_names(char ***names)
{
	size_t n = sizeof(fake_run_dir) / sizeof(fake_run_dir[0]);
	size_t size = n * sizeof(char *);

	if (!names)
		abort();
	for (size_t i = 0; fake_run_dir[i]; i++)
		size += strlen(fake_run_dir[i]) + 1;
	*names = malloc(size);
	if (!*names)
		return -1;
	char *at = (char *)(*names + n);

	for (size_t i = 0; i < n; i++) {
		(*names)[i] = fake_run_dir[i] ? at : NULL;
		if (fake_run_dir[i])
			at = stpcpy(at, fake_run_dir[i]) + 1;
	}
	return 0;
}

void ns_names_free(char **names)
{
	free(names);
}

/* ---- ns.o ---- */

int ns_add(const char *name)
{
	want_name(name);
	if (fake_entry(name) >= 0)
		return fail(EXIT_CMD, "Cannot create namespace file \"%s/%s\": "
			    "File exists", NETNS_RUN_DIR, name);
	return 0;
}

int ns_attach(const char *name, int pid)
{
	if (pid == 0)
		abort();
	return ns_add(name);
}

int ns_delete(const char *name)
{
	want_name(name);
	if (fake_entry(name) < 0)
		return fail(EXIT_CMD, "Cannot remove namespace file \"%s/%s\": "
			    "No such file or directory", NETNS_RUN_DIR, name);
	return 0;
}

/* ---- nsfile.o ---- */

int nsfile_open(const char *path, const char **what)
{
	static const char dir[] = NETNS_RUN_DIR "/";

	if (!path || !what || strncmp(path, dir, sizeof(dir) - 1) != 0)
		abort();
	const char *name = path + sizeof(dir) - 1;

	want_name(name);
	*what = NULL;
	if (fake_is_ns(name))
		return openat(AT_FDCWD, "/dev/null", O_RDONLY | O_CLOEXEC);
	if (fake_entry(name) >= 0)
		*what = "an empty regular file";
	else
		errno = ENOENT;
	return -1;
}

void nsfile_explain(const char *name, const char *what)
{
	want_name(name);
	if (!what)
		abort();
	fprintf(stderr, "\"%s/%s\" is %s\n", NETNS_RUN_DIR, name, what);
}

/* ---- nsproc.o ---- */

bool ns_is_pid(const char *word)
{
	if (!word)
		abort();
	if (!*word)
		return false;
	for (; *word; word++)
		if (*word < '0' || *word > '9')
			return false;
	return true;
}

int ns_pids_of(const struct stat *ns, void (*fn)(const char *pid, void *data),
	       void *data)
{
	if (!ns || !fn)
		abort();
	fn("1", data);
	fn("4242", data);
	return 0;
}

int ns_identify(const char *pid, char *name, size_t len)
{
	if (!pid || !name || len <= NAME_MAX ||
	    (strcmp(pid, "self") != 0 && !ns_is_pid(pid)))
		abort();
	snprintf(name, len, "%s", strcmp(pid, "1") ? "" : "blue");
	return 0;
}

/* ---- nsrun.o ---- */

int ns_enter(const char *name)
{
	(void)name;
	abort();        /* only ns_exec and ns_run enter: stand-ins too */
}

static void want_command(char **argv)
{
	int n = 0;

	if (!argv || !argv[0])
		abort();
	while (argv[n])
		if (++n > FUZZ_MAX_WORDS)
			abort();      /* not NULL-terminated */
}

int ns_exec(const char *name, char **argv)
{
	want_name(name);
	want_command(argv);
	return fail(EXIT_CMD, "exec of \"%s\" failed: stand-in", argv[0]);
}

int ns_run(const char *name, char **argv, bool *entered)
{
	want_name(name);
	want_command(argv);
	if (!entered)
		abort();
	*entered = fake_is_ns(name);
	return *entered ? 0 : EXIT_USAGE;
}

/* ---- nswatch.o ---- */

/* cppcheck-suppress constParameter ; nswatch.h's prototype */
int ns_watch(FILE *out)
{
	if (!out)
		abort();
	return fail(EXIT_CMD, "inotify: stand-in");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1)
		return 0;
	fuzz_ctx_init(&c, data[0]);
	c.opt.stats = 0;
	c.in_batch = data[0] & 16;
	c.opt.all = data[0] & 128;
	fuzz_applet(netns_main, &c, data, size);
	return 0;
}
