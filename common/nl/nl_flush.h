/* Flushes delete what a dump listed: each chosen message goes back to the
 * kernel as a delete request. */
#ifndef NSIP_NL_FLUSH_H
#define NSIP_NL_FLUSH_H

#include <stdint.h>

#include "nl/nl.h"

/* Sends nlh back with type del_type. Returns 1 when the object is gone
 * (deleted now, or already gone: ENOENT/ESRCH), 0 when the message was too
 * large to resend, -1 with a message printed when the kernel refused. */
int nl_flush_one(struct nl *nl, const struct nlmsghdr *nlh, uint16_t del_type);

#endif
