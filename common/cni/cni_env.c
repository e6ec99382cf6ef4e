/* The environment of a CNI call. */
#include "cni/cni_env.h"

#include <net/if.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cni/cni_names.h"

static const char *get(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

static enum cni_cmd command_of(const char *s)
{
	static const char *const names[] = { "ADD", "DEL", "CHECK", "VERSION", "GC", "STATUS" };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(s, names[i]))
			return (enum cni_cmd)i;
	return CNI_UNKNOWN;
}

/* Which commands need the variable vars[var] of cni_env_read. */
static bool needed(enum cni_cmd cmd, int var)
{
	switch (var) {
	case 0: case 2:           /* CNI_CONTAINERID, CNI_IFNAME */
		return cmd == CNI_ADD || cmd == CNI_DEL || cmd == CNI_CHECK;
	case 4:                   /* CNI_PATH: spec 1.1's GC and STATUS too */
		return cmd == CNI_ADD || cmd == CNI_DEL || cmd == CNI_CHECK ||
		       cmd == CNI_GC || cmd == CNI_STATUS;
	case 1:                   /* CNI_NETNS: DEL goes on without one */
		return cmd == CNI_ADD || cmd == CNI_CHECK;
	default:
		return false;
	}
}

int cni_env_read(struct cni_env *env, struct cni_err *e)
{
	static const char *const vars[] = {
		"CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_ARGS", "CNI_PATH",
	};
	char missing[256] = "";
	size_t n = 0;

	env->command = get("CNI_COMMAND");
	if (!env->command)
		return 1;
	env->cmd = command_of(env->command);
	env->containerid = get("CNI_CONTAINERID");
	env->netns = get("CNI_NETNS");
	env->ifname = get("CNI_IFNAME");
	env->args = get("CNI_ARGS");
	env->path = get("CNI_PATH");
	for (int i = 0; i < 5; i++)
		if (needed(env->cmd, i) && !get(vars[i]))
			n += (size_t)snprintf(missing + n, sizeof(missing) - n, "%s%s",
					      n ? "," : "", vars[i]);
	if (n)
		return cni_fail(e, CNI_E_ENV, "required env variables [%s] missing",
				missing);
	return 0;
}

int cni_env_check(const struct cni_env *env, struct cni_err *e)
{
	const char *ifn = env->ifname;

	if (env->containerid && !cni_name_valid(env->containerid))
		return cni_fail_details(e, CNI_E_ENV, env->containerid,
					"invalid characters in containerID");
	if (!ifn)
		return 0;
	if (strlen(ifn) >= IFNAMSIZ)
		return cni_fail(e, CNI_E_ENV, "interface name is too long");
	if (!strcmp(ifn, ".") || !strcmp(ifn, ".."))
		return cni_fail(e, CNI_E_ENV, "interface name is . or ..");
	if (strpbrk(ifn, "/: \t\n\v\f\r"))
		return cni_fail(e, CNI_E_ENV,
				"interface name contains / or : or whitespace characters");
	return 0;
}
