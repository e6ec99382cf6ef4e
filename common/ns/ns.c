/* Owns making and removing named namespaces: the run dir made and shared
 * on first use, the placeholder file and its bind mount, the lazy unmount
 * and unlink of delete. */
#include "ns/ns.h"
#include "base/err.h"
#include "ns/rundir.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

/* The run dir must be a shared mount point of its own, so that a namespace
 * unmounted here is unmounted in every mount namespace (and freed). Making
 * it private between the bind and the share gives it a peer group of its
 * own: with /run shared, every namespace mount would otherwise appear twice. */
static int share_run_dir(void)
{
	bool bound = false;

	while (mount("", NETNS_RUN_DIR, "none", MS_SHARED | MS_REC, NULL) < 0) {
		if (errno != EINVAL || bound) {
			errmsg("mount --make-shared %s failed: %s%s", NETNS_RUN_DIR,
			       strerror(errno), privilege_hint(errno));
			return -1;
		}
		if (mount(NETNS_RUN_DIR, NETNS_RUN_DIR, "none",
			  MS_BIND | MS_REC, NULL) < 0) {
			errmsg("mount --bind %s %s failed: %s%s", NETNS_RUN_DIR,
			       NETNS_RUN_DIR, strerror(errno), privilege_hint(errno));
			return -1;
		}
		mount("", NETNS_RUN_DIR, "none", MS_PRIVATE | MS_REC, NULL);
		bound = true;
	}
	return 0;
}

/* mkdir, lock, share: the lock keeps concurrent first adds from stacking
 * bind mounts of the run dir on one another. */
/* An initramfs may have no /run yet: make it (iproute2 would fail). */
static int make_run_dir(void)
{
	if (mkdir(NETNS_RUN_DIR, 0755) == 0 || errno == EEXIST)
		return 0;
	if (errno != ENOENT || (mkdir("/run", 0755) < 0 && errno != EEXIST))
		return -1;
	return mkdir(NETNS_RUN_DIR, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

static int prepare_run_dir(void)
{
	if (make_run_dir() < 0) {
		errmsg("mkdir %s failed: %s%s", NETNS_RUN_DIR, strerror(errno),
		       privilege_hint(errno));
		return -1;
	}
	int fd = open(NETNS_RUN_DIR, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0 || flock(fd, LOCK_EX) < 0)
		errmsg("Warning: could not lock %s: %s", NETNS_RUN_DIR,
		       strerror(errno));
	int r = share_run_dir();
	if (fd >= 0)
		close(fd);   /* releases the lock */
	return r;
}

/* Binds a new network namespace onto path, then comes back. */
static int bind_new_netns(const char *name, const char *path)
{
	int self = open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
	int r = -1;

	if (self < 0) {
		errmsg("Cannot open /proc/self/ns/net: %s", strerror(errno));
		return -1;
	}
	if (unshare(CLONE_NEWNET) < 0) {
		errmsg("Failed to create a new network namespace \"%s\": %s%s",
		       name, strerror(errno), privilege_hint(errno));
		goto out;
	}
	if (mount("/proc/self/ns/net", path, "none", MS_BIND, NULL) < 0)
		errmsg("Bind /proc/self/ns/net -> %s failed: %s", path,
		       strerror(errno));
	else
		r = 0;
	if (setns(self, CLONE_NEWNET) < 0) {
		errmsg("Cannot return to the original network namespace: %s",
		       strerror(errno));
		r = -1;
	}
out:
	close(self);
	return r;
}

/* Binds the network namespace of process pid onto path. */
static int bind_pid_netns(int pid, const char *path)
{
	char src[64];

	snprintf(src, sizeof(src), "/proc/%d/ns/net", pid);
	if (mount(src, path, "none", MS_BIND, NULL) < 0) {
		errmsg("Bind %s -> %s failed: %s", src, path, strerror(errno));
		return -1;
	}
	return 0;
}

/* add and attach: the placeholder file, then the bind mount onto it; on
 * failure nothing is left behind. pid 0 means a new namespace. */
static int make_named(const char *name, int pid)
{
	char path[PATH_MAX];

	if (ns_path(path, sizeof(path), name) < 0)
		return fail(EXIT_CMD, "Invalid netns name \"%s\"", name);
	if (prepare_run_dir() < 0)
		return EXIT_CMD;
	int fd = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
	if (fd < 0)
		return fail(EXIT_CMD, "Cannot create namespace file \"%s\": %s%s",
			    path, strerror(errno), privilege_hint(errno));
	close(fd);
	if ((pid ? bind_pid_netns(pid, path) : bind_new_netns(name, path)) < 0) {
		umount2(path, MNT_DETACH | UMOUNT_NOFOLLOW);
		if (unlink(path) < 0)
			errmsg("Cannot remove namespace file \"%s\": %s", path,
			       strerror(errno));
		return EXIT_CMD;
	}
	return 0;
}

int ns_add(const char *name)
{
	return make_named(name, 0);
}

int ns_attach(const char *name, int pid)
{
	return make_named(name, pid);
}

int ns_delete(const char *name)
{
	char path[PATH_MAX];

	if (ns_path(path, sizeof(path), name) < 0)
		return fail(EXIT_CMD, "Invalid netns name \"%s\"", name);
	/* A symlink is removed, never followed: following it would unmount
	 * whatever it points to (ip does; its umount fails quietly for the
	 * usual /proc/PID/ns/net target, so the outcome is ip's). */
	umount2(path, MNT_DETACH | UMOUNT_NOFOLLOW);
	if (unlink(path) < 0)
		return fail(EXIT_CMD, "Cannot remove namespace file \"%s\": %s%s",
			    path, strerror(errno), privilege_hint(errno));
	return 0;
}
