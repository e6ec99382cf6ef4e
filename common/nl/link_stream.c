#include "nl/link_stream.h"

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

/* Prints the waiting records from the first on, up to one that still
 * waits for a link (all of them at the end). A waiting record is taken
 * apart again: keeping where its attributes are costs about as much. */
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
	/* The records waiting for this one go first, in their order. */
	if (s->held.len && index == s->awaited && release(s, false) < 0)
		return -1;
	if (e->shown || !s->wanted(&m, s->data))
		return 0;
	/* The usual way: nothing waits, nothing is missing. */
	if (!s->held.len && !(s->awaited = missing(s, &m)))
		return show(s, &m, e);
	/* A copy: the receive buffer is about to be read into again. */
	return nl_dump_append(nlh, &s->held);
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
