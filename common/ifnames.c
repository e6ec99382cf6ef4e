#include "ifnames.h"
#include "err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

int link_dump(struct nl *nl, struct nl_dump *d)
{
	return link_dump_family(nl, AF_UNSPEC, d);
}

int link_dump_family(struct nl *nl, int family, struct nl_dump *d)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = (unsigned char)family;
	/* Statistics are most of a link's bytes; nsip shows them only with -s. */
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	return nl_dump(nl, nlh, d);
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
	struct ifname_entry *e = &t->v[t->n++];
	e->index = ifi->ifi_index;
	e->flags = ifi->ifi_flags;
	const char *name = tb[IFLA_IFNAME] ? mnl_attr_get_str(tb[IFLA_IFNAME]) : "";
	size_t len = strnlen(name, sizeof(e->name) - 1);
	memcpy(e->name, name, len);
	e->name[len] = '\0';
	return 0;
}

static int count(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	++*(size_t *)data;
	return 0;
}

static int by_index(const void *a, const void *b)
{
	const struct ifname_entry *x = a, *y = b;

	return (x->index > y->index) - (x->index < y->index);
}

static bool in_order(const struct ifnames *t)
{
	for (size_t i = 1; i < t->n; i++)
		if (t->v[i - 1].index > t->v[i].index)
			return false;
	return true;
}

int ifnames_from_dump(const struct nl_dump *d, struct ifnames *t)
{
	size_t n = 0;

	*t = (struct ifnames){ 0 };
	nl_dump_each(d, count, &n);
	t->v = calloc(n ? n : 1, sizeof(*t->v));
	if (!t->v)
		return fail(-1, "Out of memory");
	if (nl_dump_each(d, add_entry, t) < 0) {
		ifnames_free(t);
		return -1;
	}
	/* Sorted by index, so that a lookup is a binary search: a dump of
	 * thousands of links looks up a name for each of them. The kernel
	 * dumps in index order, so the sort is rarely needed. */
	if (!in_order(t))
		qsort(t->v, t->n, sizeof(*t->v), by_index);
	return 0;
}

int ifnames_load(struct nl *nl, struct ifnames *t)
{
	struct nl_dump d = { 0 };
	int r = link_dump(nl, &d);

	if (r == 0)
		r = ifnames_from_dump(&d, t);
	nl_dump_free(&d);
	return r;
}

const struct ifname_entry *ifnames_find(const struct ifnames *t, int index)
{
	struct ifname_entry key = { .index = index };

	return t->n ? bsearch(&key, t->v, t->n, sizeof(*t->v), by_index) : NULL;
}

void ifnames_free(struct ifnames *t)
{
	free(t->v);
	*t = (struct ifnames){ 0 };
}
