/* Words typed by users: iproute2's prefix matching, names, numbers. */
#ifndef NSIP_PARSE_H
#define NSIP_PARSE_H

#include <stdbool.h>
#include <stdint.h>

/* True when word is a non-empty prefix of keyword (case-sensitive).
 * Inline: word tables are scanned with it for every word of a batch, and
 * most keywords differ in their first letter. */
static inline bool matches(const char *word, const char *keyword)
{
	if (!*word)
		return false;
	while (*word && *word == *keyword) {
		word++;
		keyword++;
	}
	return *word == '\0';
}

/* Index of the first keyword in a NULL-terminated table that word is a
 * prefix of, or -1: the table's order decides what an abbreviation means. */
int match_first(const char *word, const char *const *table);

/* !strcmp(word, keyword), inline for the same reason: a word and a keyword
 * that share a first letter mostly differ in the second. */
static inline bool word_is(const char *word, const char *keyword)
{
	while (*word && *word == *keyword) {
		word++;
		keyword++;
	}
	return *word == *keyword;
}

/* A command's keywords in the tool's order (the order decides what an
 * abbreviation means); prefix: any abbreviation of word matches, else
 * only word itself. */
struct keyword {
	const char *word;
	bool prefix;
};

/* Whether word is the keyword k (an abbreviation of it, where k allows). */
static inline bool keyword_is(const struct keyword *k, const char *word)
{
	return k->prefix ? matches(word, k->word) : word_is(word, k->word);
}

/* The index of the first of table[0..n) that word is, or n. */
int keyword_find(const struct keyword *table, int n, const char *word);

/* iproute2's rule for namespace names: not empty, at most 255 bytes, no
 * '/', and neither "." nor "..". */
bool netns_name_ok(const char *name);

/* iproute2's check of a device name typed by users (check_ifname): not
 * empty, shorter than IFNAMSIZ, no '/' and no blank. */
bool iface_name_ok(const char *name);

/* "N-M" read as sscanf("%lu-%lu") would (decimal, leading blanks and a
 * sign allowed, anything after the numbers ignored), which is how ip reads
 * uidrange and port ranges: how many numbers were read, 0 to 2. */
int scan_number_range(const char *word, unsigned long *first, unsigned long *second);

/* Numbers in any C base (0x.., 0..), whole word, within range. */
bool parse_u32(const char *word, uint32_t *out);
bool parse_s32(const char *word, int32_t *out);

#endif
