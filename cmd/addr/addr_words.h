/* The words of `ip address add|change|replace|del`, read into the
 * description of one request (common/nl/addr_req.h) with ip's checks in
 * ip's order: those before the device is looked up (addr_words_read) and
 * those after (addr_words_finish). */
#ifndef NSIP_CMD_ADDR_WORDS_H
#define NSIP_CMD_ADDR_WORDS_H

#include <stdbool.h>

#include "applet.h"
#include "base/inet.h"
#include "nl/addr_req.h"

struct addr_words {
	struct addr_spec spec;     /* the request, but for spec.ifindex */
	const char *dev;           /* the device's name, to be looked up */
	bool help_shown;           /* "help" ended the words: nothing is sent */
	/* What the words said, for the checks that need all of them. */
	const struct ctx *c;
	bool del;
	const char *local_word;
	struct inet_prefix local, peer;
	size_t local_len, peer_len, any_len;
	int brd_len;               /* bytes of brd ADDR, or BRD_ALL_* */
	bool scoped;
	const char *valid_word, *preferred_word;
};

/* Reads the words of add/change/replace (del false) or del, with the
 * checks ip makes before it looks the device up. Returns 0 or an exit
 * code after the message (or after the usage, help_shown set). */
int addr_words_read(const struct ctx *c, bool del, int argc, char **argv,
		    struct addr_words *w);

/* The checks ip makes once the device is found (w->spec.ifindex set):
 * lifetimes and autojoin. Returns 0 or an exit code after the message. */
int addr_words_finish(struct addr_words *w);

#endif
