#include "base/err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

/* printf-like, so that the compilers check the formats passed through. */
__attribute__((format(printf, 1, 0)))
static void vline(const char *fmt, va_list ap)
{
	fflush(stdout);
	/* The analyzer loses track of a va_list passed on (x86-64's is an
	 * array): both callers va_start it first. */
	vfprintf(stderr, fmt, ap);   /* NOLINT(clang-analyzer-valist.Uninitialized) */
	fputc('\n', stderr);
}

void errmsg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(fmt, ap);
	va_end(ap);
}

int fail(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(fmt, ap);
	va_end(ap);
	return code;
}

const char *privilege_hint(int err)
{
	if (err == EPERM || err == EACCES)
		return " (this needs root: CAP_SYS_ADMIN and CAP_NET_ADMIN)";
	return "";
}
