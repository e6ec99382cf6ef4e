/* Route and address scopes by name, as in iproute2's rt_scopes table:
 * global 0, site 200, link 253, host 254, nowhere 255, or a number. */
#ifndef NSIP_RT_SCOPE_H
#define NSIP_RT_SCOPE_H

#include <stddef.h>

/* The name of a scope, or its number written into buf. */
const char *rt_scope_name(unsigned int scope, char *buf, size_t len);

/* A scope name or a number 0..255 (any C base); 0 or -1. */
int rt_scope_parse(const char *word, unsigned int *scope);

#endif
