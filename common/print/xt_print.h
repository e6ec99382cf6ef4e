/* The filter table's parts of iptables' listings: --syn, conntrack and
 * state, comments, and the REJECT, LOG and goto targets, in -S lines, -L
 * tables and JSON. Called by nat_print.c where iptables prints them. */
#ifndef NSIP_XT_PRINT_H
#define NSIP_XT_PRINT_H

#include <stdbool.h>
#include <stdio.h>

#include "xt/nat_rule.h"
#include "print/out.h"

/* -S: " --tcp-flags ..." inside the tcp match; a match of another kind. */
void xt_save_syn(FILE *f, const struct nat_rule *r);
void xt_save_icmp(FILE *f, const struct nat_rule *r);
void xt_save_match(FILE *f, const struct nat_rule *r, int kind);
/* -S: the target's options after "-j NAME" (or "-g CHAIN" in its place). */
void xt_save_target(FILE *f, const struct nat_rule *r);

/* -L: " flags:..." inside the tcp match, the other matches, the target's
 * options; numeric is -n. */
void xt_list_syn(FILE *f, const struct nat_rule *r, bool numeric);
/* After " icmp": the type's name, or (as iptables prints it, with no
 * blank first) "type T code C". */
void xt_list_icmp(FILE *f, const struct nat_rule *r, bool numeric);
void xt_list_match(FILE *f, const struct nat_rule *r, int kind, bool numeric);
void xt_list_target(FILE *f, const struct nat_rule *r, bool numeric);

/* JSON: the matches' and the target's members. */
void xt_json_matches(struct out *o, const struct nat_rule *r);
void xt_json_target(struct out *o, const struct nat_rule *r);

/* iptables' names: "icmp-port-unreachable", "tcp-reset"; a ct state list
 * "RELATED,ESTABLISHED" (into buf). */
const char *xt_reject_name(const struct xt_reject *rj);
void xt_ct_states_text(char *buf, size_t size, uint32_t states);

#endif
