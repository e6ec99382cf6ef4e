/* The rule applet's parts: the entry and changes (rule.c), the words of a
 * change (rule_words.c), listings and flush (rule_show.c), save and
 * restore (rule_save.c), and the usage text they share (rule_usage.c). Only rule.c's rule_main is called from
 * outside; the parts never call back into rule.c. */
#ifndef NSIP_CMD_RULE_H
#define NSIP_CMD_RULE_H

#include "applets.h"
#include "nl/rule_req.h"

/* The usage text, naming c's program (ip without c); asked (`help`)
 * or after a word that could not be read (see usage_to). */
int rule_usage(const struct ctx *c, bool asked);

/* The words of `rule add` (add) or `rule del` into s, iproute2's defaults
 * for what they leave open included; 0 or an exit code after a message. */
int rule_read_change(const struct ctx *c, struct rule_spec *s, bool add,
		     int argc, char **argv);

/* The words a change and a listing read alike (rule_words.c): an IP
 * protocol by name or number, and PORT or PORT-PORT (why: the message for
 * a bad one); 0 or an exit code after iproute2's message. */
int rule_read_ipproto(const char *v, uint8_t *proto);
int rule_read_ports(struct fib_rule_port_range *r, const char *v, const char *why);

int rule_show(struct ctx *c, int argc, char **argv, bool flush);

/* ip's binary dump of the rules to stdout (argc: the words after "save",
 * which must be none), and back from stdin (rule_save.c). */
int rule_save(struct ctx *c, int argc);
int rule_restore(struct ctx *c);

#endif
