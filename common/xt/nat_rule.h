/* One rule of an iptables table (nat or filter) as iptables sees it, and
 * its mapping onto native nftables expressions (both ways). */
#ifndef NSIP_NAT_RULE_H
#define NSIP_NAT_RULE_H

#include <stdbool.h>
#include <stdint.h>
#include <net/if.h>

#include "xt/xt_icmp.h"

struct nftnl_rule;
struct nft_rule_view;

#define NAT_CHAIN_MAX 29   /* iptables' chain name limit, without the NUL */
/* -m comment: iptables keeps 255 characters; nsip keeps the comment in
 * the rule's nftables user data (256 bytes, with its own and nft's
 * headers), where 250 fit (fewer beside -m multiport: xt_udata_size). */
#define XT_COMMENT_MAX 250
#define XT_UDATA_MAX 256
#define XT_LOG_PREFIX_MAX 29   /* LOG's --log-prefix limit, without the NUL */
#define XT_LOG_LEVEL_DEFAULT 4 /* warning */

enum nat_target {
	NAT_T_NONE,            /* no -j: a rule that only counts */
	NAT_T_ACCEPT,
	NAT_T_RETURN,
	NAT_T_JUMP,            /* to a user chain */
	NAT_T_MASQUERADE,
	NAT_T_SNAT,
	NAT_T_DNAT,
	NAT_T_REDIRECT,
	NAT_T_DROP,            /* the filter table's targets */
	NAT_T_REJECT,
	NAT_T_LOG,
};

/* REJECT's --reject-with: an ICMP destination-unreachable code, or a TCP
 * reset. */
struct xt_reject {
	bool tcp_reset;
	uint8_t icmp_code;
};

/* LOG's options: flags are LOG's --log-tcp-sequence (1), --log-tcp-options
 * (2), --log-ip-options (4), --log-uid (8) and --log-macdecode (0x20). */
struct xt_log {
	char prefix[XT_LOG_PREFIX_MAX + 1];
	uint8_t level;
	uint8_t flags;
};

/* -m multiport --dports / --sports: ports and ranges as given (order and
 * repeats kept, as iptables lists them); a range takes two of the 15
 * places. */
#define XT_MULTI_PORTS 15
struct xt_multiport {
	bool set, neg;
	bool src;              /* --sports, else --dports */
	bool any;              /* --ports: either port (not with src) */
	uint8_t n;
	uint16_t lo[XT_MULTI_PORTS], hi[XT_MULTI_PORTS];
	/* Writing only: the id that names, within its batch, the anonymous
	 * set the rule looks its port up in (nft_next_set_id). */
	uint32_t set_id;
};

/* The matches a rule may have beyond -s -d -i -o -p, as iptables lists
 * them: in the order the command gave them. */
enum xt_match_kind {
	XT_M_PROTO = 1,        /* tcp, udp or icmp: ports, flags, --icmp-type */
	XT_M_MPORT,            /* multiport */
	XT_M_CT,               /* conntrack or state */
	XT_M_COMMENT,
	XT_M_MARK,             /* -m mark */
	XT_M_LENGTH,           /* -m length */
	XT_M_IPRANGE,          /* -m iprange */
	XT_M_LIMIT,            /* -m limit */
	XT_M_ADDRTYPE,         /* -m addrtype */
};
#define XT_M_KINDS 9

/* -m length --length LO[:HI]: the packet's length (meta length) in the
 * inclusive range, or not. */
struct xt_length_match {
	bool set, neg;
	uint16_t lo, hi;
};

/* -m iprange --src-range / --dst-range A-B: addresses in network order;
 * a range iptables takes reversed is kept so (it never matches). */
struct xt_range {
	bool set, neg;
	uint32_t lo, hi;
};
struct xt_iprange_match {
	struct xt_range src, dst;
};

/* -m limit: iptables keeps the rate as the mean time between packets in
 * 1/10000 s (avg), which fixes the unit the listings name; burst is
 * packets. */
#define XT_LIMIT_SCALE 10000
#define XT_LIMIT_BURST 5
struct xt_limit_match {
	bool set;
	uint32_t avg, burst;
};

/* -m addrtype: route types (RTN_*) as a mask of 1 << type; each side
 * set when non-zero. limit_in / limit_out: look the address up on the
 * packet's input (output) device only. */
struct xt_addrtype_match {
	bool src_neg, dst_neg;
	uint16_t src, dst;
	bool limit_in, limit_out;
	/* Writing only: the anonymous sets of the types (nft_next_set_id),
	 * for a side with more than one type. */
	uint32_t src_set_id, dst_set_id;
};

/* -m conntrack --ctstate / -m state --state: a mask of conntrack state
 * bits (nftables' ct state bits), matched when any of them is set. */
struct xt_ct_match {
	bool set, neg;
	bool as_state;         /* spelled -m state, listed so */
	uint32_t states;
};

/* -m mark --mark VALUE[/MASK]: the packet's mark, masked, is VALUE (or
 * not); mask 0xffffffff when none was given. */
struct xt_mark_match {
	bool set, neg;
	uint32_t value, mask;
};

/* -s / -d: address and mask in network byte order. */
struct nat_addr_match {
	bool set, neg;
	uint32_t addr, mask;
};

/* -i / -o: a name, or a prefix when it ended in '+'. */
struct nat_if_match {
	bool set, neg, wildcard;
	char name[IFNAMSIZ];
};

/* --sport / --dport: a port or an inclusive range, host byte order. */
struct nat_port_match {
	bool set, neg;
	uint16_t lo, hi;
};

struct nat_rule {
	struct nat_addr_match src, dst;
	struct nat_if_match in, out;
	bool proto_set, proto_neg;
	uint8_t proto;
	struct nat_port_match sport, dport;
	/* --tcp-flags MASK COMP (--syn is FIN,SYN,RST,ACK SYN): the TCP
	 * flags of the mask are those of comp (or not). */
	bool tcpf_set, tcpf_neg;
	uint8_t tcpf_mask, tcpf_comp;
	struct xt_icmp icmp;   /* -p icmp --icmp-type */
	struct xt_multiport mport;
	struct xt_ct_match ct;
	struct xt_mark_match mark;
	struct xt_length_match length;
	struct xt_iprange_match iprange;
	struct xt_limit_match limit;
	struct xt_addrtype_match addrtype;
	char comment[XT_COMMENT_MAX + 1];   /* "" when none */
	/* The order the command gave the matches in (enum xt_match_kind);
	 * n_order 0: tcp/udp, multiport, conntrack or state, mark, comment. As in
	 * iptables, two rules whose matches differ in order differ. */
	uint8_t order[XT_M_KINDS];
	uint8_t n_order;

	enum nat_target target;
	char jump[NAT_CHAIN_MAX + 1];
	bool go;               /* -g CHAIN: a goto, not a jump */
	struct xt_reject reject;
	struct xt_log log;
	/* SNAT/DNAT addresses (network order; none for "--to-source :PORT"),
	 * ports for every NAT target. */
	bool has_addr, has_ports, random;
	/* --random-fully (MASQUERADE, SNAT) and --persistent (SNAT, DNAT):
	 * the range's flags beyond --random. */
	bool random_fully, persistent;
	uint32_t addr_lo, addr_hi;
	uint16_t port_lo, port_hi;

	/* Read back from the kernel only. */
	bool has_counter;
	uint64_t packets, bytes;
	uint64_t handle;
};

/* Appends the rule's expressions (matches, a counter, the target). */
int nat_rule_to_nftnl(const struct nat_rule *r, struct nftnl_rule *nr);

/* Reads a rule's expressions from its message, in place; -1 when they do
 * not map onto the iptables grammar (a rule nft wrote that nsip cannot
 * show in iptables form). */
int nat_rule_from_view(const struct nft_rule_view *v, struct nat_rule *r);

/* The same for a rule built with libnftnl (by the tests and fuzz targets
 * that read back what nat_rule_to_nftnl wrote): its message is built, then
 * read as the kernel's would be. */
int nat_rule_from_nftnl(struct nftnl_rule *nr, struct nat_rule *r);

/* Same matches and target (counters and handle are not compared). */
bool nat_rule_same(const struct nat_rule *a, const struct nat_rule *b);

/* Whether the rule has a match of that kind (enum xt_match_kind). */
bool xt_rule_has_match(const struct nat_rule *r, int kind);
/* The kinds of match the rule has, in the order it lists them (out has
 * XT_M_KINDS places): their number. */
size_t xt_match_order(const struct nat_rule *r, uint8_t *out);
/* The order of a rule that keeps none (n_order 0). */
extern const uint8_t xt_default_order[XT_M_KINDS];

/* The target's name as iptables prints it ("MASQUERADE", a chain, ""). */
const char *nat_target_name(const struct nat_rule *r);

#endif
