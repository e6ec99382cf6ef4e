/* One description of a record renders text, -oneline and JSON.
 *
 * Every field is emitted by one call that names its JSON key and its text
 * format: a NULL key means "text only", a NULL format means "JSON only".
 * The text format holds exactly one conversion matching the value's type. */
#ifndef NSIP_OUT_H
#define NSIP_OUT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct out {
	FILE *f;
	bool json;
	bool pretty;
	bool oneline;
	int depth;   /* JSON nesting depth */
	char sep;    /* JSON separator owed before the next value, or 0 */
};

void out_init(struct out *o, FILE *f, bool json, bool pretty, bool oneline);

/* The outermost list of records: "[" ... "]\n" in JSON, nothing in text. */
void out_list_begin(struct out *o);
void out_list_end(struct out *o);

/* A record, or a named sub-object (key NULL inside an array). JSON only. */
void out_obj_begin(struct out *o, const char *key);
void out_obj_end(struct out *o);
void out_arr_begin(struct out *o, const char *key);
void out_arr_end(struct out *o);

void out_str(struct out *o, const char *key, const char *fmt, const char *v);
void out_uint(struct out *o, const char *key, const char *fmt, unsigned int v);
void out_u64(struct out *o, const char *key, const char *fmt, uint64_t v);
void out_int(struct out *o, const char *key, const char *fmt, int v);
/* A number with a fraction: json_fmt gives its JSON digits ("%.2f"). */
void out_float(struct out *o, const char *key, const char *fmt,
	       const char *json_fmt, double v);
/* An element of a JSON array (no key); in text, like out_str. */
void out_elem_str(struct out *o, const char *fmt, const char *v);
/* JSON true/false; in text, fmt when v is true. */
void out_bool(struct out *o, const char *key, const char *fmt, bool v);
/* A key whose presence is the information: "router":null. */
void out_null(struct out *o, const char *key, const char *fmt);

/* Text only: a literal piece of a line. */
void out_text(struct out *o, const char *s);
/* Text only: a line break inside a record ("\" with -oneline). */
void out_nl(struct out *o);
/* Text only: the end of a record. */
void out_eol(struct out *o);

/* Writes s as a JSON string literal (with quotes) to f. */
void out_json_string(FILE *f, const char *s);

struct flag_name {
	unsigned int bit;
	const char *name;
};
/* The names of the bits set in flags, each followed by a comma while
 * bits remain, leftover bits in hex: elements of the current array. */
void out_flag_names(struct out *o, unsigned int flags,
		    const struct flag_name *t, size_t n);

#endif
