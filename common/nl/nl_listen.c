/* Multicast groups and the receive buffer of a listening socket
 * (nl_listen.h). */
#include "nl/nl_listen.h"

#include <sys/socket.h>
#include <linux/netlink.h>

int nl_join_group(struct nl *nl, unsigned int group)
{
	/* The option, not bind's 32-bit mask: it takes every group number. */
	return mnl_socket_setsockopt(nl->sock, NETLINK_ADD_MEMBERSHIP, &group,
				     sizeof(group));
}

int nl_set_rcvbuf(struct nl *nl, int bytes)
{
	return setsockopt(mnl_socket_get_fd(nl->sock), SOL_SOCKET, SO_RCVBUF,
			  &bytes, sizeof(bytes));
}
