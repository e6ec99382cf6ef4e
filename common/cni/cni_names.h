/* The names a CNI config and environment carry: network names and
 * container ids ([A-Za-z0-9][A-Za-z0-9_.-]*, the reference's rule). */
#ifndef NSIP_CNI_NAMES_H
#define NSIP_CNI_NAMES_H

#include <stdbool.h>

bool cni_name_valid(const char *s);

#endif
