/* How nsip's nat rules lay their matches out in nftables expressions:
 * the header offsets they load and compare, the register they load into,
 * and iptables-nft's name for "no interface". Shared by the writer
 * (nat_rule_write.c) and the reader (nat_rule_read.c), which must agree. */
#ifndef NSIP_NAT_LAYOUT_H
#define NSIP_NAT_LAYOUT_H

#include <linux/netfilter/nf_tables.h>

/* IPv4 header offsets and transport header offsets nsip matches on. */
#define OFF_SADDR 12
#define OFF_DADDR 16
#define OFF_PROTO 9
#define OFF_SPORT 0
#define OFF_DPORT 2

#define REG_MATCH NFT_REG_1
/* --ports' key: the source port in REG_MATCH's first 32 bits, the
 * destination port in the next. */
#define REG_PAIR_DPORT NFT_REG32_01

/* The name iptables-nft compares with for "! -i +" (no interface at all):
 * no device can have it, a '/' is not allowed in names. */
#define NO_IFNAME "INVAL/D"

#endif
