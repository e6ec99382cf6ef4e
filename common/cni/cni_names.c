/* Name rules of CNI. */
#include "cni/cni_names.h"

#include <ctype.h>

bool cni_name_valid(const char *s)
{
	if (!isalnum((unsigned char)*s))
		return false;
	for (s++; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '.' && *s != '-')
			return false;
	return true;
}
