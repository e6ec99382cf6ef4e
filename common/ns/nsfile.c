/* Owns the safe open of a run-dir entry (nothing followed, nothing
 * blocked on, nsfs and the namespace type checked) and the one line that
 * explains an entry that is no network namespace. */
#include "ns/nsfile.h"
#include "base/err.h"
#include "ns/rundir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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

static const char *kind_of(const struct stat *st)
{
	switch (st->st_mode & S_IFMT) {
	case S_IFREG:  return st->st_size ? "a regular file" : "an empty regular file";
	case S_IFDIR:  return "a directory";
	case S_IFLNK:  return "a symbolic link";
	case S_IFIFO:  return "a FIFO";
	case S_IFSOCK: return "a socket";
	case S_IFCHR:  return "a character device";
	case S_IFBLK:  return "a block device";
	default:       return "not a regular file";
	}
}

/* What the open file is when it is not a network namespace, or NULL. An
 * nsfs file of another type (a bound /proc/PID/ns/mnt) is no netns either;
 * kernels without NS_GET_NSTYPE (before 4.11) are taken at their word. */
static const char *not_a_netns(int fd)
{
	struct stat st;
	struct statfs sf;

	if (fstat(fd, &st) < 0 || fstatfs(fd, &sf) < 0)
		return NULL;   /* the caller's next use reports the error */
	if (!S_ISREG(st.st_mode) || sf.f_type != NSFS_MAGIC)
		return kind_of(&st);
	int type = ioctl(fd, NS_GET_NSTYPE);
	if (type >= 0 && type != CLONE_NEWNET)
		return OTHER_NS;
	return NULL;
}

int nsfile_open(const char *path, const char **what)
{
	struct stat st;

	*what = NULL;
	/* Look before opening: a device node is not opened at all. */
	if (lstat(path, &st) < 0)
		return -1;
	if (!S_ISREG(st.st_mode)) {
		*what = kind_of(&st);
		errno = EINVAL;
		return -1;
	}
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ELOOP)   /* replaced by a symlink since lstat */
			*what = "a symbolic link";
		return -1;
	}
	if ((*what = not_a_netns(fd))) {
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
	if (!strcmp(what, "a symbolic link"))
		return "nsip never follows a link in this directory";
	return "not made by ip netns or nsip";
}

void nsfile_explain(const char *name, const char *what)
{
	char fix[PATH_MAX + 32];

	if (!strcmp(what, OTHER_NS))   /* a mount: unmount, then remove */
		snprintf(fix, sizeof(fix), "ip netns delete \"%s\"", name);
	else
		snprintf(fix, sizeof(fix), "%s \"%s/%s\"",
			 strcmp(what, "a directory") ? "rm" : "rmdir",
			 NETNS_RUN_DIR, name);
	errmsg("Error: %s/%s is %s, not a network namespace mount (%s); "
	       "remove it with: %s", NETNS_RUN_DIR, name, what, cause_of(what),
	       fix);
}
