/* Pieces of the link applet shared by its files. */
#ifndef NSIP_CMD_LINK_H
#define NSIP_CMD_LINK_H

#include <stdbool.h>
#include <stdint.h>

#include "applets.h"
#include "base/iparg.h"
#include "nl/link_req.h"

/* The words naming and setting one device, up to and including
 * "type KIND"; prog names the program in a usage text ("ip" or "nsip").
 * Returns 0 or an exit code; *used is how many words it took, *kind the
 * kind or NULL. */
int link_parse_dev(struct nl *nl, const char *prog, bool create, int argc,
		   char **argv, struct link_settings *s, const char **kind, int *used);

/* The words after "type KIND" into s (kind data, a veth's peer). */
int link_parse_kind(struct nl *nl, const char *prog, struct link_spec *s,
		    int argc, char **argv);

/* The kind's attributes, in the order of the words (link_kind_data.c); each
 * returns 0, or an exit code after a message when there are too many. */
int kind_number(struct link_spec *s, uint16_t attr, uint8_t size, uint32_t value);
int kind_bytes(struct link_spec *s, uint16_t attr, const void *data, uint8_t len);
int kind_nest(struct link_spec *s, uint16_t attr);
int kind_nest_end(struct link_spec *s);

/* The words of each kind into s: link_macvlan.c (macvlan and macvtap,
 * named by kind), link_ipvlan.c (ipvlan, ipvtap), link_vlan.c,
 * link_vrf.c, link_bond.c, link_geneve.c, link_iptnl.c (ipip, sit),
 * link_vxlan.c; the other tunnels' in link_tnl.h. */
int link_parse_macvlan(const char *kind, struct link_spec *s, int argc, char **argv);
int link_parse_ipvlan(const char *kind, struct link_spec *s, int argc, char **argv);
int link_parse_vlan(struct link_spec *s, int argc, char **argv);
int link_parse_vrf(struct link_spec *s, int argc, char **argv);
int link_parse_bond(struct nl *nl, struct link_spec *s, int argc, char **argv);
int link_parse_geneve(struct link_spec *s, int argc, char **argv);
int link_parse_iptnl(struct nl *nl, const char *kind, struct link_spec *s, int argc,
		     char **argv);
int link_parse_vxlan(struct nl *nl, struct link_spec *s, int argc, char **argv);

/* `ip link show [ WORDS ]` (link_show.c). */
int link_show(struct ctx *c, int argc, char **argv);

/* `ip link property { add | del } ...` (link_prop.c). */
int link_property(struct ctx *c, int argc, char **argv);

/* The usage text of `ip link help` (link_usage.c), naming the program as
 * called (ctx->prog); asker: see usage_to() in applet.h. */
int link_usage(const struct ctx *asker);
/* The same after a word of add/set/delete: "help" among them, as ip
 * prints it (on stderr, EXIT_USAGE); prog is ctx->prog. */
int link_usage_after(const char *prog);

#endif
