/* The sysctl applet's shared state and its helpers, one concern a file:
 * sysctl_read.c (a key, a tree), sysctl_write.c (a key), sysctl_load.c
 * (-p files and --system), sysctl_msg.c (procps' messages). sysctl.c reads
 * the options and calls them; they never call back into it. */
#ifndef NSIP_CMD_SYSCTL_H
#define NSIP_CMD_SYSCTL_H

#include <regex.h>
#include <stdbool.h>

#include "base/sysctl_line.h"

struct sysctl_opts {
	bool print_name;       /* "KEY = VALUE"; off with -n, -b */
	bool print_newline;    /* off with -b */
	bool name_only;        /* -N */
	bool ignore_error;     /* -e, --system: no word for a missing key */
	bool quiet;            /* -q */
	bool dry_run;          /* --dry-run */
	bool deprecated;       /* --deprecated: list them under -a too */
	bool has_pattern;      /* -r */
	regex_t pattern;
	bool pattern_ok;       /* it compiled; a bad one matches nothing */
};

/* procps' messages: "sysctl: TEXT" and "sysctl: TEXT: strerror(err)". */
void sysctl_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void sysctl_warn_err(int err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Swaps key's separators to want, warning (as procps) when one repeats. */
void sysctl_swap_warn(char *key, char want);
/* Whether name passes -r (true without one). */
bool sysctl_pattern_ok(const struct sysctl_opts *o, const char *name);
/* Whether path resolves under /proc/sys/ (warns when it does not). */
bool sysctl_under_root(const char *path);

/* Prints a key as typed (or a tree, when it names one): its exit-code
 * share, which procps adds up (-1 for an empty or escaping name). */
int sysctl_read(const struct sysctl_opts *o, const char *name);
/* Prints every key under dir (a path ending in '/'). */
int sysctl_read_all(const struct sysctl_opts *o, const char *dir);

/* Writes value ("(null)" when NULL, as procps) into the file path; key
 * is only what procps keeps of the line. 0 or 1. */
int sysctl_write(const struct sysctl_opts *o, const char *path,
		 const char *value, bool ignore_failure);

/* The settings of -p files and --system, gathered, then written. */
struct sysctl_list;
struct sysctl_list *sysctl_list_new(void);
void sysctl_list_free(struct sysctl_list *l);
/* Reads a file (a glob pattern; "-" is stdin) into l: 0 or 1. Exits 1 when
 * glob itself fails, as procps. */
int sysctl_load_file(const struct sysctl_opts *o, struct sysctl_list *l,
		     const char *file);
/* Reads the --system directories and /etc/sysctl.conf into l. */
int sysctl_load_system(const struct sysctl_opts *o, struct sysctl_list *l);
/* Writes what l holds, globs expanded: 0 or 1. */
int sysctl_list_write(const struct sysctl_opts *o, const struct sysctl_list *l);

#endif
