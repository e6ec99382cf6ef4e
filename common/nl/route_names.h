/* The names iproute2 gives to numbers of the routing tables: tables,
 * protocols, scopes, DS fields, device groups and realms (built in,
 * then /etc/iproute2/rt_tables, rt_protos, rt_scopes, rt_dsfield, group,
 * rt_realms) and route types (built in). */
#ifndef NSIP_ROUTE_NAMES_H
#define NSIP_ROUTE_NAMES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum rt_name_kind {
	RT_NAME_TABLE, RT_NAME_PROTO, RT_NAME_SCOPE,
	RT_NAME_DSFIELD,   /* numbers in hex ("0x10"), written "0x%02x" */
	RT_NAME_GROUP,     /* numbers 0 to INT32_MAX */
	RT_NAME_REALM,
};

/* The name of id, or its number written into buf (decimal; a DS field
 * as "0x%02x"). */
const char *rt_name_of(enum rt_name_kind kind, uint32_t id, char *buf,
		       size_t len);
/* A name or a number (any C base, a DS field in hex; tables up to
 * 2^32-1, groups up to 2^31-1, the others up to 255); -1 when it is
 * neither. */
int rt_name_parse(enum rt_name_kind kind, const char *word, uint32_t *id);

/* id in decimal into buf: what -N (-Numeric) prints instead of a name. */
const char *rt_number(uint32_t id, char *buf, size_t len);
/* rt_name_of, or with numeric (-N) the number as ip then writes it (DS
 * fields in hex, the others in decimal). */
const char *rt_name_num(enum rt_name_kind kind, uint32_t id, bool numeric,
			char *buf, size_t len);

/* Route types: "unicast", "blackhole", ...; unknown numbers as decimal. */
const char *rt_type_name(unsigned int type, char *buf, size_t len);
int rt_type_parse(const char *word, unsigned int *type);

#endif
