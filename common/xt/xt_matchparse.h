/* The values of -m length, -m iprange, -m limit and -m addrtype in
 * iptables' words, both ways (the options are read in cmd/nat; their
 * expressions are xt_match_write.c's). Each parser returns 0, or -1 with
 * iptables' message in err (NAT_ERR_MAX bytes). */
#ifndef NSIP_XT_MATCHPARSE_H
#define NSIP_XT_MATCHPARSE_H

#include <stddef.h>
#include <stdint.h>

#include "xt/nat_rule.h"

/* --length LO[:HI]: each in any base C reads, a part left out is 0 (LO)
 * or 65535 (HI); one value is LO and HI. */
int xt_parse_length(const char *w, struct xt_length_match *m, char *err);

/* --src-range / --dst-range A[-B] (option names the option in messages):
 * each address as iptables reads a number, 1 to 4 parts of 0-255 in any
 * base, the missing ones 0 ("10.1" is 10.1.0.0). */
int xt_parse_iprange(const char *w, const char *option, struct xt_range *m,
		     char *err);

/* --limit N[/second|minute|hour|day] (a prefix of the unit, any case) into
 * avg; --limit-burst N (0-10000, 0 meaning the default 5). */
int xt_parse_limit_rate(const char *w, uint32_t *avg, char *err);
int xt_parse_limit_burst(const char *w, uint32_t *burst, char *err);
/* The rate as iptables shows avg: N per the largest unit that keeps N
 * whole enough ("3/hour", "1/sec"); the unit's seconds into *unit. */
uint64_t xt_limit_rate(uint32_t avg, uint64_t *unit);
const char *xt_limit_unit_name(uint64_t unit);

/* --src-type / --dst-type T[,T...]: route type names (a prefix, any
 * case) into a mask of 1 << RTN_*. */
int xt_parse_addrtypes(const char *w, uint16_t *mask, char *err);
/* "UNICAST,LOCAL" in type order (into buf). */
void xt_addrtypes_text(char *buf, size_t size, uint16_t mask);
#define XT_ADDRTYPE_MAX 11      /* RTN_XRESOLVE */

#endif
