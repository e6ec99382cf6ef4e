/* The floors: what nsip cannot be much cheaper than, linked like nsip.
 *   floor [DEV]    opens rtnetlink and asks the kernel for one link (the
 *                  start-up floor of `nsip link show dev lo`, W1);
 *   floor --dump   asks for every link (without statistics, as nsip does)
 *                  and reads the whole answer, parsing and printing
 *                  nothing (the kernel's share of `nsip link show`, W4). */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/rtnetlink.h>

static struct nlmsghdr *request(char *buf, unsigned short flags)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);

	nlh->nlmsg_type = RTM_GETLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST | flags;
	nlh->nlmsg_seq = 1;
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	return nlh;
}

/* Bytes read until the dump's NLMSG_DONE; -1 on a failure. */
static long dump(struct mnl_socket *nl, char *buf, size_t size)
{
	struct nlmsghdr *nlh = request(buf, NLM_F_DUMP);
	long total = 0;

	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, size);
		int left = (int)n;

		if (n <= 0)
			return -1;
		total += n;
		for (nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, left);
		     nlh = mnl_nlmsg_next(nlh, &left))
			if (nlh->nlmsg_type == NLMSG_DONE)
				return total;
			else if (nlh->nlmsg_type == NLMSG_ERROR)
				return -1;
	}
}

static long one(struct mnl_socket *nl, char *buf, size_t size, const char *dev)
{
	struct nlmsghdr *nlh = request(buf, 0);

	mnl_attr_put_strz(nlh, IFLA_IFNAME, dev);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return -1;
	return mnl_socket_recvfrom(nl, buf, size);
}

int main(int argc, char **argv)
{
	static char buf[32768];
	const char *dev = argc > 1 ? argv[1] : "lo";
	struct mnl_socket *nl = mnl_socket_open(NETLINK_ROUTE);

	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		return 1;
	long n = strcmp(dev, "--dump") ? one(nl, buf, sizeof(buf), dev)
				       : dump(nl, buf, sizeof(buf));
	mnl_socket_close(nl);
	printf("%ld\n", n);
	return n > 0 ? 0 : 1;
}
