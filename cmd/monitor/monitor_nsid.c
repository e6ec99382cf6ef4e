/* Namespace id events: "nsid 5 (iproute2 netns name: red)". The names
 * come from a cache as ip keeps it: the run dir's ids when the monitor
 * starts; an event that finds its name there prints it and takes it out,
 * an RTM_NEWNSID that does not asks the run dir again and puts the name
 * back. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "monitor.h"
#include "base/err.h"
#include "ns/nsid.h"
#include "ns/rundir.h"

static struct nsid_name *cache_find(struct monitor *m, int nsid)
{
	for (size_t i = 0; i < m->n_nsids; i++)
		if (m->nsids[i].nsid == nsid)
			return &m->nsids[i];
	return NULL;
}

/* Adds a name unless the cache knows that nsid already (as ip's). */
static int cache_add(struct monitor *m, int nsid, const char *name)
{
	if (cache_find(m, nsid))
		return 0;
	char *copy = strdup(name);
	if (!copy)
		return fail(-1, "Out of memory");
	struct nsid_name *v = realloc(m->nsids, (m->n_nsids + 1) * sizeof(*v));
	if (!v) {
		free(copy);
		return fail(-1, "Out of memory");
	}
	m->nsids = v;
	v[m->n_nsids].nsid = nsid;
	v[m->n_nsids].name = copy;
	m->n_nsids++;
	return 0;
}

int monitor_nsid_load(struct monitor *m)
{
	struct nsid_names t;

	/* ip counts its cache filled only once the run dir could be read:
	 * until then each question reads it again. */
	if (m->nsids_loaded || !m->ask)
		return 0;
	DIR *dir = opendir(NETNS_RUN_DIR);
	if (!dir)
		return 0;
	closedir(dir);
	if (nsid_names_load(m->ask, &t) < 0)
		return -1;
	int r = 0;
	for (size_t i = 0; i < t.n && !r; i++)
		if (t.nsids[i] >= 0)
			r = cache_add(m, t.nsids[i], t.names[i]);
	nsid_names_free(&t);
	m->nsids_loaded = true;
	return r;
}

const char *monitor_nsid_name(int nsid, void *monitor)
{
	struct monitor *m = monitor;

	monitor_nsid_load(m);
	const struct nsid_name *e = cache_find(m, nsid);
	return e ? e->name : NULL;
}

/* Prints the cached name of nsid and forgets it: whether there was one. */
static bool cache_take(struct monitor *m, int nsid)
{
	struct nsid_name *e = cache_find(m, nsid);

	if (!e)
		return false;
	out_str(&m->out, "name", "(iproute2 netns name: %s)", e->name);
	free(e->name);
	*e = m->nsids[--m->n_nsids];
	return true;
}

static const struct nl_policy nsid_policy[NETNSA_MAX + 1] = {
	[NETNSA_NSID] = { MNL_TYPE_U32, 0 },
	[NETNSA_CURRENT_NSID] = { MNL_TYPE_U32, 0 },
};

static void print_id(struct monitor *m, const char *what, int id)
{
	char buf[48];

	if (id < 0)
		snprintf(buf, sizeof(buf), "%s unassigned ", what);
	else
		snprintf(buf, sizeof(buf), "%s %d ", what, id);
	out_text(&m->out, buf);
}

int monitor_nsid_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	const struct nlattr *tb[NETNSA_MAX + 1];

	if (nl_parse(nlh, sizeof(struct rtgenmsg), nsid_policy, NETNSA_MAX, tb) < 0)
		return nl_malformed(nlh);
	if (!tb[NETNSA_NSID])
		return fail(-1, "BUG: NETNSA_NSID is missing print_nsid");
	int nsid = (int)mnl_attr_get_u32(tb[NETNSA_NSID]);
	int current = tb[NETNSA_CURRENT_NSID] ?
		      (int)mnl_attr_get_u32(tb[NETNSA_CURRENT_NSID]) : nsid;

	if (nlh->nlmsg_type == RTM_DELNSID)
		out_text(&m->out, "Deleted ");
	print_id(m, "nsid", nsid);
	if (tb[NETNSA_CURRENT_NSID])
		print_id(m, "current-nsid", current);
	if (!cache_take(m, current) && nlh->nlmsg_type == RTM_NEWNSID) {
		char name[256];
		if (nsid >= 0 && m->ask &&
		    name_of_nsid(m->ask, nsid, name, sizeof(name)) == 0) {
			out_str(&m->out, "name", "(iproute2 netns name: %s)", name);
			cache_add(m, nsid, name);
		}
	}
	out_eol(&m->out);
	return 1;
}

void monitor_nsid_free(struct monitor *m)
{
	for (size_t i = 0; i < m->n_nsids; i++)
		free(m->nsids[i].name);
	free(m->nsids);
	m->nsids = NULL;
	m->n_nsids = 0;
}
