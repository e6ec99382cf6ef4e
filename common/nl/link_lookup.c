#include "nl/link_lookup.h"
#include "nl/link_msg.h"
#include "base/err.h"
#include "base/iparg.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <net/if.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

/* After a failed lookup: the kernel's refusal means no such device (0); a
 * reply that never came or came damaged is a failure of its own (-1), said
 * here, and not to be taken for a missing device. */
static int lookup_failed(struct nl *nl)
{
	if (nl->last.kernel)
		return 0;
	if (nl->last.err != -1)
		nl_error_print(&nl->last);
	return -1;
}

static int take_reply(const struct nlmsghdr *nlh, void *data)
{
	struct link_found *f = data;
	struct link_msg m;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	f->index = m.ifi->ifi_index;
	f->addr_len = m.tb[IFLA_ADDRESS] ?
		mnl_attr_get_payload_len(m.tb[IFLA_ADDRESS]) : 0;
	return 0;
}

/* RTM_GETLINK for one name; names too long for IFLA_IFNAME can only be
 * alternative names. */
static int ask_by_name(struct nl *nl, const char *name, struct link_found *f)
{
	struct nl_req req;
	size_t len = strlen(name) + 1;

	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	if (len > LINK_ALTNAME_SIZE)
		return 0;
	nl_put(nlh, len <= IF_NAMESIZE ? IFLA_IFNAME : IFLA_ALT_IFNAME,
		     len, name);
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	f->index = 0;
	if (nl_talk_quiet(nl, nlh, take_reply, f) < 0)
		return lookup_failed(nl);
	return f->index > 0;
}

static int ask_by_index(struct nl *nl, int index, struct link_found *f)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));

	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	f->index = 0;
	if (nl_talk_quiet(nl, nlh, take_reply, f) < 0)
		return lookup_failed(nl);
	return f->index > 0;
}

/* iproute2's "ifN": "if" and a number as sscanf's %u reads it, sign,
 * blanks, trailing bytes and overflow included, so that the same words
 * work; 0 for any other name. */
static unsigned int ifn_index(const char *name)
{
	unsigned int index;

	if (sscanf(name, "if%u", &index) != 1) /* NOLINT(cert-err34-c) */
		return 0;
	return index;
}

int link_lookup(struct nl *nl, const char *name, struct link_found *f)
{
	*f = (struct link_found){ 0 };
	int r = ask_by_name(nl, name, f);

	if (r != 0)
		return r;
	/* "if7" names device 7, as iproute2 prints devices it cannot name. */
	unsigned int index = ifn_index(name);

	if (index > 0 && index <= INT32_MAX) {
		/* Taken on trust, as iproute2 does: the kernel judges it. */
		if (ask_by_index(nl, (int)index, f) < 0)
			return -1;
		f->index = (int)index;
		return 1;
	}
	return 0;
}

unsigned int link_name_index(struct nl *nl, const char *name)
{
	struct ifreq ifr = { 0 };
	size_t len = strlen(name);

	if (!len || len >= sizeof(ifr.ifr_name))
		return 0;
	memcpy(ifr.ifr_name, name, len);
	if (ioctl(mnl_socket_get_fd(nl->sock), SIOCGIFINDEX, &ifr) < 0 || ifr.ifr_ifindex <= 0)
		return 0;
	return (unsigned int)ifr.ifr_ifindex;
}

int link_ifindex(struct nl *nl, const char *name, unsigned int *index)
{
	struct link_found f = { 0 };
	/* The kernel's name table answers an ioctl with no reply to parse;
	 * longer alternative names still need the netlink lookup. */
	*index = link_name_index(nl, name);
	if (*index)
		return 0;
	int r = ask_by_name(nl, name, &f);

	if (r < 0)
		return -1;
	*index = r > 0 ? (unsigned int)f.index : ifn_index(name);
	return 0;
}

int link_index(struct nl *nl, const char *name)
{
	unsigned int index;

	if (link_ifindex(nl, name, &index) < 0)
		return -1;
	return index <= INT32_MAX ? (int)index : 0;
}

int link_index_or_nodev(struct nl *nl, const char *name, int *index)
{
	if ((*index = link_index(nl, name)) < 0)
		return EXIT_CMD;
	return *index ? 0 : iparg_nodev(name);
}

const char *link_name_or_ifn(const struct ifnames *t, int index, char *buf,
			     size_t len)
{
	const struct ifname_entry *e = t ? ifnames_find(t, index) : NULL;

	if (e)
		return e->name;
	/* unsigned, as iproute2 prints an index it reads as __u32 */
	snprintf(buf, len, "if%u", (unsigned int)index);
	return buf;
}
