/* A rule message (RTM_NEWRULE) taken apart: its fixed header and its
 * validated attributes, for the printer and the filters of `ip rule`. */
#ifndef NSIP_RULE_MSG_H
#define NSIP_RULE_MSG_H

#include <stdint.h>
#include <linux/fib_rules.h>
#include <linux/rtnetlink.h>

#include "nl/nl.h"

/* The attributes nsip reads; newer ones are left unread, as ip 6.1 does. */
#define RULE_ATTR_MAX FRA_DPORT_RANGE

struct rule_msg {
	const struct fib_rule_hdr *frh;
	const struct nlattr *tb[RULE_ATTR_MAX + 1];
};

/* 0, or -1 with a message when the reply is malformed (an address not of
 * its family's size, a name without its end, a range cut short). */
int rule_msg_parse(const struct nlmsghdr *nlh, struct rule_msg *m);

/* The table the rule looks up: FRA_TABLE, else the header's. */
uint32_t rule_msg_table(const struct rule_msg *m);
/* A u32 attribute, or 0 when absent. */
uint32_t rule_msg_u32(const struct rule_msg *m, int type);

#endif
