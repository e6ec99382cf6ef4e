#include "xt/nft.h"

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
/* A held group (consecutive nat lines of a batch) may be much larger: some
 * 30,000 rules. Untouched pages of the buffer cost no memory. */
#define HELD_LIMIT ((size_t)8 * 1024 * 1024)
#define RECV_SIZE ((size_t)64 * 1024)
#define REQ_SIZE 1024            /* a get or dump request */
#define DUMP_TRIES 10

/* iptables' nat priorities: destination NAT before filtering, source NAT
 * after it. */
static const struct {
	const char *name;
	uint32_t hook;
	int32_t prio;
} builtins[] = {
	{ "PREROUTING", NF_INET_PRE_ROUTING, -100 },
	{ "INPUT", NF_INET_LOCAL_IN, 100 },
	{ "OUTPUT", NF_INET_LOCAL_OUT, -100 },
	{ "POSTROUTING", NF_INET_POST_ROUTING, 100 },
};

const char *const nft_builtin_chains[] = {
	"PREROUTING", "INPUT", "OUTPUT", "POSTROUTING", NULL
};

bool nft_is_builtin(const char *name)
{
	for (int i = 0; nft_builtin_chains[i]; i++)
		if (!strcmp(name, nft_builtin_chains[i]))
			return true;
	return false;
}

int nft_open(struct nft *n)
{
	memset(n, 0, sizeof(*n));
	/* Not handed on to what `netns exec` runs (see nl_open). */
	n->sock = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);
	if (!n->sock || mnl_socket_bind(n->sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		errmsg("cannot open a netfilter netlink socket: %s%s",
		       strerror(errno), privilege_hint(errno));
		if (n->sock)
			mnl_socket_close(n->sock);
		n->sock = NULL;
		return -1;
	}
	n->portid = mnl_socket_get_portid(n->sock);
	n->seq = (uint32_t)time(NULL);
	return 0;
}

void nft_close(struct nft *n)
{
	if (n->batch)
		mnl_nlmsg_batch_stop(n->batch);
	free(n->buf);
	free(n->changes);
	if (n->sock)
		mnl_socket_close(n->sock);
	memset(n, 0, sizeof(*n));
}

/* ---- one batch -------------------------------------------------------- */

void nft_begin(struct nft *n)
{
	if (n->hold && n->batch)
		return;
	size_t size = n->hold || n->large ? HELD_LIMIT : BATCH_LIMIT;
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
	if (n->genid_set)
		mnl_attr_put_u32(begin, NFNL_BATCH_GENID, htonl(n->genid));
	mnl_nlmsg_batch_next(n->batch);
	n->n_msgs = 0;
	n->overflow = false;
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
	n->changes[n->n_msgs++] = (struct nft_change){ type, n->seq, n->tag };
	return nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(n->batch), type,
				     NFPROTO_IPV4, flags | NLM_F_ACK, n->seq++);
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
		nftnl_table_set_str(t, NFTNL_TABLE_NAME, NFT_TABLE);
		nftnl_table_nlmsg_build_payload(nlh, t);
		msg_done(n);
	}
	if (t)
		nftnl_table_free(t);
}

static struct nftnl_chain *chain_of(const char *name)
{
	struct nftnl_chain *c = nftnl_chain_alloc();

	if (c) {
		nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, NFT_TABLE);
		if (name)
			nftnl_chain_set_str(c, NFTNL_CHAIN_NAME, name);
	}
	return c;
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
	struct nftnl_chain *c = chain_of(name);

	for (size_t i = 0; c && i < sizeof(builtins) / sizeof(builtins[0]); i++) {
		if (strcmp(builtins[i].name, name))
			continue;
		nftnl_chain_set_str(c, NFTNL_CHAIN_TYPE, "nat");
		nftnl_chain_set_u32(c, NFTNL_CHAIN_HOOKNUM, builtins[i].hook);
		nftnl_chain_set_s32(c, NFTNL_CHAIN_PRIO, builtins[i].prio);
	}
	put_chain(n, c, NFT_MSG_NEWCHAIN, NLM_F_CREATE);
}

void nft_add_user_chain(struct nft *n, const char *name)
{
	put_chain(n, chain_of(name), NFT_MSG_NEWCHAIN, NLM_F_CREATE | NLM_F_EXCL);
}

void nft_del_chain(struct nft *n, const char *name)
{
	put_chain(n, chain_of(name), NFT_MSG_DELCHAIN, NLM_F_NONREC);
}

void nft_rename_chain(struct nft *n, uint64_t handle, const char *name)
{
	struct nftnl_chain *c = chain_of(name);

	if (c)
		nftnl_chain_set_u64(c, NFTNL_CHAIN_HANDLE, handle);
	put_chain(n, c, NFT_MSG_NEWCHAIN, 0);
}

void nft_set_policy_accept(struct nft *n, const char *name)
{
	struct nftnl_chain *c = chain_of(name);

	if (c)
		nftnl_chain_set_u32(c, NFTNL_CHAIN_POLICY, NF_ACCEPT);
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

static struct nftnl_rule *rule_in(struct nftnl_rule *r, const char *chain)
{
	if (r) {
		nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_IPV4);
		nftnl_rule_set_str(r, NFTNL_RULE_TABLE, NFT_TABLE);
		if (chain)
			nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
	}
	return r;
}

void nft_add_rule(struct nft *n, const char *chain, struct nftnl_rule *r,
		  enum nft_where where, uint64_t handle)
{
	uint16_t flags = NLM_F_CREATE;

	rule_in(r, chain);
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
	if (n->echo)
		flags |= NLM_F_ECHO;
	put_rule(n, r, NFT_MSG_NEWRULE, flags);
}

void nft_del_rule(struct nft *n, const char *chain, uint64_t handle)
{
	struct nftnl_rule *r = rule_in(nftnl_rule_alloc(), chain);

	if (r)
		nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, handle);
	put_rule(n, r, NFT_MSG_DELRULE, 0);
}

void nft_flush(struct nft *n, const char *chain)
{
	put_rule(n, rule_in(nftnl_rule_alloc(), chain), NFT_MSG_DELRULE, 0);
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
	n->err_tag = i < n->n_msgs ? n->changes[i].tag : 0;
}

/* The batch as a whole failed (not sent, or its answers lost): the
 * command's own change, the last one, is the one to name. */
static void note_lost(struct nft *n, int err)
{
	note_refusal(n, n->n_msgs ? n->changes[n->n_msgs - 1].seq : 0, err);
}

bool nft_msg_is(const struct nlmsghdr *nlh, uint16_t type)
{
	return nlh->nlmsg_type == ((NFNL_SUBSYS_NFTABLES << 8) | type) &&
	       nlh->nlmsg_len >= MNL_NLMSG_HDRLEN + sizeof(struct nfgenmsg);
}

const struct nlattr *nft_msg_attr(const struct nlmsghdr *nlh, uint16_t type,
				  enum mnl_attr_data_type kind, bool *bad)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		if (mnl_attr_get_type(a) != type)
			continue;
		if (mnl_attr_validate(a, kind) < 0) {
			*bad = true;
			return NULL;
		}
		return a;
	}
	return NULL;
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
 * rest is drained without waiting. */
static void restart(struct nft *n);

static int collect_acks(struct nft *n)
{
	char *buf = malloc(RECV_SIZE);
	unsigned int answered = 0;
	bool broken = false;

	if (!buf)
		return -ENOMEM;
	n->err = 0;
	n->echoed = false;
	while (answered < n->n_msgs) {
		int flags = n->err ? MSG_DONTWAIT : 0;
		ssize_t got = recv(mnl_socket_get_fd(n->sock), buf, RECV_SIZE, flags);
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
				answered = n->n_msgs;
				break;
			}
			answered++;
			if (e->error && !n->err)
				note_refusal(n, nlh->nlmsg_seq, -e->error);
		}
	}
	free(buf);
	if (broken)
		restart(n);
	return n->err ? -1 : 0;
}

/* A big batch goes in one datagram, and every change is acked: the
 * socket's buffers must hold both, or the kernel refuses the send or drops
 * acks (and a change made would look failed). Ack buffers cost about 1 KiB
 * each. The defaults suffice for small batches; root may exceed them. */
static void make_room(struct nft *n, size_t len)
{
	int fd = mnl_socket_get_fd(n->sock);
	int snd = (int)len + 4096, rcv = (int)n->n_msgs * 1024 + 65536;

	if (len > BATCH_LIMIT)
		setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &snd, sizeof(snd));
	if (n->n_msgs > 128)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcv, sizeof(rcv));
}

int nft_commit(struct nft *n)
{
	if (n->overflow) {
		n->err = ENOBUFS;
		return -1;
	}
	if (n->hold)
		return 0;
	nftnl_batch_end(mnl_nlmsg_batch_current(n->batch), n->seq++);
	mnl_nlmsg_batch_next(n->batch);
	make_room(n, mnl_nlmsg_batch_size(n->batch));
	if (mnl_socket_sendto(n->sock, mnl_nlmsg_batch_head(n->batch),
			      mnl_nlmsg_batch_size(n->batch)) < 0) {
		note_lost(n, errno);
		return -1;
	}
	mnl_nlmsg_batch_stop(n->batch);
	n->batch = NULL;
	return collect_acks(n);
}

int nft_commit_held(struct nft *n)
{
	n->hold = false;
	if (!n->batch)
		return 0;      /* the group changed nothing */
	return nft_commit(n);
}

/* ---- reads ------------------------------------------------------------ */

static int reopen(struct nft *n);

/* A request is sent, its answers go to cb; a dump that the kernel marks
 * as interrupted (the ruleset changed under it) starts again. */
struct dump {
	mnl_cb_t cb;
	void *data;
	bool interrupted;
};

static int dump_msg(const struct nlmsghdr *nlh, void *data)
{
	struct dump *d = data;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		d->interrupted = true;
	return d->cb(nlh, d->data);
}

static int talk(struct nft *n, const struct nlmsghdr *req, struct dump *d)
{
	char *buf = malloc(RECV_SIZE);
	uint32_t seq = req->nlmsg_seq;
	bool broken = false;
	int ret, err;

	n->err_type = NFNL_MSG_TYPE(req->nlmsg_type);   /* a read, if it fails */
	if (!buf) {
		n->err = ENOMEM;
		return -1;
	}
	if (mnl_socket_sendto(n->sock, req, req->nlmsg_len) < 0) {
		n->err = errno;
		free(buf);
		return -1;
	}
	errno = 0;
	do {
		ssize_t len = mnl_socket_recvfrom(n->sock, buf, RECV_SIZE);

		if (len < 0) {
			/* ENOSPC: libmnl's word for MSG_TRUNC. */
			if (errno == ENOSPC)
				errno = EMSGSIZE;
			ret = -1;
			broken = true;
			break;
		}
		/* libmnl would stop silently before a message cut short. */
		if (!nl_whole_messages(buf, (size_t)len)) {
			errno = EBADMSG;
			ret = -1;
			broken = true;
			break;
		}
		ret = mnl_cb_run(buf, (size_t)len, seq, n->portid, dump_msg, d);
	} while (ret > 0);
	err = errno;
	free(buf);
	/* libmnl stops at a message marked NLM_F_DUMP_INTR with EINTR, before
	 * dump_msg sees it: the dump is interrupted, not failed. The rest of
	 * it is still queued, so the socket is replaced. */
	if (ret < 0 && err == EINTR) {
		d->interrupted = true;
		return reopen(n);
	}
	if (ret < 0) {
		n->err = err ? err : EBADMSG;
		/* A failed or cut receive, or a malformed answer, may leave
		 * the rest of the answer queued, and the next request would
		 * read it as its own. A kernel refusal is a whole answer. */
		if (broken || n->err == EBADMSG)
			restart(n);
	}
	return ret < 0 ? -1 : 0;
}

static int chain_cb(const struct nlmsghdr *nlh, void *data)
{
	struct nftnl_chain_list *list = data;
	struct nftnl_chain *c = nftnl_chain_alloc();

	if (!c)
		return MNL_CB_ERROR;
	if (nftnl_chain_nlmsg_parse(nlh, c) < 0 ||
	    !nftnl_chain_is_set(c, NFTNL_CHAIN_NAME) ||
	    !nftnl_chain_is_set(c, NFTNL_CHAIN_TABLE)) {
		nftnl_chain_free(c);
		errno = EBADMSG;       /* malformed: an error, not a gap */
		return MNL_CB_ERROR;
	}
	if (strcmp(nftnl_chain_get_str(c, NFTNL_CHAIN_TABLE), NFT_TABLE)) {
		nftnl_chain_free(c);   /* another table's */
		return MNL_CB_OK;
	}
	nftnl_chain_list_add_tail(c, list);
	return MNL_CB_OK;
}

static struct nftnl_chain_list *chains(struct nft *n, const char *name)
{
	for (int tries = 0; tries < DUMP_TRIES; tries++) {
		char req[REQ_SIZE] = { 0 };   /* padding is sent */
		struct nftnl_chain_list *list = nftnl_chain_list_alloc();
		struct nftnl_chain *c = chain_of(name);
		struct nlmsghdr *nlh;
		struct dump d = { chain_cb, list, false };

		if (!list || !c) {
			if (list)
				nftnl_chain_list_free(list);
			if (c)
				nftnl_chain_free(c);
			n->err = ENOMEM;
			return NULL;
		}
		nlh = nftnl_nlmsg_build_hdr(req, NFT_MSG_GETCHAIN, NFPROTO_IPV4,
					    name ? NLM_F_ACK : NLM_F_DUMP, n->seq++);
		nftnl_chain_nlmsg_build_payload(nlh, c);
		nftnl_chain_free(c);
		if (talk(n, nlh, &d) < 0) {
			nftnl_chain_list_free(list);
			return NULL;
		}
		if (!d.interrupted)
			return list;
		nftnl_chain_list_free(list);
	}
	n->err = EINTR;
	return NULL;
}

struct nftnl_chain *nft_get_chain(struct nft *n, const char *name)
{
	struct nftnl_chain_list *list = chains(n, name);
	struct nftnl_chain *c = NULL;

	if (!list)
		return NULL;
	struct nftnl_chain_list_iter *it = nftnl_chain_list_iter_create(list);

	if (it) {
		c = nftnl_chain_list_iter_next(it);
		nftnl_chain_list_iter_destroy(it);
	}
	if (c)
		nftnl_chain_list_del(c);
	else
		n->err = ENOENT;
	nftnl_chain_list_free(list);
	return c;
}

struct nftnl_chain_list *nft_get_chains(struct nft *n)
{
	return chains(n, NULL);
}

struct stream {
	nft_rule_fn *fn;
	void *data;
	bool stopped;
	bool whole;          /* an answer to read to its end (a get's ack) */
};

/* Each rule is read in place from its message: no libnftnl object, no
 * allocation (libnftnl's parse was most of a listing's work). */
static int stream_cb(const struct nlmsghdr *nlh, void *data)
{
	struct stream *st = data;
	struct nft_rule_view v;

	if (!nft_rule_msg_sane(nlh) || !nft_rule_view_of(nlh, &v)) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (strcmp(v.table, NFT_TABLE))
		return MNL_CB_OK;
	int go = st->fn(&v, st->data);

	if (go < 0)
		return MNL_CB_ERROR;
	if (go > 0 && !st->whole) {
		st->stopped = true;
		return MNL_CB_STOP;
	}
	return MNL_CB_OK;
}

/* A new socket in place of one with an unread dump in it. */
static int reopen(struct nft *n)
{
	struct mnl_socket *s = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);

	if (!s || mnl_socket_bind(s, 0, MNL_SOCKET_AUTOPID) < 0) {
		n->err = errno;
		if (s)
			mnl_socket_close(s);
		return -1;
	}
	mnl_socket_close(n->sock);
	n->sock = s;
	n->portid = mnl_socket_get_portid(s);
	return 0;
}

/* A fresh socket in place of one whose stream is out of step, keeping the
 * error that put it so. Closing may wait (see BENCHMARKS.md): only done
 * after a failure. */
static void restart(struct nft *n)
{
	int err = n->err;

	reopen(n);
	n->err = err;
}

/* A rule request on chain (the table's rules when chain is NULL): a dump,
 * or with a handle the one rule (read to its ack: whole). */
static int rule_request(struct nft *n, const char *chain, uint16_t type,
			uint64_t handle, struct stream *st)
{
	char req[REQ_SIZE] = { 0 };   /* padding is sent */
	struct nftnl_rule *r = rule_in(nftnl_rule_alloc(), chain);
	struct dump d = { stream_cb, st, false };
	struct nlmsghdr *nlh;

	if (!r) {
		n->err = ENOMEM;
		return -1;
	}
	if (handle)
		nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, handle);
	nlh = nftnl_nlmsg_build_hdr(req, type, NFPROTO_IPV4,
				    handle ? NLM_F_ACK : NLM_F_DUMP, n->seq++);
	nftnl_rule_nlmsg_build_payload(nlh, r);
	nftnl_rule_free(r);
	if (talk(n, nlh, &d) < 0)
		return -1;
	return d.interrupted ? NFT_RESTART : 0;
}

int nft_each_rule(struct nft *n, const char *chain, bool reset, nft_rule_fn *fn,
		  void *data)
{
	struct stream st = { fn, data, false, false };
	int ret = rule_request(n, chain, reset ? NFT_MSG_GETRULE_RESET : NFT_MSG_GETRULE,
			       0, &st);

	if (ret < 0)
		return -1;
	if (st.stopped)
		return reopen(n);
	return ret;
}

static int ignore_msg(const struct nlmsghdr *nlh, void *data)
{
	(void)nlh;
	(void)data;
	return MNL_CB_OK;
}

int nft_reset_rule(struct nft *n, const char *chain, uint64_t handle)
{
	char req[REQ_SIZE] = { 0 };   /* padding is sent */
	struct nftnl_rule *r = rule_in(nftnl_rule_alloc(), chain);
	struct dump d = { ignore_msg, NULL, false };
	struct nlmsghdr *nlh;

	if (!r) {
		n->err = ENOMEM;
		return -1;
	}
	nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, handle);
	nlh = nftnl_nlmsg_build_hdr(req, NFT_MSG_GETRULE_RESET, NFPROTO_IPV4,
				    NLM_F_ACK, n->seq++);
	nftnl_rule_nlmsg_build_payload(nlh, r);
	nftnl_rule_free(r);
	return talk(n, nlh, &d);
}

int nft_get_rule(struct nft *n, const char *chain, uint64_t handle,
		 nft_rule_fn *fn, void *data)
{
	struct stream st = { fn, data, false, true };

	return rule_request(n, chain, NFT_MSG_GETRULE, handle, &st) < 0 ? -1 : 0;
}

struct nlmsghdr *nft_req_init(struct nft *n, char *buf, uint16_t type,
			      uint16_t family, uint16_t flags)
{
	return nftnl_nlmsg_build_hdr(buf, type, family, flags, n->seq++);
}

int nft_query(struct nft *n, const struct nlmsghdr *req, mnl_cb_t cb, void *data)
{
	struct dump d = { cb, data, false };

	return talk(n, req, &d);
}

struct gen_answer {
	uint32_t id;
	bool seen;
};

static int gen_cb(const struct nlmsghdr *nlh, void *data)
{
	struct gen_answer *g = data;
	bool bad = false;
	const struct nlattr *a = nft_msg_is(nlh, NFT_MSG_NEWGEN) ?
		nft_msg_attr(nlh, NFTA_GEN_ID, MNL_TYPE_U32, &bad) : NULL;

	if (bad) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (a) {
		g->id = ntohl(mnl_attr_get_u32(a));
		g->seen = true;
	}
	return MNL_CB_OK;
}

int nft_get_gen(struct nft *n, uint32_t *gen)
{
	char req[REQ_SIZE] = { 0 };
	struct gen_answer g = { 0, false };
	struct nlmsghdr *nlh = nft_req_init(n, req, NFT_MSG_GETGEN, AF_UNSPEC,
					    NLM_F_ACK);

	if (nft_query(n, nlh, gen_cb, &g) < 0)
		return -1;
	if (!g.seen) {
		n->err = EBADMSG;
		return -1;
	}
	*gen = g.id;
	return 0;
}
