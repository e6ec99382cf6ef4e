#include "out.h"

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

static void indent(struct out *o)
{
	if (!o->pretty)
		return;
	fputc('\n', o->f);
	for (int i = 0; i < o->depth; i++)
		fputs("    ", o->f);
}

static void pay_separator(struct out *o)
{
	if (o->sep)
		fputc(o->sep, o->f);
	o->sep = ',';
}

void out_json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (;;) {
		/* Runs without anything to escape go out whole. iproute2
		 * passes other control characters through raw; so do we, to
		 * stay byte for byte the same. */
		size_t run = strcspn(s, "\"\\\n\r\t\f\b");
		fwrite(s, 1, run, f);
		s += run;
		if (!*s)
			break;
		switch (*s++) {
		case '"':  fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		case '\f': fputs("\\f", f); break;
		default:   fputs("\\b", f); break;
		}
	}
	fputc('"', f);
}

/* Dumps print thousands of fields, and vfprintf was most of nsip's own
 * work in them. Nearly every text format is words around one conversion:
 * those are written here by hand, anything else goes to fprintf. */

/* The '%' of fmt when its only conversion is %CONV. */
static const char *lone(const char *fmt, char conv)
{
	const char *p = strchr(fmt, '%');

	return p && p[1] == conv && !strchr(p + 2, '%') ? p : NULL;
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
	fwrite(fmt, 1, (size_t)(p - fmt), f);
	fputs(s, f);
	fputs(p + 2, f);
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
	fputc(':', o->f);
	if (o->pretty)
		fputc(' ', o->f);
	o->sep = 0;
}

static void json_open(struct out *o, const char *k, char c)
{
	key(o, k);
	fputc(c, o->f);
	o->depth++;
	o->sep = 0;
}

static void json_close(struct out *o, char c)
{
	o->depth--;
	if (o->sep)
		indent(o);
	fputc(c, o->f);
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
	fputc('\n', o->f);
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
		fputc(' ', o->f);
}

void out_arr_end(struct out *o)
{
	if (!o->json)
		return;
	if (o->pretty && o->sep)
		fputc(' ', o->f);
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
	case JSON: fputs(u64_str(buf, v), o->f); break;
	case TEXT: text_uint(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_u64(struct out *o, const char *k, const char *fmt, uint64_t v)
{
	char buf[24];

	switch (field(o, k, fmt)) {
	case JSON: fputs(u64_str(buf, v), o->f); break;
	case TEXT: fprintf(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_int(struct out *o, const char *k, const char *fmt, int v)
{
	char buf[24];

	switch (field(o, k, fmt)) {
	case JSON: fputs(i64_str(buf, v), o->f); break;
	case TEXT: text_int(o->f, fmt, v); break;
	case NOWHERE: break;
	}
}

void out_null(struct out *o, const char *k, const char *fmt)
{
	switch (field(o, k, fmt)) {
	case JSON: fputs("null", o->f); break;
	case TEXT: fputs(fmt, o->f); break;
	case NOWHERE: break;
	}
}

void out_bool(struct out *o, const char *k, const char *fmt, bool v)
{
	switch (field(o, k, v ? fmt : NULL)) {
	case JSON: fputs(v ? "true" : "false", o->f); break;
	case TEXT: fputs(fmt, o->f); break;
	case NOWHERE: break;
	}
}

void out_text(struct out *o, const char *s)
{
	if (!o->json)
		fputs(s, o->f);
}

void out_nl(struct out *o)
{
	if (!o->json)
		fputs(o->oneline ? "\\" : "\n", o->f);
}

void out_eol(struct out *o)
{
	if (!o->json)
		fputc('\n', o->f);
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
