/* -m length, iprange, limit and addrtype in iptables' listings: -S
 * words, -L words and JSON members. Called by xt_print.c for a match of
 * one of those kinds (enum xt_match_kind). */
#ifndef NSIP_XT_MATCH_PRINT_H
#define NSIP_XT_MATCH_PRINT_H

#include <stdio.h>

#include "xt/nat_rule.h"
#include "print/out.h"

void xt_save_more(FILE *f, const struct nat_rule *r, int kind);
void xt_list_more(FILE *f, const struct nat_rule *r, int kind);
void xt_json_more(struct out *o, const struct nat_rule *r);

#endif
