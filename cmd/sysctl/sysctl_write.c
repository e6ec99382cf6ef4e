/* Writing one key, with procps 4.0.2's messages and exit codes: a key
 * that is read-only or a directory is warned about but does not fail, a
 * "-KEY" line's refusal is only warned about (", ignoring"), a value the
 * kernel refuses fails. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sysctl/sysctl.h"

static int open_failed(const struct sysctl_opts *o, const char *key,
		       bool ignore_failure, int err)
{
	const char *ignoring = ignore_failure ? ", ignoring" : "";

	switch (err) {
	case ENOENT:
		if (o->ignore_error)
			return 0;
		sysctl_warn("\"%s\" is an unknown key%s", key, ignoring);
		return ignore_failure ? 0 : 1;
	case EPERM:
	case EROFS:
	case EACCES:
		sysctl_warn("permission denied on key \"%s\"%s", key, ignoring);
		break;
	default:
		sysctl_warn_err(err, "setting key \"%s\"%s", key, ignoring);
		break;
	}
	return ignore_failure ? 0 : 1;
}

/* "VALUE\n" in one write, as the kernel parses one write as one value. */
static int put(const char *path, const char *value)
{
	char *line;
	int n = asprintf(&line, "%s\n", value);
	int fd, err = 0;

	if (n < 0)
		return ENOMEM;
	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		free(line);
		return -err;
	}
	ssize_t w = write(fd, line, (size_t)n);
	if (w < 0)
		err = errno;
	else if (w != n)
		err = EIO;
	if (close(fd) < 0 && !err)
		err = errno;
	free(line);
	return err;
}

static void echo(const struct sysctl_opts *o, const char *key, const char *value)
{
	/* -N too prints the value here: procps 4.0.2 does. */
	if (o->print_name && !o->name_only)
		printf("%s = %s\n", key, value);
	else if (o->print_newline || o->name_only)
		printf("%s\n", value);
	else
		printf("%s", value);
}

int sysctl_write(const struct sysctl_opts *o, const char *path,
		 const char *value, bool ignore_failure)
{
	struct stat st;
	char *key;
	int rc = 0;

	if (!value)
		value = "(null)";   /* what procps writes for "-KEY" given to -w */
	if (stat(path, &st) < 0) {
		if (o->ignore_error)
			return 0;
		sysctl_warn_err(errno, "cannot stat %s", path);
		return 1;
	}
	if (!sysctl_under_root(path))
		return 1;
	key = strdup(path + SYSCTL_ROOT_LEN);
	if (!key)
		return 1;
	sysctl_swap_warn(key, '.');
	/* procps reports these with the errno realpath left: EINVAL. */
	if (!(st.st_mode & S_IWUSR) || S_ISDIR(st.st_mode)) {
		sysctl_warn_err(EINVAL, "setting key \"%s\"", key);
		free(key);
		return 0;
	}
	if (!o->dry_run) {
		int err = put(path, value);
		if (err < 0) {
			rc = open_failed(o, key, ignore_failure, -err);
		} else if (err > 0) {
			sysctl_warn_err(err, "setting key \"%s\"", key);
			free(key);
			return 1;
		}
	}
	if ((rc == 0 && !o->quiet) || o->dry_run)
		echo(o, key, value);
	free(key);
	return rc;
}
