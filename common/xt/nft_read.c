/* The reads of nsip's table: one chain or all of them, the rules of a
 * chain or of the table streamed as they arrive, one rule by its handle,
 * counters zeroed, and the ruleset's generation. */
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


/* A request is sent, its answers go to cb; a dump that the kernel marks
 * as interrupted (the ruleset changed under it) starts again. */
struct dump {
	mnl_cb_t cb;
	void *data;
	bool interrupted;
	int err;                 /* a callback's failure */
};

/* The answers' callbacks speak libmnl (MNL_CB_*, errno on error); common/nl's
 * loop takes 0 to go on, 1 to stop, -1 for an error (kept in d->err). */
static int dump_msg(const struct nlmsghdr *nlh, void *data)
{
	struct dump *d = data;
	int r;

	if (nlh->nlmsg_flags & NLM_F_DUMP_INTR)
		d->interrupted = true;
	errno = 0;
	r = d->cb(nlh, d->data);
	if (r == MNL_CB_ERROR) {
		d->err = errno ? errno : EBADMSG;
		return -1;
	}
	return r == MNL_CB_STOP ? 1 : 0;
}

/* Sends a request and reads its answer on common/nl's receive loop. */
static int talk(struct nft *n, const struct nlmsghdr *req, struct dump *d)
{
	const struct nl_error *last = &n->nl.last;
	int err;

	n->err_type = NFNL_MSG_TYPE(req->nlmsg_type);   /* a read, if it fails */
	if (mnl_socket_sendto(n->nl.sock, req, req->nlmsg_len) < 0) {
		n->err = errno;
		return -1;
	}
	if (nl_receive(&n->nl, req->nlmsg_seq, dump_msg, d) == 0)
		return 0;
	err = last->err == -1 ? d->err : last->err;
	/* A dump the kernel marked NLM_F_DUMP_INTR is interrupted, not
	 * failed. The rest of it is still queued, so the socket is replaced. */
	if (err == EINTR) {
		d->interrupted = true;
		return nft_reopen(n);
	}
	n->err = err ? err : EBADMSG;
	/* A failed or cut receive, or a malformed answer, may leave the rest
	 * of the answer queued, and the next request would read it as its
	 * own. A kernel refusal is a whole answer. */
	if (!last->kernel)
		nft_restart(n);
	return -1;
}

/* The chains of one nftables table, as their answers come. */
struct chain_dump {
	struct nftnl_chain_list *list;
	const char *table;
};

static int chain_cb(const struct nlmsghdr *nlh, void *data)
{
	struct chain_dump *cd = data;
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
	if (strcmp(nftnl_chain_get_str(c, NFTNL_CHAIN_TABLE), cd->table)) {
		nftnl_chain_free(c);   /* another table's */
		return MNL_CB_OK;
	}
	nftnl_chain_list_add_tail(c, cd->list);
	return MNL_CB_OK;
}

static struct nftnl_chain_list *chains(struct nft *n, const char *name)
{
	for (int tries = 0; tries < NL_DUMP_TRIES; tries++) {
		char req[REQ_SIZE] = { 0 };   /* padding is sent */
		struct nftnl_chain_list *list = nftnl_chain_list_alloc();
		struct nftnl_chain *c = nft_chain_of(n, name);
		struct nlmsghdr *nlh;
		struct chain_dump cd = { list, n->tab->nft_name };
		struct dump d = { chain_cb, &cd, false, 0 };

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
	const char *table;
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
	if (strcmp(v.table, st->table))
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


/* A rule request on chain (the table's rules when chain is NULL): a dump,
 * or with a handle the one rule (read to its ack: whole). */
static int rule_request(struct nft *n, const char *chain, uint16_t type,
			uint64_t handle, struct stream *st)
{
	char req[REQ_SIZE] = { 0 };   /* padding is sent */
	struct nftnl_rule *r = nft_rule_in(n, nftnl_rule_alloc(), chain);
	struct dump d = { stream_cb, st, false, 0 };
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
	struct stream st = { n->tab->nft_name, fn, data, false, false };
	int ret = rule_request(n, chain, reset ? NFT_MSG_GETRULE_RESET : NFT_MSG_GETRULE,
			       0, &st);

	if (ret < 0)
		return -1;
	if (st.stopped)
		return nft_reopen(n);
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
	struct nftnl_rule *r = nft_rule_in(n, nftnl_rule_alloc(), chain);
	struct dump d = { ignore_msg, NULL, false, 0 };
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
	struct stream st = { n->tab->nft_name, fn, data, false, true };

	return rule_request(n, chain, NFT_MSG_GETRULE, handle, &st) < 0 ? -1 : 0;
}

struct nlmsghdr *nft_req_init(struct nft *n, char *buf, uint16_t type,
			      uint16_t family, uint16_t flags)
{
	return nftnl_nlmsg_build_hdr(buf, type, family, flags, n->seq++);
}

int nft_query(struct nft *n, const struct nlmsghdr *req, mnl_cb_t cb, void *data)
{
	struct dump d = { cb, data, false, 0 };

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

