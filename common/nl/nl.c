#include "nl/nl.h"
#include "nl/attr.h"
#include "base/err.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#ifndef NETLINK_EXT_ACK
#define NETLINK_EXT_ACK 11
#endif


/* The kernel's errnos are below this (include/linux/err.h). */
#define MAX_ERRNO 4096

int nl_open(struct nl *nl)
{
	int one = 1;

	*nl = (struct nl){ 0 };
	/* Not handed on to what `netns exec` runs, as iproute2's is not. */
	nl->sock = mnl_socket_open2(NETLINK_ROUTE, SOCK_CLOEXEC);
	if (!nl->sock) {
		errmsg("Cannot open netlink socket: %s", strerror(errno));
		return -1;
	}
	/* Both are optional: older kernels simply send shorter errors. */
	mnl_socket_setsockopt(nl->sock, NETLINK_EXT_ACK, &one, sizeof(one));
	mnl_socket_setsockopt(nl->sock, NETLINK_CAP_ACK, &one, sizeof(one));
	if (mnl_socket_bind(nl->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		errmsg("Cannot bind netlink socket: %s", strerror(errno));
		mnl_socket_close(nl->sock);
		nl->sock = NULL;
		return -1;
	}
	nl->rbuf = malloc(NL_RECV_SIZE);
	if (!nl->rbuf) {
		errmsg("Out of memory");
		nl_close(nl);
		return -1;
	}
	nl->portid = mnl_socket_get_portid(nl->sock);
	nl->seq = 0;
	return 0;
}

void nl_close(struct nl *nl)
{
	if (nl->sock)
		mnl_socket_close(nl->sock);
	free(nl->rbuf);
	*nl = (struct nl){ 0 };
}

/* The message at *at in buf[0..len), moving *at past it; NULL at the end
 * or where a length does not fit. Not mnl_nlmsg_ok()/mnl_nlmsg_next():
 * they compare nlmsg_len as a signed int, so that a length over 2 GiB
 * passes and the next message is looked for gigabytes away. */
static const struct nlmsghdr *next_msg(const char *buf, size_t len, size_t *at)
{
	const struct nlmsghdr *h;

	if (*at >= len || len - *at < sizeof(*h))
		return NULL;
	h = (const void *)(buf + *at);
	if (h->nlmsg_len < sizeof(*h) || h->nlmsg_len > len - *at)
		return NULL;
	*at += MNL_ALIGN(h->nlmsg_len);
	return h;
}

/* Whether a datagram is made of whole messages only: libmnl walks it with
 * the checks above, and must never meet a length that fools them. */
bool nl_whole_messages(const void *buf, size_t len)
{
	size_t at = 0;

	while (next_msg(buf, len, &at))
		;
	return at >= len;
}

/* State shared by the data and control callbacks of one exchange. */
struct exchange {
	struct nl *nl;
	size_t last_len;       /* bytes of the last datagram received */
	nl_msg_fn fn;
	void *data;
};

static void read_ext_ack(const struct nlmsghdr *nlh, size_t offset,
			 struct nl_error *e)
{
	const struct nlattr *a;

	e->msg[0] = '\0';
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) ||
	    offset > mnl_nlmsg_get_payload_len(nlh))
		return;
	mnl_attr_for_each(a, nlh, offset) {
		if (mnl_attr_get_type(a) != NLMSGERR_ATTR_MSG ||
		    mnl_attr_validate(a, MNL_TYPE_NUL_STRING) < 0)
			continue;
		snprintf(e->msg, sizeof(e->msg), "%s", mnl_attr_get_str(a));
	}
}

static int refuse(struct exchange *x, int err)
{
	x->nl->last.err = err;
	errno = err;
	return MNL_CB_ERROR;
}

/* The errno in a kernel error field: negative as the kernel sends it,
 * positive tolerated. A value outside errno's range (INT_MIN cannot even
 * be negated) makes the reply malformed. */
static int kernel_errno(int error)
{
	if (error < 0 && error > -MAX_ERRNO)
		return -error;
	if (error > 0 && error < MAX_ERRNO)
		return error;
	return EBADMSG;
}

static int on_error(const struct nlmsghdr *nlh, void *data)
{
	struct exchange *x = data;
	const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);
	size_t offset = sizeof(*e);

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(*e))
		return refuse(x, EBADMSG);
	/* Unless capped, the kernel echoes our request before the TLVs. */
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED)) {
		if (e->msg.nlmsg_len < sizeof(struct nlmsghdr))
			return refuse(x, EBADMSG);
		offset += e->msg.nlmsg_len - sizeof(struct nlmsghdr);
	}
	read_ext_ack(nlh, offset, &x->nl->last);
	if (e->error == 0)
		return MNL_CB_STOP;
	x->nl->last.kernel = true;
	return refuse(x, kernel_errno(e->error));
}

/* A dump ends with DONE, whose payload may carry an error of the dump. */
static int on_done(const struct nlmsghdr *nlh, void *data)
{
	struct exchange *x = data;
	int error;

	if (mnl_nlmsg_get_payload_len(nlh) < sizeof(int))
		return MNL_CB_STOP;
	memcpy(&error, mnl_nlmsg_get_payload(nlh), sizeof(error));
	if (error >= 0)
		return MNL_CB_STOP;
	read_ext_ack(nlh, sizeof(int), &x->nl->last);
	x->nl->last.kernel = true;
	return refuse(x, kernel_errno(error));
}

static int on_data(const struct nlmsghdr *nlh, void *data)
{
	struct exchange *x = data;
	int go = x->fn ? x->fn(nlh, x->data) : 0;

	if (go < 0) {
		x->nl->last.err = -1;   /* already reported by the callback */
		return MNL_CB_ERROR;
	}
	return go > 0 ? MNL_CB_STOP : MNL_CB_OK;
}

/* libmnl takes this table as non-const. */
static mnl_cb_t control_cbs[NLMSG_MIN_TYPE] = {
	[NLMSG_ERROR] = on_error,
	[NLMSG_DONE] = on_done,
};

static int send_request(struct nl *nl, struct nlmsghdr *req)
{
	req->nlmsg_seq = ++nl->seq;
	req->nlmsg_pid = 0;
	nl->last = (struct nl_error){ 0 };
	if (mnl_socket_sendto(nl->sock, req, req->nlmsg_len) < 0) {
		nl->last.err = errno;
		return -1;
	}
	return 0;
}

/* A receive that does not wait: libmnl's takes no flags. */
static ssize_t recv_nowait(struct nl *nl)
{
	struct sockaddr_nl addr;
	struct iovec iov = { nl->rbuf, NL_RECV_SIZE };
	struct msghdr msg = { .msg_name = &addr, .msg_namelen = sizeof(addr),
			      .msg_iov = &iov, .msg_iovlen = 1 };
	ssize_t n = recvmsg(mnl_socket_get_fd(nl->sock), &msg, MSG_DONTWAIT);

	if (n >= 0 && (msg.msg_flags & MSG_TRUNC)) {
		errno = ENOSPC;   /* as libmnl says it */
		return -1;
	}
	return n;
}

ssize_t nl_recv_datagram(struct nl *nl, int flags)
{
	/* libmnl's receive, which the fuzz targets replace with their own
	 * kernel, unless the caller must not wait. */
	ssize_t n = (flags & MSG_DONTWAIT) ? recv_nowait(nl) :
		    mnl_socket_recvfrom(nl->sock, nl->rbuf, NL_RECV_SIZE);

	/* libmnl says ENOSPC for a datagram larger than the buffer
	 * (MSG_TRUNC): the message was too long. */
	if (n < 0 && errno == ENOSPC)
		errno = EMSGSIZE;
	return n;
}

/* Receives until the exchange for seq ends: 0 when it ended well, -1 with
 * nl->last set (err -1: a callback already reported). */
static int receive(struct exchange *x, uint32_t seq)
{
	for (;;) {
		ssize_t n = nl_recv_datagram(x->nl, 0);

		if (n < 0) {
			x->nl->last.err = errno;
			return -1;
		}
		x->last_len = (size_t)n;
		if (!nl_whole_messages(x->nl->rbuf, (size_t)n)) {
			x->nl->last.err = EBADMSG;
			return -1;
		}
		int r = mnl_cb_run2(x->nl->rbuf, (size_t)n, seq, x->nl->portid,
				    on_data, x, control_cbs, NLMSG_MIN_TYPE);
		if (r == MNL_CB_STOP)
			return 0;
		if (r == MNL_CB_ERROR) {
			if (!x->nl->last.err)
				x->nl->last.err = errno ? errno : EPROTO;
			return -1;
		}
	}
}

static bool holds_end(const char *buf, size_t len, uint32_t seq)
{
	const struct nlmsghdr *h;
	size_t at = 0;

	while ((h = next_msg(buf, len, &at)))
		if (h->nlmsg_seq == seq && (h->nlmsg_type == NLMSG_DONE ||
					    h->nlmsg_type == NLMSG_ERROR))
			return true;
	return false;
}

/* After an interrupted dump the rest of it may still be queued: read it
 * away so that the next exchange starts clean. */
static int drain(struct nl *nl, size_t last_len, uint32_t seq)
{
	while (!holds_end(nl->rbuf, last_len, seq)) {
		ssize_t n = nl_recv_datagram(nl, 0);

		if (n < 0)
			return -1;
		last_len = (size_t)n;
	}
	return 0;
}

int nl_receive(struct nl *nl, uint32_t seq, nl_msg_fn fn, void *data)
{
	struct exchange x = { .nl = nl, .fn = fn, .data = data };

	nl->last = (struct nl_error){ 0 };
	return receive(&x, seq);
}

int nl_talk_quiet(struct nl *nl, struct nlmsghdr *req, nl_msg_fn fn, void *data)
{
	struct exchange x = { .nl = nl, .fn = fn, .data = data };

	req->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
	if (send_request(nl, req) < 0)
		return -1;
	return receive(&x, req->nlmsg_seq);
}

int nl_talk(struct nl *nl, struct nlmsghdr *req, nl_msg_fn fn, void *data)
{
	if (nl_talk_quiet(nl, req, fn, data) == 0)
		return 0;
	if (nl->last.err != -1)
		nl_error_print(&nl->last);
	return -1;
}

int nl_dump_stream(struct nl *nl, struct nlmsghdr *req, nl_msg_fn fn,
		   void (*restart)(void *data), void *data)
{
	req->nlmsg_flags |= NLM_F_REQUEST | NLM_F_DUMP;
	for (int tries = 0; tries < NL_DUMP_TRIES; tries++) {
		struct exchange x = { .nl = nl, .fn = fn, .data = data };

		if (tries)
			restart(data);
		if (send_request(nl, req) < 0)
			break;
		if (receive(&x, req->nlmsg_seq) == 0)
			return 0;
		if (nl->last.err != EINTR)
			break;
		if (drain(nl, x.last_len, req->nlmsg_seq) < 0)
			break;
	}
	if (nl->last.err == EINTR)
		errmsg("Dump was interrupted %d times: the table kept changing",
		       NL_DUMP_TRIES);
	else if (nl->last.err != -1)
		nl_error_print(&nl->last);
	return -1;
}

int nl_dump_append(const struct nlmsghdr *nlh, void *dump)
{
	struct nl_dump *d = dump;
	size_t size = MNL_ALIGN(nlh->nlmsg_len), need = d->len + size;

	if (need > d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 65536;
		while (cap < need)
			cap *= 2;
		char *p = realloc(d->buf, cap);
		if (!p)
			return fail(-1, "Out of memory");
		d->buf = p;
		d->cap = cap;
	}
	memcpy(d->buf + d->len, nlh, nlh->nlmsg_len);
	memset(d->buf + d->len + nlh->nlmsg_len, 0, size - nlh->nlmsg_len);
	d->len = need;
	return 0;
}

/* An interrupted dump is collected again from its start. */
static void forget(void *data)
{
	((struct nl_dump *)data)->len = 0;
}

int nl_dump(struct nl *nl, struct nlmsghdr *req, struct nl_dump *d)
{
	d->len = 0;
	if (nl_dump_stream(nl, req, nl_dump_append, forget, d) == 0)
		return 0;
	nl_dump_free(d);   /* what came before the failure is no dump */
	return -1;
}

int nl_dump_each(const struct nl_dump *d, nl_msg_fn fn, void *data)
{
	const struct nlmsghdr *h;
	size_t at = 0;

	while ((h = next_msg(d->buf, d->len, &at)))
		if (fn(h, data) < 0)
			return -1;
	return 0;
}

void nl_dump_free(struct nl_dump *d)
{
	free(d->buf);
	*d = (struct nl_dump){ 0 };
}

void nl_error_format(const struct nl_error *e, char *buf, size_t len)
{
	size_t n = strlen(e->msg);

	if (n)
		snprintf(buf, len, "Error: %s%s", e->msg,
			 e->msg[n - 1] == '.' ? "" : ".");
	else
		snprintf(buf, len, "RTNETLINK answers: %s", strerror(e->err));
}

void nl_error_print(const struct nl_error *e)
{
	char line[512];

	nl_error_format(e, line, sizeof(line));
	errmsg("%s", line);
}

/* Whether a's payload is what its policy says: libmnl's rules (integers
 * of their exact size, strings not empty and NUL-terminated where asked,
 * a flag empty, a nest empty or holding a header), then the minimum. By
 * hand rather than through mnl_attr_validate(): a dump of thousands of
 * links parses some fifty attributes each, and the calls were a third of
 * `link show`'s instructions. */
static bool attr_valid(const struct nlattr *a, const struct nl_policy *p)
{
	size_t len = attr_len(a);
	const char *data = attr_data(a);
	bool ok;

	switch (p->type) {
	case MNL_TYPE_U8:          ok = len == 1; break;
	case MNL_TYPE_U16:         ok = len == 2; break;
	case MNL_TYPE_U32:         ok = len == 4; break;
	case MNL_TYPE_U64:
	case MNL_TYPE_MSECS:       ok = len == 8; break;
	case MNL_TYPE_FLAG:        ok = len == 0; break;
	case MNL_TYPE_STRING:      ok = len > 0; break;
	case MNL_TYPE_NUL_STRING:  ok = len > 0 && data[len - 1] == '\0'; break;
	case MNL_TYPE_NESTED:      ok = len == 0 || len >= NLA_HDRLEN; break;
	default:                   ok = p->type < MNL_TYPE_MAX; break;
	}
	return ok && len >= p->min_len;
}

/* Fills tb[0..max] from the attributes in p[0..len), which must be whole
 * attributes only (the last one's alignment padding may be missing), up
 * to the first one of type stop (NL_PARSE_ALL: all of them; what follows
 * stop is not looked at). Not mnl_attr_for_each(): it lets an attribute
 * run into the padding after an unaligned nlmsg_len, past the end of the
 * message. */
static int parse_run(const char *p, size_t len, const struct nl_policy *policy,
		     uint16_t max, const struct nlattr **tb, unsigned int stop)
{
	for (size_t i = 0; i <= max; i++)
		tb[i] = NULL;
	while (len >= NLA_HDRLEN) {
		const struct nlattr *a = (const struct nlattr *)(const void *)p;
		uint16_t type = attr_type(a);

		if (a->nla_len < NLA_HDRLEN || a->nla_len > len)
			return -1;
		if (type <= max && policy[type].type != MNL_TYPE_UNSPEC) {
			if (!attr_valid(a, &policy[type]))
				return -1;
			tb[type] = a;
			if (type == stop)
				return 0;
		}
		size_t step = NLA_ALIGN(a->nla_len);
		if (step >= len)
			return 0;
		p += step;
		len -= step;
	}
	return len ? -1 : 0;
}

int nl_parse_until(const struct nlmsghdr *nlh, size_t hdrlen,
		   const struct nl_policy *policy, uint16_t max,
		   const struct nlattr **tb, unsigned int stop)
{
	size_t payload = nlh->nlmsg_len >= NLMSG_HDRLEN ? nlh->nlmsg_len - NLMSG_HDRLEN : 0;
	size_t skip = NLMSG_ALIGN(hdrlen);

	if (payload < hdrlen) {
		for (size_t i = 0; i <= max; i++)
			tb[i] = NULL;
		return -1;
	}
	return parse_run((const char *)nlh + NLMSG_HDRLEN + skip,
			 payload > skip ? payload - skip : 0, policy, max, tb, stop);
}

int nl_parse(const struct nlmsghdr *nlh, size_t hdrlen,
	     const struct nl_policy *policy, uint16_t max,
	     const struct nlattr **tb)
{
	return nl_parse_until(nlh, hdrlen, policy, max, tb, NL_PARSE_ALL);
}

int nl_parse_nested(const struct nlattr *nest, const struct nl_policy *policy,
		    uint16_t max, const struct nlattr **tb)
{
	size_t len = nest->nla_len >= NLA_HDRLEN ? nest->nla_len - NLA_HDRLEN : 0;

	return parse_run(attr_data(nest), len, policy, max, tb,
			 NL_PARSE_ALL);
}

int nl_malformed(const struct nlmsghdr *nlh)
{
	errmsg("Malformed netlink message from the kernel (type %u, %u bytes)",
	       nlh->nlmsg_type, nlh->nlmsg_len);
	return -1;
}
