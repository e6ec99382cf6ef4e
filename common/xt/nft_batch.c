/* One nftables batch: its changes built message by message, sent in one
 * datagram, and the kernel's acks read back (which change it refused, the
 * handle of an echoed rule), or held for a group and sent at its end. */
#include "xt/nft.h"
#include "xt/nft_private.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <endian.h>
#include <arpa/inet.h>
#include <sys/socket.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <libnftnl/chain.h>
#include <libnftnl/common.h>
#include <libnftnl/rule.h>
#include <libnftnl/table.h>

#include "base/err.h"
#include "xt/nft_check.h"
#include "nl/nl.h"

#define BATCH_LIMIT ((size_t)128 * 1024)
/* A held group (consecutive nat lines of a batch, or a whole
 * iptables-restore) may be much larger: 8 MiB held some 30,000 plain rules
 * but only 17,000 DNAT ones, fewer than a restore of 20,000 must take.
 * Untouched pages of the buffer cost no memory. */
#define HELD_LIMIT ((size_t)64 * 1024 * 1024)

/* ---- one batch -------------------------------------------------------- */

void nft_begin(struct nft *n, const struct nft_batch_opts *o)
{
	static const struct nft_batch_opts plain;

	if (!o)
		o = &plain;
	if (o->held && n->held && n->batch)
		return;   /* the group's batch goes on */
	size_t size = o->held || o->large ? HELD_LIMIT : BATCH_LIMIT;
	struct nlmsghdr *begin;

	if (n->batch) {   /* one that was never sent: started again */
		mnl_nlmsg_batch_stop(n->batch);
		n->batch = NULL;
	}
	if (n->buf_size < size) {
		free(n->buf);
		n->buf = calloc(2, size);  /* padding is sent */
		n->buf_size = n->buf ? size : 0;
	}
	if (!n->buf) {
		n->overflow = true;
		return;
	}
	n->batch = mnl_nlmsg_batch_start(n->buf, size);
	begin = nftnl_batch_begin(mnl_nlmsg_batch_current(n->batch), n->seq++);
	if (o->at_gen)
		mnl_attr_put_u32(begin, NFNL_BATCH_GENID, htonl(o->gen));
	mnl_nlmsg_batch_next(n->batch);
	n->held = o->held;
	n->quiet = o->quiet;
	n->n_msgs = 0;
	n->overflow = false;
}

unsigned int nft_changes(const struct nft *n)
{
	return n->n_msgs;
}

/* The header of the batch's next change; every change asks for an ack,
 * so that the kernel answers each one. */
static struct nlmsghdr *next_msg(struct nft *n, uint16_t type, uint16_t flags)
{
	if (n->batch && !n->overflow && n->n_msgs == n->cap) {
		unsigned int cap = n->cap ? 2 * n->cap : 64;
		struct nft_change *v = realloc(n->changes, cap * sizeof(*v));

		if (v)
			n->changes = v, n->cap = cap;
	}
	if (!n->batch || n->overflow || n->n_msgs == n->cap) {
		n->overflow = true;
		return NULL;
	}
	/* Reads may take sequence numbers between two held changes: each
	 * change keeps its own. */
	n->changes[n->n_msgs++] = (struct nft_change){ type, n->seq };
	return nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(n->batch), type,
				     NFPROTO_IPV4, flags | (n->quiet ? 0 : NLM_F_ACK),
				     n->seq++);
}

static void msg_done(struct nft *n)
{
	if (!mnl_nlmsg_batch_next(n->batch))
		n->overflow = true;
}

struct nlmsghdr *nft_msg(struct nft *n, uint16_t type, uint16_t flags)
{
	return next_msg(n, type, flags);
}

void nft_msg_done(struct nft *n)
{
	msg_done(n);
}

void nft_add_table(struct nft *n)
{
	struct nftnl_table *t = nftnl_table_alloc();
	struct nlmsghdr *nlh = next_msg(n, NFT_MSG_NEWTABLE, NLM_F_CREATE);

	if (!t || !nlh) {
		n->overflow = true;
	} else {
		nftnl_table_set_str(t, NFTNL_TABLE_NAME, n->tab->nft_name);
		nftnl_table_nlmsg_build_payload(nlh, t);
		msg_done(n);
	}
	if (t)
		nftnl_table_free(t);
}


static void put_chain(struct nft *n, struct nftnl_chain *c, uint16_t type,
		      uint16_t flags)
{
	struct nlmsghdr *nlh = c ? next_msg(n, type, flags) : NULL;

	if (!nlh) {
		n->overflow = true;
	} else {
		nftnl_chain_nlmsg_build_payload(nlh, c);
		msg_done(n);
	}
	if (c)
		nftnl_chain_free(c);
}

void nft_add_base_chain(struct nft *n, const char *name)
{
	put_chain(n, nft_base_chain_of(n, name), NFT_MSG_NEWCHAIN, NLM_F_CREATE);
}

void nft_add_user_chain(struct nft *n, const char *name)
{
	put_chain(n, nft_chain_of(n, name), NFT_MSG_NEWCHAIN, NLM_F_CREATE | NLM_F_EXCL);
}

void nft_del_chain(struct nft *n, const char *name)
{
	put_chain(n, nft_chain_of(n, name), NFT_MSG_DELCHAIN, NLM_F_NONREC);
}

void nft_rename_chain(struct nft *n, uint64_t handle, const char *name)
{
	struct nftnl_chain *c = nft_chain_of(n, name);

	if (c)
		nftnl_chain_set_u64(c, NFTNL_CHAIN_HANDLE, handle);
	put_chain(n, c, NFT_MSG_NEWCHAIN, 0);
}

void nft_set_policy(struct nft *n, const char *name, uint32_t verdict)
{
	struct nftnl_chain *c = nft_chain_of(n, name);

	if (c)
		nftnl_chain_set_u32(c, NFTNL_CHAIN_POLICY, verdict);
	put_chain(n, c, NFT_MSG_NEWCHAIN, 0);
}

static void put_rule(struct nft *n, struct nftnl_rule *r, uint16_t type,
		     uint16_t flags)
{
	struct nlmsghdr *nlh = r ? next_msg(n, type, flags) : NULL;

	if (!nlh) {
		n->overflow = true;
	} else {
		nftnl_rule_nlmsg_build_payload(nlh, r);
		msg_done(n);
	}
	if (r)
		nftnl_rule_free(r);
}


void nft_add_rule(struct nft *n, const char *chain, struct nftnl_rule *r,
		  enum nft_where where, uint64_t handle, bool echo)
{
	uint16_t flags = NLM_F_CREATE;

	nft_rule_in(n, r, chain);
	if (r && where == NFT_REPLACE)
		nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, handle);
	else if (r && where == NFT_BEFORE && handle)
		nftnl_rule_set_u64(r, NFTNL_RULE_POSITION, handle);
	/* Without NLM_F_APPEND the kernel inserts: before the position, or
	 * at the head of the chain. */
	if (where == NFT_REPLACE)
		flags = NLM_F_REPLACE;
	else if (where == NFT_AT_END)
		flags |= NLM_F_APPEND;
	if (echo)
		flags |= NLM_F_ECHO;
	put_rule(n, r, NFT_MSG_NEWRULE, flags);
}

void nft_del_rule(struct nft *n, const char *chain, uint64_t handle)
{
	struct nftnl_rule *r = nft_rule_in(n, nftnl_rule_alloc(), chain);

	if (r)
		nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, handle);
	put_rule(n, r, NFT_MSG_DELRULE, 0);
}

void nft_flush(struct nft *n, const char *chain)
{
	put_rule(n, nft_rule_in(n, nftnl_rule_alloc(), chain), NFT_MSG_DELRULE, 0);
}

/* Which change the kernel refused, found by its sequence number. */
static void note_refusal(struct nft *n, uint32_t seq, int err)
{
	unsigned int i = 0;

	while (i < n->n_msgs && n->changes[i].seq != seq)
		i++;
	n->err = err;
	n->err_index = i;
	n->err_type = i < n->n_msgs ? n->changes[i].type : 0;
}

/* The batch as a whole failed (not sent, or its answers lost): the
 * command's own change, the last one, is the one to name. */
static void note_lost(struct nft *n, int err)
{
	note_refusal(n, n->n_msgs ? n->changes[n->n_msgs - 1].seq : 0, err);
}


/* The handle of a rule the kernel echoed (NLM_F_ECHO), once it is known
 * to be a well-formed u64 attribute. */
static void note_echo(struct nft *n, const struct nlmsghdr *nlh)
{
	bool bad = false;
	const struct nlattr *a = nft_msg_is(nlh, NFT_MSG_NEWRULE) ?
		nft_msg_attr(nlh, NFTA_RULE_HANDLE, MNL_TYPE_U64, &bad) : NULL;

	if (a) {
		n->echo_handle = be64toh(mnl_attr_get_u64(a));
		n->echoed = true;
	}
}

/* Whether seq is that of one of the batch's changes. An answer to anything
 * else (the batch's head: a generation that moved on) fails the batch as a
 * whole, and no other answer comes. */
static bool is_change(const struct nft *n, uint32_t seq)
{
	for (unsigned int i = 0; i < n->n_msgs; i++)
		if (n->changes[i].seq == seq)
			return true;
	return false;
}

/* Reads the kernel's answers to the batch: an ack or an error for each
 * change. They are all queued by the time sendto returns (nfnetlink runs
 * the batch in the sender's context), so once an error has been seen the
 * rest is drained without waiting. A batch is as many exchanges as it has
 * changes, each with its own sequence number: the acks are counted here,
 * over common/nl's receive (nl_recv_datagram). */
/* A quiet batch's answers: only refusals, all queued by the time the send
 * returned; read until none is left. */
static int collect_refusals(struct nft *n)
{
	char *buf = n->nl.rbuf;

	n->err = 0;
	n->echoed = false;
	for (;;) {
		ssize_t got = nl_recv_datagram(&n->nl, MSG_DONTWAIT);
		int len = (int)got;

		if (got < 0) {
			if (errno == EINTR)
				continue;
			if (errno != EAGAIN) {
				if (!n->err)
					note_lost(n, errno);
				nft_restart(n);
			}
			break;
		}
		if (!nl_whole_messages(buf, (size_t)got)) {
			if (!n->err)
				note_lost(n, EBADMSG);
			nft_restart(n);
			break;
		}
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
		     mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
			const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

			if (nlh->nlmsg_type != NLMSG_ERROR)
				continue;
			if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e)))
				n->err = EBADMSG;
			else if (e->error && !n->err && !is_change(n, nlh->nlmsg_seq)) {
				n->err = -e->error;
				n->err_type = 0;
				n->err_index = n->n_msgs;   /* no one change */
			} else if (e->error && !n->err) {
				note_refusal(n, nlh->nlmsg_seq, -e->error);
			}
		}
	}
	return n->err ? -1 : 0;
}

static int collect_acks(struct nft *n)
{
	char *buf = n->nl.rbuf;
	unsigned int answered = 0;
	bool broken = false;

	n->err = 0;
	n->echoed = false;
	while (answered < n->n_msgs) {
		int flags = n->err ? MSG_DONTWAIT : 0;
		ssize_t got = nl_recv_datagram(&n->nl, flags);
		int len = (int)got;

		if (got < 0) {
			if (errno == EINTR)
				continue;
			if (!n->err)
				note_lost(n, errno);
			broken = errno != EAGAIN;
			break;
		}
		/* An ack cut short would be skipped, and the wait for it
		 * would never end. */
		if (!nl_whole_messages(buf, (size_t)got)) {
			broken = true;
			if (!n->err)
				note_lost(n, EBADMSG);
		}
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf;
		     mnl_nlmsg_ok(nlh, len); nlh = mnl_nlmsg_next(nlh, &len)) {
			const struct nlmsgerr *e = mnl_nlmsg_get_payload(nlh);

			if (nlh->nlmsg_type != NLMSG_ERROR) {
				note_echo(n, nlh);
				continue;
			}
			if (nlh->nlmsg_len < mnl_nlmsg_size(sizeof(*e))) {
				n->err = EBADMSG;
				continue;
			}
			if (e->error && !is_change(n, nlh->nlmsg_seq)) {
				n->err = -e->error;
				n->err_type = 0;
				n->err_index = n->n_msgs;   /* no one change */
				answered = n->n_msgs;
				break;
			}
			answered++;
			if (e->error && !n->err)
				note_refusal(n, nlh->nlmsg_seq, -e->error);
		}
	}
	if (broken)
		nft_restart(n);
	return n->err ? -1 : 0;
}

/* A big batch goes in one datagram, and every change is acked: the
 * socket's buffers must hold both, or the kernel refuses the send or drops
 * acks (and a change made would look failed). Ack buffers cost about 1 KiB
 * each. The defaults suffice for small batches; root may exceed them. */
static void make_room(struct nft *n, size_t len)
{
	int fd = mnl_socket_get_fd(n->nl.sock);
	int snd = (int)len + 4096, rcv = (int)n->n_msgs * 1024 + 65536;

	if (len > BATCH_LIMIT)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &snd, sizeof(snd));
	if (n->n_msgs > 128 && !n->quiet)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv));
}

int nft_commit(struct nft *n)
{
	if (n->overflow) {
		n->err = ENOBUFS;
		return -1;
	}
	if (n->held)
		return 0;
	nftnl_batch_end(mnl_nlmsg_batch_current(n->batch), n->seq++);
	mnl_nlmsg_batch_next(n->batch);
	make_room(n, mnl_nlmsg_batch_size(n->batch));
	if (mnl_socket_sendto(n->nl.sock, mnl_nlmsg_batch_head(n->batch),
			      mnl_nlmsg_batch_size(n->batch)) < 0) {
		note_lost(n, errno);
		return -1;
	}
	mnl_nlmsg_batch_stop(n->batch);
	n->batch = NULL;
	return n->quiet ? collect_refusals(n) : collect_acks(n);
}

int nft_commit_held(struct nft *n)
{
	n->held = false;
	if (!n->batch)
		return 0;      /* the group changed nothing */
	return nft_commit(n);
}

