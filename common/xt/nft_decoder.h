/* The state of nat_rule_read.c's reading of a rule's expressions, shared
 * with the readers of single matches it hands expressions to
 * (xt_match_read.c). Private to those readers. */
#ifndef NSIP_NFT_DECODER_H
#define NSIP_NFT_DECODER_H

#include <stdbool.h>
#include <stdint.h>

#include "xt/nat_rule.h"

/* LD_PORT_PAIR: the source port, then the destination port beside it
 * (--ports' key). */
enum loaded { LD_NONE, LD_META, LD_PAYLOAD, LD_CT, LD_PORT_PAIR, LD_FIB };

#define N_REGS 32   /* NFT_REG_1..4 and NFT_REG32_00..15 are below this */

struct decoder {
	struct nat_rule *r;
	enum loaded what;       /* what the last load put in reg */
	uint32_t reg, key, base, off, len;
	bool masked;
	uint32_t mask;
	bool target_seen;
	/* -m multiport's lookup: its port (sport or dport) and negation, to
	 * agree with the list the user data keeps. */
	bool lookup_seen, lookup_src, lookup_any, lookup_neg;
	bool have_lo;           /* nft's port range: cmp gte, then cmp lte */
	uint8_t lo[2];
	/* -m length's load turned to network order (byteorder). */
	bool swapped;
	/* -m addrtype: the fib flags of the last fib load, and which sides
	 * were looked up in a set (and negated). */
	uint32_t fib_flags;
	bool fib_seen, fib_set[2], fib_set_neg[2];
	uint8_t imm[N_REGS][16];
	uint32_t imm_len[N_REGS];
};

#endif
