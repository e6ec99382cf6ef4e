#include "nl/route_names.h"
#include "base/fmt.h"
#include "base/parse.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/rtnetlink.h>

#define NAME_MAX_LEN 64

struct name {
	uint32_t id;
	char name[NAME_MAX_LEN];
};

/* One kind of names: the built-in ones, then those of its file, which
 * may rename a built-in number (the last line for a number wins). */
struct names {
	const char *file;
	const struct name *builtin;
	size_t n_builtin;
	struct name *loaded;
	size_t n_loaded;
	bool read;
};

static const struct name table_names[] = {
	{ 0, "unspec" }, { 253, "default" }, { 254, "main" }, { 255, "local" },
};

static const struct name proto_names[] = {
	{ 0, "unspec" }, { 1, "redirect" }, { 2, "kernel" }, { 3, "boot" },
	{ 4, "static" }, { 8, "gated" }, { 9, "ra" }, { 10, "mrt" },
	{ 11, "zebra" }, { 12, "bird" }, { 13, "dnrouted" }, { 14, "xorp" },
	{ 15, "ntk" }, { 16, "dhcp" }, { 18, "keepalived" }, { 42, "babel" },
	{ 99, "openr" }, { 186, "bgp" }, { 187, "isis" }, { 188, "ospf" },
	{ 189, "rip" }, { 192, "eigrp" },
};

static const struct name scope_names[] = {
	{ 0, "global" }, { 200, "site" }, { 253, "link" }, { 254, "host" },
	{ 255, "nowhere" },
};

static const struct name dsfield_names[] = { { 0, "0" } };

static const struct name group_names[] = { { 0, "default" } };

static const struct name realm_names[] = { { 0, "unknown" } };

#define N(a) (sizeof(a) / sizeof((a)[0]))

static struct names kinds[] = {
	[RT_NAME_TABLE] = { "/etc/iproute2/rt_tables", table_names, N(table_names), NULL, 0, false },
	[RT_NAME_PROTO] = { "/etc/iproute2/rt_protos", proto_names, N(proto_names), NULL, 0, false },
	[RT_NAME_SCOPE] = { "/etc/iproute2/rt_scopes", scope_names, N(scope_names), NULL, 0, false },
	[RT_NAME_DSFIELD] = { "/etc/iproute2/rt_dsfield", dsfield_names, N(dsfield_names), NULL, 0, false },
	[RT_NAME_GROUP] = { "/etc/iproute2/group", group_names, N(group_names), NULL, 0, false },
	[RT_NAME_REALM] = { "/etc/iproute2/rt_realms", realm_names, N(realm_names), NULL, 0, false },
};

static void free_loaded(void)
{
	for (size_t k = 0; k < N(kinds); k++) {
		free(kinds[k].loaded);
		kinds[k].loaded = NULL;
	}
}

/* Lines "NUMBER NAME [# comment]"; other lines are skipped. */
static void load_file(struct names *t, const char *path)
{
	char line[512];
	FILE *f;

	if (!(f = fopen(path, "re")))
		return;
	while (fgets(line, sizeof(line), f)) {
		char name[NAME_MAX_LEN];
		unsigned long id;
		char *p = line, *end;

		p += strspn(p, " \t");
		if (*p == '#' || *p == '\n' || !*p)
			continue;
		errno = 0;
		id = strtoul(p, &end, 0);
		if (end == p || errno || id > UINT32_MAX ||
		    sscanf(end, "%63s", name) != 1 || name[0] == '#')
			continue;
		struct name *v = realloc(t->loaded, (t->n_loaded + 1) * sizeof(*v));
		if (!v)
			break;
		t->loaded = v;
		v[t->n_loaded].id = (uint32_t)id;
		snprintf(v[t->n_loaded].name, NAME_MAX_LEN, "%s", name);
		t->n_loaded++;
	}
	fclose(f);
}

/* The file, then the *.conf files of its ".d" directory, as iproute2. */
static void load(struct names *t)
{
	static bool cleanup_registered;
	char dir[256], path[512];
	struct dirent *e;
	DIR *d;

	t->read = true;
	if (!cleanup_registered) {
		atexit(free_loaded);
		cleanup_registered = true;
	}
	load_file(t, t->file);
	snprintf(dir, sizeof(dir), "%s.d", t->file);
	if (!(d = opendir(dir)))
		return;
	while ((e = readdir(d))) {
		size_t n = strlen(e->d_name);
		if (e->d_name[0] == '.' || n < 6 || strcmp(e->d_name + n - 5, ".conf"))
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		load_file(t, path);
	}
	closedir(d);
}

static struct names *names_of(enum rt_name_kind kind)
{
	struct names *t = &kinds[kind];

	if (!t->read)
		load(t);
	return t;
}

const char *rt_name_of(enum rt_name_kind kind, uint32_t id, char *buf,
		       size_t len)
{
	struct names *t = names_of(kind);

	for (size_t i = t->n_loaded; i-- > 0;)
		if (t->loaded[i].id == id)
			return t->loaded[i].name;
	for (size_t i = 0; i < t->n_builtin; i++)
		if (t->builtin[i].id == id)
			return t->builtin[i].name;
	if (kind != RT_NAME_DSFIELD)
		return fmt_u64(buf, len, id);
	snprintf(buf, len, "0x%02x", id);
	return buf;
}

static unsigned long name_max(enum rt_name_kind kind)
{
	return kind == RT_NAME_TABLE ? UINT32_MAX :
	       kind == RT_NAME_GROUP ? INT32_MAX : 255;
}

int rt_name_parse(enum rt_name_kind kind, const char *word, uint32_t *id)
{
	struct names *t = names_of(kind);
	unsigned long max = name_max(kind);
	char *end;

	for (size_t i = 0; i < t->n_loaded; i++)
		if (!strcmp(t->loaded[i].name, word)) {
			*id = t->loaded[i].id;
			return 0;
		}
	for (size_t i = 0; i < t->n_builtin; i++)
		if (!strcmp(t->builtin[i].name, word)) {
			*id = t->builtin[i].id;
			return 0;
		}
	errno = 0;
	unsigned long v = strtoul(word, &end, kind == RT_NAME_DSFIELD ? 16 : 0);
	if (end == word || *end || errno || v > max)
		return -1;
	*id = (uint32_t)v;
	return 0;
}

static const char *const type_names[] = {
	[RTN_UNSPEC] = "none", [RTN_UNICAST] = "unicast", [RTN_LOCAL] = "local",
	[RTN_BROADCAST] = "broadcast", [RTN_ANYCAST] = "anycast",
	[RTN_MULTICAST] = "multicast", [RTN_BLACKHOLE] = "blackhole",
	[RTN_UNREACHABLE] = "unreachable", [RTN_PROHIBIT] = "prohibit",
	[RTN_THROW] = "throw", [RTN_NAT] = "nat", [RTN_XRESOLVE] = "xresolve",
};

const char *rt_type_name(unsigned int type, char *buf, size_t len)
{
	if (type < N(type_names) && type_names[type])
		return type_names[type];
	snprintf(buf, len, "%u", type);
	return buf;
}

/* iproute2's reading: some types exactly, most by prefix, in this order
 * (so "b" is broadcast and "any" is anycast). */
int rt_type_parse(const char *word, unsigned int *type)
{
	static const struct { const char *name; unsigned int type; bool prefix; } words[] = {
		{ "local", RTN_LOCAL, false }, { "nat", RTN_NAT, false },
		{ "broadcast", RTN_BROADCAST, true }, { "brd", RTN_BROADCAST, false },
		{ "anycast", RTN_ANYCAST, true }, { "multicast", RTN_MULTICAST, true },
		{ "prohibit", RTN_PROHIBIT, true }, { "unreachable", RTN_UNREACHABLE, true },
		{ "blackhole", RTN_BLACKHOLE, true }, { "xresolve", RTN_XRESOLVE, true },
		{ "unicast", RTN_UNICAST, true }, { "throw", RTN_THROW, false },
	};
	char *end;

	for (size_t i = 0; i < N(words); i++)
		if (words[i].prefix ? matches(word, words[i].name)
				    : !strcmp(word, words[i].name)) {
			*type = words[i].type;
			return 0;
		}
	errno = 0;
	unsigned long v = strtoul(word, &end, 0);
	if (end == word || *end || errno || v > 255)
		return -1;
	*type = (unsigned int)v;
	return 0;
}

const char *rt_number(uint32_t id, char *buf, size_t len)
{
	snprintf(buf, len, "%u", id);
	return buf;
}

const char *rt_name_num(enum rt_name_kind kind, uint32_t id, bool numeric,
			char *buf, size_t len)
{
	if (!numeric)
		return rt_name_of(kind, id, buf, len);
	snprintf(buf, len, kind == RT_NAME_DSFIELD ? "0x%02x" : "%u", id);
	return buf;
}
