/* iproute2's argument errors (see iparg.h). All go through fail(), which
 * flushes what stdout holds first, so that a batch's output and its
 * errors keep their order in one stream. */
#include "base/iparg.h"
#include "base/err.h"

int iparg_invalid(const char *why, const char *word)
{
	return fail(EXIT_USAGE, "Error: argument \"%s\" is wrong: %s", word, why);
}

int iparg_value_invalid(const char *key, const char *word)
{
	return fail(EXIT_USAGE, "Error: argument \"%s\" is wrong: \"%s\" value is invalid",
		    word, key);
}

int iparg_value_negative(const char *key, const char *word)
{
	return fail(EXIT_USAGE, "Error: argument \"%s\" is wrong: \"%s\" value should be >= 0",
		    word, key);
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

int iparg_on_off(const char *key, const char *word)
{
	return fail(EXIT_CMD, "Error: argument of \"%s\" must be \"on\" or \"off\", not \"%s\"",
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
