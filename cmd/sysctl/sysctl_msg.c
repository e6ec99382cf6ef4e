/* procps' messages, and the two checks every path to a key goes through. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sysctl/sysctl.h"

__attribute__((format(printf, 2, 0)))
static void vwarn(int err, const char *fmt, va_list ap)
{
	/* No flush of stdout first: procps' stdout keeps its own pace, and
	 * "2>&1" must interleave the same way. The analyzer loses track of a
	 * va_list passed on (x86-64's is an array): both callers va_start it. */
	fputs("sysctl: ", stderr);
	vfprintf(stderr, fmt, ap);   /* NOLINT(clang-analyzer-valist.Uninitialized) */
	if (err)
		fprintf(stderr, ": %s", strerror(err));
	fputc('\n', stderr);
}

void sysctl_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(0, fmt, ap);
	va_end(ap);
}

void sysctl_warn_err(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(err, fmt, ap);
	va_end(ap);
}

void sysctl_swap_warn(char *key, char want)
{
	char *typed = strdup(key);
	long at = sysctl_swap_separators(key, want);

	if (at >= 0)
		sysctl_warn("separators should not be repeated: %s",
			    typed ? typed + at : key + at);
	free(typed);
}

bool sysctl_pattern_ok(const struct sysctl_opts *o, const char *name)
{
	if (!o->has_pattern)
		return true;
	return o->pattern_ok && regexec(&o->pattern, name, 0, NULL, 0) == 0;
}

bool sysctl_under_root(const char *path)
{
	char *real = realpath(path, NULL);
	bool under;

	if (!real)
		return false;
	under = !strncmp(real, SYSCTL_ROOT, SYSCTL_ROOT_LEN);
	if (!under)
		sysctl_warn("Path is not under %s: %s", SYSCTL_ROOT, path);
	free(real);
	return under;
}
