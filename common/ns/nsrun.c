#include "ns/nsrun.h"
#include "base/err.h"
#include "ns/ns.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

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
