/* The nftables floor: what one `iptables -A` or `-D` of W7 cannot be much
 * cheaper than, linked like nsip. Per invocation it does only what the
 * kernel needs: opens a netfilter netlink socket, sends one batch, reads
 * the ack, closes. Nothing is read before the batch (no generation, no
 * cache, no index).
 *   nft_floor -A TABLE CHAIN SADDR    appends the rule nsip writes for
 *       `-A CHAIN -s SADDR -p tcp --dport 80 -j ACCEPT` (the same
 *       expressions: meta l4proto, payload, cmp, counter, accept);
 *   nft_floor -E TABLE CHAIN SADDR    the same with NLM_F_ECHO, and prints
 *       the rule's handle (nsip's -A asks for the echo when its index is
 *       to be kept: W7 at 20,000 rules);
 *   nft_floor -D TABLE CHAIN HANDLE   deletes that chain's rule HANDLE
 *       (what nsip's -D sends once its index has named the handle). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <endian.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>
#include <libnftnl/common.h>
#include <libnftnl/expr.h>
#include <libnftnl/rule.h>

static void put_expr(struct nftnl_rule *r, struct nftnl_expr *e)
{
	nftnl_rule_add_expr(r, e);
}

static void put_cmp(struct nftnl_rule *r, const void *data, size_t len)
{
	struct nftnl_expr *e = nftnl_expr_alloc("cmp");

	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_SREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_CMP_OP, NFT_CMP_EQ);
	nftnl_expr_set(e, NFTNL_EXPR_CMP_DATA, data, (uint32_t)len);
	put_expr(r, e);
}

static void put_payload(struct nftnl_rule *r, uint32_t base, uint32_t off, uint32_t len)
{
	struct nftnl_expr *e = nftnl_expr_alloc("payload");

	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_DREG, NFT_REG_1);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_BASE, base);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_OFFSET, off);
	nftnl_expr_set_u32(e, NFTNL_EXPR_PAYLOAD_LEN, len);
	put_expr(r, e);
}

/* `ip saddr SADDR tcp dport 80 counter accept`, in nsip's order. */
static void put_matches(struct nftnl_rule *r, struct in_addr saddr)
{
	struct nftnl_expr *e = nftnl_expr_alloc("meta");
	uint8_t tcp = IPPROTO_TCP;
	uint16_t port = htons(80);

	nftnl_expr_set_u32(e, NFTNL_EXPR_META_KEY, NFT_META_L4PROTO);
	nftnl_expr_set_u32(e, NFTNL_EXPR_META_DREG, NFT_REG_1);
	put_expr(r, e);
	put_cmp(r, &tcp, sizeof(tcp));
	put_payload(r, NFT_PAYLOAD_NETWORK_HEADER, 12, 4);
	put_cmp(r, &saddr, sizeof(saddr));
	put_payload(r, NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2);
	put_cmp(r, &port, sizeof(port));
	put_expr(r, nftnl_expr_alloc("counter"));
	e = nftnl_expr_alloc("immediate");
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_DREG, NFT_REG_VERDICT);
	nftnl_expr_set_u32(e, NFTNL_EXPR_IMM_VERDICT, NF_ACCEPT);
	put_expr(r, e);
}

/* The batch: begin, the one change (acked), end. Its length. */
static size_t build(char *buf, size_t size, char **argv, uint32_t seq)
{
	struct mnl_nlmsg_batch *b = mnl_nlmsg_batch_start(buf, size);
	struct nftnl_rule *r = nftnl_rule_alloc();
	bool echo = strcmp(argv[1], "-E") == 0, add = echo || !strcmp(argv[1], "-A");
	uint16_t type = add ? NFT_MSG_NEWRULE : NFT_MSG_DELRULE;
	uint16_t flags = NLM_F_ACK | (add ? NLM_F_CREATE | NLM_F_APPEND : 0) |
			 (echo ? NLM_F_ECHO : 0);
	struct in_addr saddr;
	size_t len;

	nftnl_rule_set_u32(r, NFTNL_RULE_FAMILY, NFPROTO_IPV4);
	nftnl_rule_set_str(r, NFTNL_RULE_TABLE, argv[2]);
	nftnl_rule_set_str(r, NFTNL_RULE_CHAIN, argv[3]);
	if (add && inet_pton(AF_INET, argv[4], &saddr) == 1)
		put_matches(r, saddr);
	else if (add)
		return 0;
	else
		nftnl_rule_set_u64(r, NFTNL_RULE_HANDLE, strtoull(argv[4], NULL, 10));
	nftnl_batch_begin(mnl_nlmsg_batch_current(b), seq++);
	mnl_nlmsg_batch_next(b);
	nftnl_rule_nlmsg_build_payload(
		nftnl_nlmsg_build_hdr(mnl_nlmsg_batch_current(b), type,
				      NFPROTO_IPV4, flags, seq++), r);
	mnl_nlmsg_batch_next(b);
	nftnl_batch_end(mnl_nlmsg_batch_current(b), seq);
	mnl_nlmsg_batch_next(b);
	len = mnl_nlmsg_batch_size(b);
	mnl_nlmsg_batch_stop(b);
	nftnl_rule_free(r);
	return len;
}

/* An echoed rule: its handle printed (read in place: libnftnl's parse of
 * the whole rule is more than the floor needs). */
static void print_handle(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (mnl_attr_get_type(a) == NFTA_RULE_HANDLE &&
		    mnl_attr_validate(a, MNL_TYPE_U64) == 0)
			printf("%llu\n", (unsigned long long)be64toh(mnl_attr_get_u64(a)));
}

/* The change's ack (after its echo, if any): 0, or the kernel's error
 * number. */
static int ack(struct mnl_socket *nl, char *buf, size_t size)
{
	for (;;) {
		ssize_t n = mnl_socket_recvfrom(nl, buf, size);
		int left = (int)n;

		if (n <= 0)
			return -1;
		for (struct nlmsghdr *nlh = (struct nlmsghdr *)buf; mnl_nlmsg_ok(nlh, left);
		     nlh = mnl_nlmsg_next(nlh, &left))
			if (nlh->nlmsg_type != NLMSG_ERROR)
				print_handle(nlh);
			else if (nlh->nlmsg_len >= mnl_nlmsg_size(sizeof(struct nlmsgerr)))
				return -((struct nlmsgerr *)mnl_nlmsg_get_payload(nlh))->error;
			else
				return -1;
	}
}

int main(int argc, char **argv)
{
	static char buf[8192];
	struct mnl_socket *nl;
	size_t len;
	int err;

	if (argc != 5 || strlen(argv[1]) != 2 || !strchr("AED", argv[1][1])) {
		fprintf(stderr, "usage: nft_floor -A|-E|-D TABLE CHAIN SADDR|HANDLE\n");
		return 2;
	}
	len = build(buf, sizeof(buf), argv, (uint32_t)time(NULL));
	nl = mnl_socket_open(NETLINK_NETFILTER);
	if (!len || !nl || mnl_socket_bind(nl, 0, MNL_SOCKET_AUTOPID) < 0 ||
	    mnl_socket_sendto(nl, buf, len) < 0)
		return 1;
	err = ack(nl, buf, sizeof(buf));
	mnl_socket_close(nl);
	if (err)
		fprintf(stderr, "nft_floor: %s\n", err > 0 ? strerror(err) : "no ack");
	return err ? 1 : 0;
}
