/* tuntap: persistent tun and tap devices, as `ip tuntap` (also `ip tap`).
 *
 * Usage: ip tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]
 *        [ mode { tun | tap } ] [ user USER ] [ group GROUP ]
 *        [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]
 *
 * add and del go through /dev/net/tun (common/nl/tun.c); show lists the
 * kernel's tun links with what sysfs and /proc say of them.
 */
#include <string.h>

#include "tuntap.h"
#include "base/err.h"
#include "base/parse.h"
#include "nl/tun.h"

static int change(const struct ctx *c, int argc, char **argv, bool add)
{
	struct tun_spec s;
	int r;

	if ((r = tuntap_words(c, argc, argv, add, &s)))
		return r;
	return (add ? tun_add(&s) : tun_del(&s)) < 0 ? EXIT_CMD : 0;
}

int tuntap_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return tuntap_show(c);
	const char *w = argv[0];
	if (matches(w, "add"))
		return change(c, argc - 1, argv + 1, true);
	if (matches(w, "delete"))
		return change(c, argc - 1, argv + 1, false);
	if (matches(w, "show") || matches(w, "lst") || matches(w, "list"))
		return tuntap_show(c);
	if (matches(w, "help"))
		return tuntap_usage(c, true);
	return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s tuntap help\".",
		    w, c->prog);
}
