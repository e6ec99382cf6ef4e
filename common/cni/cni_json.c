/* Go-shaped JSON output and typed member access. */
#include "cni/cni_json.h"

#include <stdlib.h>

/* Go escapes these three in strings; outside strings JSON never has them,
 * so every one in jansson's output can be replaced. */
static int put_go(const char *s, FILE *f)
{
	for (; *s; s++) {
		int r;

		switch (*s) {
		case '<': r = fputs("\\u003c", f); break;
		case '>': r = fputs("\\u003e", f); break;
		case '&': r = fputs("\\u0026", f); break;
		default: r = fputc(*s, f); break;
		}
		if (r == EOF)
			return -1;
	}
	return 0;
}

static int print_flags(const json_t *j, FILE *f, size_t flags)
{
	char *s = json_dumps(j, flags | JSON_PRESERVE_ORDER | JSON_ENCODE_ANY);
	int r;

	if (!s)
		return -1;
	r = put_go(s, f);
	free(s);
	return r;
}

int cni_json_print(const json_t *j, FILE *f)
{
	return print_flags(j, f, JSON_INDENT(4));
}

int cni_json_print_line(const json_t *j, FILE *f)
{
	if (print_flags(j, f, JSON_COMPACT) < 0 || fputc('\n', f) == EOF)
		return -1;
	return 0;
}

const char *cni_json_str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int cni_json_bool(const json_t *o, const char *key, bool *v)
{
	const json_t *b = json_object_get(o, key);

	*v = false;
	if (!b)
		return 0;
	if (!json_is_boolean(b))
		return -1;
	*v = json_is_true(b);
	return 0;
}
