/* Owns the safe open of a run-dir entry (a symlink followed as ip follows
 * it, nothing blocked on, nsfs and the namespace type checked) and the one
 * line that explains an entry that is no network namespace. */
#include "ns/nsfile.h"
#include "base/err.h"
#include "ns/rundir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <linux/magic.h>
#include <linux/nsfs.h>

#define OTHER_NS "a mount of a namespace of another type"
#define OTHER_NS_LINK "a symbolic link to a namespace of another type"

/* What st is; through_link when the entry is a symlink to it. */
static const char *kind_of(const struct stat *st, bool through_link)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG:
		if (through_link)
			return "a symbolic link to a regular file";
		return st->st_size ? "a regular file" : "an empty regular file";
	case S_IFDIR:
		return through_link ? "a symbolic link to a directory" : "a directory";
	case S_IFIFO:
		return through_link ? "a symbolic link to a FIFO" : "a FIFO";
	case S_IFSOCK:
		return through_link ? "a symbolic link to a socket" : "a socket";
	case S_IFCHR:
		return through_link ? "a symbolic link to a character device"
				    : "a character device";
	case S_IFBLK:
		return through_link ? "a symbolic link to a block device"
				    : "a block device";
	default:
		return "not a regular file";
	}
}

/* What the open file is when it is not a network namespace, or NULL. An
 * nsfs file of another type (a bound /proc/PID/ns/mnt) is no netns either;
 * kernels without NS_GET_NSTYPE (before 4.11) are taken at their word. */
static const char *not_a_netns(int fd, bool through_link)
{
	struct stat st;
	struct statfs sf;

	if (fstat(fd, &st) < 0 || fstatfs(fd, &sf) < 0)
		return NULL;   /* the caller's next use reports the error */
	if (!S_ISREG(st.st_mode) || sf.f_type != NSFS_MAGIC)
		return kind_of(&st, through_link);
	int type = ioctl(fd, NS_GET_NSTYPE);
	if (type >= 0 && type != CLONE_NEWNET)
		return through_link ? OTHER_NS_LINK : OTHER_NS;
	return NULL;
}

/* A symlink is followed (Docker's and CNI's `ln -s /proc/PID/ns/net
 * /run/netns/NAME`, which ip follows); a dangling one fails with ENOENT,
 * as ip says it. */
int nsfile_open(const char *path, const char **what)
{
	struct stat link, st;

	*what = NULL;
	if (lstat(path, &link) < 0 || stat(path, &st) < 0)
		return -1;
	bool through_link = S_ISLNK(link.st_mode);
	/* Look before opening: a device node is not opened at all. */
	if (!S_ISREG(st.st_mode)) {
		*what = kind_of(&st, through_link);
		errno = EINVAL;
		return -1;
	}
	/* O_NONBLOCK: the target may have become a FIFO since the stat. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if ((*what = not_a_netns(fd, through_link))) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

/* Why such an entry exists, by kind. */
static const char *cause_of(const char *what)
{
	if (!strcmp(what, "an empty regular file"))
		return "left by an interrupted add, or its namespace is mounted "
		       "in another mount namespace only";
	if (!strncmp(what, "a symbolic link", strlen("a symbolic link")))
		return "it points at no network namespace";
	return "not made by ip netns or nsip";
}

void nsfile_explain(const char *name, const char *what)
{
	char fix[PATH_MAX + 32];

	if (!strcmp(what, OTHER_NS))   /* a mount: unmount, then remove */
		snprintf(fix, sizeof(fix), "ip netns delete \"%s\"", name);
	else   /* a link is removed with rm whatever it points to */
		snprintf(fix, sizeof(fix), "%s \"%s/%s\"",
			 strcmp(what, "a directory") ? "rm" : "rmdir",
			 NETNS_RUN_DIR, name);
	errmsg("Error: %s/%s is %s, not a network namespace mount (%s); "
	       "remove it with: %s", NETNS_RUN_DIR, name, what, cause_of(what),
	       fix);
}
