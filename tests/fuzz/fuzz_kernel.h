/* A pretend rtnetlink kernel for the word-parser targets (link_args,
 * route_args, neigh_args), so that an applet runs whole (words, names
 * looked up, request built and "sent") while nothing ever reaches the
 * real kernel: ctx_nl gives a struct nl that was never opened, and this
 * file defines mnl_socket_sendto, mnl_socket_recvfrom,
 * mnl_socket_setsockopt and mnl_socket_get_fd, which the linker takes
 * instead of libmnl's (as nsid_reply.c does). No netlink socket is ever
 * created: the one socket is a local datagram socket that the name ioctl
 * of common/link_lookup.c reads the fuzzing machine's device names on
 * (only reads, as if_nametoindex did before it).
 *
 * Every request is checked as the kernel would first check it: its length
 * is what was handed over and its attributes tile it exactly; anything
 * else aborts (a request nsip builds wrong is a finding). The answers:
 *   RTM_GETLINK dump    the links of fk_links below, then DONE;
 *   RTM_GETLINK by name or index: that link, or ENODEV;
 *   any other dump      empty (DONE), so listings and flushes end at once;
 *   RTM_GETNSID         accepted, with no nsid (none assigned);
 *   any other GET       ENOENT;
 *   anything else       accepted (error 0).
 * Included by exactly one file of each such target. */
#ifndef NSIP_FUZZ_KERNEL_H
#define NSIP_FUZZ_KERNEL_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>
#include <sys/socket.h>
#include <net/if_arp.h>
#include <linux/if_link.h>
#include <linux/fib_rules.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <libmnl/libmnl.h>

#include "applet.h"

/* The pretend machine's devices. */
static const struct {
	int index;
	const char *name;
	unsigned short type;
	unsigned int flags;
} fk_links[] = {
	{ 1, "lo", ARPHRD_LOOPBACK, IFF_UP | IFF_LOOPBACK | IFF_RUNNING },
	{ 2, "eth0", ARPHRD_ETHER, IFF_UP | IFF_BROADCAST | IFF_MULTICAST },
	{ 3, "br0", ARPHRD_ETHER, IFF_BROADCAST | IFF_MULTICAST },
	{ 4, "veth0", ARPHRD_ETHER, IFF_UP | IFF_BROADCAST },
	{ 7, "tun0", ARPHRD_NONE, IFF_UP | IFF_POINTOPOINT | IFF_NOARP },
};

static struct {
	char buf[16384];
	size_t len;           /* the answer waiting to be received, or 0 */
} fk_answer;

struct nl *ctx_nl(struct ctx *c)
{
	static char rbuf[NL_RECV_SIZE];

	if (!c->nl_ready) {
		c->nl = (struct nl){ .rbuf = rbuf };
		c->nl_ready = true;
	}
	return &c->nl;
}

/* The second socket shares the one pretend kernel: a dump's answer is
 * taken whole before anything is asked on it. */
struct nl *ctx_nl_aside(struct ctx *c)
{
	static char rbuf[NL_RECV_SIZE];

	if (!c->aside_ready) {
		c->aside = (struct nl){ .rbuf = rbuf };
		c->aside_ready = true;
	}
	return &c->aside;
}

/* The name ioctl's socket: SIOCGIFINDEX works on a socket of any family. */
int mnl_socket_get_fd(const struct mnl_socket *nl)
{
	static int fd = -1;

	(void)nl;
	if (fd < 0)
		fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	return fd;
}

static struct nlmsghdr *fk_put(uint16_t type, uint16_t flags, uint32_t seq)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(fk_answer.buf + fk_answer.len);

	nlh->nlmsg_type = type;
	nlh->nlmsg_flags = flags;
	nlh->nlmsg_seq = seq;
	return nlh;
}

static void fk_done(struct nlmsghdr *nlh)
{
	fk_answer.len += NLMSG_ALIGN(nlh->nlmsg_len);
}

static void fk_put_link(size_t i, uint16_t flags, uint32_t seq)
{
	struct nlmsghdr *nlh = fk_put(RTM_NEWLINK, flags, seq);
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	const uint8_t mac[6] = { 0x02, 0, 0, 0, 0, (uint8_t)fk_links[i].index };

	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = fk_links[i].index;
	ifi->ifi_type = fk_links[i].type;
	ifi->ifi_flags = fk_links[i].flags;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, fk_links[i].name);
	mnl_attr_put_u32(nlh, IFLA_MTU, 1500);
	mnl_attr_put_u32(nlh, IFLA_TXQLEN, 1000);
	if (fk_links[i].type == ARPHRD_ETHER) {
		mnl_attr_put(nlh, IFLA_ADDRESS, sizeof(mac), mac);
		mnl_attr_put(nlh, IFLA_BROADCAST, sizeof(mac),
			     (const uint8_t[6]){ 0xff, 0xff, 0xff, 0xff, 0xff, 0xff });
	}
	if (fk_links[i].index == 4)
		mnl_attr_put_u32(nlh, IFLA_MASTER, 3);
	fk_done(nlh);
}

static void fk_put_ack(int error, uint32_t seq)
{
	struct nlmsghdr *nlh = fk_put(NLMSG_ERROR, NLM_F_CAPPED, seq);
	struct nlmsgerr *e = mnl_nlmsg_put_extra_header(nlh, sizeof(*e));

	e->error = -error;
	e->msg.nlmsg_len = sizeof(e->msg);
	e->msg.nlmsg_seq = seq;
	fk_done(nlh);
}

/* The fixed header before the attributes of each request nsip sends. */
static size_t fk_header_len(uint16_t type)
{
	switch (type) {
	case RTM_NEWLINK: case RTM_DELLINK: case RTM_GETLINK:
	case RTM_NEWLINKPROP: case RTM_DELLINKPROP:   /* link property */
		return sizeof(struct ifinfomsg);
	case RTM_NEWADDR: case RTM_DELADDR: case RTM_GETADDR:
		return sizeof(struct ifaddrmsg);
	case RTM_NEWROUTE: case RTM_DELROUTE: case RTM_GETROUTE:
		return sizeof(struct rtmsg);
	case RTM_NEWNEIGH: case RTM_DELNEIGH: case RTM_GETNEIGH:
		return sizeof(struct ndmsg);
	case RTM_NEWNSID: case RTM_GETNSID:
		return sizeof(struct rtgenmsg);
	case RTM_NEWRULE: case RTM_DELRULE: case RTM_GETRULE:
		return sizeof(struct fib_rule_hdr);
	default:
		abort();        /* a request these applets never send */
	}
}

/* The link a GETLINK names (by IFLA_IFNAME, IFLA_ALT_IFNAME or index),
 * or -1. */
static int fk_find_link(const struct nlmsghdr *req)
{
	const struct ifinfomsg *ifi = mnl_nlmsg_get_payload(req);
	const struct nlattr *a;
	const char *name = NULL;

	mnl_attr_for_each(a, req, sizeof(*ifi)) {
		uint16_t t = mnl_attr_get_type(a);
		if ((t == IFLA_IFNAME || t == IFLA_ALT_IFNAME) &&
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) == 0)
			name = mnl_attr_get_str(a);
	}
	for (size_t i = 0; i < sizeof(fk_links) / sizeof(fk_links[0]); i++)
		if (name ? !strcmp(name, fk_links[i].name)
			 : ifi->ifi_index == fk_links[i].index)
			return (int)i;
	return -1;
}

static void fk_answer_to(const struct nlmsghdr *req)
{
	uint32_t seq = req->nlmsg_seq;
	bool dump = (req->nlmsg_flags & NLM_F_DUMP) == NLM_F_DUMP;

	fk_answer.len = 0;
	if (req->nlmsg_type == RTM_GETLINK && dump) {
		for (size_t i = 0; i < sizeof(fk_links) / sizeof(fk_links[0]); i++)
			fk_put_link(i, NLM_F_MULTI, seq);
	}
	if (dump) {
		struct nlmsghdr *nlh = fk_put(NLMSG_DONE, NLM_F_MULTI, seq);
		int *error = mnl_nlmsg_put_extra_header(nlh, sizeof(*error));

		*error = 0;
		fk_done(nlh);
	} else if (req->nlmsg_type == RTM_GETLINK) {
		int i = fk_find_link(req);

		if (i >= 0)
			fk_put_link((size_t)i, 0, seq);
		fk_put_ack(i >= 0 ? 0 : ENODEV, seq);
	} else if (req->nlmsg_type == RTM_GETROUTE || req->nlmsg_type == RTM_GETNEIGH ||
		   req->nlmsg_type == RTM_GETADDR) {
		fk_put_ack(ENOENT, seq);
	} else {
		fk_put_ack(0, seq);
	}
}

/* Whether the attributes after the fixed header tile the request to its
 * end: each one whole, the last one's padding the request's end. */
static bool fk_attrs_tile(const struct nlmsghdr *req, size_t hdrlen)
{
	const char *at = (const char *)req + NLMSG_HDRLEN + MNL_ALIGN(hdrlen);
	const char *end = (const char *)req + req->nlmsg_len;

	while (at < end) {
		const struct nlattr *a = (const void *)at;

		if (!mnl_attr_ok(a, (int)(end - at)))
			return false;
		at += MNL_ALIGN(a->nla_len);
	}
	return at == (const char *)req + MNL_ALIGN(req->nlmsg_len);
}

ssize_t mnl_socket_sendto(const struct mnl_socket *nl, const void *buf, size_t len)
{
	const struct nlmsghdr *req = buf;

	(void)nl;
	if (len < sizeof(*req) || req->nlmsg_len != len ||
	    !(req->nlmsg_flags & NLM_F_REQUEST))
		abort();
	size_t hdrlen = fk_header_len(req->nlmsg_type);
	if (len < NLMSG_HDRLEN + hdrlen || !fk_attrs_tile(req, hdrlen))
		abort();
	fk_answer_to(req);
	return (ssize_t)len;
}

/* Only the strict checking that common/nsid.c turns on and off around its
 * nsid dump: with nothing to set, any other option is a finding. Its
 * prototype is libmnl's, buf not const. */
/* cppcheck-suppress constParameter */
int mnl_socket_setsockopt(const struct mnl_socket *nl, int type, void *buf,
			  socklen_t len)
{
	(void)nl;
	if (type != NETLINK_GET_STRICT_CHK || !buf || len != sizeof(int))
		abort();
	return 0;
}

ssize_t mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf, size_t siz)
{
	size_t n = fk_answer.len;

	(void)nl;
	if (!n) {
		errno = ENOBUFS;       /* nothing asked: never waits */
		return -1;
	}
	if (n > siz)
		abort();
	memcpy(buf, fk_answer.buf, n);
	fk_answer.len = 0;
	return (ssize_t)n;
}

#endif
