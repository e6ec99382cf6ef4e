#include "nl/rt_scope.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	unsigned int id;
	const char *name;
} scopes[] = {
	{ 0, "global" }, { 255, "nowhere" }, { 254, "host" }, { 253, "link" },
	{ 200, "site" },
};

#define N_SCOPES (sizeof(scopes) / sizeof(scopes[0]))

const char *rt_scope_name(unsigned int scope, char *buf, size_t len)
{
	for (size_t i = 0; i < N_SCOPES; i++)
		if (scopes[i].id == scope)
			return scopes[i].name;
	snprintf(buf, len, "%u", scope);
	return buf;
}

int rt_scope_parse(const char *word, unsigned int *scope)
{
	char *end;

	for (size_t i = 0; i < N_SCOPES; i++)
		if (!strcmp(word, scopes[i].name)) {
			*scope = scopes[i].id;
			return 0;
		}
	if (!*word)
		return -1;
	unsigned long v = strtoul(word, &end, 0);
	if (*end || v > 255)
		return -1;
	*scope = (unsigned int)v;
	return 0;
}
