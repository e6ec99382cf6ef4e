/* The rtnetlink sockets every applet shares through its ctx, each opened
 * on first use (many commands never need one). */
#include "applet.h"
#include "base/err.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>

/* -rcvbuf N: as ip, the size asked of the kernel (which doubles it and
 * caps it at net.core.rmem_max); a refusal is said, not fatal. */
static void set_rcvbuf(struct nl *nl, unsigned int size)
{
	int v = size > 0x7fffffffu ? 0x7fffffff : (int)size;

	if (size && setsockopt(mnl_socket_get_fd(nl->sock), SOL_SOCKET, SO_RCVBUF,
			       &v, sizeof(v)) < 0)
		errmsg("Warning: -rcvbuf %u: %s", size, strerror(errno));
}

static struct nl *opened(struct ctx *c, struct nl *nl, bool *ready)
{
	if (!*ready) {
		if (nl_open(nl) < 0)
			return NULL;
		set_rcvbuf(nl, c->opt.rcvbuf);
		*ready = true;
	}
	return nl;
}

struct nl *ctx_nl(struct ctx *c)
{
	return opened(c, &c->nl, &c->nl_ready);
}

struct nl *ctx_nl_aside(struct ctx *c)
{
	return opened(c, &c->aside, &c->aside_ready);
}
