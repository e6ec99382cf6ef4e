/* Fuzz target: the words of `ip tuntap add|del` (cmd/tuntap/tuntap_words.c)
 * into the TUNSETIFF request. Only the words are read: nothing opens
 * /dev/net/tun (tuntap_main, which would, is not linked).
 *
 * Input: one byte of options (see fuzz_ctx_init; bit 7: the words of del,
 * else of add), then the words, separated by NUL bytes or newlines. */
#include "fuzz_applet.h"
#include "tuntap/tuntap.h"

static bool words_of_add;

static int read_words(struct ctx *c, int argc, char **argv)
{
	struct tun_spec s;
	int r = tuntap_words(c, argc, argv, words_of_add, &s);

	/* A name that was taken is a C string within IFNAMSIZ. */
	if (r == 0 && memchr(s.name, '\0', sizeof(s.name)) == NULL)
		abort();
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c;

	if (size < 1)
		return 0;
	fuzz_ctx_init(&c, data[0]);
	words_of_add = !(data[0] & 128);
	fuzz_applet(read_words, &c, data, size);
	return 0;
}
