/* tun devices seen through sysfs and /proc, as `ip tuntap show` reads
 * them: same files, same order, same complaints. */
#include "nl/tun_info.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int prop_failed(const char *path)
{
	fprintf(stderr, "Failed to parse %s\n", path);
	return -1;
}

int tun_prop_read(const char *dev, const char *prop, long *value)
{
	char path[128], buf[80], *end;
	FILE *f;
	int n = snprintf(path, sizeof(path), "/sys/class/net/%s/%s", dev, prop);

	if (n <= 0 || (size_t)n >= sizeof(path)) {
		fprintf(stderr, "could not build pathname for property\n");
		return -1;
	}
	if (!(f = fopen(path, "re"))) {
		int e = errno;
		fprintf(stderr, "fopen %s: %s\n", path, strerror(e));
		return -1;
	}
	if (!fgets(buf, sizeof(buf), f)) {
		fprintf(stderr, "property \"%s\" in file %s is currently unknown\n",
			prop, path);
		fclose(f);
		return prop_failed(path);
	}
	fclose(f);
	buf[strcspn(buf, "\n")] = '\0';
	errno = 0;
	long v = strtol(buf, &end, 0);
	if (*end || end == buf) {
		fprintf(stderr, "value \"%s\" in file %s is not a number\n", buf, path);
		return prop_failed(path);
	}
	if ((v == LONG_MAX || v == LONG_MIN) && errno == ERANGE) {
		fprintf(stderr, "strtol %s: %s", path, strerror(ERANGE));
		return prop_failed(path);
	}
	*value = v;
	return 0;
}

/* A descriptor of some process: /proc/PID/fd/FD. */
struct fd_ref {
	int pid, fd;
};

struct fd_list {
	struct fd_ref *v;
	size_t n, cap;
};

/* A directory entry named by a number (a pid, a descriptor): its value. */
static bool entry_number(const char *name, int *n)
{
	char *end;

	if (!isdigit((unsigned char)*name))
		return false;
	errno = 0;
	long v = strtol(name, &end, 10);
	if (*end || errno || v > INT_MAX)
		return false;
	*n = (int)v;
	return true;
}

static int fd_list_add(struct fd_list *l, int pid, int fd)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct fd_ref *v = realloc(l->v, cap * sizeof(*v));
		if (!v)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = (struct fd_ref){ pid, fd };
	return 0;
}

/* The descriptors of one process, in its fd directory's order. */
static void list_fds(struct fd_list *l, int pid)
{
	char path[64];
	struct dirent *e;
	DIR *d;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/fd", pid);
	if (!(d = opendir(path)))
		return;
	while ((e = readdir(d)))
		if (entry_number(e->d_name, &fd) && fd_list_add(l, pid, fd) < 0)
			break;
	closedir(d);
}

/* Every descriptor of every process, collected before any is looked at,
 * as iproute2's glob of /proc/[0-9]*\/fd/[0-9]* does. */
static void list_all_fds(struct fd_list *l)
{
	struct dirent *e;
	DIR *d = opendir("/proc");
	int pid;

	if (!d)
		return;
	while ((e = readdir(d)))
		if (entry_number(e->d_name, &pid))
			list_fds(l, pid);
	closedir(d);
}

/* Whether fdinfo has the line "iff: DEV" (key, colon, blanks, the name). */
static bool attached_to(FILE *f, const char *dev)
{
	char line[256];
	bool found = false;

	while (fgets(line, sizeof(line), f)) {
		char *colon = strchr(line, ':');
		if (!colon || colon - line != 3 || strncmp(line, "iff", 3))
			continue;
		char *v = colon + 1;
		v += strspn(v, " \t");
		v[strcspn(v, " \t\n")] = '\0';
		if (!strcmp(v, dev))
			found = true;
	}
	return found;
}

static bool task_name(int pid, char *buf, size_t len)
{
	char path[64];
	FILE *f;
	bool ok;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	if (!(f = fopen(path, "re")))
		return false;
	ok = fgets(buf, (int)len, f) != NULL;
	fclose(f);
	if (ok)
		buf[strcspn(buf, "\n")] = '\0';
	return ok;
}

static void look_at(const struct fd_ref *r, const char *dev, tun_holder_fn *fn, void *data)
{
	static const char tun_path[] = "/dev/net/tun";
	char path[64], target[sizeof(tun_path) + 1], comm[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fd/%d", r->pid, r->fd);
	/* One byte more than the path is read: a longer target differs. */
	ssize_t n = readlink(path, target, sizeof(target) - 1);
	if (n < 0) {
		perror("readlink");
		return;
	}
	target[n] = '\0';
	if (strcmp(target, tun_path))
		return;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%d", r->pid, r->fd);
	if (!(f = fopen(path, "re"))) {
		perror("fopen");
		return;
	}
	bool held = attached_to(f, dev);
	fclose(f);
	if (held)
		fn(r->pid, task_name(r->pid, comm, sizeof(comm)) ? comm : NULL, data);
}

int tun_holders_each(const char *dev, tun_holder_fn *fn, void *data)
{
	struct fd_list l = { 0 };
	int self = (int)getpid();

	list_all_fds(&l);
	if (!l.n) {
		free(l.v);
		return -1;
	}
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].pid != self)
			look_at(&l.v[i], dev, fn, data);
	free(l.v);
	return 0;
}
