/* Fuzz target: the link applet's words (cmd/link/link.c, link_words.c,
 * link_kinds.c, link_vxlan.c): add/set/delete with every kind's words put
 * into the request, show with its filters, help. Nothing reaches the
 * kernel: fuzz_kernel.h answers in its place (names looked up against a
 * made-up table of links, requests checked and accepted) and no socket is
 * opened.
 *
 * "netns PATH|NAME" opens a file: open() is the stand-in below, which
 * touches no file of the machine (any path may come out of the fuzzer,
 * a FIFO or a device among them). A path or name ending in a letter
 * "opens" (as /dev/null), any other does not, so both the file and the
 * process-id ways are taken.
 *
 * Input: one byte of options (see fuzz_ctx_init), then the words,
 * separated by NUL bytes or newlines. */
#include <ctype.h>
#include <fcntl.h>
#include <stdarg.h>
#include "fuzz_applet.h"
#include "fuzz_kernel.h"

static int fake_open(const char *path)
{
	size_t len = strlen(path);

	if (!len || !isalpha((unsigned char)path[len - 1])) {
		errno = ENOENT;
		return -1;
	}
	return openat(AT_FDCWD, "/dev/null", O_RDONLY | O_CLOEXEC);
}

int open(const char *path, int flags, ...)
{
	(void)flags;
	return fake_open(path);
}

int open64(const char *path, int flags, ...)
{
	(void)flags;
	return fake_open(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1)
		return 0;
	fuzz_ctx_init(&c, data[0]);
	fuzz_applet(link_main, &c, data, size);
	return 0;
}
