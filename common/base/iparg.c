#include "base/iparg.h"
#include "base/err.h"

#include <stdio.h>

int iparg_invalid(const char *why, const char *word)
{
	fprintf(stderr, "Error: argument \"%s\" is wrong: %s\n", word, why);
	return EXIT_USAGE;
}

int iparg_incomplete(void)
{
	return fail(EXIT_USAGE, "Command line is not complete. Try option \"help\"");
}

int iparg_duplicate(const char *key, const char *word)
{
	return fail(EXIT_USAGE, "Error: either \"%s\" is duplicate, or \"%s\" is a garbage.",
		    key, word);
}

int iparg_twice(const char *key, const char *word)
{
	return fail(EXIT_USAGE, "Error: duplicate \"%s\": \"%s\" is the second value.",
		    key, word);
}

int iparg_nodev(const char *name)
{
	return fail(EXIT_CMD, "Cannot find device \"%s\"", name);
}

int iparg_too_long(const char *word)
{
	return fail(EXIT_USAGE, "Error: the request is too long at \"%s\".", word);
}

bool iparg_next(int argc, int *i)
{
	if (*i + 1 >= argc)
		return false;
	++*i;
	return true;
}
