/* nsip: one binary for `ip netns|link|addr|route|neigh` and `iptables -t
 * nat`. main refuses to run with privileges exec granted; everything else
 * is the dispatcher's (dispatch.c) and the applets' (applets.c). */
#include <sys/auxv.h>

#include "applet.h"
#include "base/err.h"

int main(int argc, char **argv)
{
	/* nsip trusts its caller's words, paths and environment: that is only
	 * safe when the caller already holds the privileges it uses, not when
	 * exec granted them (set-uid, set-gid, file capabilities: the kernel
	 * says so in AT_SECURE, with no system call asked). */
	if (getauxval(AT_SECURE))
		return fail(EXIT_USAGE, "nsip: refusing to run set-uid, set-gid or "
			    "with file capabilities: run it as root (or with "
			    "CAP_NET_ADMIN and CAP_SYS_ADMIN) instead");
	return nsip_dispatch(argc, argv);
}
