/* The neigh applet's usage text, shared by its parts: `help`, and a
 * "help" where a value is expected. It names the program as called:
 * ip's words as ip, nsip's as nsip. */
#include <stdio.h>

#include "neigh.h"

int neigh_usage(const struct ctx *c, bool asked)
{
	struct usage_to u = usage_to(asked ? c : NULL);

	fprintf(u.f, "Usage: %1$s neigh { add | del | change | replace }\n"
	      "                { ADDR [ lladdr LLADDR ] [ nud STATE ] | proxy ADDR }\n"
	      "                [ dev DEV ] [ router ] [ extern_learn ] [ protocol PROTO ]\n"
	      "       %1$s neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ]\n"
	      "                [ nud STATE ] [ protocol PROTO ]\n"
	      "       %1$s neigh get { ADDR | proxy ADDR } dev DEV\n"
	      "       %1$s neigh help\n"
	      "STATE := { permanent | noarp | stale | reachable | none |\n"
	      "           incomplete | delay | probe | failed }\n", c ? c->prog : "ip");
	return u.code;
}
