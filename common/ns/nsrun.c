/* Owns entering a named namespace the way `ip netns exec` and `ip -n` do
 * (network namespace, private mounts, /sys, /etc/netns), and running a
 * command there: in this process, or in a child that is waited for. */
#include "ns/nsrun.h"
#include "base/err.h"
#include "ns/nsopen.h"
#include "ns/rundir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static void bind_etc(const char *name)
{
	char dir[PATH_MAX], src[PATH_MAX], dst[PATH_MAX];
	struct dirent *e;

	if (snprintf(dir, sizeof(dir), "%s/%s", NETNS_ETC_DIR, name) >= (int)sizeof(dir))
		return;
	DIR *d = opendir(dir);
	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (snprintf(src, sizeof(src), "%s/%s", dir, e->d_name) >= (int)sizeof(src) ||
		    snprintf(dst, sizeof(dst), "/etc/%s", e->d_name) >= (int)sizeof(dst))
			continue;
		if (mount(src, dst, "none", MS_BIND, NULL) < 0)
			errmsg("Bind %s -> %s failed: %s", src, dst, strerror(errno));
	}
	closedir(d);
}

/* A fresh sysfs shows the devices of the namespace that mounts it. */
static int remount_sys(const char *name)
{
	struct statvfs sv;
	unsigned long flags = 0;

	if (statvfs("/sys", &sv) == 0 && (sv.f_flag & ST_RDONLY))
		flags = MS_RDONLY;
	umount2("/sys", MNT_DETACH);  /* nothing mounted there is fine */
	if (mount(name, "/sys", "sysfs", flags, NULL) < 0) {
		errmsg("mount of /sys failed: %s%s", strerror(errno),
		       errno == EPERM ? " (sysfs needs CAP_SYS_ADMIN over the "
					"namespace: run as root)" : "");
		return -1;
	}
	return 0;
}

static int switch_netns(const char *name)
{
	struct ns_target t;

	if (ns_open(name, NS_NAME, &t) < 0) {
		ns_open_complain(name, &t);
		return -1;
	}
	int r = setns(t.fd, CLONE_NEWNET);
	int saved = errno;
	close(t.fd);
	if (r < 0) {
		errmsg("setting the network namespace \"%s\" failed: %s%s", name,
		       strerror(saved), privilege_hint(saved));
		return -1;
	}
	return 0;
}

int ns_enter(const char *name)
{
	if (switch_netns(name) < 0)
		return EXIT_USAGE;
	if (unshare(CLONE_NEWNS) < 0)
		return fail(EXIT_USAGE, "unshare failed: %s%s", strerror(errno),
			    privilege_hint(errno));
	/* Our mounts must not leak back into the parent mount namespace. */
	if (mount("", "/", "none", MS_SLAVE | MS_REC, NULL) < 0)
		return fail(EXIT_USAGE, "\"mount --make-rslave /\" failed: %s%s",
			    strerror(errno), errno != EINVAL ? "" :
			    " (/ is not a mount point, as in a plain chroot: "
			    "bind-mount the new root onto itself before chroot)");
	if (remount_sys(name) < 0)
		return EXIT_USAGE;
	bind_etc(name);
	return 0;
}

static int exec_cmd(char **argv)
{
	fflush(stdout);
	execvp(argv[0], argv);
	return fail(EXIT_CMD, "exec of \"%s\" failed: %s", argv[0],
		    strerror(errno));
}

int ns_exec(const char *name, char **argv)
{
	int r = ns_enter(name);

	return r ? r : exec_cmd(argv);
}

/* The child tells the parent that set-up failed by one byte on a pipe
 * that is closed on exec: EOF alone means it got as far as execvp. */
static void child(const char *name, char **argv, int report)
{
	int r = ns_enter(name);

	if (r) {
		if (write(report, "!", 1) < 0) {
			/* the parent then counts it as entered: nothing better */
		}
		_exit(r);
	}
	_exit(exec_cmd(argv));
}

static int wait_for(pid_t pid)
{
	int status;

	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return fail(EXIT_CMD, "waitpid failed: %s", strerror(errno));
	if (WIFSIGNALED(status))   /* as a shell reports it */
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

int ns_run(const char *name, char **argv, bool *entered)
{
	int report[2];
	char byte;
	ssize_t n;

	*entered = false;
	fflush(stdout);
	if (pipe2(report, O_CLOEXEC) < 0)
		return fail(EXIT_CMD, "pipe failed: %s", strerror(errno));
	pid_t pid = fork();
	if (pid < 0) {
		close(report[0]);
		close(report[1]);
		return fail(EXIT_CMD, "fork failed: %s", strerror(errno));
	}
	if (pid == 0) {
		close(report[0]);
		child(name, argv, report[1]);
	}
	close(report[1]);
	do
		n = read(report[0], &byte, 1);
	while (n < 0 && errno == EINTR);
	close(report[0]);
	*entered = n != 1;
	return wait_for(pid);
}
