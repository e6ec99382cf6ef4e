/* iptables' listings of nat rules: -S lines, -L tables, and JSON. */
#ifndef NSIP_NAT_PRINT_H
#define NSIP_NAT_PRINT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "xt/nat_rule.h"
#include "print/out.h"

struct nat_fmt {
	bool numeric, verbose, exact, line_numbers;
};

/* "-A CHAIN ..." with " -c PKTS BYTES" when counters. */
void nat_print_save(FILE *f, const char *chain, const struct nat_rule *r,
		    bool counters);
/* The line nsip prints where a rule has no iptables form. */
void nat_print_unshown(FILE *f, const char *table, const char *chain,
		       uint64_t handle);

/* -L: a chain's heading and column names, then one line per rule. A
 * built-in chain has a policy ("ACCEPT", "DROP"); a user chain (policy
 * NULL) has its reference count. */
void nat_print_list_head(FILE *f, const char *chain, const char *policy,
			 uint64_t packets, uint64_t bytes, unsigned int refs,
			 const struct nat_fmt *fmt);
void nat_print_list_rule(FILE *f, unsigned int num, const struct nat_rule *r,
			 const struct nat_fmt *fmt);

/* What -L prints after a rule's addresses: [goto], the matches, the
 * target's options. */
void nat_print_list_tail(FILE *f, const struct nat_rule *r,
			 const struct nat_fmt *fmt);
/* -s/-d as -L -n prints them: "0.0.0.0/0", "1.2.3.4", "10.0.0.0/8". */
void nat_addr_text(char *buf, size_t size, const struct nat_addr_match *m);

/* The rule as iptables echoes it for -v on -A, -I, -R, -D and -C (nat_echo.c):
 * "ACCEPT  all opt -- in * out *  1.2.3.4  -> 0.0.0.0/0  ". */
void nat_print_echo(FILE *f, const struct nat_rule *r);

/* One JSON object for a rule (r NULL: a rule with no iptables form). */
void nat_print_json(struct out *o, const char *chain, unsigned int num,
		    uint64_t handle, const struct nat_rule *r);

#endif
