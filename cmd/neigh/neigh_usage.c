/* The neigh applet's usage text, shared by its parts: `help`, and a
 * "help" where a value is expected. */
#include <stdio.h>

#include "neigh.h"

int neigh_usage(const struct ctx *asker)
{
	struct usage_to u = usage_to(asker);

	fprintf(u.f, "Usage: %1$s neigh { add | del | change | replace }\n"
	      "                { ADDR [ lladdr LLADDR ] [ nud STATE ] | proxy ADDR }\n"
	      "                [ dev DEV ] [ router ] [ extern_learn ] [ protocol PROTO ]\n"
	      "       %1$s neigh { show | flush } [ proxy ] [ to PREFIX ] [ dev DEV ]\n"
	      "                [ nud STATE ] [ protocol PROTO ]\n"
	      "       %1$s neigh get { ADDR | proxy ADDR } dev DEV\n"
	      "       %1$s neigh help\n"
	      "STATE := { permanent | noarp | stale | reachable | none |\n"
	      "           incomplete | delay | probe | failed }\n", asker ? asker->prog : "ip");
	return u.code;
}
