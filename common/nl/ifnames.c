#include "nl/ifnames.h"
#include "base/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>


struct nlmsghdr *link_dump_req_stats(struct nl_req *r, int family, bool stats)
{
	struct nlmsghdr *nlh = nl_req_init(r, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = (unsigned char)family;
	/* Statistics are most of a link's bytes; nsip asks them only for -s. */
	if (!stats)
		mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return nlh;
}

struct nlmsghdr *link_dump_req(struct nl_req *r, int family)
{
	return link_dump_req_stats(r, family, false);
}

int link_dump(struct nl *nl, struct nl_dump *d, bool stats)
{
	struct nl_req req;

	return nl_dump(nl, link_dump_req_stats(&req, AF_UNSPEC, stats), d);
}

static const struct nl_policy name_policy[IFLA_IFNAME + 1] = {
	[IFLA_IFNAME] = { MNL_TYPE_NUL_STRING, 0 },
};

static int add_entry(const struct nlmsghdr *nlh, void *data)
{
	struct ifnames *t = data;
	const struct nlattr *tb[IFLA_IFNAME + 1];

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	/* Only the name is read: the rest is left to those who print it. */
	if (nl_parse_until(nlh, sizeof(struct ifinfomsg), name_policy, IFLA_IFNAME,
			   tb, IFLA_IFNAME) < 0)
		return nl_malformed(nlh);
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(nlh);
	const char *name = tb[IFLA_IFNAME] ? mnl_attr_get_str(tb[IFLA_IFNAME]) : "";

	return ifnames_put(t, ifi->ifi_index, ifi->ifi_flags, name) ? 0 : -1;
}

int ifnames_from_dump(const struct nl_dump *d, struct ifnames *t)
{
	*t = (struct ifnames){ 0 };
	if (nl_dump_each(d, add_entry, t) < 0) {
		ifnames_free(t);
		return -1;
	}
	return 0;
}

/* An interrupted dump is read again from its start. */
static void forget_names(void *data)
{
	((struct ifnames *)data)->n = 0;
}

int ifnames_load(struct nl *nl, struct ifnames *t)
{
	struct nl_req req;

	/* Names only: the dump itself is not kept. */
	*t = (struct ifnames){ 0 };
	if (nl_dump_stream(nl, link_dump_req(&req, AF_UNSPEC), add_entry,
			   forget_names, t) == 0)
		return 0;
	ifnames_free(t);
	return -1;
}

/* Where index is in t, or where it would go. The kernel dumps links in
 * index order, so a new one goes most often at the end; and indexes are
 * most often dense, so a link is most often where its index says. */
static size_t slot_of(const struct ifnames *t, int index)
{
	size_t lo = 0, hi = t->n;

	if (!t->n || t->v[t->n - 1].index < index)
		return t->n;
	size_t guess = (size_t)index - (size_t)t->v[0].index;
	if (index >= t->v[0].index && guess < t->n && t->v[guess].index == index)
		return guess;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].index < index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int grow(struct ifnames *t)
{
	size_t cap = t->cap ? t->cap * 2 : 64;
	struct ifname_entry *v = realloc(t->v, cap * sizeof(*v));

	if (!v)
		return fail(-1, "Out of memory");
	t->v = v;
	t->cap = cap;
	return 0;
}

struct ifname_entry *ifnames_put(struct ifnames *t, int index,
				 unsigned int flags, const char *name)
{
	size_t at = slot_of(t, index);
	struct ifname_entry *e;

	if (at == t->n || t->v[at].index != index) {
		if (t->n == t->cap && grow(t) < 0)
			return NULL;
		e = &t->v[at];
		memmove(e + 1, e, (t->n - at) * sizeof(*e));
		t->n++;
		*e = (struct ifname_entry){ .index = index };
	} else {
		e = &t->v[at];
	}
	e->flags = flags;
	size_t len = strnlen(name, sizeof(e->name) - 1);
	memcpy(e->name, name, len);
	e->name[len] = '\0';
	return e;
}

/* The entry of index in t, or NULL (the table's entries are writable
 * through a const table: its array is not part of it). */
static struct ifname_entry *entry_of(const struct ifnames *t, int index)
{
	size_t at = slot_of(t, index);

	return at < t->n && t->v[at].index == index ? &t->v[at] : NULL;
}

struct ifname_entry *ifnames_entry(struct ifnames *t, int index)
{
	return entry_of(t, index);
}

const struct ifname_entry *ifnames_find(const struct ifnames *t, int index)
{
	return entry_of(t, index);
}

void ifnames_drop(struct ifnames *t, int index)
{
	size_t at = slot_of(t, index);

	if (at == t->n || t->v[at].index != index)
		return;
	memmove(&t->v[at], &t->v[at + 1], (t->n - at - 1) * sizeof(t->v[0]));
	t->n--;
}

void ifnames_free(struct ifnames *t)
{
	free(t->v);
	*t = (struct ifnames){ 0 };
}
