/* iptables-restore's reading of one line (see xt_restore_line.h). */
#include "xt/xt_restore_line.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

static bool blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n';
}

/* The next blank-separated word of *s (strtok's way, in place), or NULL. */
static char *next_token(char **s)
{
	char *p = *s, *start;

	while (*p && blank(*p))
		p++;
	if (!*p) {
		*s = p;
		return NULL;
	}
	start = p;
	while (*p && !blank(*p))
		p++;
	if (*p)
		*p++ = '\0';
	*s = p;
	return start;
}

bool xr_number(const char *s, uint64_t *v)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	errno = 0;
	*v = strtoull(s, &end, 10);
	return errno == 0;
}

bool xr_chain_counters(const char *word, uint64_t *packets, uint64_t *bytes)
{
	const char *colon;

	if (!word || word[0] != '[' || !(colon = strchr(word, ':')))
		return false;
	return xr_number(word + 1, packets) && xr_number(colon + 1, bytes);
}

/* The words iptables-restore refuses inside a table: -t (the table is the
 * block's), -w and -W (the restore as a whole takes the lock). */
static enum xr_error refused_word(const char *w)
{
	if ((w[0] == '-' && w[1] == 't') || !strncmp(w, "--table", 7))
		return XR_TABLE_OPTION;
	if (!strcmp(w, "-w") || !strcmp(w, "--wait"))
		return XR_WAIT_OPTION;
	if (!strcmp(w, "-W") || !strcmp(w, "--wait-interval"))
		return XR_WAIT_INTERVAL_OPTION;
	return XR_OK;
}

/* Splits s into words in place: blanks separate them outside double
 * quotes, quotes are removed, \" is a quote kept in the word. */
static enum xr_error split_words(char *s, struct xr_line *out)
{
	char *w = s;            /* where the word being read is written */
	bool quoted = false, in_word = false;

	out->argc = 0;
	for (char *p = s;; p++) {
		char ch = *p;   /* ending a word may write over it */
		bool end = !ch || (!quoted && blank(ch));

		if (end && in_word) {
			char *start = out->argv[out->argc - 1];
			enum xr_error e;

			*w++ = '\0';
			if ((e = refused_word(start)))
				return e;
			in_word = false;
		}
		if (!ch)
			break;
		if (end)
			continue;
		if (!in_word) {
			if (out->argc == XR_MAX_WORDS)
				return XR_TOO_MANY;
			out->argv[out->argc++] = w;
			in_word = true;
		}
		if (*p == '\\' && p[1] == '"')
			*w++ = *++p;
		else if (*p == '"')
			quoted = !quoted;
		else
			*w++ = *p;
	}
	out->argv[out->argc] = NULL;
	return XR_OK;
}

/* "[P:B] WORDS...": the prefix's parts, and where the words start, cut
 * as iptables-restore cuts them (strtok at ':' and then at ']'; the words
 * start after the first ']'). */
static enum xr_error counter_prefix(char *line, struct xr_line *out, char **rest)
{
	char *close = strchr(line, ']'), *p = line + 1, *colon, *b, *e;

	if (!close)
		return XR_NEED_BRACKET;
	while (*p == ':')
		p++;
	if (!*p)
		return XR_NEED_COLON;
	if (!(colon = strchr(p, ':')))
		return XR_NEED_BRACKET;
	*colon = '\0';
	for (b = colon + 1; *b == ']'; b++)
		;
	if (!*b)
		return XR_NEED_BRACKET;
	if ((e = strchr(b, ']')))
		*e = '\0';
	out->pcnt = p;
	out->bcnt = b;
	*rest = close + 1;
	return XR_OK;
}

static enum xr_error chain_line(char *line, struct xr_line *out)
{
	char *s = line + 1;

	out->kind = XR_CHAIN;
	if (!(out->name = next_token(&s)))
		return XR_NO_CHAIN_NAME;
	if (!(out->policy = next_token(&s)))
		return XR_NO_POLICY;
	out->counters = next_token(&s);
	return XR_OK;
}

enum xr_error xr_read_line(char *line, bool in_table, struct xr_line *out)
{
	char *rest = line;
	enum xr_error e;

	memset(out, 0, offsetof(struct xr_line, argv));
	out->argv[0] = NULL;
	if (!line[0] || line[0] == '#') {
		out->kind = XR_SKIP;
		return XR_OK;
	}
	if (!in_table) {
		char *s = line + 1;

		if (line[0] != '*') {
			out->kind = XR_STRAY;
			return XR_OK;
		}
		out->kind = XR_TABLE;
		return (out->name = next_token(&s)) ? XR_OK : XR_NO_TABLE_NAME;
	}
	if (!strcmp(line, "COMMIT")) {
		out->kind = XR_COMMIT;
		return XR_OK;
	}
	if (line[0] == ':')
		return chain_line(line, out);
	out->kind = XR_WORDS;
	if (line[0] == '[' && (e = counter_prefix(line, out, &rest)))
		return e;
	return split_words(rest, out);
}
