/* The tuntap applet's usage text, shared by `help` and a "help" among
 * the words of add or del. */
#include <stdio.h>

#include "tuntap.h"

int tuntap_usage(const struct ctx *c, bool asked)
{
	struct usage_to u = usage_to(asked ? c : NULL);

	fprintf(u.f,
		"Usage: %1$s tuntap { add | del | show | list | lst | help } [ dev PHYS_DEV ]\n"
		"       [ mode { tun | tap } ] [ user USER ] [ group GROUP ]\n"
		"       [ one_queue ] [ pi ] [ vnet_hdr ] [ multi_queue ] [ name NAME ]\n"
		"\n"
		"USER is a user name or number, GROUP a group name or number.\n",
		c->prog);
	return u.code;
}
