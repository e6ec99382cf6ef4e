/* Fuzz target: the dispatcher's words -- personality from argv[0], the
 * global options, the object prefix table, help and -batch -- with nothing
 * executed. cmd/nsip.c is compiled in whole, three of its names bent to
 * stand-ins: its main (called below), ns_enter (-netns would enter a
 * namespace) and batch_open (-batch would open a file: it reads the batch
 * text that ends the input instead). The applets are stand-ins that only
 * check and read their words: every applet registered in cmd/nsip.c's
 * objects[] table needs one here.
 *
 * Input: argv words separated by NUL bytes (the first is argv[0]); an empty
 * word ends them, and the bytes after it are the batch file. */
#define main nsip_main
#define ns_enter fuzz_ns_enter
#define batch_open fuzz_batch_open
#include "../../cmd/nsip.c"   /* NOLINT(bugprone-suspicious-include): on purpose, see above */
#undef main
#undef ns_enter
#undef batch_open

#include "fuzz.h"

#define MAX_WORDS 64

static struct {
	const uint8_t *p;
	size_t size;
	char *copy;            /* fmemopen's buffer, freed after the run */
} batch_text;

int fuzz_ns_enter(const char *name)
{
	return netns_name_ok(name) ? 0 : EXIT_USAGE;
}

int fuzz_batch_open(struct batch *b, const char *file)
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
STAND_IN(neigh_main)
STAND_IN(nat_main)

/* The net-tools tables (cmd/nettools.c) are never wanted here. */
bool nettools_wanted(const char *argv0, int argc, char **argv)
{
	(void)argv0; (void)argc; (void)argv;
	return false;
}
int nettools_main(int argc, char **argv) { (void)argc; (void)argv; return 0; }

/* A batch's nat group (cmd/nat_group.c): nothing to hold or commit here. */
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
		nsip_main(argc, argv);
	free(batch_text.copy);
	batch_text.copy = NULL;
	free(copy);
	return 0;
}
