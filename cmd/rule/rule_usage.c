/* The rule applet's usage text, shared by its parts: `help`, and a "help"
 * where a rule type is expected. It names the program as called. */
#include <stdio.h>

#include "rule.h"

int rule_usage(const struct ctx *c, bool asked)
{
	struct usage_to u = usage_to(asked ? c : NULL);

	fprintf(u.f, "Usage: %1$s rule { add | del } SELECTOR ACTION\n"
	      "       %1$s rule flush [ SELECTOR ]\n"
	      "       %1$s rule { save | restore }\n"
	      "       %1$s rule [ list [ SELECTOR ]]\n"
	      "       %1$s rule help\n"
	      "SELECTOR := [ not ] [ from PREFIX ] [ to PREFIX ] [ tos TOS ]\n"
	      "            [ fwmark FWMARK[/MASK] ]\n"
	      "            [ iif STRING ] [ oif STRING ] [ pref NUMBER ] [ l3mdev ]\n"
	      "            [ uidrange NUMBER-NUMBER ]\n"
	      "            [ ipproto PROTOCOL ]\n"
	      "            [ sport [ NUMBER | NUMBER-NUMBER ]\n"
	      "            [ dport [ NUMBER | NUMBER-NUMBER ] ]\n"
	      "            [ tun_id NUMBER ]\n"
	      "ACTION := [ table TABLE_ID ]\n"
	      "          [ protocol PROTO ]\n"
	      "          [ realms [SRCREALM/]DSTREALM ]\n"
	      "          [ goto NUMBER ]\n"
	      "          [ [ type ] { unicast | blackhole | unreachable | prohibit | nop } ]\n"
	      "          SUPPRESSOR\n"
	      "SUPPRESSOR := [ suppress_prefixlength NUMBER ]\n"
	      "              [ suppress_ifgroup DEVGROUP ]\n"
	      "TABLE_ID := [ local | main | default | NUMBER ]\n", c ? c->prog : "ip");
	return u.code;
}
