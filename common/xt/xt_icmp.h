/* The icmp match's --icmp-type: iptables' names of ICMP types and codes,
 * reading a type as iptables does and naming one for its listings. */
#ifndef NSIP_XT_ICMP_H
#define NSIP_XT_ICMP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define XT_ICMP_ANY 0xff   /* iptables' type "any": every ICMP packet */

/* --icmp-type TYPE[/CODE]: a code range of 0-255 (any code) or one code. */
struct xt_icmp {
	bool set, neg;
	uint8_t type, code_min, code_max;
};

/* Reads a name (any case, a unique prefix) or a number TYPE[/CODE] into
 * m's type and codes: 0, or -1 with iptables' message in msg. */
int xt_icmp_parse(const char *word, struct xt_icmp *m, char *msg, size_t size);

/* The name iptables lists for the type and codes, or NULL. */
const char *xt_icmp_name(const struct xt_icmp *m);

/* Whether the codes are all of them (no code is compared). */
bool xt_icmp_any_code(const struct xt_icmp *m);

#endif
