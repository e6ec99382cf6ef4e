/* Numbers and addresses as text, for listings that print tens of
 * thousands of them: snprintf and inet_ntop were most of a large
 * listing's own time (`-s link show`, `rule show` of 2,000 rules). */
#ifndef NSIP_FMT_H
#define NSIP_FMT_H

#include <stddef.h>
#include <stdint.h>

/* v in decimal into buf (len bytes, 21 hold any value); buf. An empty
 * string when it does not fit. */
const char *fmt_u64(char *buf, size_t len, uint64_t v);

/* addr of family as inet_ntop writes it (dotted quad for AF_INET, done
 * here; AF_INET6 by inet_ntop); NULL as inet_ntop when it cannot. */
const char *fmt_inet(int family, const void *addr, char *buf, size_t len);

#endif
