/* The bridge plugin's netlink steps. */
#include "cni/cni_make.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

#include "cni/cni_link.h"
#include "nl/addr_req.h"
#include "nl/link_req.h"
#include "nl/route_req.h"

static int send_req(struct nl *nl, struct nl_req *req, struct cni_err *e,
		    const char *what)
{
	if (nl_talk_quiet(nl, &req->nlh, NULL, NULL) < 0)
		return cni_link_failed(nl, e, what);
	return 0;
}

/* The bridge's address set to itself, as the reference does: else the
 * kernel gives it the lowest of its ports' and it changes as they come
 * and go. */
static int own_mac(struct nl *nl, const char *name, const struct cni_link *l,
		   struct cni_err *e)
{
	struct link_spec s;
	struct nl_req req;
	char what[64];

	if (!l->mac[0])
		return 0;
	link_spec_init(&s);
	s.dev.ifindex = l->index;
	memcpy(s.dev.addr, l->hw, sizeof(l->hw));
	s.dev.addr_len = sizeof(l->hw);
	snprintf(what, sizeof(what), "could not set the address of %s", name);
	if (link_req_build(&req, RTM_NEWLINK, 0, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	return send_req(nl, &req, e, what);
}

int cni_make_bridge(struct nl *nl, const char *name, unsigned int mtu,
		    bool promisc, bool *made, struct cni_err *e)
{
	struct link_spec s;
	struct nl_req req;
	struct cni_link l;
	char what[64];
	int found;

	*made = false;
	snprintf(what, sizeof(what), "could not add %s", name);
	link_spec_init(&s);
	s.dev.name = name;
	s.kind = "bridge";
	s.dev.has_mtu = mtu != 0;
	s.dev.mtu = mtu;
	if (link_req_build(&req, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) == 0)
		*made = true;
	else if (!nl->last.kernel || nl->last.err != EEXIST)
		return cni_link_failed(nl, e, what);
	found = cni_link_get(nl, name, &l, e);
	if (found <= 0)
		return found ? -1 : cni_fail(e, CNI_E_GENERIC, "could not look up %s", name);
	if (strcmp(l.kind, "bridge"))
		return cni_fail(e, CNI_E_GENERIC, "\"%s\" already exists but is not a bridge",
				name);
	if (own_mac(nl, name, &l, e) < 0 ||
	    cni_link_set_flags(nl, name, l.index, IFF_UP | (promisc ? IFF_PROMISC : 0),
			       IFF_UP | (promisc ? IFF_PROMISC : 0), e) < 0)
		return -1;
	return l.index;
}

/* The host end on the bridge and up: after the pair exists, since the
 * kernel opens a veth only once its peer is there (ENOTCONN before). */
static int attach(struct nl *nl, const char *host, int master, struct cni_err *e)
{
	struct link_spec s;
	struct nl_req req;
	struct cni_link l;
	char what[64];
	int found = cni_link_get(nl, host, &l, e);

	if (found <= 0)
		return found ? -1 : cni_fail(e, CNI_E_GENERIC, "failed to lookup %s", host);
	link_spec_init(&s);
	s.dev.ifindex = l.index;
	s.dev.flags = s.dev.change = IFF_UP;
	s.dev.has_master = true;
	s.dev.master = (uint32_t)master;
	snprintf(what, sizeof(what), "failed to connect %s to the bridge", host);
	if (link_req_build(&req, RTM_NEWLINK, 0, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	return send_req(nl, &req, e, what);
}

int cni_make_veth(struct nl *nl, const char *host, const char *peer, int peer_ns,
		  unsigned int mtu, int master, struct cni_err *e)
{
	struct link_spec s;
	struct nl_req req;

	link_spec_init(&s);
	s.kind = "veth";
	s.has_data = s.has_peer = true;
	s.dev.name = host;
	s.peer.name = peer;
	s.peer.netns_fd = peer_ns;
	s.dev.has_mtu = s.peer.has_mtu = mtu != 0;
	s.dev.mtu = s.peer.mtu = mtu;
	/* The reference's pair has no transmit queue length (its netlink
	 * library sends 0 for both ends): `ip link` shows no "qlen" on
	 * either, and nsip's pair is the same. */
	s.dev.has_txqlen = s.peer.has_txqlen = true;
	s.dev.txqlen = s.peer.txqlen = 0;
	if (link_req_build(&req, RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to make veth pair: request too large");
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) < 0) {
		if (nl->last.kernel && nl->last.err == EEXIST)
			return 1;
		return cni_link_failed(nl, e, "failed to make veth pair");
	}
	return attach(nl, host, master, e) < 0 ? -2 : 0;
}

int cni_make_hairpin(struct nl *nl, const char *name, int index, struct cni_err *e)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_SETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	struct nlattr *nest;
	char what[64];

	ifi->ifi_family = AF_BRIDGE;
	ifi->ifi_index = index;
	nest = mnl_attr_nest_start(nlh, IFLA_PROTINFO);
	nl_put_u8(nlh, IFLA_BRPORT_MODE, 1);
	mnl_attr_nest_end(nlh, nest);
	snprintf(what, sizeof(what), "failed to setup %s with hairpin mode", name);
	return send_req(nl, &req, e, what);
}

static void put_bytes(struct addr_bytes *b, const struct cni_ip_addr *a)
{
	b->set = true;
	b->len = cni_addr_len(a->family);
	memcpy(b->data, a->bytes, b->len);
}

/* The request's address a (with its prefix) on index. */
static void spec_of(struct addr_spec *s, const struct cni_ip_addr *a, int index)
{
	memset(s, 0, sizeof(*s));
	s->family = (unsigned char)a->family;
	s->prefixlen = (unsigned char)a->prefix;
	s->ifindex = (unsigned int)index;
	put_bytes(&s->local, a);
}

int cni_unmake_addr(struct nl *nl, const char *dev, int index,
		    const struct cni_ip_addr *a, struct cni_err *e)
{
	struct addr_spec s;
	struct nl_req req;
	char what[128], t[CNI_ADDR_STRLEN];

	spec_of(&s, a, index);
	snprintf(what, sizeof(what), "failed to remove IP addr %s from \"%s\"",
		 cni_addr_format(a, t, sizeof(t)), dev);
	if (addr_req_build(&req, RTM_DELADDR, 0, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	return nl_talk_quiet(nl, &req.nlh, NULL, NULL) == 0 ? 0 : cni_link_failed(nl, e, what);
}

int cni_make_addr(struct nl *nl, const char *dev, int index,
		  const struct cni_ip_addr *a, bool exist_ok, struct cni_err *e)
{
	struct addr_spec s;
	struct nl_req req;
	char what[128], t[CNI_ADDR_STRLEN];

	spec_of(&s, a, index);
	put_bytes(&s.address, a);
	if (a->family == AF_INET && a->prefix < 31) {
		/* the broadcast address, as the reference's netlink library sets it */
		struct cni_ip_addr brd = *a;

		for (int i = 0; i < 4; i++) {
			int bits = a->prefix - i * 8;

			if (bits <= 0)
				brd.bytes[i] = 0xff;
			else if (bits < 8)
				brd.bytes[i] |= (unsigned char)(0xff >> bits);
		}
		put_bytes(&s.broadcast, &brd);
	}
	snprintf(what, sizeof(what), "failed to add IP addr %s to \"%s\"",
		 cni_addr_format(a, t, sizeof(t)), dev);
	if (addr_req_build(&req, RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) == 0)
		return 0;
	if (exist_ok && nl->last.kernel && nl->last.err == EEXIST)
		return 0;
	return cni_link_failed(nl, e, what);
}

static void route_addr_of(struct route_addr *r, const struct cni_ip_addr *a)
{
	r->given = true;
	r->len = (uint8_t)cni_addr_len(a->family);
	memcpy(r->bytes, a->bytes, r->len);
}

int cni_make_route(struct nl *nl, const char *dev, int index,
		   const struct cni_ip_addr *dst, const struct cni_ip_addr *gw,
		   struct cni_err *e)
{
	static struct route_spec s;   /* large (the next hops): not on the stack */
	struct nl_req req;
	char what[128], t[CNI_ADDR_STRLEN];

	route_spec_init(&s);
	s.rtm.rtm_family = (unsigned char)dst->family;
	s.rtm.rtm_dst_len = (unsigned char)dst->prefix;
	s.rtm.rtm_table = RT_TABLE_MAIN;
	s.rtm.rtm_protocol = RTPROT_BOOT;
	s.rtm.rtm_scope = gw->family ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK;
	s.rtm.rtm_type = RTN_UNICAST;
	if (dst->prefix > 0)
		route_addr_of(&s.dst, dst);
	if (gw->family)
		route_addr_of(&s.gateway, gw);
	s.oif = (uint32_t)index;
	snprintf(what, sizeof(what), "failed to add route '%s dev %s'",
		 cni_addr_format(dst, t, sizeof(t)), dev);
	if (route_req_build(&req, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, &s) < 0)
		return cni_fail(e, CNI_E_GENERIC, "%s: request too large", what);
	return send_req(nl, &req, e, what);
}
