/* ipMasq through nsip's nat rules. */
#include "cni/cni_masq.h"

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <libnftnl/chain.h>
#include <libnftnl/rule.h>

#include "cni/cni_jumps.h"
#include "xt/nat_rule.h"
#include "xt/nft.h"

void cni_masq_chain(const char *network, const char *id, char *buf, size_t len)
{
	/* three 32-bit FNV-1a hashes, each seeded apart: 96 bits, 24 digits */
	unsigned int h[3] = { 2166136261u, 2166136261u ^ 0x5bd1e995u,
			      2166136261u ^ 0x27d4eb2du };

	for (int k = 0; k < 3; k++) {
		for (const char *s = network; *s; s++)
			h[k] = (h[k] ^ (unsigned char)*s) * 16777619u;
		h[k] = (h[k] ^ 0xff) * 16777619u;   /* between the two words */
		for (const char *s = id; *s; s++)
			h[k] = (h[k] ^ (unsigned char)*s) * 16777619u;
	}
	snprintf(buf, len, "CNI-%08x%08x%08x", h[0], h[1], h[2]);
}

static int failed(struct nft *n, struct cni_err *e, const char *what)
{
	char t[64];

	return cni_fail(e, CNI_E_GENERIC, "%s: %s", what,
			cni_strerror(n->err ? n->err : EIO, t, sizeof(t)));
}

static uint32_t mask_of(int prefix)
{
	return prefix ? htonl(~0u << (32 - prefix)) : 0;
}

/* One rule into chain, its expressions from r. */
static int put(struct nft *n, const char *chain, const struct nat_rule *r)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();

	if (!nr || nat_rule_to_nftnl(r, nr) < 0) {
		if (nr)
			nftnl_rule_free(nr);
		return -1;
	}
	nft_add_rule(n, chain, nr, NFT_AT_END, 0, false);
	return 0;
}

/* The chain's two rules for a, and the jump to it: into the batch. */
static int put_addr(struct nft *n, const char *chain, const struct cni_ip_addr *a)
{
	struct nat_rule jump = { 0 }, accept = { 0 }, masq = { 0 };
	struct cni_ip_addr net = *a;

	cni_addr_mask(&net);
	accept.dst = (struct nat_addr_match){ net.prefix > 0, false, 0, mask_of(net.prefix) };
	memcpy(&accept.dst.addr, net.bytes, 4);
	accept.target = NAT_T_ACCEPT;
	masq.dst = (struct nat_addr_match){ true, true, htonl(0xe0000000u),
					    htonl(0xf0000000u) };
	masq.target = NAT_T_MASQUERADE;
	jump.src = (struct nat_addr_match){ true, false, 0, 0xffffffffu };
	memcpy(&jump.src.addr, a->bytes, 4);
	jump.target = NAT_T_JUMP;
	snprintf(jump.jump, sizeof(jump.jump), "%s", chain);
	return put(n, chain, &accept) < 0 || put(n, chain, &masq) < 0 ||
	       put(n, "POSTROUTING", &jump) < 0 ? -1 : 0;
}

int cni_masq_add(const char *network, const char *id, const struct cni_ip_addr *a,
		 size_t n_addrs, struct cni_err *e)
{
	char chain[NAT_CHAIN_MAX + 1];
	struct nft n;
	int rc = 0;

	for (size_t i = 0; i < n_addrs; i++)
		if (a[i].family != AF_INET)
			return cni_fail(e, CNI_E_FIELD, "bridge: ipMasq of IPv6 addresses "
					"is not supported by nsip yet");
	cni_masq_chain(network, id, chain, sizeof(chain));
	if (nft_open(&n) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open netfilter netlink");
	nft_begin(&n, &(struct nft_batch_opts){ 0 });
	nft_add_table(&n);
	nft_add_base_chain(&n, "POSTROUTING");
	nft_add_user_chain(&n, chain);
	for (size_t i = 0; rc == 0 && i < n_addrs; i++)
		if (put_addr(&n, chain, &a[i]) < 0)
			rc = cni_fail(e, CNI_E_GENERIC, "failed to build the ipMasq rules");
	if (rc == 0 && nft_commit(&n) < 0)
		rc = failed(&n, e, "failed to set up ipMasq");
	nft_close(&n);
	return rc;
}

int cni_masq_del(const char *network, const char *id, struct cni_err *e)
{
	char chain[NAT_CHAIN_MAX + 1];
	struct cni_jumps j = { chain, { 0 }, 0 };
	struct nft n;
	int rc = 0, there;

	cni_masq_chain(network, id, chain, sizeof(chain));
	if (nft_open(&n) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open netfilter netlink");
	if ((there = cni_chain_there(&n, chain)) <= 0) {
		rc = there == 0 ? 0 : failed(&n, e, "failed to read the ipMasq chain");
		nft_close(&n);
		return rc;
	}
	if (cni_jumps_find(&n, "POSTROUTING", &j) < 0)
		rc = failed(&n, e, "failed to read POSTROUTING");
	if (rc == 0) {
		nft_begin(&n, &(struct nft_batch_opts){ 0 });
		for (size_t i = 0; i < j.n; i++)
			nft_del_rule(&n, "POSTROUTING", j.handles[i]);
		nft_flush(&n, chain);
		nft_del_chain(&n, chain);
		if (nft_commit(&n) < 0)
			rc = failed(&n, e, "failed to tear down ipMasq");
	}
	nft_close(&n);
	return rc;
}
