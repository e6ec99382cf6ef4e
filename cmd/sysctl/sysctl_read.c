/* Reading keys: one (sysctl KEY), a tree (a key that is a directory, -a).
 * As procps 4.0.2: a key nobody may read is passed over in silence, an
 * unreadable stable_secret (EIO) fails without a word, and -a goes on past
 * every error of a subtree. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sysctl/sysctl.h"

/* path was malloc'ed with room for one more character. */
static void add_slash(char *path)
{
	size_t n = strlen(path);

	path[n] = '/';
	path[n + 1] = '\0';
}

/* Kept out of -a unless --deprecated: procps' list. */
static bool deprecated(const char *name)
{
	return !strcmp(name, "base_reachable_time") || !strcmp(name, "retrans_time");
}

/* The whole file, NUL-terminated, in *buf; -1 with errno. */
static ssize_t slurp(int fd, char **buf)
{
	size_t len = 0, cap = 4096;
	char *b = malloc(cap + 1);

	if (!b)
		return -1;
	for (;;) {
		ssize_t n = read(fd, b + len, cap - len);
		if (n < 0) {
			int err = errno;
			free(b);
			errno = err;
			return -1;
		}
		if (n == 0)
			break;
		len += (size_t)n;
		if (len == cap) {
			char *more = realloc(b, 2 * cap + 1);
			if (!more) {
				free(b);
				errno = ENOMEM;
				return -1;
			}
			b = more;
			cap *= 2;
		}
	}
	b[len] = '\0';
	*buf = b;
	return (ssize_t)len;
}

/* Each line of the value, as procps prints it (line by line, so that a
 * value of several lines repeats the name; up to a NUL, as C strings). */
static void print_value(const struct sysctl_opts *o, const char *name,
			const char *text)
{
	const char *line = text;

	while (*line) {
		const char *nl = strchr(line, '\n');
		int n = nl ? (int)(nl - line) : (int)strlen(line);

		if (o->print_name)
			printf("%s = %.*s\n", name, n, line);
		else if (o->print_newline && nl)
			printf("%.*s\n", n, line);
		else
			printf("%.*s", n, line);
		if (!nl)
			break;
		line = nl + 1;
	}
}

static int open_failed(const struct sysctl_opts *o, const char *name, int err)
{
	switch (err) {
	case ENOENT:
		if (o->ignore_error)
			return 0;
		sysctl_warn("\"%s\" is an unknown key", name);
		return 1;
	case EACCES:
		sysctl_warn("permission denied on key '%s'", name);
		return 1;
	case EIO:
		return 1;
	default:
		sysctl_warn_err(err, "reading key \"%s\"", name);
		return 1;
	}
}

static int read_failed(const struct sysctl_opts *o, const char *name,
		       char *path, int err)
{
	switch (err) {
	case EACCES:
		sysctl_warn("permission denied on key '%s'", name);
		return 1;
	case EISDIR:
		add_slash(path);
		return sysctl_read_all(o, path);
	case EIO:
		return 1;
	default:
		sysctl_warn("reading key \"%s\"", name);
		return 1;
	}
}

/* Prints the key at path (malloc'ed with room for a '/'), shown as name. */
static int read_key(const struct sysctl_opts *o, const char *name, char *path)
{
	struct stat st;
	char *text;
	int fd;

	if (stat(path, &st) < 0) {
		if (o->ignore_error)
			return 0;
		sysctl_warn_err(errno, "cannot stat %s", path);
		return 1;
	}
	if (!(st.st_mode & S_IRUSR))
		return 0;
	if (!sysctl_under_root(path))
		return -1;
	if (S_ISDIR(st.st_mode)) {
		add_slash(path);
		return sysctl_read_all(o, path);
	}
	if (!sysctl_pattern_ok(o, name))
		return 0;
	if (o->name_only) {
		printf("%s\n", name);
		return 0;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return open_failed(o, name, errno);
	ssize_t n = slurp(fd, &text);
	int err = errno;
	close(fd);
	if (n < 0)
		return read_failed(o, name, path, err);
	print_value(o, name, text);
	free(text);
	return 0;
}

int sysctl_read(const struct sysctl_opts *o, const char *name)
{
	char *shown, *path;
	long at;
	int rc;

	if (!*name) {
		sysctl_warn("\"%s\" is an unknown key", name);
		return -1;
	}
	/* procps turns the name for display twice, around the path: a
	 * repeated slash is warned about twice, a repeated dot once. */
	shown = strdup(name);
	path = sysctl_key_path(name, &at);
	if (!shown || !path) {
		free(shown);
		free(path);
		sysctl_warn_err(ENOMEM, "%s", name);
		return 1;
	}
	sysctl_swap_warn(shown, '.');
	if (at >= 0)
		sysctl_warn("separators should not be repeated: %s",
			    name + at);
	memcpy(shown, name, strlen(name) + 1);
	sysctl_swap_warn(shown, '.');
	rc = read_key(o, shown, path);
	free(shown);
	free(path);
	return rc;
}

/* One entry of a directory being listed. */
static int read_entry(const struct sysctl_opts *o, const char *dir,
		      const char *entry)
{
	size_t n = strlen(dir) + strlen(entry);
	char *path = malloc(n + 2);
	struct stat st;
	int rc = 0;

	if (!path)
		return 1;
	snprintf(path, n + 2, "%s%s", dir, entry);
	if (stat(path, &st) != 0) {
		sysctl_warn_err(errno, "cannot stat %s", path);
	} else if (S_ISDIR(st.st_mode)) {
		add_slash(path);
		sysctl_read_all(o, path);  /* procps counts no subtree's failure */
	} else {
		char *name = strdup(path + SYSCTL_ROOT_LEN);
		if (name) {
			sysctl_swap_warn(name, '.');
			rc = read_key(o, name, path);
			free(name);
		}
	}
	free(path);
	return rc;
}

int sysctl_read_all(const struct sysctl_opts *o, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		sysctl_warn("unable to open directory \"%s\"", dir);
		return 1;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (!o->deprecated && deprecated(e->d_name))
			continue;
		rc |= read_entry(o, dir, e->d_name);
	}
	closedir(d);
	return rc;
}
