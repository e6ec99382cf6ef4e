/* Owns the reading of a namespace word (path, run-dir name, PID) and the
 * message for one that names nothing usable: every caller that takes a
 * namespace on the command line opens it here. */
#include "ns/nsopen.h"
#include "base/err.h"
#include "base/parse.h"
#include "ns/nsfile.h"
#include "ns/rundir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>

/* A path the user named is theirs to name: a symlink such as
 * /proc/PID/ns/net is followed, and the kernel judges what the file is
 * (as ip). Only a FIFO's open must not hang. */
static int open_path(const char *path, struct ns_target *t)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		t->err = errno;
	return fd;
}

/* A name is an entry of the run dir, which anyone with write access to
 * it may have planted: checked by nsfile_open. */
static int open_name(const char *name, struct ns_target *t)
{
	char path[PATH_MAX];
	int fd;

	if (ns_path(path, sizeof(path), name) < 0) {
		t->err = ENAMETOOLONG;
		return -1;
	}
	fd = nsfile_open(path, &t->what);
	if (fd < 0)
		t->err = errno;
	return fd;
}

int ns_open(const char *word, unsigned forms, struct ns_target *t)
{
	*t = (struct ns_target){ .fd = -1 };
	if ((forms & NS_PATH) && strchr(word, '/'))
		t->fd = open_path(word, t);
	else if (forms & NS_NAME)
		t->fd = open_name(word, t);
	if (t->fd >= 0)
		return 0;
	if (t->what)   /* the entry exists: it is not a PID that was meant */
		return -1;
	if ((forms & NS_PID) && parse_s32(word, &t->pid)) {
		t->by_pid = true;
		return 0;
	}
	return -1;
}

void ns_open_complain(const char *word, const struct ns_target *t)
{
	if (t->what)
		nsfile_explain(word, t->what);
	else
		errmsg("Cannot open network namespace \"%s\": %s", word,
		       strerror(t->err));
}
