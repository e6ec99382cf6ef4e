#include "nl/link_req.h"

#include <arpa/inet.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>
#include <linux/veth.h>

void link_settings_init(struct link_settings *s)
{
	*s = (struct link_settings){ .netns_fd = -1 };
}

void link_spec_init(struct link_spec *s)
{
	*s = (struct link_spec){ 0 };
	link_settings_init(&s->dev);
	link_settings_init(&s->peer);
}

void link_spec_release(struct link_spec *s)
{
	if (s->dev.netns_fd >= 0)
		close(s->dev.netns_fd);
	if (s->peer.netns_fd >= 0)
		close(s->peer.netns_fd);
	s->dev.netns_fd = s->peer.netns_fd = -1;
}

/* Every put is checked against the buffer: a request that would not fit
 * fails as a whole instead of being cut. */
struct builder {
	struct nlmsghdr *nlh;
	bool full;
};

static void put(struct builder *b, uint16_t type, size_t len, const void *data)
{
	if (!b->full && !nl_put_check(b->nlh, type, len, data))
		b->full = true;
}

static void put_u32(struct builder *b, uint16_t type, uint32_t v)
{
	put(b, type, sizeof(v), &v);
}

static void put_u16(struct builder *b, uint16_t type, uint16_t v)
{
	put(b, type, sizeof(v), &v);
}

static void put_strz(struct builder *b, uint16_t type, const char *s)
{
	put(b, type, strlen(s) + 1, s);
}

static struct nlattr *nest_start(struct builder *b, uint16_t type)
{
	struct nlattr *n = b->full ? NULL :
		mnl_attr_nest_start_check(b->nlh, NL_MSG_MAX, type);

	if (!n)
		b->full = true;
	return n;
}

static void nest_end(struct builder *b, struct nlattr *n)
{
	if (n)
		mnl_attr_nest_end(b->nlh, n);
}

static void put_ifinfo(struct builder *b, const struct link_settings *s)
{
	if (b->full || b->nlh->nlmsg_len + MNL_ALIGN(sizeof(struct ifinfomsg)) > NL_MSG_MAX) {
		b->full = true;
		return;
	}
	struct ifinfomsg *ifi = mnl_nlmsg_get_payload_tail(b->nlh);
	memset(ifi, 0, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = s->ifindex;
	ifi->ifi_flags = s->flags;
	ifi->ifi_change = s->change;
	b->nlh->nlmsg_len += MNL_ALIGN(sizeof(*ifi));
}

/* The attributes of one device, after its ifinfomsg; the lower device
 * and the name last, where iproute2 puts them. */
static void put_settings(struct builder *b, const struct link_settings *s)
{
	if (s->addr_len)
		put(b, IFLA_ADDRESS, s->addr_len, s->addr);
	if (s->brd_len)
		put(b, IFLA_BROADCAST, s->brd_len, s->brd);
	if (s->has_txqlen)
		put_u32(b, IFLA_TXQLEN, s->txqlen);
	if (s->has_mtu)
		put_u32(b, IFLA_MTU, s->mtu);
	if (s->netns_fd >= 0)
		put_u32(b, IFLA_NET_NS_FD, (uint32_t)s->netns_fd);
	if (s->has_netns_pid)
		put_u32(b, IFLA_NET_NS_PID, s->netns_pid);
	if (s->has_master)
		put_u32(b, IFLA_MASTER, s->master);
	/* iproute2 sends the alias without its NUL; the kernel takes both. */
	if (s->alias)
		put(b, IFLA_IFALIAS, strlen(s->alias), s->alias);
	if (s->link)
		put_u32(b, IFLA_LINK, s->link);
	if (s->name)
		put_strz(b, IFLA_IFNAME, s->name);
}

/* After the words' own attributes, as iproute2 sends them. */
static void put_vxlan(struct builder *b, const struct vxlan_settings *v)
{
	if (!v->given)
		return;
	if (v->has_id)
		put_u32(b, IFLA_VXLAN_ID, v->id);
	if (v->local_family == AF_INET)
		put(b, IFLA_VXLAN_LOCAL, 4, v->local);
	else if (v->local_family == AF_INET6)
		put(b, IFLA_VXLAN_LOCAL6, 16, v->local);
	if (v->remote_family == AF_INET)
		put(b, IFLA_VXLAN_GROUP, 4, v->remote);
	else if (v->remote_family == AF_INET6)
		put(b, IFLA_VXLAN_GROUP6, 16, v->remote);
	uint8_t learning = v->learning;
	if (v->send_learning)
		put(b, IFLA_VXLAN_LEARNING, 1, &learning);
	if (v->port)
		put_u16(b, IFLA_VXLAN_PORT, htons(v->port));
}

/* The kind's numbers, nests opened and closed where they say. */
static void put_numbers(struct builder *b, const struct link_spec *s)
{
	struct nlattr *open[KIND_NESTS_MAX];
	size_t depth = 0;

	for (size_t i = 0; i < s->n_numbers; i++) {
		const struct kind_number *n = &s->numbers[i];
		uint8_t u8 = (uint8_t)n->value;
		uint16_t u16 = (uint16_t)n->value;

		if (n->size == KIND_NEST && depth < KIND_NESTS_MAX)
			open[depth++] = nest_start(b, n->attr);
		else if (n->size == KIND_NEST_END && depth)
			nest_end(b, open[--depth]);
		else if (n->size == 0)
			put(b, n->attr, 0, &u8);   /* no bytes: libmnl copies none */
		else if (n->size == 1)
			put(b, n->attr, 1, &u8);
		else if (n->size == 2)
			put_u16(b, n->attr, u16);
		else if (n->size == 4)
			put_u32(b, n->attr, n->value);
		else if (n->size <= sizeof(n->bytes))
			put(b, n->attr, n->size, n->bytes);
	}
	while (depth)
		nest_end(b, open[--depth]);
}

static void put_kind_data(struct builder *b, const struct link_spec *s)
{
	struct nlattr *data = nest_start(b, IFLA_INFO_DATA);

	if (s->has_peer) {
		struct nlattr *peer = nest_start(b, VETH_INFO_PEER);
		put_ifinfo(b, &s->peer);
		put_settings(b, &s->peer);
		nest_end(b, peer);
	}
	if (s->has_vlan_id)
		put_u16(b, IFLA_VLAN_ID, s->vlan_id);
	put_numbers(b, s);
	/* What iproute2 sends after the words' own attributes. */
	if (s->has_macvlan_mode)
		put_u32(b, IFLA_MACVLAN_MODE, s->macvlan_mode);
	if (s->has_macvlan_flags)
		put_u16(b, IFLA_MACVLAN_FLAGS, s->macvlan_flags);
	if (s->has_ipvlan_flags)
		put_u16(b, IFLA_IPVLAN_FLAGS, s->ipvlan_flags);
	put_vxlan(b, &s->vxlan);
	nest_end(b, data);
}

int link_req_build(struct nl_req *r, uint16_t type, uint16_t flags,
		   const struct link_spec *s)
{
	struct builder b;

	b = (struct builder){ .nlh = nl_req_init(r, type, flags) };

	put_ifinfo(&b, &s->dev);
	put_settings(&b, &s->dev);
	if (s->kind) {
		struct nlattr *info = nest_start(&b, IFLA_LINKINFO);
		/* Like iproute2: the kind without its NUL. */
		put(&b, IFLA_INFO_KIND, strlen(s->kind), s->kind);
		if (s->has_data)
			put_kind_data(&b, s);
		nest_end(&b, info);
	}
	return b.full ? -1 : 0;
}
