/* Where usage text goes: one rule for every applet (see applet.h). */
#include "applet.h"
#include "base/err.h"

struct usage_to usage_to(const struct ctx *asker)
{
	if (asker && asker->who != AS_IP)
		return (struct usage_to){ stdout, 0 };
	return (struct usage_to){ stderr, EXIT_USAGE };
}
