/* The record of one policy routing rule (RTM_NEWRULE), as `ip rule show`
 * prints it in text and JSON. */
#ifndef NSIP_RULE_PRINT_H
#define NSIP_RULE_PRINT_H

#include <stdbool.h>

#include "nl/rule_msg.h"
#include "print/out.h"

struct rule_print_opts {
	bool details;          /* -d: the protocol even when it is kernel's */
	bool numeric;          /* -N: tables, actions, protocols... as numbers */
};

/* Prints the record without its end of line. */
void rule_print(struct out *o, const struct rule_msg *m,
		const struct rule_print_opts *opts);

#endif
