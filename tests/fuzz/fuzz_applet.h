/* What the word-parser targets (nat_args, addr_args, link_args, ...) share: a stand-in
 * for cmd/nsip.c's usage_to (the dispatcher is not linked into them) and
 * the run of one applet over the words of an input. Included by exactly
 * one file of each such target. */
#ifndef NSIP_FUZZ_APPLET_H
#define NSIP_FUZZ_APPLET_H

#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "fuzz.h"
#include "applets.h"
#include "base/err.h"

#define FUZZ_MAX_WORDS 64

struct usage_to usage_to(const struct ctx *asker)
{
	return asker ? (struct usage_to){ stdout, 0 }
		     : (struct usage_to){ stderr, EXIT_USAGE };
}

/* The global options an input's first byte gives (bit 0: -4, bit 1: -6,
 * bit 2: called as ip, else nsip, bit 3: -j, bit 4: -s, bit 5: -d,
 * bit 6: -br); output to the sink. */
static inline void fuzz_ctx_init(struct ctx *c, uint8_t opts)
{
	*c = (struct ctx){ 0 };
	c->opt.family = opts & 1 ? AF_INET : opts & 2 ? AF_INET6 : AF_UNSPEC;
	c->who = opts & 4 ? AS_IP : AS_NSIP;
	c->prog = opts & 4 ? "ip" : "nsip";
	c->opt.json = opts & 8;
	c->opt.stats = opts & 16 ? 1 : 0;
	c->opt.details = opts & 32;
	c->opt.brief = opts & 64;
	out_init(&c->out, fuzz_sink(), c->opt.json, false, false);
}

/* Runs fn with the words of data after its first byte (the options byte,
 * which the caller has read into c), split by fuzz_words. */
static inline void fuzz_applet(applet_fn *fn, struct ctx *c,
			       const uint8_t *data, size_t size)
{
	char *copy = malloc(size);
	char *argv[FUZZ_MAX_WORDS + 1];

	if (!copy)
		return;
	memcpy(copy, data + 1, size - 1);
	fn(c, fuzz_words(copy, size - 1, argv, FUZZ_MAX_WORDS), argv);
	free(copy);
}

#endif
