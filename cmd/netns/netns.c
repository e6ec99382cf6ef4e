/* netns: named network namespaces, as `ip netns`.
 *
 * Usage: ip netns list
 *        ip netns add NAME
 *        ip netns attach NAME PID
 *        ip netns set NAME NETNSID
 *        ip [-all] netns delete [NAME]
 *        ip netns identify [PID]
 *        ip netns pids NAME
 *        ip [-all] netns exec [NAME] cmd ...
 *        ip netns monitor
 *        ip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]
 *        ip netns help
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "applets.h"
#include "base/err.h"
#include "base/iparg.h"
#include "ns/ns.h"
#include "ns/nsid.h"
#include "ns/nsopen.h"
#include "ns/nsproc.h"
#include "ns/nsrun.h"
#include "ns/nswatch.h"
#include "ns/rundir.h"
#include "base/parse.h"

/* asker: see usage_to() in applet.h. */
static int usage(const struct ctx *asker)
{
	struct usage_to u = usage_to(asker);

	fputs("Usage:\tip netns list\n"
	      "\tip netns add NAME\n"
	      "\tip netns attach NAME PID\n"
	      "\tip netns set NAME NETNSID\n"
	      "\tip [-all] netns delete [NAME]\n"
	      "\tip netns identify [PID]\n"
	      "\tip netns pids NAME\n"
	      "\tip [-all] netns exec [NAME] cmd ...\n"
	      "\tip netns monitor\n"
	      "\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n"
	      "\tip netns help\n"
	      "NETNSID := auto | POSITIVE-INT\n"
	      "NAME := any name without \"/\", other than \".\" and \"..\"\n", u.f);
	return u.code;
}

/* One line of `list`: the name, and its nsid when it has one here. An
 * entry that is no namespace is still listed, after one line about it. */
static void list_entry(struct ctx *c, const char *name)
{
	struct ns_target t;
	int nsid = -1;

	if (ns_open(name, NS_NAME, &t) == 0) {
		struct nl *nl = ctx_nl(c);
		if (nl)
			nsid = nsid_of_fd(nl, t.fd, false);
		close(t.fd);
	} else if (t.what) {
		ns_open_complain(name, &t);
	}
	out_obj_begin(&c->out, NULL);
	out_str(&c->out, "name", "%s", name);
	if (nsid >= 0)
		out_int(&c->out, "id", " (id: %d)", nsid);
	out_eol(&c->out);
	out_obj_end(&c->out);
}

/* Directory order, as ip: the run dir is not sorted. A run dir that
 * cannot be read is said, but lists nothing with exit 0, as ip. */
static int list(struct ctx *c)
{
	char **names;

	if (ns_names(&names) < 0)
		return 0;
	out_list_begin(&c->out);
	for (char **p = names; *p; p++)
		list_entry(c, *p);
	out_list_end(&c->out);
	ns_names_free(names);
	return 0;
}

struct id_listing {
	struct out *out;
	struct nsid_names names;
	bool begun;
};

static void list_id_entry(const struct nsid_entry *e, void *data)
{
	struct id_listing *l = data;
	struct out *o = l->out;

	if (!l->begun)
		out_list_begin(o);
	l->begun = true;
	out_obj_begin(o, NULL);
	if (e->nsid < 0)
		out_text(o, "nsid unassigned ");
	else
		out_int(o, "nsid", "nsid %d ", e->nsid);
	if (e->has_current && e->current < 0)
		out_text(o, "current-nsid unassigned ");
	else if (e->has_current)
		out_int(o, "current-nsid", "current-nsid %d ", e->current);
	/* With a target, nsid counts in the target's table: the name here
	 * belongs to current. */
	const char *name = nsid_names_find(&l->names,
					   e->has_current ? e->current : e->nsid);
	if (name)
		out_str(o, "name", "(iproute2 netns name: %s)", name);
	out_eol(o);
	out_obj_end(o);
}

/* "target-nsid N" / "nsid N", each at most once, N >= 0. ip names the
 * word after N (or "(null)") in its ">= 0" message: kept for scripts. */
static int list_id_args(int argc, char **argv, int *target, int *nsid)
{
	for (; argc > 0; argc -= 2, argv += 2) {
		const char *key = argv[0];
		int *slot = !strcmp(key, "target-nsid") ? target :
			    !strcmp(key, "nsid") ? nsid : NULL;
		int32_t v;

		if (!slot)
			return usage(NULL);
		if (*slot >= 0)
			return iparg_twice(key, key);
		if (argc < 2)
			return iparg_incomplete();
		if (!parse_s32(argv[1], &v))
			return iparg_value_invalid(key, argv[1]);
		if (v < 0)
			/* ip names the word after the value here */
			return iparg_value_negative(key, argc > 2 ? argv[2] : "(null)");
		*slot = v;
	}
	return 0;
}

static int list_id(struct ctx *c, int argc, char **argv)
{
	struct id_listing l = { .out = &c->out };
	int target = -1, nsid = -1;
	int r = list_id_args(argc, argv, &target, &nsid);
	struct nl *nl;

	if (r)
		return r;
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	if (nsid_names_load(nl, &l.names) < 0)
		return EXIT_CMD;
	/* A table is a list even when empty or cut short; one entry is
	 * printed only when the kernel gave it. */
	if (nsid < 0) {
		out_list_begin(&c->out);
		l.begun = true;
	}
	r = nsid_table(nl, target, nsid, list_id_entry, &l);
	if (l.begun)
		out_list_end(&c->out);
	nsid_names_free(&l.names);
	return r;
}

static int set(struct ctx *c, int argc, char **argv)
{
	int32_t nsid;
	struct ns_target t;

	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	if (argc < 2)
		return fail(EXIT_CMD, "No nsid specified");
	if (!strcmp(argv[1], "auto"))
		nsid = -1;   /* the kernel picks */
	else if (!parse_s32(argv[1], &nsid))
		return iparg_invalid("Invalid \"netnsid\" value", argv[1]);
	else if (nsid < 0)
		return iparg_invalid("\"netnsid\" value should be >= 0", argv[1]);
	if (ns_open(argv[0], NS_NAME, &t) < 0) {
		ns_open_complain(argv[0], &t);
		/* ip's codes: its kernel refuses a stale entry */
		return t.what ? EXIT_KERNEL : EXIT_CMD;
	}
	struct nl *nl = ctx_nl(c);
	int r = nl ? nsid_set(nl, t.fd, nsid) : EXIT_CMD;
	close(t.fd);
	return r;
}

static int add(int argc, char **argv)
{
	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	return ns_add(argv[0]);
}

static int attach(int argc, char **argv)
{
	int32_t pid;

	if (argc < 2)
		return fail(EXIT_CMD, "No netns name and PID specified");
	if (!parse_s32(argv[1], &pid) || pid == 0)
		return fail(EXIT_CMD, "Invalid PID: %s", argv[1]);
	return ns_attach(argv[0], pid);
}

/* Every entry, even after one fails (ip stops there and says 0). */
static int delete_all(void)
{
	char **names;
	int r = 0;

	if (ns_names(&names) < 0)
		return EXIT_CMD;
	for (char **p = names; *p; p++)
		if (ns_delete(*p))
			r = EXIT_CMD;
	ns_names_free(names);
	return r;
}

static int delete(struct ctx *c, int argc, char **argv)
{
	if (c->opt.all)
		return delete_all();
	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	return ns_delete(argv[0]);
}

static int identify(struct ctx *c, int argc, char **argv)
{
	const char *pid = "self";
	char name[NAME_MAX + 1];

	if (argc > 1)
		return fail(EXIT_CMD, "extra arguments specified");
	if (argc == 1) {
		pid = argv[0];
		if (!ns_is_pid(pid))
			return fail(EXIT_CMD, "Specified string '%s' is not a pid",
				    pid);
	}
	int r = ns_identify(pid, name, sizeof(name));
	if (r)
		return r;
	out_list_begin(&c->out);
	if (name[0] || !c->out.json) {   /* text: an empty line for none */
		out_obj_begin(&c->out, NULL);
		out_str(&c->out, "name", "%s", name);
		out_eol(&c->out);
		out_obj_end(&c->out);
	}
	out_list_end(&c->out);
	return 0;
}

static void pid_entry(const char *pid, void *data)
{
	struct out *o = data;

	out_obj_begin(o, NULL);
	out_uint(o, "pid", "%u", (unsigned int)strtoul(pid, NULL, 10));
	out_eol(o);
	out_obj_end(o);
}

static int pids(struct ctx *c, int argc, char **argv)
{
	struct ns_target t;
	struct stat st;

	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	if (argc > 1)
		return fail(EXIT_CMD, "extra arguments specified");
	if (ns_open(argv[0], NS_NAME, &t) < 0 && t.what) {
		ns_open_complain(argv[0], &t);
		return EXIT_CMD;
	}
	if (t.fd < 0)   /* ip's words here: no name */
		return fail(EXIT_CMD, "Cannot open network namespace: %s",
			    strerror(t.err));
	int r = fstat(t.fd, &st);
	int saved = errno;
	close(t.fd);
	if (r < 0)
		return fail(EXIT_CMD, "Stat of netns failed: %s", strerror(saved));
	out_list_begin(&c->out);
	r = ns_pids_of(&st, pid_entry, &c->out);
	out_list_end(&c->out);
	return r;
}

/* The one line naming every namespace the command could not run in. */
static void report_unentered(char **names, const bool *entered, size_t n,
			     size_t failed)
{
	fflush(stdout);
	fprintf(stderr, "Error: could not enter %zu of %zu network namespaces, "
		"the command did not run in:", failed, n);
	for (size_t i = 0; i < n; i++)
		if (!entered[i])
			fprintf(stderr, " \"%s\"", names[i]);
	fputc('\n', stderr);
}

/* Each namespace once, in a child, whatever happens in the others (ip
 * 6.1 runs the rest twice after a failed set-up). As ip, the commands'
 * statuses are not summed up; failing to enter a namespace is. */
static int exec_all(char **argv)
{
	char **names;
	size_t n = 0, failed = 0;

	if (ns_names(&names) < 0)
		return EXIT_CMD;
	while (names[n])
		n++;
	bool *entered = calloc(n + 1, sizeof(*entered));
	if (!entered) {
		ns_names_free(names);
		return fail(EXIT_CMD, "Out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		printf("\nnetns: %s\n", names[i]);
		ns_run(names[i], argv, &entered[i]);
		failed += !entered[i];
	}
	if (failed)
		report_unentered(names, entered, n, failed);
	free(entered);
	ns_names_free(names);
	return failed ? EXIT_USAGE : 0;
}

/* Without a batch the process becomes the command: its exit status is the
 * command's. In a batch a child runs it, so that the batch goes on. */
static int exec_in(struct ctx *c, int argc, char **argv)
{
	bool entered;

	if (c->opt.all)
		return argc < 1 ? fail(EXIT_CMD, "No command specified")
				: exec_all(argv);
	if (argc < 1)
		return fail(EXIT_CMD, "No netns name specified");
	if (argc < 2)
		return fail(EXIT_CMD, "No command specified");
	if (c->in_batch)
		return ns_run(argv[0], argv + 1, &entered);
	return ns_exec(argv[0], argv + 1);
}

/* ip's subcommand order: it decides what an abbreviation means. */
static const char *const subcommands[] = {
	"list", "show", "lst", "list-id", "help", "add", "set", "delete",
	"identify", "pids", "exec", "monitor", "attach", NULL
};

enum { LIST, SHOW, LST, LIST_ID, HELP, ADD, SET, DELETE, IDENTIFY, PIDS,
       EXEC, MONITOR, ATTACH };

/* Whether the word after the subcommand must pass as a run-dir name. ip
 * checks it for every subcommand, but not at all under -all, so that
 * `ip -all netns add ../x` makes /run/x: nsip still checks it under -all
 * where it is used as a name (add, attach, set, pids; delete ignores it
 * and exec runs it). */
static bool names_run_dir_entry(const struct ctx *c, int cmd)
{
	return !c->opt.all || cmd == ADD || cmd == ATTACH || cmd == SET ||
	       cmd == PIDS;
}

int netns_main(struct ctx *c, int argc, char **argv)
{
	if (argc < 1)
		return list(c);

	int cmd = match_first(argv[0], subcommands);
	int argn = argc - 1;
	char **args = argv + 1;

	if (argc > 1 && names_run_dir_entry(c, cmd) && !netns_name_ok(argv[1]))
		return fail(EXIT_USAGE, "Invalid netns name \"%s\"", argv[1]);
	switch (cmd) {
	case LIST: case SHOW: case LST: return list(c);
	case LIST_ID:  return list_id(c, argn, args);
	case HELP:     return usage(c);
	case ADD:      return add(argn, args);
	case SET:      return set(c, argn, args);
	case DELETE:   return delete(c, argn, args);
	case IDENTIFY: return identify(c, argn, args);
	case PIDS:     return pids(c, argn, args);
	case EXEC:     return exec_in(c, argn, args);
	case MONITOR:  return ns_watch(stdout);
	case ATTACH:   return attach(argn, args);
	default:
		return fail(EXIT_USAGE, "Command \"%s\" is unknown, try \"%s netns help\".",
			    argv[0], c->prog);
	}
}
