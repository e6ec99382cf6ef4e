/* Fuzz target: what the kernel answers on the rtnetlink socket, through
 * the production exchange code of common/nl.c (mnl_cb_run2, errors with
 * extended-ack texts, DONE, interrupted dumps and their draining) into the
 * RTM_NEWNSID reader of common/nsid.c.
 *
 * The socket is replaced: this file defines mnl_socket_sendto and
 * mnl_socket_recvfrom, which the linker then takes instead of libmnl's.
 * Input: one byte choosing the exchange (even: nl_talk, as nsid_of_name
 * asks; odd: nl_dump, read back with nl_dump_each), then the datagrams,
 * each as a 2-byte little-endian length and its bytes; when they run out,
 * a receive fails with ENOBUFS. Requests are numbered 1, 2, ...
 * Under ASan the receive buffer past each datagram is poisoned, so that a
 * read beyond what the kernel sent is caught although it stays inside the
 * NL_RECV_SIZE allocation. */
#include <errno.h>
#include <sanitizer/asan_interface.h>
#include <stdlib.h>
#include <string.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

#include "fuzz.h"
#include "nl/nl.h"
#include "ns/nsid.h"

static struct {
	const uint8_t *p;
	size_t left;
} feed;

ssize_t mnl_socket_sendto(const struct mnl_socket *nl, const void *req, size_t siz)
{
	(void)nl;
	(void)req;
	return (ssize_t)siz;
}

ssize_t mnl_socket_recvfrom(const struct mnl_socket *nl, void *buf, size_t siz)
{
	(void)nl;
	if (feed.left < 2) {
		errno = ENOBUFS;
		return -1;
	}
	size_t n = (size_t)feed.p[0] | (size_t)feed.p[1] << 8;
	feed.p += 2;
	feed.left -= 2;
	if (n > feed.left)
		n = feed.left;
	if (n > siz)
		n = siz;
	ASAN_UNPOISON_MEMORY_REGION(buf, siz);
	memcpy(buf, feed.p, n);
	ASAN_POISON_MEMORY_REGION((char *)buf + n, siz - n);
	feed.p += n;
	feed.left -= n;
	return (ssize_t)n;
}

static void ask(struct nl *nl)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETNSID, 0);
	struct rtgenmsg *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	int nsid = -1;

	g->rtgen_family = AF_UNSPEC;
	mnl_attr_put_u32(nlh, NETNSA_FD, 0);
	nl_talk(nl, nlh, nsid_read_reply, &nsid);
}

static void dump(struct nl *nl)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETNSID, 0);
	struct rtgenmsg *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	struct nl_dump d = { 0 };
	int nsid = -1;

	g->rtgen_family = AF_UNSPEC;
	if (nl_dump(nl, nlh, &d) == 0)
		nl_dump_each(&d, nsid_read_reply, &nsid);
	nl_dump_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Never dereferenced: the socket calls above ignore it. */
	static char fake_socket;
	struct nl nl = { .sock = (struct mnl_socket *)(void *)&fake_socket };

	if (size < 1)
		return 0;
	nl.rbuf = malloc(NL_RECV_SIZE);
	if (!nl.rbuf)
		return 0;
	feed.p = data + 1;
	feed.left = size - 1;
	if (data[0] & 1)
		dump(&nl);
	else
		ask(&nl);
	ASAN_UNPOISON_MEMORY_REGION(nl.rbuf, NL_RECV_SIZE);
	free(nl.rbuf);
	return 0;
}
