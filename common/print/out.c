#include "print/out.h"

#include <inttypes.h>
#include <string.h>

/* Text formats come from the field descriptions in the callers, not from
 * users; each holds one conversion for the typed value passed with it. */
#pragma GCC diagnostic ignored "-Wformat-nonliteral"

void out_init(struct out *o, FILE *f, bool json, bool pretty, bool oneline)
{
	*o = (struct out){ .f = f, .json = json, .pretty = json && pretty,
			   .oneline = oneline };
}

/* Dumps write thousands of fields, and stdio's calls for each little
 * piece were most of nsip's own work in them: pieces go a byte at a time
 * through putc_unlocked(), which stores straight into the stream's buffer
 * (nsip writes from one thread). */
static void put(const char *s, size_t n, FILE *f)
{
	for (size_t i = 0; i < n; i++)
		putc_unlocked(s[i], f);
}

static void put_str(const char *s, FILE *f)
{
	while (*s)
		putc_unlocked(*s++, f);
}

static void indent(struct out *o)
{
	if (!o->pretty)
		return;
	putc_unlocked('\n', o->f);
	for (int i = 0; i < o->depth; i++)
		put("    ", 4, o->f);
}

static void pay_separator(struct out *o)
{
	if (o->sep)
		putc_unlocked(o->sep, o->f);
	o->sep = ',';
}

void out_json_string(FILE *f, const char *s)
{
	putc_unlocked('"', f);
	for (;;) {
		/* Runs without anything to escape go out whole. iproute2
		 * passes other control characters through raw; so do we, to
		 * stay byte for byte the same. */
		size_t run = strcspn(s, "\"\\\n\r\t\f\b");
		put(s, run, f);
		s += run;
		if (!*s)
			break;
		switch (*s++) {
		case '"':  put_str("\\\"", f); break;
		case '\\': put_str("\\\\", f); break;
		case '\n': put_str("\\n", f); break;
		case '\r': put_str("\\r", f); break;
		case '\t': put_str("\\t", f); break;
		case '\f': put_str("\\f", f); break;
		default:   put_str("\\b", f); break;
		}
	}
	putc_unlocked('"', f);
}

/* Dumps print thousands of fields, and vfprintf was most of nsip's own
 * work in them. Nearly every text format is words around one conversion:
 * those are written here by hand, anything else goes to fprintf. */

/* The '%' of fmt when its only conversion is %CONV. */
static const char *lone(const char *fmt, char conv)
{
	const char *at = NULL;

	for (const char *p = fmt; *p; p++) {
		if (*p != '%')
			continue;
		if (at || p[1] != conv)
			return NULL;
		at = p++;
	}
	return at;
}

/* v in decimal, written into buf[24] from its end. */
static char *u64_str(char *buf, uint64_t v)
{
	char *p = buf + 23;

	*p = '\0';
	do
		*--p = (char)('0' + v % 10);
	while (v /= 10);
	return p;
}

static char *i64_str(char *buf, int64_t v)
{
	if (v >= 0)
		return u64_str(buf, (uint64_t)v);
	char *p = u64_str(buf, (uint64_t)0 - (uint64_t)v);
	*--p = '-';
	return p;
}

/* fmt with its lone %CONV replaced by s; false when fmt is not that. */
static bool around(FILE *f, const char *fmt, char conv, const char *s)
{
	const char *p = lone(fmt, conv);

	if (!p)
		return false;
	put(fmt, (size_t)(p - fmt), f);
	put_str(s, f);
	put_str(p + 2, f);
	return true;
}

static void text_str(FILE *f, const char *fmt, const char *v)
{
	if (!around(f, fmt, 's', v))
		fprintf(f, fmt, v);
}

static void text_uint(FILE *f, const char *fmt, unsigned int v)
{
	char buf[24];

	if (!around(f, fmt, 'u', u64_str(buf, v)))
		fprintf(f, fmt, v);
}

static void text_int(FILE *f, const char *fmt, int v)
{
	char buf[24];

	if (!around(f, fmt, 'd', i64_str(buf, v)))
		fprintf(f, fmt, v);
}

/* Starts a JSON value: the separator owed, then "key": (members of an
 * object start a new line when pretty; elements of an array do not). */
static void key(struct out *o, const char *k)
{
	pay_separator(o);
	if (!k)
		return;
	indent(o);
	out_json_string(o->f, k);
	putc_unlocked(':', o->f);
	if (o->pretty)
		putc_unlocked(' ', o->f);
	o->sep = 0;
}

static void json_open(struct out *o, const char *k, char c)
{
	key(o, k);
	putc_unlocked(c, o->f);
	o->depth++;
	o->sep = 0;
}

static void json_close(struct out *o, char c)
{
	o->depth--;
	if (o->sep)
		indent(o);
	putc_unlocked(c, o->f);
	o->sep = ',';
}

void out_list_begin(struct out *o)
{
	if (o->json)
		out_arr_begin(o, NULL);
}

void out_list_end(struct out *o)
{
	if (!o->json)
		return;
	out_arr_end(o);
	putc_unlocked('\n', o->f);
}

void out_obj_begin(struct out *o, const char *k)
{
	if (o->json)
		json_open(o, k, '{');
}

void out_obj_end(struct out *o)
{
	if (o->json)
		json_close(o, '}');
}

/* Pretty arrays pad their brackets with a space: "[ 1,2 ]", "[ ]". */
void out_arr_begin(struct out *o, const char *k)
{
	if (!o->json)
		return;
	json_open(o, k, '[');
	if (o->pretty)
		putc_unlocked(' ', o->f);
}

void out_arr_end(struct out *o)
{
	if (!o->json)
		return;
	if (o->pretty && o->sep)
		putc_unlocked(' ', o->f);
	o->sep = 0;
	json_close(o, ']');
}

/* Where a field goes: into JSON (its key is then written), into the text,
 * or nowhere (a text-only field in JSON, a JSON-only field in text). */
enum dest { NOWHERE, JSON, TEXT };

static enum dest field(struct out *o, const char *k, const char *fmt)
{
	if (o->json) {
		if (!k)
			return NOWHERE;
		key(o, k);
		o->sep = ',';
		return JSON;
	}
	return fmt ? TEXT : NOWHERE;
}

void out_str(struct out *o, const char *k, const char *fmt, const char *v)
{
	switch (field(o, k, fmt)) {
	case JSON: out_json_string(o->f, v); break;
	case TEXT: text_str(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_uint(struct out *o, const char *k, const char *fmt, unsigned int v)
{
	char buf[24];

	switch (field(o, k, fmt)) {
	case JSON: put_str(u64_str(buf, v), o->f); break;
	case TEXT: text_uint(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_u64(struct out *o, const char *k, const char *fmt, uint64_t v)
{
	char buf[24];

	switch (field(o, k, fmt)) {
	case JSON: put_str(u64_str(buf, v), o->f); break;
	case TEXT: fprintf(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_int(struct out *o, const char *k, const char *fmt, int v)
{
	char buf[24];

	switch (field(o, k, fmt)) {
	case JSON: put_str(i64_str(buf, v), o->f); break;
	case TEXT: text_int(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_null(struct out *o, const char *k, const char *fmt)
{
	switch (field(o, k, fmt)) {
	case JSON: put_str("null", o->f); break;
	case TEXT: put_str(fmt, o->f); break;
	case NOWHERE: break;
	}
}

void out_bool(struct out *o, const char *k, const char *fmt, bool v)
{
	switch (field(o, k, v ? fmt : NULL)) {
	case JSON: put_str(v ? "true" : "false", o->f); break;
	case TEXT: put_str(fmt, o->f); break;
	case NOWHERE: break;
	}
}

void out_text(struct out *o, const char *s)
{
	if (!o->json)
		put_str(s, o->f);
}

void out_nl(struct out *o)
{
	if (!o->json)
		put_str(o->oneline ? "\\" : "\n", o->f);
}

void out_eol(struct out *o)
{
	if (!o->json)
		putc_unlocked('\n', o->f);
}

void out_elem_str(struct out *o, const char *fmt, const char *v)
{
	if (o->json) {
		key(o, NULL);
		out_json_string(o->f, v);
	} else if (fmt) {
		text_str(o->f, fmt, v);
	}
}

void out_float(struct out *o, const char *k, const char *fmt,
	       const char *json_fmt, double v)
{
	switch (field(o, k, fmt)) {
	case JSON: fprintf(o->f, json_fmt, v); break;
	case TEXT: fprintf(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_flag_names(struct out *o, unsigned int flags,
		    const struct flag_name *t, size_t n)
{
	char hex[16];

	for (size_t i = 0; i < n; i++) {
		if (!(flags & t[i].bit))
			continue;
		flags &= ~t[i].bit;
		out_elem_str(o, flags ? "%s," : "%s", t[i].name);
	}
	if (flags) {
		snprintf(hex, sizeof(hex), "%x", flags);
		out_elem_str(o, "%s", hex);
	}
}
