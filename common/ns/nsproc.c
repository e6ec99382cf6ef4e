/* Owns what links processes and named namespaces: the PIDs whose network
 * namespace is a given file (pids), and the name of a process's (identify). */
#include "ns/nsproc.h"
#include "base/err.h"
#include "ns/rundir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool ns_is_pid(const char *word)
{
	for (; *word; word++)
		if (*word < '0' || *word > '9')
			return false;
	return true;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

int ns_pids_of(const struct stat *ns, void (*fn)(const char *pid, void *data),
	       void *data)
{
	DIR *d = opendir("/proc/");
	struct dirent *e;

	if (!d)
		return fail(EXIT_CMD, "Open of /proc failed: %s", strerror(errno));
	while ((e = readdir(d))) {
		char path[300];
		struct stat st;

		if (!ns_is_pid(e->d_name))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/ns/net", e->d_name);
		/* A process that exits meanwhile is simply not listed. */
		if (stat(path, &st) == 0 && same_file(&st, ns))
			fn(e->d_name, data);
	}
	closedir(d);
	return 0;
}

/* The process's namespace file, described by st. */
static int stat_pid_netns(const char *pid, struct stat *st)
{
	char path[300];

	int fd = -1;

	if (snprintf(path, sizeof(path), "/proc/%s/ns/net", pid) >= (int)sizeof(path))
		errno = ENAMETOOLONG;
	else
		fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		errmsg("Cannot open network namespace: %s", strerror(errno));
		return EXIT_CMD;
	}
	int r = fstat(fd, st);
	int saved = errno;
	close(fd);
	if (r < 0) {
		errmsg("Stat of netns failed: %s", strerror(saved));
		return EXIT_CMD;
	}
	return 0;
}

int ns_identify(const char *pid, char *name, size_t len)
{
	struct stat ns, st;
	struct dirent *e;

	name[0] = '\0';
	if (stat_pid_netns(pid, &ns))
		return EXIT_CMD;
	DIR *d = opendir(NETNS_RUN_DIR);
	if (!d) {
		if (errno == ENOENT)   /* no run dir: no names */
			return 0;
		return fail(EXIT_CMD, "Failed to open directory %s:%s",
			    NETNS_RUN_DIR, strerror(errno));
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		/* A symlink (to /proc/PID/ns/net) names what it points to, as
		 * in ip; stat does not open, so a FIFO cannot block here. */
		if (fstatat(dirfd(d), e->d_name, &st, 0) == 0 &&
		    same_file(&st, &ns))
			snprintf(name, len, "%s", e->d_name);
	}
	closedir(d);
	return 0;
}
