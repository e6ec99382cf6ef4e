/* The words of sysctl (procps 4): a key as typed (dots or slashes), its
 * file under /proc/sys, and one line of a sysctl.conf file. No kernel here:
 * the sysctl applet (cmd/sysctl/) opens the files. */
#ifndef NSIP_SYSCTL_LINE_H
#define NSIP_SYSCTL_LINE_H

#include <regex.h>
#include <stdbool.h>
#include <stddef.h>

#define SYSCTL_ROOT "/proc/sys/"
#define SYSCTL_ROOT_LEN (sizeof(SYSCTL_ROOT) - 1)

/* Swaps the two separators of key in place when it is not already written
 * with want ('/' for a path, '.' for a name): the first separator decides
 * how it is written, so "net/ipv4/conf/eth0.5/forwarding" and
 * "net.ipv4.conf.eth0/5.forwarding" name the same file. Returns how far
 * into key a separator is first repeated ("..x", which procps warns
 * about, quoting key from there as it was typed), or -1. */
long sysctl_swap_separators(char *key, char want);

/* One line of a conf file (or a KEY=VALUE word), as procps reads it. */
struct sysctl_setting {
	char *key;            /* points into the line; blanks stripped */
	char *value;          /* NULL: an exclusion ("-KEY" alone) */
	bool ignore_failure;  /* "-KEY = VALUE" */
};

enum sysctl_line_kind {
	SYSCTL_LINE_SKIP,     /* blank, too short, comment, or not the pattern */
	SYSCTL_LINE_SYNTAX,   /* no "=": "invalid syntax" */
	SYSCTL_LINE_SETTING,
};

/* Reads line (changed in place: '=' and trailing blanks become NULs).
 * Leading blanks are skipped; "#" and ";" start comments; a line left
 * shorter than two characters is skipped; when pattern is not NULL, a line
 * it does not match (the whole line, as procps does) is skipped. */
enum sysctl_line_kind sysctl_line_parse(char *line, const regex_t *pattern,
					struct sysctl_setting *s);

/* The file of key: SYSCTL_ROOT and key, its dots turned into slashes,
 * with room for one more character. Returns a malloc'ed string (NULL: out
 * of memory); *repeated as sysctl_swap_separators. */
char *sysctl_key_path(const char *key, long *repeated);

#endif
