/* A test-only LD_PRELOAD shim: NSIP_FAULT="FUNC:N[,FUNC:N...]" makes the
 * Nth call of FUNC (mount, umount2, unshare, setns, open, mkdir) fail with
 * EPERM, so that tests can check nsip's clean-up after a failure at each
 * step. Never installed. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>

static int should_fail(const char *func)
{
	static int counts[16];
	static const char *names[] = { "mount", "umount2", "unshare", "setns",
				       "open", "mkdir", NULL };
	const char *spec = getenv("NSIP_FAULT");
	int i;

	for (i = 0; names[i] && strcmp(names[i], func); i++)
		;
	if (!names[i] || !spec)
		return 0;
	int call = ++counts[i];
	size_t len = strlen(func);
	for (const char *p = spec; (p = strstr(p, func)); p += len)
		if ((p == spec || p[-1] == ',') && p[len] == ':' && atoi(p + len + 1) == call) {
			errno = EPERM;
			return 1;
		}
	return 0;
}

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

int mount(const char *src, const char *dst, const char *fs, unsigned long fl,
	  const void *data)
{
	typedef int (*fn)(const char *, const char *, const char *,
			  unsigned long, const void *);
	return should_fail("mount") ? -1 : REAL("mount", fn)(src, dst, fs, fl, data);
}

int umount2(const char *target, int flags)
{
	typedef int (*fn)(const char *, int);
	return should_fail("umount2") ? -1 : REAL("umount2", fn)(target, flags);
}

int unshare(int flags)
{
	typedef int (*fn)(int);
	return should_fail("unshare") ? -1 : REAL("unshare", fn)(flags);
}

int setns(int fd, int type)
{
	typedef int (*fn)(int, int);
	return should_fail("setns") ? -1 : REAL("setns", fn)(fd, type);
}

int mkdir(const char *path, mode_t mode)
{
	typedef int (*fn)(const char *, mode_t);
	return should_fail("mkdir") ? -1 : REAL("mkdir", fn)(path, mode);
}

int open(const char *path, int flags, ...)
{
	typedef int (*fn)(const char *, int, ...);
	mode_t mode = 0;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return should_fail("open") ? -1 : REAL("open", fn)(path, flags, mode);
}
