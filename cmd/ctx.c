/* The rtnetlink sockets every applet shares through its ctx, each opened
 * on first use (many commands never need one). */
#include "applet.h"

static struct nl *opened(struct nl *nl, bool *ready)
{
	if (!*ready) {
		if (nl_open(nl) < 0)
			return NULL;
		*ready = true;
	}
	return nl;
}

struct nl *ctx_nl(struct ctx *c)
{
	return opened(&c->nl, &c->nl_ready);
}

struct nl *ctx_nl_aside(struct ctx *c)
{
	return opened(&c->aside, &c->aside_ready);
}
