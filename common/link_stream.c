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
	struct nl_dump *d = &s->held;

	if (d->len + size > d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16384;
		while (cap < d->len + size)
			cap *= 2;
		char *p = realloc(d->buf, cap);
		if (!p)
			return fail(-1, "Out of memory");
		d->buf = p;
		d->cap = cap;
	}
	memcpy(d->buf + d->len, nlh, nlh->nlmsg_len);
	memset(d->buf + d->len + nlh->nlmsg_len, 0, size - nlh->nlmsg_len);
	d->len += size;
	return 0;
}

/* Prints the waiting records from the first on, up to one that still
 * waits for a link (all of them at the end). */
static int release(struct link_stream *s, bool all)
{
	while (s->first < s->held.len) {
		const struct nlmsghdr *h = (const void *)(s->held.buf + s->first);
		struct link_msg m;

		if (link_msg_parse(h, &m) < 0)
			return -1;
		if (!all && (s->awaited = missing(s, &m)))
			return 0;
		if (show(s, &m, ifnames_entry(&s->names, m.ifi->ifi_index)) < 0)
			return -1;
		s->first += NLMSG_ALIGN(h->nlmsg_len);
	}
	s->held.len = s->first = 0;
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
	if (!e->shown && s->wanted(&m, s->data)) {
		/* The usual way: nothing waits, nothing is missing. */
		if (!s->held.len && !(s->awaited = missing(s, &m)))
			return show(s, &m, e);
		if (hold(s, nlh) < 0)
			return -1;
	}
	return s->held.len && index == s->awaited ? release(s, false) : 0;
}

void link_stream_restart(void *stream)
{
	struct link_stream *s = stream;

	s->held.len = s->first = 0;
	s->awaited = 0;
}

int link_stream_end(struct link_stream *s)
{
	return release(s, true);
}

void link_stream_free(struct link_stream *s)
{
	ifnames_free(&s->names);
	nl_dump_free(&s->held);
}
