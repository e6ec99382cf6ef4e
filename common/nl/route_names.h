/* The names iproute2 gives to numbers of the routing tables: tables,
 * protocols, scopes (built in, then /etc/iproute2/rt_tables, rt_protos,
 * rt_scopes), DS fields (/etc/iproute2/rt_dsfield) and route types
 * (built in). */
#ifndef NSIP_ROUTE_NAMES_H
#define NSIP_ROUTE_NAMES_H

#include <stddef.h>
#include <stdint.h>

enum rt_name_kind { RT_NAME_TABLE, RT_NAME_PROTO, RT_NAME_SCOPE, RT_NAME_DSFIELD };

/* The name of id, or its decimal number written into buf. */
const char *rt_name_of(enum rt_name_kind kind, uint32_t id, char *buf,
		       size_t len);
/* A name or a number (any C base, but DS fields are hexadecimal with or
 * without 0x, as iproute2 reads them; tables up to 2^32-1, the others up
 * to 255); -1 when it is neither. */
int rt_name_parse(enum rt_name_kind kind, const char *word, uint32_t *id);

/* Route types: "unicast", "blackhole", ...; unknown numbers as decimal. */
const char *rt_type_name(unsigned int type, char *buf, size_t len);
int rt_type_parse(const char *word, unsigned int *type);

#endif
