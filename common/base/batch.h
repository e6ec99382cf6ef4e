/* -batch FILE: iproute2's line and word rules for command files. */
#ifndef NSIP_BATCH_H
#define NSIP_BATCH_H

#include <stdio.h>

#define BATCH_MAX_WORDS 511

struct batch {
	FILE *f;
	const char *name;     /* as given: "-" is standard input */
	int lineno;           /* the last physical line read */
	char *text;           /* the logical line: chunk, or line */
	char *line;           /* continued lines joined */
	size_t cap;
	char *chunk;          /* one physical line */
	size_t chunk_cap;
	char *words[BATCH_MAX_WORDS + 1];
};

/* Opens FILE ("-" = stdin); -1 after the message. */
int batch_open(struct batch *b, const char *file);
void batch_close(struct batch *b);

/* The next command's words (comments and blank lines skipped, continued
 * lines joined): 1 and the words in argc and argv, 0 at the end, -1 after a message. */
int batch_next(struct batch *b, int *argc, char ***argv);

/* Splits line in place: words end at space, tab, CR or LF; a word that
 * starts with ' or " runs to the same quote. Returns the count, or
 * BATCH_UNTERMINATED / BATCH_TOO_MANY. */
#define BATCH_UNTERMINATED (-1)
#define BATCH_TOO_MANY (-2)
int batch_split(char *line, char **words, int max);

#endif
