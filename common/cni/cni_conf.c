/* Reading the network configuration. */
#include "cni/cni_conf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cni/cni_names.h"
#include "cni/cni_version.h"

static int read_all(FILE *in, char **out, size_t *len, struct cni_err *e)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap + 1);

	if (!buf)
		return cni_fail(e, CNI_E_IO, "error reading from stdin: out of memory");
	for (;;) {
		size_t got = fread(buf + n, 1, cap - n, in);

		n += got;
		if (n < cap)
			break;
		if (cap >= CNI_CONF_MAX) {
			free(buf);
			return cni_fail(e, CNI_E_IO, "error reading from stdin: "
					"more than %zu bytes", CNI_CONF_MAX);
		}
		char *bigger = realloc(buf, cap * 2 + 1);

		if (!bigger) {
			free(buf);
			return cni_fail(e, CNI_E_IO, "error reading from stdin: out of memory");
		}
		buf = bigger;
		cap *= 2;
	}
	if (ferror(in)) {
		char t[64];

		free(buf);
		return cni_fail(e, CNI_E_IO, "error reading from stdin: %s",
				cni_strerror(errno, t, sizeof(t)));
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

static int decode(struct cni_conf *c, struct cni_err *e)
{
	json_error_t je;
	const json_t *v;

	if (strspn(c->raw, " \t\r\n") == c->raw_len)
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"unexpected end of JSON input");
	c->root = json_loadb(c->raw, c->raw_len, JSON_REJECT_DUPLICATES, &je);
	/* Go's words for input that stops short, jansson's for the rest */
	if (!c->root && je.position >= (int)c->raw_len)
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"unexpected end of JSON input");
	if (!c->root)
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: %s "
				"(line %d, column %d)", je.text, je.line, je.column);
	if (!json_is_object(c->root))
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"the config is not a JSON object");
	v = json_object_get(c->root, "cniVersion");
	if (v && !json_is_string(v))
		return cni_fail(e, CNI_E_DECODE, "decoding version from network config: "
				"cniVersion is not a string");
	c->version = v ? json_string_value(v) : "0.1.0";
	return 0;
}

static int members(struct cni_conf *c, struct cni_err *e)
{
	json_t *v = json_object_get(c->root, "name");

	if (v && !json_is_string(v))
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"name is not a string");
	c->name = v ? json_string_value(v) : NULL;
	if (!c->name || !*c->name)
		return cni_fail(e, CNI_E_CONFIG, "missing network name");
	if (!cni_name_valid(c->name))
		return cni_fail_details(e, CNI_E_CONFIG, c->name,
					"invalid characters found in network name");
	v = json_object_get(c->root, "type");
	if (v && !json_is_string(v))
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"type is not a string");
	c->type = v ? json_string_value(v) : NULL;
	c->ipam = json_object_get(c->root, "ipam");
	if (c->ipam && !json_is_object(c->ipam))
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"ipam is not an object");
	c->prev = json_object_get(c->root, "prevResult");
	if (json_is_null(c->prev))
		c->prev = NULL;
	if (c->prev && !json_is_object(c->prev))
		return cni_fail(e, CNI_E_DECODE, "error unmarshall network config: "
				"prevResult is not an object");
	return 0;
}

int cni_conf_parse(char *buf, size_t len, struct cni_conf *c, struct cni_err *e)
{
	memset(c, 0, sizeof(*c));
	c->raw = buf;
	c->raw_len = len;
	if (decode(c, e) < 0 || members(c, e) < 0)
		return -1;
	return cni_version_check(c->version, e);
}

int cni_conf_read(FILE *in, struct cni_conf *c, struct cni_err *e)
{
	char *buf = NULL;
	size_t len = 0;

	memset(c, 0, sizeof(*c));
	if (read_all(in, &buf, &len, e) < 0 || !buf)
		return -1;
	return cni_conf_parse(buf, len, c, e);
}

void cni_conf_free(struct cni_conf *c)
{
	json_decref(c->root);
	free(c->raw);
	memset(c, 0, sizeof(*c));
}

int cni_conf_attachments(const struct cni_conf *c, const json_t **list,
			 struct cni_err *e)
{
	const json_t *l = json_object_get(c->root, "cni.dev/valid-attachments");
	size_t i;
	const json_t *a;

	if (!json_is_array(l))
		return cni_fail(e, CNI_E_DECODE, "GC: \"cni.dev/valid-attachments\" "
				"is missing or not a list");
	json_array_foreach(l, i, a)
		if (!json_is_string(json_object_get(a, "containerID")) ||
		    !json_is_string(json_object_get(a, "ifname")))
			return cni_fail(e, CNI_E_DECODE, "GC: attachment %zu has no "
					"containerID and ifname", i);
	*list = l;
	return 0;
}

bool cni_attachment_listed(const json_t *list, const char *id, const char *ifname)
{
	size_t i;
	const json_t *a;

	json_array_foreach(list, i, a)
		if (!strcmp(json_string_value(json_object_get(a, "containerID")), id) &&
		    (!ifname ||
		     !strcmp(json_string_value(json_object_get(a, "ifname")), ifname)))
			return true;
	return false;
}
