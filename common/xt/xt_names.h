/* iptables' names for the filter table's values, both ways: conntrack
 * states, REJECT's --reject-with types, LOG's levels; and the names of
 * the matches and targets iptables has, so that one nsip lacks is told
 * apart from one that does not exist at all. */
#ifndef NSIP_XT_NAMES_H
#define NSIP_XT_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xt/nat_rule.h"

/* The conntrack states in iptables' listing order, with nftables' ct state
 * bits. */
struct xt_ct_state {
	const char *name;
	uint32_t bit;
};
extern const struct xt_ct_state xt_ct_states[];
extern const size_t xt_n_ct_states;

/* A comma list of states ("NEW,ESTABLISHED", any case) into *bits: 0, or
 * -1 with the bad word in bad (SNAT and DNAT are known to iptables but
 * not to nsip: -2). */
int xt_parse_ct_states(const char *list, uint32_t *bits, char *bad, size_t size);

/* --reject-with NAME: 0, or -1 for a name REJECT does not know. */
int xt_parse_reject(const char *name, struct xt_reject *rj);
/* The canonical name of an ICMP code REJECT sends, or NULL. */
const char *xt_reject_code_name(uint8_t code);

/* --log-level: a number 0-7 or a syslog name; 0 or -1. */
int xt_parse_log_level(const char *word, uint8_t *level);
/* The name -L gives a level ("warn"), or NULL. */
const char *xt_log_level_name(uint8_t level);

/* Whether nsip's rule model has a target of that name (not a chain). */
bool xt_nsip_has_target(const char *name);
/* Whether iptables has a match (-m NAME) or a target (-j NAME) so named. */
bool xt_known_match(const char *name);
bool xt_known_target(const char *name);

#endif
