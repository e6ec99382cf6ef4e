/* The usage text of `ip address`: its own file, so that the words of
 * add/del (addr.c) and of show/flush (addr_filter.c) print it without
 * calling back into the entry. */
#include <stdio.h>

#include "addr.h"
#include "base/err.h"

int addr_usage(const struct ctx *c)
{
	struct usage_to u = usage_to(c);

	fprintf(u.f,
		"Usage: %1$s address {add|change|replace} IFADDR dev IFNAME [ LIFETIME ]\n"
		"                  [ CONFFLAG... ]\n"
		"       %1$s address del IFADDR dev IFNAME\n"
		"       %1$s address flush FILTER...\n"
		"       %1$s address [ {show|list} [ FILTER... ] ]\n"
		"       %1$s address help\n"
		"IFADDR   := PREFIX [ peer PREFIX ] [ broadcast { ADDR | + | - } ]\n"
		"            [ anycast ADDR ] [ label NAME ] [ scope SCOPE ] [ metric N ]\n"
		"PREFIX   := ADDR[/PLEN]  (an address alone is /32 or /128)\n"
		"LIFETIME := [ valid_lft { SECONDS | forever } ]\n"
		"            [ preferred_lft { SECONDS | forever } ]\n"
		"CONFFLAG := { nodad | noprefixroute | home | mngtmpaddr | autojoin }\n"
		"FILTER   := { [dev] IFNAME | up | scope { SCOPE | all } | to PREFIX |\n"
		"              label PATTERN | FLAG | group GROUP | master DEV | nomaster |\n"
		"              type KIND }\n"
		"FLAG     := { permanent | dynamic | primary | secondary | temporary |\n"
		"              [-]tentative | [-]deprecated | [-]dadfailed | CONFFLAG }\n"
		"SCOPE    := { global | site | link | host | nowhere | NUMBER }\n",
		c->prog);
	return u.code;
}
