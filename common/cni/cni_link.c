/* Links and their addresses, for the CNI plugins. */
#include "cni/cni_link.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>

#include "nl/addr_msg.h"
#include "nl/link_msg.h"
#include "nl/link_req.h"

int cni_link_failed(struct nl *nl, struct cni_err *e, const char *what)
{
	char t[300];

	nl_error_format(&nl->last, t, sizeof(t));
	return cni_fail(e, CNI_E_GENERIC, "%s: %s", what, t);
}

static void put_mac(const struct nlattr *a, char *buf, size_t len)
{
	const unsigned char *b = mnl_attr_get_payload(a);
	size_t n = mnl_attr_get_payload_len(a), k = 0;

	buf[0] = '\0';
	if (n != 6)
		return;
	for (size_t i = 0; i < n && k + 3 < len; i++)
		k += (size_t)snprintf(buf + k, len - k, "%s%02x", i ? ":" : "", b[i]);
}

static int take_link(const struct nlmsghdr *nlh, void *data)
{
	struct cni_link *l = data;
	struct link_msg m;
	const char *kind;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	l->index = m.ifi->ifi_index;
	l->flags = m.ifi->ifi_flags;
	l->mtu = m.tb[IFLA_MTU] ? mnl_attr_get_u32(m.tb[IFLA_MTU]) : 0;
	l->master = m.tb[IFLA_MASTER] ? (int)mnl_attr_get_u32(m.tb[IFLA_MASTER]) : 0;
	if (m.tb[IFLA_ADDRESS]) {
		put_mac(m.tb[IFLA_ADDRESS], l->mac, sizeof(l->mac));
		if (l->mac[0])
			memcpy(l->hw, mnl_attr_get_payload(m.tb[IFLA_ADDRESS]), sizeof(l->hw));
	}
	kind = link_msg_kind(&m, false);
	snprintf(l->kind, sizeof(l->kind), "%s", kind ? kind : "");
	return 0;
}

int cni_link_get(struct nl *nl, const char *name, struct cni_link *l,
		 struct cni_err *e)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	char what[64];

	memset(l, 0, sizeof(*l));
	ifi->ifi_family = AF_UNSPEC;
	if (strlen(name) >= IFNAMSIZ)
		return 0;
	nl_put(nlh, IFLA_IFNAME, strlen(name) + 1, name);
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	if (nl_talk_quiet(nl, nlh, take_link, l) < 0) {
		if (nl->last.kernel && nl->last.err == ENODEV)
			return 0;
		snprintf(what, sizeof(what), "failed to look up %s", name);
		return cni_link_failed(nl, e, what);
	}
	return l->index > 0;
}

static int send_spec(struct nl *nl, uint16_t type, uint16_t flags,
		     const struct link_spec *s, struct cni_err *e, const char *what)
{
	struct nl_req req;

	if (link_req_build(&req, type, flags, s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) < 0)
		return cni_link_failed(nl, e, what);
	return 0;
}

int cni_link_set_flags(struct nl *nl, const char *name, int index,
		       unsigned int flags, unsigned int change, struct cni_err *e)
{
	struct link_spec s;
	char what[64];

	link_spec_init(&s);
	s.dev.ifindex = index;
	s.dev.flags = flags;
	s.dev.change = change;
	snprintf(what, sizeof(what), "failed to set %s %s", name,
		 (flags & IFF_UP) || !(change & IFF_UP) ? "up" : "down");
	return send_spec(nl, RTM_NEWLINK, 0, &s, e, what);
}

int cni_link_delete(struct nl *nl, const char *name, int index, struct cni_err *e)
{
	struct link_spec s;
	char what[64];

	link_spec_init(&s);
	s.dev.ifindex = index;
	snprintf(what, sizeof(what), "failed to delete %s", name);
	return send_spec(nl, RTM_DELLINK, 0, &s, e, what);
}

struct addr_walk {
	int index, family;
	struct cni_ip_addr *out;
	size_t max, n;
};

static int take_addr(const struct nlmsghdr *nlh, void *data)
{
	struct addr_walk *w = data;
	struct addr_msg m;
	int r = addr_msg_parse(nlh, &m);
	const struct nlattr *a;

	if (r < 0)
		return -1;
	if (r > 0 || (int)m.ifa->ifa_index != w->index ||
	    m.ifa->ifa_family != w->family || w->n == w->max)
		return 0;
	a = m.local ? m.local : m.address;
	if (!a || mnl_attr_get_payload_len(a) != cni_addr_len(w->family))
		return 0;
	w->out[w->n].family = w->family;
	w->out[w->n].prefix = m.ifa->ifa_prefixlen;
	memcpy(w->out[w->n].bytes, mnl_attr_get_payload(a), cni_addr_len(w->family));
	w->n++;
	return 0;
}

/* The kernel's table changed under the dump: it comes again from the start. */
static void addr_restart(void *data)
{
	((struct addr_walk *)data)->n = 0;
}

int cni_link_addrs(struct nl *nl, int index, int family, struct cni_ip_addr *out,
		   size_t max, struct cni_err *e)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETADDR, NLM_F_DUMP);
	struct ifaddrmsg *ifa = nl_put_header(nlh, sizeof(*ifa));
	struct addr_walk w = { index, family, out, max, 0 };

	ifa->ifa_family = (unsigned char)family;
	if (nl_dump_stream(nl, nlh, take_addr, addr_restart, &w) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to list the addresses");
	return (int)w.n;
}

struct ports {
	int master;
	int n;
};

static int count_port(const struct nlmsghdr *nlh, void *data)
{
	struct ports *p = data;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	if (m.tb[IFLA_MASTER] && (int)mnl_attr_get_u32(m.tb[IFLA_MASTER]) == p->master)
		p->n++;
	return 0;
}

static void ports_restart(void *data)
{
	((struct ports *)data)->n = 0;
}

int cni_link_ports(struct nl *nl, int master)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, NLM_F_DUMP);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	struct ports p = { master, 0 };

	ifi->ifi_family = AF_UNSPEC;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	if (nl_dump_stream(nl, nlh, count_port, ports_restart, &p) < 0)
		return -1;
	return p.n;
}
