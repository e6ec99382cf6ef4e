/* Owns the run dir of named namespaces as a place: where it is (one
 * place says it, every room asks it) and which entries it holds. */
#include "ns/rundir.h"
#include "base/err.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ns_path(char *buf, size_t len, const char *name)
{
	int n = snprintf(buf, len, "%s/%s", NETNS_RUN_DIR, name);

	return n < 0 || (size_t)n >= len ? -1 : 0;
}

static bool is_dot(const char *name)
{
	return !strcmp(name, ".") || !strcmp(name, "..");
}

/* Taken whole before anyone acts on them: a command run in one namespace
 * may add or delete others, and each name must be visited exactly once. */
int ns_names(char ***out)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	size_t n = 0;
	struct dirent *e;

	*out = NULL;
	if (!d && errno != ENOENT)
		return fail(-1, "Failed to open directory %s: %s", NETNS_RUN_DIR,
			    strerror(errno));
	char **names = calloc(1, sizeof(*names));
	while (names && d && (e = readdir(d))) {
		if (is_dot(e->d_name))
			continue;
		char **more = realloc(names, (n + 2) * sizeof(*names));
		if (!more || !(more[n] = strdup(e->d_name))) {
			ns_names_free(more ? more : names);
			names = NULL;
			break;
		}
		names = more;
		names[++n] = NULL;
	}
	if (d)
		closedir(d);
	if (!names)
		return fail(-1, "Out of memory listing %s", NETNS_RUN_DIR);
	*out = names;
	return 0;
}

void ns_names_free(char **names)
{
	if (!names)
		return;
	for (char **p = names; *p; p++)
		free(*p);
	free(names);
}
