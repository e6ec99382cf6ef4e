/* Owns namespace ids: asking and setting the nsid of a namespace file,
 * the nsid table of a namespace, and the run-dir names behind nsids. */
#include "ns/nsid.h"
#include "base/err.h"
#include "ns/nsopen.h"
#include "ns/rundir.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

static const struct nl_policy nsid_policy[NETNSA_MAX + 1] = {
	[NETNSA_NSID] = { MNL_TYPE_U32, 0 },
	[NETNSA_CURRENT_NSID] = { MNL_TYPE_U32, 0 },
};

int nsid_read_reply(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	int *nsid = data;

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return 0;
	if (nl_parse(nlh, sizeof(struct rtgenmsg), nsid_policy, NETNSA_MAX, tb) < 0)
		return nl_malformed(nlh);
	if (tb[NETNSA_NSID])
		*nsid = (int)mnl_attr_get_u32(tb[NETNSA_NSID]);
	return 0;
}

static struct nlmsghdr *nsid_req(struct nl_req *req, uint16_t type,
				 uint16_t flags)
{
	struct nlmsghdr *nlh = nl_req_init(req, type, flags);
	struct rtgenmsg *g = nl_put_header(nlh, sizeof(*g));

	g->rtgen_family = AF_UNSPEC;
	return nlh;
}

int nsid_of_fd(struct nl *nl, int fd, bool quiet)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nsid_req(&req, RTM_GETNSID, 0);
	int nsid = -1;

	mnl_attr_put_u32(nlh, NETNSA_FD, (uint32_t)fd);
	int r = quiet ? nl_talk_quiet(nl, nlh, nsid_read_reply, &nsid)
		      : nl_talk(nl, nlh, nsid_read_reply, &nsid);
	return r < 0 ? -1 : nsid;
}

int nsid_of_name(struct nl *nl, const char *name, int quiet)
{
	struct ns_target t;

	if (ns_open(name, NS_NAME, &t) < 0)
		return -1;
	int nsid = nsid_of_fd(nl, t.fd, quiet);
	close(t.fd);
	return nsid;
}

int name_of_nsid(struct nl *nl, int nsid, char *buf, size_t len)
{
	char **names;
	int r = -1;

	if (ns_names(&names) < 0)
		return -1;
	for (char **p = names; r < 0 && *p; p++)
		if (nsid_of_name(nl, *p, 1) == nsid &&
		    snprintf(buf, len, "%s", *p) < (int)len)
			r = 0;
	ns_names_free(names);
	return r;
}

int nsid_set(struct nl *nl, int fd, int nsid)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nsid_req(&req, RTM_NEWNSID, 0);

	mnl_attr_put_u32(nlh, NETNSA_FD, (uint32_t)fd);
	mnl_attr_put_u32(nlh, NETNSA_NSID, (uint32_t)nsid);
	return nl_talk(nl, nlh, NULL, NULL) < 0 ? EXIT_KERNEL : 0;
}

struct table_walk {
	nsid_entry_fn *fn;
	void *data;
};

static int table_entry(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	struct table_walk *w = data;

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return 0;
	if (nl_parse(nlh, sizeof(struct rtgenmsg), nsid_policy, NETNSA_MAX, tb) < 0 ||
	    !tb[NETNSA_NSID])
		return nl_malformed(nlh);
	struct nsid_entry e = {
		.nsid = (int)mnl_attr_get_u32(tb[NETNSA_NSID]),
		.has_current = tb[NETNSA_CURRENT_NSID] != NULL,
		.current = tb[NETNSA_CURRENT_NSID] ?
			   (int)mnl_attr_get_u32(tb[NETNSA_CURRENT_NSID]) : -1,
	};
	w->fn(&e, w->data);
	return 0;
}

/* The kernel reads the attributes of an nsid dump request (the target)
 * only from a socket that asked for strict checking; other users of the
 * socket keep the default. */
static void strict_dump(struct nl *nl, bool on)
{
	int v = on;

	mnl_socket_setsockopt(nl->sock, NETLINK_GET_STRICT_CHK, &v, sizeof(v));
}

int nsid_table(struct nl *nl, int target, int nsid, nsid_entry_fn *fn,
	       void *data)
{
	struct table_walk w = { fn, data };
	struct nl_req req;
	struct nlmsghdr *nlh = nsid_req(&req, RTM_GETNSID, 0);

	if (nsid >= 0)
		mnl_attr_put_u32(nlh, NETNSA_NSID, (uint32_t)nsid);
	if (target >= 0)
		mnl_attr_put_u32(nlh, NETNSA_TARGET_NSID, (uint32_t)target);
	if (nsid >= 0)
		return nl_talk(nl, nlh, table_entry, &w) < 0 ? EXIT_KERNEL : 0;

	struct nl_dump d = { 0 };
	strict_dump(nl, target >= 0);
	int r = nl_dump(nl, nlh, &d);
	strict_dump(nl, false);
	if (r == 0)
		r = nl_dump_each(&d, table_entry, &w);
	nl_dump_free(&d);
	if (r < 0)
		return fail(EXIT_CMD, "Dump terminated");
	return 0;
}

int nsid_names_load(struct nl *nl, struct nsid_names *m)
{
	*m = (struct nsid_names){ 0 };
	if (ns_names(&m->names) < 0)
		return -1;
	while (m->names[m->n])
		m->n++;
	m->nsids = calloc(m->n + 1, sizeof(*m->nsids));
	if (!m->nsids) {
		nsid_names_free(m);
		return fail(-1, "Out of memory");
	}
	for (size_t i = 0; i < m->n; i++) {
		struct ns_target t;

		m->nsids[i] = -1;
		if (ns_open(m->names[i], NS_NAME, &t) < 0) {
			if (t.what)   /* a missing entry is no news */
				ns_open_complain(m->names[i], &t);
			continue;
		}
		m->nsids[i] = nsid_of_fd(nl, t.fd, false);
		close(t.fd);
	}
	return 0;
}

const char *nsid_names_find(const struct nsid_names *m, int nsid)
{
	for (size_t i = 0; nsid >= 0 && i < m->n; i++)
		if (m->nsids[i] == nsid)
			return m->names[i];
	return NULL;
}

void nsid_names_free(struct nsid_names *m)
{
	ns_names_free(m->names);
	free(m->nsids);
	*m = (struct nsid_names){ 0 };
}
