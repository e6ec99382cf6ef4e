/* nsip's nftables socket and table: opening and replacing the socket, the
 * built-in chains (as xt_table.h describes them), the table's objects named for a message, and the checks
 * of an answer's header and attributes. (One batch: nft_batch.c; the
 * reads: nft_read.c.) */
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

int nft_open(struct nft *n)
{
	memset(n, 0, sizeof(*n));
	/* Not handed on to what `netns exec` runs (see nl_open). */
	n->nl.sock = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);
	if (!n->nl.sock || mnl_socket_bind(n->nl.sock, 0, MNL_SOCKET_AUTOPID) < 0) {
		errmsg("cannot open a netfilter netlink socket: %s%s",
		       strerror(errno), privilege_hint(errno));
		nl_close(&n->nl);
		return -1;
	}
	n->nl.rbuf = malloc(NL_RECV_SIZE);
	if (!n->nl.rbuf) {
		errmsg("Out of memory");
		nl_close(&n->nl);
		return -1;
	}
	n->nl.portid = mnl_socket_get_portid(n->nl.sock);
	n->seq = (uint32_t)time(NULL);
	n->tab = &xt_table_nat;
	return 0;
}

void nft_close(struct nft *n)
{
	if (n->batch)
		mnl_nlmsg_batch_stop(n->batch);
	free(n->buf);
	free(n->changes);
	nl_close(&n->nl);
	memset(n, 0, sizeof(*n));
}


struct nftnl_chain *nft_chain_of(const struct nft *n, const char *name)
{
	struct nftnl_chain *c = nftnl_chain_alloc();

	if (c) {
		nftnl_chain_set_str(c, NFTNL_CHAIN_TABLE, n->tab->nft_name);
		if (name)
			nftnl_chain_set_str(c, NFTNL_CHAIN_NAME, name);
	}
	return c;
}


struct nftnl_chain *nft_base_chain_of(const struct nft *n, const char *name)
{
	struct nftnl_chain *c = nft_chain_of(n, name);
	const struct xt_base_chain *b = xt_table_chain(n->tab, name);

	if (c && b) {
		nftnl_chain_set_str(c, NFTNL_CHAIN_TYPE, n->tab->chain_type);
		nftnl_chain_set_u32(c, NFTNL_CHAIN_HOOKNUM, b->hook);
		nftnl_chain_set_s32(c, NFTNL_CHAIN_PRIO, b->prio);
	}
	return c;
}

struct nftnl_rule *nft_rule_in(const struct nft *n, struct nftnl_rule *r,
			       const char *chain)
{
	if (r) {
		nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_IPV4);
		nftnl_rule_set_str(r, NFTNL_RULE_TABLE, n->tab->nft_name);
		if (chain)
			nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, chain);
	}
	return r;
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


/* A new socket in place of one with an unread dump in it. */
int nft_reopen(struct nft *n)
{
	struct mnl_socket *s = mnl_socket_open2(NETLINK_NETFILTER, SOCK_CLOEXEC);

	if (!s || mnl_socket_bind(s, 0, MNL_SOCKET_AUTOPID) < 0) {
		n->err = errno;
		if (s)
			mnl_socket_close(s);
		return -1;
	}
	mnl_socket_close(n->nl.sock);
	n->nl.sock = s;
	n->nl.portid = mnl_socket_get_portid(s);
	return 0;
}

/* A fresh socket in place of one whose stream is out of step, keeping the
 * error that put it so. Closing may wait (see BENCHMARKS.md): only done
 * after a failure. */
void nft_restart(struct nft *n)
{
	int err = n->err;

	nft_reopen(n);
	n->err = err;
}

