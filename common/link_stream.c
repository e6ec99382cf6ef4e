#include "link_stream.h"
#include "err.h"

#include <stdlib.h>
#include <string.h>

/* The index of a link m names and the stream has not seen, 0 when none. */
static int missing(const struct link_stream *s, const struct link_msg *m)
{
	int index;

	if (s->hold_all)
		return -1;   /* no index: only the end releases it */
	if (m->tb[IFLA_LINK] && !m->tb[IFLA_LINK_NETNSID]) {
		index = (int)mnl_attr_get_u32(m->tb[IFLA_LINK]);
		if (index && !ifnames_find(&s->names, index))
			return index;
	}
	if (m->tb[IFLA_MASTER]) {
		index = (int)mnl_attr_get_u32(m->tb[IFLA_MASTER]);
		if (index && !ifnames_find(&s->names, index))
			return index;
	}
	return 0;
}

/* e: the record's entry in names. */
static int show(struct link_stream *s, const struct link_msg *m,
		struct ifname_entry *e)
{
	if (s->show(m, s->data) < 0)
		return -1;
	if (e)
		e->shown = true;
	return 0;
}

/* A copy of the record at the end of the waiting ones: the receive buffer
 * it is in is about to be read into again. */
static int hold(struct link_stream *s, const struct nlmsghdr *nlh)
{
	size_t size = NLMSG_ALIGN(nlh->nlmsg_len);

	if (s->held_len + size > s->held_cap) {
		size_t cap = s->held_cap ? s->held_cap * 2 : 16384;
		while (cap < s->held_len + size)
			cap *= 2;
		char *p = realloc(s->held, cap);
		if (!p)
			return fail(-1, "Out of memory");
		s->held = p;
		s->held_cap = cap;
	}
	memcpy(s->held + s->held_len, nlh, nlh->nlmsg_len);
	memset(s->held + s->held_len + nlh->nlmsg_len, 0, size - nlh->nlmsg_len);
	s->held_len += size;
	return 0;
}

/* Prints the waiting records from the first on, up to one that still
 * waits for a link (all of them at the end). A waiting record is taken
 * apart again: keeping where its attributes are costs about as much. */
static int release(struct link_stream *s, bool all)
{
	while (s->first < s->held_len) {
		const struct nlmsghdr *h = (const void *)(s->held + s->first);
		struct link_msg m;

		if (link_msg_parse(h, &m) < 0)
			return -1;
		if (!all && (s->awaited = missing(s, &m)))
			return 0;
		if (show(s, &m, ifnames_entry(&s->names, m.ifi->ifi_index)) < 0)
			return -1;
		s->first += NLMSG_ALIGN(h->nlmsg_len);
	}
	s->held_len = s->first = 0;
	s->awaited = 0;
	return 0;
}

int link_stream_take(const struct nlmsghdr *nlh, void *stream)
{
	struct link_stream *s = stream;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	int index = m.ifi->ifi_index;
	const char *name = m.tb[IFLA_IFNAME] ? mnl_attr_get_str(m.tb[IFLA_IFNAME]) : "";
	struct ifname_entry *e = ifnames_put(&s->names, index,
					     m.ifi->ifi_flags, name);

	if (!e)
		return -1;
	/* The records waiting for this one go first, in their order. */
	if (s->held_len && index == s->awaited && release(s, false) < 0)
		return -1;
	if (e->shown || !s->wanted(&m, s->data))
		return 0;
	/* The usual way: nothing waits, nothing is missing. */
	if (!s->held_len && !(s->awaited = missing(s, &m)))
		return show(s, &m, e);
	return hold(s, nlh);
}

void link_stream_restart(void *stream)
{
	struct link_stream *s = stream;

	s->held_len = s->first = 0;
	s->awaited = 0;
}

int link_stream_end(struct link_stream *s)
{
	return release(s, true);
}

void link_stream_free(struct link_stream *s)
{
	ifnames_free(&s->names);
	free(s->held);
	s->held = NULL;
	s->held_len = s->held_cap = 0;
}
