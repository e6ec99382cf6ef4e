/* Versions of the CNI spec. */
#include "cni/cni_version.h"

#include <string.h>

#include "cni/cni_json.h"

static const char *const versions[] = {
	"0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0",
};
#define N_VERSIONS (sizeof(versions) / sizeof(versions[0]))

static int index_of(const char *v)
{
	for (size_t i = 0; i < N_VERSIONS; i++)
		if (!strcmp(v, versions[i]))
			return (int)i;
	return -1;
}

bool cni_version_known(const char *v)
{
	return index_of(v) >= 0;
}

int cni_version_check(const char *v, struct cni_err *e)
{
	char list[128] = "";
	size_t n = 0;

	if (cni_version_known(v))
		return 0;
	for (size_t i = 0; i < N_VERSIONS; i++)
		n += (size_t)snprintf(list + n, sizeof(list) - n, "%s\"%s\"",
				      i ? " " : "", versions[i]);
	e->code = CNI_E_VERSION;
	snprintf(e->msg, sizeof(e->msg), "incompatible CNI versions");
	snprintf(e->details, sizeof(e->details), "config is \"%s\", plugin supports [%s]",
		 v, list);
	return -1;
}

enum cni_form cni_version_form(const char *v)
{
	int i = index_of(v);

	if (i <= 1)
		return CNI_FORM_020;
	return i >= 5 ? CNI_FORM_100 : CNI_FORM_040;   /* 1.1.0's results are 1.0.0's */
}

bool cni_version_has_check(const char *v)
{
	return index_of(v) >= 4;
}

bool cni_version_has_gc(const char *v)
{
	return index_of(v) >= 6;
}

int cni_version_print(FILE *f)
{
	json_t *j = json_object(), *list = json_array();
	int r = -1;

	if (j && list) {
		for (size_t i = 0; i < N_VERSIONS; i++)
			json_array_append_new(list, json_string(versions[i]));
		json_object_set_new(j, "cniVersion", json_string(CNI_VERSION_LATEST));
		json_object_set(j, "supportedVersions", list);
		r = cni_json_print_line(j, f);
	}
	json_decref(list);
	json_decref(j);
	return r;
}
