/* Entering the container's namespace. */
#include "cni/cni_netns.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <linux/nsfs.h>
#include <sys/vfs.h>
#include <unistd.h>

#define NSFS_MAGIC_ 0x6e736673
#define PROC_SUPER_MAGIC_ 0x9fa0

int cni_netns_open(const char *path, int *errno_out, struct cni_err *e)
{
	struct statfs st;
	char t[64];
	int fd;

	if (errno_out)
		*errno_out = 0;
	if (statfs(path, &st) < 0) {
		if (errno_out)
			*errno_out = errno;
		return cni_fail(e, CNI_E_GENERIC, "failed to Statfs \"%s\": %s", path,
				cni_strerror(errno, t, sizeof(t)));
	}
	if (st.f_type != NSFS_MAGIC_ && st.f_type != PROC_SUPER_MAGIC_)
		return cni_fail(e, CNI_E_GENERIC, "unknown FS magic on \"%s\": %lx", path,
				(unsigned long)st.f_type);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno_out)
			*errno_out = errno;
		return cni_fail(e, CNI_E_GENERIC, "failed to open \"%s\": %s", path,
				cni_strerror(errno, t, sizeof(t)));
	}
	/* nsfs holds every kind of namespace: this one must be a network's. */
	if (ioctl(fd, NS_GET_NSTYPE) == CLONE_NEWNET)
		return fd;
	close(fd);
	return cni_fail(e, CNI_E_GENERIC, "\"%s\" is not a network namespace", path);
}

int cni_netns_enter(int fd, struct cni_err *e)
{
	char t[64];
	int home = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);

	if (home < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open the current netns: %s",
				cni_strerror(errno, t, sizeof(t)));
	if (setns(fd, CLONE_NEWNET) < 0) {
		int err = errno;

		close(home);
		return cni_fail(e, CNI_E_GENERIC, "failed to enter the netns: %s",
				cni_strerror(err, t, sizeof(t)));
	}
	return home;
}

int cni_netns_leave(int home, struct cni_err *e)
{
	char t[64];
	int r = setns(home, CLONE_NEWNET);
	int err = errno;

	close(home);
	if (r < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to go back to the host netns: %s",
				cni_strerror(err, t, sizeof(t)));
	return 0;
}
