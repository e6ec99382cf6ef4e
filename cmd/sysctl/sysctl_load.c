/* -p FILE and --system: every line of every file is read first, then the
 * settings are written in order. A key with a glob ("net.ipv4.conf.*.x")
 * is set on every match but those some other line names exactly (a
 * "-KEY" line alone is such an exclusion), as procps 4.0.2 does. */
#include <dirent.h>
#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sysctl/sysctl.h"

#define DEFAULT_CONF "/etc/sysctl.conf"

struct sysctl_entry {
	char *path;
	char *value;            /* NULL: an exclusion */
	bool ignore_failure;
};

struct sysctl_list {
	struct sysctl_entry *e;
	size_t n, cap;
};

struct sysctl_list *sysctl_list_new(void)
{
	return calloc(1, sizeof(struct sysctl_list));
}

void sysctl_list_free(struct sysctl_list *l)
{
	if (!l)
		return;
	for (size_t i = 0; i < l->n; i++) {
		free(l->e[i].path);
		free(l->e[i].value);
	}
	free(l->e);
	free(l);
}

static int list_add(struct sysctl_list *l, const struct sysctl_setting *s)
{
	const char *key = s->key[0] == '-' ? s->key + 1 : s->key;
	struct sysctl_entry e = { .ignore_failure = s->ignore_failure };
	long at;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 16;
		struct sysctl_entry *more = realloc(l->e, cap * sizeof(*more));
		if (!more)
			return -1;
		l->e = more;
		l->cap = cap;
	}
	e.path = sysctl_key_path(key, &at);
	if (at >= 0)
		sysctl_warn("separators should not be repeated: %s", key + at);
	if (s->value)
		e.value = strdup(s->value);
	if (!e.path || (s->value && !e.value)) {
		free(e.path);
		free(e.value);
		return -1;
	}
	l->e[l->n++] = e;
	return 0;
}

/* The lines of one open file; *lineno counts on across the files of one
 * glob, as procps' does. */
static int load_lines(const struct sysctl_opts *o, struct sysctl_list *l,
		      FILE *f, const char *name, int *lineno)
{
	const regex_t *pattern = o->has_pattern && o->pattern_ok ? &o->pattern : NULL;
	struct sysctl_setting s;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int rc = 0;

	while ((len = getline(&line, &cap, f)) > 0) {
		++*lineno;
		if (len < 2 || (o->has_pattern && !o->pattern_ok))
			continue;
		switch (sysctl_line_parse(line, pattern, &s)) {
		case SYSCTL_LINE_SKIP:
			break;
		case SYSCTL_LINE_SYNTAX:
			sysctl_warn("%s(%d): invalid syntax, continuing...", name, *lineno);
			break;
		case SYSCTL_LINE_SETTING:
			if (list_add(l, &s) < 0) {
				sysctl_warn_err(ENOMEM, "%s", name);
				rc = 1;
			}
			break;
		}
	}
	free(line);
	return rc;
}

int sysctl_load_file(const struct sysctl_opts *o, struct sysctl_list *l,
		     const char *file)
{
	glob_t g;
	int lineno = 0, rc = 0;
	int r = glob(file, GLOB_NOCHECK | GLOB_BRACE | GLOB_TILDE, NULL, &g);

	if (r != 0 && r != GLOB_NOMATCH) {
		sysctl_warn_err(errno, "glob failed");
		exit(1);
	}
	for (size_t i = 0; i < g.gl_pathc; i++) {
		const char *name = g.gl_pathv[i];
		bool is_stdin = !strcmp(name, "-");
		FILE *f = is_stdin ? stdin : fopen(name, "re");

		if (!f) {
			sysctl_warn_err(errno, "cannot open \"%s\"", name);
			globfree(&g);
			return 1;
		}
		rc |= load_lines(o, l, f, name, &lineno);
		if (!is_stdin)
			fclose(f);
	}
	globfree(&g);
	return rc;
}

/* The directories of --system, the first holding a name winning. */
static const char *const system_dirs[] = {
	"/etc/sysctl.d", "/run/sysctl.d", "/usr/local/lib/sysctl.d",
	"/usr/lib/sysctl.d", "/lib/sysctl.d",
};

struct conf_file {
	const char *name;   /* points into path */
	char *path;
};

static bool known(const struct conf_file *c, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(c[i].name, name))
			return true;
	return false;
}

static bool is_conf(const char *name)
{
	size_t n = strlen(name);

	return n >= 5 && !strcmp(name + n - 5, ".conf");
}

/* Adds the .conf files of dir not known yet; -1 when out of memory. */
static int gather(const char *dir, struct conf_file **c, size_t *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return 0;
	while (rc == 0 && (e = readdir(d))) {
		if (!is_conf(e->d_name) || known(*c, *n, e->d_name))
			continue;
		struct conf_file *more = realloc(*c, (*n + 1) * sizeof(**c));
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		char *path = malloc(len);
		if (more)
			*c = more;
		if (!more || !path) {
			free(path);
			rc = -1;
			break;
		}
		snprintf(path, len, "%s/%s", dir, e->d_name);
		(*c)[*n].path = path;
		(*c)[(*n)++].name = path + strlen(dir) + 1;
	}
	closedir(d);
	return rc;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct conf_file *)a)->name,
		      ((const struct conf_file *)b)->name);
}

static int load_one(const struct sysctl_opts *o, struct sysctl_list *l,
		    const char *path)
{
	if (!o->quiet)
		printf("* Applying %s ...\n", path);
	return sysctl_load_file(o, l, path);
}

int sysctl_load_system(const struct sysctl_opts *o, struct sysctl_list *l)
{
	struct conf_file *c = NULL;
	struct stat st;
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < sizeof(system_dirs) / sizeof(system_dirs[0]); i++)
		if (gather(system_dirs[i], &c, &n) < 0) {
			sysctl_warn_err(ENOMEM, "%s", system_dirs[i]);
			rc = 1;
		}
	if (n)
		qsort(c, n, sizeof(*c), by_name);
	for (size_t i = 0; i < n; i++) {
		rc |= load_one(o, l, c[i].path);
		free(c[i].path);
	}
	free(c);
	if (stat(DEFAULT_CONF, &st) == 0 && S_ISREG(st.st_mode))
		rc |= load_one(o, l, DEFAULT_CONF);
	return rc;
}

/* Whether some line names path exactly: a glob leaves it alone. */
static bool named(const struct sysctl_list *l, const char *path)
{
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->e[i].path, path))
			return true;
	return false;
}

static int write_glob(const struct sysctl_opts *o, const struct sysctl_list *l,
		      const struct sysctl_entry *e)
{
	glob_t g;
	int rc = 0;

	if (glob(e->path, 0, NULL, &g) != 0)
		return 0;
	for (size_t i = 0; i < g.gl_pathc; i++)
		if (!named(l, g.gl_pathv[i]))
			rc |= sysctl_write(o, g.gl_pathv[i], e->value, e->ignore_failure);
	globfree(&g);
	return rc;
}

int sysctl_list_write(const struct sysctl_opts *o, const struct sysctl_list *l)
{
	int rc = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct sysctl_entry *e = &l->e[i];

		if (!e->value)
			continue;
		if (strpbrk(e->path, "*?["))
			rc |= write_glob(o, l, e);
		else
			rc |= sysctl_write(o, e->path, e->value, e->ignore_failure);
	}
	return rc;
}
