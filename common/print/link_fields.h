/* Tables of numeric attributes, each described once with its text and
 * JSON names: the bridge and bridge port data of `ip -d link`. */
#ifndef NSIP_LINK_FIELDS_H
#define NSIP_LINK_FIELDS_H

#include <stdint.h>
#include <libmnl/libmnl.h>

#include "nl/nl.h"
#include "print/out.h"

enum field_fmt {
	F_UINT,       /* "name N" / "json":N */
	F_ONOFF,      /* "name on|off" / "json":true|false */
	F_TIMER,      /* hundredths of a second: "name %7.2f" / "json":%.2f */
	F_BRID,       /* bridge id: "8000.02:00:00:00:00:01" */
	F_HEX,        /* "%#x", a string in JSON */
	F_MAC,        /* a link-layer address */
	F_PORTSTATE,  /* disabled, listening, ... */
	F_MASKSTR,    /* group_fwd_mask_str */
	F_VLANPROTO,  /* 802.1Q, 802.1ad */
	F_BOOLOPT,    /* the bridge's no_linklocal_learn, mcast_vlan_snooping */
};

struct field {
	uint16_t attr;
	enum mnl_attr_data_type type;
	uint16_t min_len;
	enum field_fmt fmt;
	const char *text;   /* the text name */
	const char *json;   /* the JSON key; NULL: text only */
};

/* Validates nest against the table's own types and prints each field
 * present, in table order. max is the table's highest attribute. */
int fields_print(struct out *o, const struct nlattr *nest,
		 const struct field *t, size_t n, uint16_t max);

#endif
