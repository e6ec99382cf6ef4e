/* The one opener of a namespace word: what a word given on the command
 * line names (a run-dir entry, a file path, a process), by the rules ip
 * has for each place that takes one, and the line said when it fails. */
#ifndef NSIP_NSOPEN_H
#define NSIP_NSOPEN_H

#include <stdbool.h>
#include <stdint.h>

/* The readings a caller allows, tried in this order. ip's callers:
 * `-n` and `netns exec|set|pids` take NS_NAME only (a word with a '/' is
 * still a name there, which no entry has); `link set netns` takes all
 * three. */
enum ns_form {
	NS_PATH = 1,   /* a word with a '/': that file, opened as given */
	NS_NAME = 2,   /* an entry of the run dir, with nsfile_open's checks */
	NS_PID = 4,    /* a number (as ip's get_integer): that process's */
};

struct ns_target {
	int fd;            /* the namespace file (O_CLOEXEC), or -1 */
	bool by_pid;       /* no file: the namespace of process pid */
	int32_t pid;
	/* After a failure: what the run-dir entry is instead of a network
	 * namespace (then no later reading was tried), or NULL and err is
	 * why the word could not be opened. */
	const char *what;
	int err;
};

/* Reads word in the forms allowed (a mask of enum ns_form) and fills t.
 * Returns 0 (t->fd open, or t->by_pid), or -1 with t->what / t->err.
 * Prints nothing: ns_open_complain says the usual line. */
int ns_open(const char *word, unsigned forms, struct ns_target *t);

/* The line for a failed ns_open of word: the explanation of an entry that
 * is no namespace, or "Cannot open network namespace "WORD": ERR". */
void ns_open_complain(const char *word, const struct ns_target *t);

#endif
