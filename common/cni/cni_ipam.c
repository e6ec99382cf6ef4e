/* Running an IPAM plugin. */
#include "cni/cni_ipam.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define IPAM_OUT_MAX ((size_t)1 << 20)

/* The plugin's path in CNI_PATH: 0, or -1 with e. */
static int find(const char *paths, const char *type, char *out, size_t len,
		struct cni_err *e)
{
	char list[1024], tried[1024] = "";
	size_t n = 0;

	if (!*type || strchr(type, '/'))
		return cni_fail(e, CNI_E_GENERIC, "invalid plugin name \"%s\"", type);
	snprintf(list, sizeof(list), "%s", paths ? paths : "");
	for (char *save = NULL, *d = strtok_r(list, ":", &save); d;
	     d = strtok_r(NULL, ":", &save)) {
		snprintf(out, len, "%s/%s", d, type);
		if (access(out, X_OK) == 0)
			return 0;
		n += (size_t)snprintf(tried + n, n < sizeof(tried) ? sizeof(tried) - n : 0,
				      "%s%s", n ? " " : "", d);
	}
	return cni_fail(e, CNI_E_GENERIC, "failed to find plugin \"%s\" in path [%s]",
			type, tried);
}

static void child(const char *path, const char *command, int in, int out)
{
	char *argv[] = { (char *)path, NULL };

	if (dup2(in, 0) < 0 || dup2(out, 1) < 0)
		_exit(127);
	close(in);
	close(out);
	setenv("CNI_COMMAND", command, 1);
	signal(SIGPIPE, SIG_DFL);
	execv(path, argv);
	_exit(127);
}

/* Feeds stdin, reads stdout whole; the exit status, or -1 with errno. */
static int talk(const char *path, const char *command, const struct cni_call *call,
		char **out, size_t *out_len)
{
	int to[2], from[2], status;
	pid_t pid;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);

	if (!buf || pipe2(to, O_CLOEXEC) < 0) {
		free(buf);
		return -1;
	}
	if (pipe2(from, O_CLOEXEC) < 0) {
		close(to[0]), close(to[1]), free(buf);
		return -1;
	}
	pid = fork();
	if (pid == 0)
		child(path, command, to[0], from[1]);
	close(to[0]);
	close(from[1]);
	if (pid > 0 && write(to[1], call->conf.raw, call->conf.raw_len) < 0)
		(void)0;   /* the plugin's exit says what went wrong */
	close(to[1]);
	for (ssize_t got; pid > 0 && (got = read(from[0], buf + n, cap - n)) != 0;) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			break;
		n += (size_t)got;
		if (n == cap && cap < IPAM_OUT_MAX) {
			char *bigger = realloc(buf, cap * 2 + 1);

			if (!bigger)
				break;
			buf = bigger;
			cap *= 2;
		} else if (n == cap) {
			break;
		}
	}
	close(from[0]);
	if (pid < 0 || waitpid(pid, &status, 0) < 0) {
		free(buf);
		return -1;
	}
	buf[n] = '\0';
	*out = buf;
	*out_len = n;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* A failed plugin's error JSON, taken as its error. */
static int passed_on(const char *out, size_t len, int status, struct cni_err *e)
{
	json_t *j = len ? json_loadb(out, len, 0, NULL) : NULL;
	const json_t *code = json_object_get(j, "code");
	const char *msg = json_string_value(json_object_get(j, "msg"));
	const char *details = json_string_value(json_object_get(j, "details"));

	if (!len)
		cni_fail(e, CNI_E_GENERIC, "netplugin failed with no error message: "
			 "exit status %d", status);
	else if (!json_is_integer(code) || !msg)
		cni_fail(e, CNI_E_GENERIC, "netplugin failed but error parsing its "
			 "diagnostic message \"%.300s\"", out);
	else
		cni_fail_details(e, (int)json_integer_value(code), details ? details : "",
				 "%s", msg);
	json_decref(j);
	return -1;
}

int cni_ipam_exec(const struct cni_call *call, const char *type, const char *command,
		  struct cni_result *r, struct cni_err *e)
{
	char path[4096], t[64], *out = NULL;
	size_t len = 0;
	int status, rc = 0;
	json_t *j;

	if (find(call->env.path, type, path, sizeof(path), e) < 0)
		return -1;
	fflush(stdout);
	status = talk(path, command, call, &out, &len);
	if (status < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to run %s: %s", path,
				cni_strerror(errno, t, sizeof(t)));
	if (status != 0)
		rc = passed_on(out, len, status, e);
	else if (r) {
		j = json_loadb(out, len, 0, NULL);
		if (!j)
			rc = cni_fail(e, CNI_E_DECODE, "failed to decode the IPAM result");
		else
			rc = cni_result_parse(j, r, e);
		r->n_ifaces = 0;   /* their strings were j's; IPAM makes none */
		json_decref(j);
	}
	free(out);
	return rc;
}
