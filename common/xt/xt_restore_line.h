/* One line of an iptables-restore input, read as iptables-restore reads
 * it: what kind of line it is (which depends on whether a table is open),
 * and for a rule line its words (split at blanks, double quotes grouping
 * and removed, \" a quote kept) and its optional "[PACKETS:BYTES]" prefix.
 * Pure text work, no kernel: the restore applet (cmd/nat/xt_restore.c)
 * acts on it; the fuzz target and the unit test read it alone. */
#ifndef NSIP_XT_RESTORE_LINE_H
#define NSIP_XT_RESTORE_LINE_H

#include <stdbool.h>
#include <stdint.h>

enum xr_kind {
	XR_SKIP,        /* empty, or a comment ('#' first) */
	XR_TABLE,       /* "*TABLE" (outside a table) */
	XR_CHAIN,       /* ":CHAIN POLICY [PACKETS:BYTES]" (inside one) */
	XR_COMMIT,      /* "COMMIT" alone (inside one) */
	XR_WORDS,       /* anything else inside a table: iptables words */
	XR_STRAY,       /* anything else outside a table */
};

/* Words are pointers into the line, which the reader cuts up in place. */
#define XR_MAX_WORDS 255

struct xr_line {
	enum xr_kind kind;
	const char *name;         /* XR_TABLE: the table; XR_CHAIN: the chain */
	const char *policy;       /* XR_CHAIN */
	const char *counters;     /* XR_CHAIN: the word after the policy, or NULL */
	/* XR_WORDS: the "[P:B]" prefix's two parts, NULL when none */
	const char *pcnt, *bcnt;
	int argc;                 /* XR_WORDS */
	char *argv[XR_MAX_WORDS + 1];
};

/* Why a line cannot be read (the applet words each in iptables-restore's
 * message with the line's number). */
enum xr_error {
	XR_OK,
	XR_NO_TABLE_NAME,         /* "*" alone */
	XR_NO_CHAIN_NAME,         /* ":" alone */
	XR_NO_POLICY,             /* ":CHAIN" with no policy */
	XR_NEED_COLON,            /* "[" prefix without ':' */
	XR_NEED_BRACKET,          /* "[" prefix without its ']' */
	XR_TOO_MANY,              /* more than XR_MAX_WORDS words */
	XR_TABLE_OPTION,          /* -t among the words */
	XR_WAIT_OPTION,           /* -w among them */
	XR_WAIT_INTERVAL_OPTION,  /* -W among them */
};

/* Reads line (NUL-terminated, its newline already cut off), cutting it up
 * in place; in_table: a "*TABLE" line is open. Returns XR_OK, or why the
 * line cannot be read. */
enum xr_error xr_read_line(char *line, bool in_table, struct xr_line *out);

/* A counter as iptables-restore reads one (leading digits, as %llu):
 * false when there are none. */
bool xr_number(const char *s, uint64_t *v);
/* A chain line's "[P:B]": false when it is not one. */
bool xr_chain_counters(const char *word, uint64_t *packets, uint64_t *bytes);

#endif
