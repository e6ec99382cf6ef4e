/* What the IP tunnel kinds share (link_tnl.c): ipip and sit, gre and
 * gretap, ip6gre and ip6gretap, ip6tnl, vti and vti6 read some values
 * alike: a lower device, a key, the encapsulation, IPv6's traffic class
 * and flow label. Each returns 0 or an exit code after ip's message. */
#ifndef NSIP_CMD_LINK_TNL_H
#define NSIP_CMD_LINK_TNL_H

#include <stdbool.h>
#include <stdint.h>

#include "link.h"
#include "base/inet.h"

/* "dev NAME": the device's index into *link. */
int tnl_dev(struct nl *nl, const char *name, uint32_t *link);

/* A number as ip's get_u8/get_u16/get_u32 read one (strtoul in base,
 * whole word, at most max); false when it is not. */
bool tnl_number(const char *word, int base, uint32_t max, uint32_t *out);

/* "key"/"ikey"/"okey" KEY: a dotted quad or a number, in network order
 * (the bytes sent as they lie). name is the word, for the message. */
int tnl_key(const char *name, const char *word, uint32_t *key);

/* An address that was given and is neither a wildcard nor all zeros:
 * ip sends only those. */
bool tnl_addr_given(const struct inet_prefix *a, int family);

/* The tunnel's two ends into the kind data, each only when given: local's
 * attribute, then remote's, as ip sends them. 0 or kind_bytes' code. */
int tnl_ends_put(struct link_spec *s, int family, uint16_t local_attr,
		 const struct inet_prefix *local, uint16_t remote_attr,
		 const struct inet_prefix *remote);

/* The encapsulation words' lines of the usage texts of gre, ip6tnl, ipip
 * and sit (ip prints them alike for each). */
#define TNL_ENCAP_USAGE \
	"\t\t\t[ noencap ]\n" \
	"\t\t\t[ encap { fou | gue | none } ]\n" \
	"\t\t\t[ encap-sport PORT ]\n" \
	"\t\t\t[ encap-dport PORT ]\n" \
	"\t\t\t[ [no]encap-csum ]\n" \
	"\t\t\t[ [no]encap-csum6 ]\n" \
	"\t\t\t[ [no]encap-remcsum ]\n"

/* The encapsulation words, the same for every kind that has them. */
struct tnl_encap {
	uint16_t type, flags, sport, dport;
};
/* "encap", "encap-sport", "encap-dport" KEY with its value w. */
int tnl_encap_value(struct tnl_encap *e, const char *key, const char *w);
/* noencap and [no]encap-{csum,udp6-csum,remcsum}; false when w is none. */
bool tnl_encap_switch(struct tnl_encap *e, const char *w);
/* The four attributes from first on: TYPE, FLAGS, SPORT, DPORT. */
int tnl_encap_put(struct link_spec *s, const struct tnl_encap *e, uint16_t first);

/* IPv6 tunnels' flow words (ip6gre, ip6gretap, ip6tnl): flowinfo in host
 * order, flags the IP6_TNL_F_* of the tunnel. */
struct tnl6 {
	uint32_t flowinfo, flags, fwmark;
	uint8_t hoplimit, encaplimit;
};
#define TNL6_INIT { .hoplimit = 64, .encaplimit = 4 }
int tnl6_hoplimit(struct tnl6 *t, const char *w);
int tnl6_tclass(struct tnl6 *t, const char *w);
int tnl6_flowlabel(struct tnl6 *t, const char *w);
int tnl6_dscp(struct tnl6 *t, const char *w);
int tnl6_fwmark(struct tnl6 *t, const char *w);
int tnl6_encaplimit(struct tnl6 *t, const char *w);

/* ERSPAN's words (erspan, ip6gre, ip6gretap, ip6erspan): "erspan",
 * "erspan_ver", "erspan_dir", "erspan_hwid" KEY with its value w, and
 * the attributes ip sends for them (the version always; ver starts at 1). */
struct tnl_erspan {
	uint32_t idx;
	uint16_t hwid;
	uint8_t ver, dir;
};
int tnl_erspan_value(struct tnl_erspan *e, const char *key, const char *w);
int tnl_erspan_put(struct link_spec *s, const struct tnl_erspan *e);

/* GRE's keys and flags (link_gre.c): the 18 words of ip's key, sequence
 * and checksum, which gre and ip6gre read alike and first (-1 when the
 * word at argv[*i] is none of them), and the four attributes they give. */
struct gre_keys {
	uint16_t iflags, oflags;        /* GRE_KEY, GRE_SEQ, GRE_CSUM */
	uint32_t ikey, okey;            /* network order */
};
int gre_flag_word(struct gre_keys *k, int argc, char **argv, int *i);
int gre_keys_put(struct link_spec *s, const struct gre_keys *k);

/* The words of each kind (link_gre.c: gre, gretap, erspan; link_gre6.c:
 * ip6gre, ip6gretap, ip6erspan; link_ip6tnl.c; link_vti.c: vti, vti6);
 * kind names the one read. */
int link_parse_gre(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		   char **argv);
int link_parse_gre6(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		    char **argv);
int link_parse_ip6tnl(struct nl *nl, struct link_spec *s, int argc, char **argv);
int link_parse_vti(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		   char **argv);

/* Changing a tunnel: ip merges the words with what the kernel has; nsip
 * refuses in one line (EXIT_USAGE). */
int tnl_refuse_change(const char *kind);

#endif
