/* The route applet's usage text, shared by its parts: `help`, and a
 * "help" where a value is expected. It names the program as called:
 * ip's words as ip, nsip's as nsip. */
#include <stdio.h>

#include "route.h"

int route_usage(const struct ctx *c, bool asked)
{
	struct usage_to u = usage_to(asked ? c : NULL);

	fprintf(u.f, "Usage: %1$s route { list | flush } SELECTOR\n"
	      "       %1$s route get ADDRESS [ from ADDRESS iif STRING ]\n"
	      "                            [ oif STRING ]\n"
	      "       %1$s route { add | del | change | append | replace } ROUTE\n"
	      "       %1$s route help\n"
	      "SELECTOR := [ root PREFIX ] [ match PREFIX ] [ exact PREFIX ]\n"
	      "            [ table TABLE_ID ] [ proto RTPROTO ] [ type TYPE ]\n"
	      "            [ scope SCOPE ] [ dev NAME ] [ via ADDRESS ]\n"
	      "ROUTE := [ TYPE ] PREFIX [ table TABLE_ID ] [ proto RTPROTO ]\n"
	      "         [ scope SCOPE ] [ metric METRIC ] [ via ADDRESS ]\n"
	      "         [ dev NAME ] [ src ADDRESS ] [ onlink ] [ pref PREF ]\n"
	      "         [ mtu [ lock ] NUMBER ] [ advmss [ lock ] NUMBER ]\n"
	      "         [ hoplimit [ lock ] NUMBER ] [ window [ lock ] NUMBER ]\n"
	      "         [ nexthop NH ]...\n"
	      "NH := [ via [ FAMILY ] ADDRESS ] [ dev NAME ] [ weight NUMBER ] [ onlink ]\n"
	      "FAMILY := [ inet | inet6 ]\n"
	      "TYPE := { unicast | local | broadcast | multicast | throw |\n"
	      "          unreachable | prohibit | blackhole | nat }\n"
	      "TABLE_ID := [ local | main | default | all | NUMBER ]\n"
	      "SCOPE := [ host | link | global | NUMBER ]\n"
	      "RTPROTO := [ kernel | boot | static | NUMBER ]\n"
	      "PREF := [ low | medium | high ]\n", c ? c->prog : "ip");
	return u.code;
}
