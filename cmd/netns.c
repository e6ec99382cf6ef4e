/* netns: named network namespaces, as `ip netns`.
 *
 * Usage: ip netns list
 *        ip netns add NAME
 *        ip netns delete NAME
 *        ip [-all] netns exec [NAME] cmd ...
 *        ip netns help
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "applet.h"
#include "../common/err.h"
#include "../common/ns.h"
#include "../common/nsid.h"
#include "../common/parse.h"

static int usage(void)
{
	fputs("Usage:\tip netns list\n"
	      "\tip netns add NAME\n"
	      "\tip netns delete NAME\n"
	      "\tip [-all] netns exec [NAME] cmd ...\n"
	      "\tip netns help\n"
	      "NAME := ^[^/]+ (a name other than \".\" or \"..\")\n", stderr);
	return EXIT_USAGE;
}

static int c_nsid(struct ctx *c, const char *name)
{
	struct nl *nl = ctx_nl(c);

	return nl ? nsid_of_name(nl, name, false) : -1;
}

/* Directory order, as ip: the run dir is not sorted. */
static int list(struct ctx *c)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *e;

	if (!d)
		return 0;
	out_list_begin(&c->out);
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		int nsid = c_nsid(c, e->d_name);
		out_obj_begin(&c->out, NULL);
		out_str(&c->out, "name", "%s", e->d_name);
		if (nsid >= 0)
			out_int(&c->out, "id", " (id: %d)", nsid);
		out_eol(&c->out);
		out_obj_end(&c->out);
	}
	closedir(d);
	out_list_end(&c->out);
	return 0;
}

static int add(int argc, char **argv)
{
	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	return ns_add(argv[0]);
}

static int delete(int argc, char **argv)
{
	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	return ns_delete(argv[0]);
}

static int enter_and_exec(const char *name, char **cmd)
{
	int r = ns_enter(name);

	if (r)
		return r;
	execvp(cmd[0], cmd);
	return fail(EXIT_CMD, "exec of \"%s\" failed: %s", cmd[0], strerror(errno));
}

/* In a child, so that the batch goes on in the original namespaces; the
 * exit status is the command's. */
static int fork_and_exec(const char *name, char **cmd)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return fail(EXIT_CMD, "fork failed: %s", strerror(errno));
	if (pid == 0)
		_exit(enter_and_exec(name, cmd));
	if (waitpid(pid, &status, 0) < 0)
		return fail(EXIT_CMD, "waitpid failed: %s", strerror(errno));
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

/* Without a batch the process becomes the command: its exit status is the
 * command's. */
static int exec_in(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	if (argc < 2)
		return fail(EXIT_CMD, "No command specified");
	fflush(stdout);
	if (c->in_batch)
		return fork_and_exec(argv[0], argv + 1);
	return enter_and_exec(argv[0], argv + 1);
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"list", "show", "lst", "list-id", "help", "add", "set", "delete",
	"identify", "pids", "exec", "monitor", "attach", NULL
};

enum { LIST, SHOW, LST, LIST_ID, HELP, ADD, SET, DELETE, IDENTIFY, PIDS,
       EXEC, MONITOR, ATTACH };

int netns_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return list(c);
	if (!c->opt.all && argc > 1 && !netns_name_ok(argv[1]))
		return fail(EXIT_USAGE, "Invalid netns name \"%s\"", argv[1]);

	switch (match_first(argv[0], subcommands)) {
	case LIST: case SHOW: case LST:
		return list(c);
	case HELP:
		return usage();
	case ADD:
		return add(argc - 1, argv + 1);
	case DELETE:
		return delete(argc - 1, argv + 1);
	case EXEC:
		return exec_in(c, argc - 1, argv + 1);
	case LIST_ID: case SET: case IDENTIFY: case PIDS: case MONITOR: case ATTACH:
		return fail(EXIT_USAGE, "ip netns %s: not supported by this nsip yet",
			    subcommands[match_first(argv[0], subcommands)]);
	default:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s netns help\".",
			    argv[0], c->prog);
	}
}
