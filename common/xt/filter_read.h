/* The filter table's parts of a rule read back from nftables: REJECT and
 * LOG, conntrack state, --syn, and what the rule's user data says (its
 * comment; whether its state match was spelled -m state). Each returns 0,
 * or -1 when what it reads has no iptables form. Private to the readers
 * (nat_rule_read.c). */
#ifndef NSIP_FILTER_READ_H
#define NSIP_FILTER_READ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "xt/nat_rule.h"
#include "xt/nft_expr.h"

/* Where the tcp header's flags byte is, and what --syn compares. */
#define OFF_TCP_FLAGS 13
#define SYN_MASK 0x17          /* FIN,SYN,RST,ACK */
#define SYN_FLAGS 0x02         /* SYN */
#define TCP_FLAGS_ALL 0x3f     /* FIN,SYN,RST,PSH,ACK,URG: iptables' ALL */
/* Where the ICMP header's type and code are. */
#define OFF_ICMP_TYPE 0
#define OFF_ICMP_CODE 1

/* What a comparison of --icmp-type is about: the type, the code, or a
 * second "ip protocol icmp" (type any). */
enum xt_icmp_part { XT_ICMP_TYPE, XT_ICMP_CODE, XT_ICMP_ANY_PROTO };

/* A user data type of nsip's own in a rule (nft ignores types it does not
 * know): the conntrack match was spelled -m state. */
#define NSIP_UDATA_STATE 0x6e
/* Another: -m multiport's list as given (multiport.h's value). */
#define NSIP_UDATA_MPORT 0x6f
/* And the order the command gave the matches in (nat_rule.order). */
#define NSIP_UDATA_ORDER 0x70
/* And -m addrtype's types where a side looks them up in a set (a side
 * of one type compares it): the source and destination masks, two bytes
 * each, big-endian; 0 for a side without a set. */
#define NSIP_UDATA_ADDRTYPE 0x71

int xt_read_reject(struct nat_rule *r, const struct expr *e);
int xt_read_log(struct nat_rule *r, const struct expr *e);
/* "ct state & mask" compared (eq or neq) with data: with zero, as nsip
 * and nft write a set of states; or unmasked with one state, as nft writes
 * "ct state != invalid" (the register holds exactly one state bit). */
int xt_read_ct_state(struct nat_rule *r, uint32_t op, bool masked,
		     uint32_t mask, const void *data, uint32_t len);
/* "tcp flags & mask" compared with data. */
/* One comparison of --icmp-type (a byte): 0, or -1 when it does not map
 * onto iptables' --icmp-type. */
int xt_read_icmp(struct nat_rule *r, enum xt_icmp_part part, bool neg,
		 const void *data, uint32_t len);
/* -m mark: "meta mark [& MASK] ==/!= VALUE" (host order). */
int xt_read_mark(struct nat_rule *r, bool neg, uint32_t mask, const void *data,
		 uint32_t len);
int xt_read_tcp_flags(struct nat_rule *r, uint32_t op, uint8_t mask,
		      const void *data, uint32_t len);
/* The rule's NFTA_RULE_USERDATA bytes (TLVs: type, length, value). */
int xt_read_udata(struct nat_rule *r, const uint8_t *p, size_t len);

#endif
