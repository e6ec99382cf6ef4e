/* Words that neigh's changes and listings read alike: NUD states and a
 * device by name. */
#include <string.h>
#include <linux/neighbour.h>

#include "neigh.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "base/iparg.h"
#include "base/parse.h"

int neigh_state_parse(const char *w, unsigned int *state)
{
	static const struct { const char *name; unsigned int state; bool prefix; } states[] = {
		{ "permanent", NUD_PERMANENT, true }, { "reachable", NUD_REACHABLE, true },
		{ "noarp", NUD_NOARP, false }, { "none", NUD_NONE, false },
		{ "stale", NUD_STALE, false }, { "incomplete", NUD_INCOMPLETE, false },
		{ "delay", NUD_DELAY, false }, { "probe", NUD_PROBE, false },
		{ "failed", NUD_FAILED, true },
	};
	uint32_t v;

	for (size_t i = 0; i < sizeof(states) / sizeof(states[0]); i++)
		if (states[i].prefix ? matches(w, states[i].name) : !strcmp(w, states[i].name)) {
			*state = states[i].state;
			return 0;
		}
	/* A number must be one state bit. */
	if (!parse_u32(w, &v) || v >= 0x100 || (v & (v - 1)))
		return -1;
	*state = v;
	return 0;
}
