/* The error JSON and Go-worded errno texts. */
#include "cni/cni_err.h"

#include <ctype.h>
#include <stdarg.h>
#include <string.h>

#include "cni/cni_json.h"

static void vfill(char *buf, size_t len, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
static void vfill(char *buf, size_t len, const char *fmt, va_list ap)
{
	vsnprintf(buf, len, fmt, ap);   /* NOLINT(clang-analyzer-valist.Uninitialized) */
}

int cni_fail(struct cni_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	e->details[0] = '\0';
	va_start(ap, fmt);
	vfill(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

int cni_fail_details(struct cni_err *e, int code, const char *details,
		     const char *fmt, ...)
{
	va_list ap;

	e->code = code;
	snprintf(e->details, sizeof(e->details), "%s", details);
	va_start(ap, fmt);
	vfill(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	return -1;
}

void cni_err_print(const struct cni_err *e, FILE *f)
{
	json_t *j = json_object();

	if (!j)
		return;
	json_object_set_new(j, "code", json_integer(e->code));
	json_object_set_new(j, "msg", json_string(e->msg));
	if (e->details[0])
		json_object_set_new(j, "details", json_string(e->details));
	cni_json_print(j, f);
	json_decref(j);
}

const char *cni_strerror(int err, char *buf, size_t len)
{
	snprintf(buf, len, "%s", strerror(err));
	/* Go's texts are glibc's with a small first letter. */
	if (buf[0] && !(buf[1] && isupper((unsigned char)buf[1])))
		buf[0] = (char)tolower((unsigned char)buf[0]);
	return buf;
}
