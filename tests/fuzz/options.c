/* Fuzz target: the dispatcher's words -- personality from argv[0], the
 * global options, the applet prefix table, help and -batch -- with nothing
 * executed. The dispatcher (cmd/dispatch.c) and the table (cmd/applets.c)
 * come from libnsipapplets.a; two of their calls are bent to stand-ins by
 * the linker (-Wl,--wrap): ns_enter (-netns would enter a namespace) and
 * batch_open (-batch would open a file: it reads the batch text that ends
 * the input instead). The applets are stand-ins that only check and read
 * their words: every applet of the table needs one here, so that the
 * linker takes none of the real ones.
 *
 * Input: argv words separated by NUL bytes (the first is argv[0]); an empty
 * word ends them, and the bytes after it are the batch file. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "applets.h"
#include "base/batch.h"
#include "base/err.h"
#include "base/parse.h"
#include "fuzz.h"

#define MAX_WORDS 64

static struct {
	const uint8_t *p;
	size_t size;
	char *copy;            /* fmemopen's buffer, freed after the run */
} batch_text;

/* The linker's names for the stand-ins (-Wl,--wrap): reserved on purpose. */
int __wrap_ns_enter(const char *name);  /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
int __wrap_ns_enter(const char *name)  /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
{
	return netns_name_ok(name) ? 0 : EXIT_USAGE;
}

int __wrap_batch_open(struct batch *b, const char *file);  /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
int __wrap_batch_open(struct batch *b, const char *file)  /* NOLINT(bugprone-reserved-identifier,cert-dcl37-c,cert-dcl51-cpp) */
{
	*b = (struct batch){ .name = file };
	free(batch_text.copy);
	batch_text.copy = batch_text.size ? malloc(batch_text.size) : NULL;
	if (batch_text.copy) {
		memcpy(batch_text.copy, batch_text.p, batch_text.size);
		b->f = fmemopen(batch_text.copy, batch_text.size, "r");
	}
	if (!b->f) {
		errmsg("Cannot open file \"%s\" for reading: %s", file, strerror(ENOENT));
		return -1;
	}
	return 0;
}

static int stand_in(struct ctx *c, int argc, char **argv)
{
	size_t total = 0;

	if (argc < 0 || argv[argc] != NULL || !c->prog)
		abort();
	for (int i = 0; i < argc; i++)
		total += strlen(argv[i]);
	return total % 3 == 0 ? 0 : EXIT_CMD;
}

/* Every applet the dispatcher can reach is the stand-in here. */
#define STAND_IN(name) \
	int name(struct ctx *c, int argc, char **argv) { return stand_in(c, argc, argv); }
STAND_IN(netns_main)
STAND_IN(link_main)
STAND_IN(addr_main)
STAND_IN(route_main)
STAND_IN(rule_main)
STAND_IN(neigh_main)
STAND_IN(nat_main)
STAND_IN(xt_save_main)
STAND_IN(xt_restore_main)
STAND_IN(tuntap_main)
STAND_IN(sysctl_main)
STAND_IN(cni_bridge_main)
STAND_IN(cni_host_local_main)
STAND_IN(cni_loopback_main)
STAND_IN(monitor_main)
STAND_IN(cni_portmap_main)

/* The net-tools tables (cmd/nettools/nettools.c) are never wanted here. */
bool nettools_wanted(const char *argv0, int argc, char **argv)
{
	(void)argv0; (void)argc; (void)argv;
	return false;
}
int nettools_main(int argc, char **argv) { (void)argc; (void)argv; return 0; }

/* A batch's nat group (cmd/nat/nat_group.c): nothing to hold or commit here. */
int nat_group_begin(struct ctx *c) { (void)c; return 0; }
int nat_group_end(struct ctx *c) { (void)c; return 0; }
void nat_group_drop(struct ctx *c) { (void)c; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	char *argv[MAX_WORDS + 1];
	int argc = 0;
	size_t at = 0;

	if (!copy)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	while (at < size && argc < MAX_WORDS) {
		size_t len = strlen(copy + at);
		if (len == 0) {
			at++;
			break;
		}
		argv[argc++] = copy + at;
		at += len + 1;
	}
	argv[argc] = NULL;
	batch_text.p = data + (at < size ? at : size);
	batch_text.size = at < size ? size - at : 0;
	if (argc > 0)
		nsip_dispatch(argc, argv);
	free(batch_text.copy);
	batch_text.copy = NULL;
	free(copy);
	return 0;
}
