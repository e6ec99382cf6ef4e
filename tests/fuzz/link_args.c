/* Fuzz target: the link applet's words (cmd/link.c, link_words.c,
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
 * Input: one byte of options (bit 0: -d, bit 1: -br, bit 2: ip, else
 * nsip, bit 3: -j), then the words, separated by NUL bytes or newlines. */
#include <ctype.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/socket.h>

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
	struct ctx c = { 0 };

	if (size < 1)
		return 0;
	c.opt.details = data[0] & 1;
	c.opt.brief = data[0] & 2;
	c.opt.json = data[0] & 8;
	c.who = data[0] & 4 ? AS_IP : AS_NSIP;
	c.prog = data[0] & 4 ? "ip" : "nsip";
	out_init(&c.out, fuzz_sink(), c.opt.json, false, false);
	fuzz_applet(link_main, &c, data, size);
	return 0;
}
