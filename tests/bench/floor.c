/* The floor for start-up cost: a program that only opens rtnetlink and asks
 * the kernel for one link, linked like nsip. `nsip link show dev lo` cannot
 * be much cheaper than this. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/rtnetlink.h>

int main(int argc, char **argv)
{
	char buf[16384];
	const char *dev = argc > 1 ? argv[1] : "lo";
	struct mnl_socket *nl = mnl_socket_open(NETLINK_ROUTE);

	if (!nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0)
		return 1;
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_GETLINK;
	nlh->nlmsg_flags = NLM_F_REQUEST;
	nlh->nlmsg_seq = 1;
	struct ifinfomsg *ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	mnl_attr_put_strz(nlh, IFLA_IFNAME, dev);
	if (mnl_socket_sendto(nl, nlh, nlh->nlmsg_len) < 0)
		return 1;
	ssize_t n = mnl_socket_recvfrom(nl, buf, sizeof(buf));
	mnl_socket_close(nl);
	printf("%zd\n", n);
	return n > 0 ? 0 : 1;
}
