/* sysctl's words: key <-> file, and a line of sysctl.conf (procps 4.0). */
#include "base/sysctl_line.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static bool is_sep(char c)
{
	return c == '.' || c == '/';
}

long sysctl_swap_separators(char *key, char want)
{
	long repeated = -1;
	char *p = strpbrk(key, "./");

	/* Written the wanted way already (or no separator at all). */
	if (!p || *p == want)
		return -1;
	for (; p; p = strpbrk(p + 1, "./")) {
		if (repeated < 0 && is_sep(p[1]))
			repeated = p - key;
		*p = *p == '.' ? '/' : '.';
	}
	return repeated;
}

static char *skip_blanks(char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

/* Cuts trailing blanks; the first character always stays (as procps). */
static void cut_blanks(char *s)
{
	size_t n = strlen(s);

	while (n > 1 && isspace((unsigned char)s[n - 1]))
		n--;
	s[n] = '\0';
}

enum sysctl_line_kind sysctl_line_parse(char *line, const regex_t *pattern,
					struct sysctl_setting *s)
{
	char *key = skip_blanks(line);
	char *eq;

	*s = (struct sysctl_setting){ 0 };
	if (strlen(key) < 2 || key[0] == '#' || key[0] == ';')
		return SYSCTL_LINE_SKIP;
	if (pattern && regexec(pattern, key, 0, NULL, 0) != 0)
		return SYSCTL_LINE_SKIP;
	eq = strchr(key, '=');
	if (!eq) {
		if (key[0] != '-')
			return SYSCTL_LINE_SYNTAX;
		s->key = key + 1;
		cut_blanks(s->key);
		return SYSCTL_LINE_SETTING;
	}
	*eq = '\0';
	if (key[0] == '-') {
		s->ignore_failure = true;
		key++;
	}
	s->value = skip_blanks(eq + 1);
	cut_blanks(s->value);
	cut_blanks(key);
	s->key = key;
	return SYSCTL_LINE_SETTING;
}

char *sysctl_key_path(const char *key, long *repeated)
{
	size_t n;
	char *path;

	n = strlen(key);
	path = malloc(SYSCTL_ROOT_LEN + n + 2);   /* room for a trailing '/' */
	if (!path)
		return NULL;
	memcpy(path, SYSCTL_ROOT, SYSCTL_ROOT_LEN);
	memcpy(path + SYSCTL_ROOT_LEN, key, n + 1);
	*repeated = sysctl_swap_separators(path + SYSCTL_ROOT_LEN, '/');
	return path;
}
