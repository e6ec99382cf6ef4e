/* ipMasq through nsip's nat rules. */
#include "cni/cni_masq.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "cni/cni_nat.h"
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

/* The chain's two rules for a, and the jump to it: into the batch. */
static int put_addr(struct nft *n, const char *chain, const struct cni_ip_addr *a)
{
	struct nat_rule jump = { 0 }, accept = { 0 }, masq = { 0 };
	struct cni_ip_addr net = *a;

	cni_addr_mask(&net);
	accept.dst = cni_nat_net(&net, net.prefix);
	accept.dst.set = net.prefix > 0;   /* /0: every destination, no -d */
	accept.target = NAT_T_ACCEPT;
	masq.dst = (struct nat_addr_match){ true, true, htonl(0xe0000000u),
					    htonl(0xf0000000u) };
	masq.target = NAT_T_MASQUERADE;
	jump.src = cni_nat_net(a, 32);
	jump.target = NAT_T_JUMP;
	snprintf(jump.jump, sizeof(jump.jump), "%s", chain);
	return cni_nat_put(n, chain, &accept) < 0 || cni_nat_put(n, chain, &masq) < 0 ||
	       cni_nat_put(n, "POSTROUTING", &jump) < 0 ? -1 : 0;
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
		rc = cni_nat_failed(&n, e, "failed to set up ipMasq");
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
		rc = there == 0 ? 0 : cni_nat_failed(&n, e, "failed to read the ipMasq chain");
		nft_close(&n);
		return rc;
	}
	if (cni_jumps_find(&n, "POSTROUTING", &j) < 0)
		rc = cni_nat_failed(&n, e, "failed to read POSTROUTING");
	if (rc == 0) {
		nft_begin(&n, &(struct nft_batch_opts){ 0 });
		for (size_t i = 0; i < j.n; i++)
			nft_del_rule(&n, "POSTROUTING", j.handles[i]);
		nft_flush(&n, chain);
		nft_del_chain(&n, chain);
		if (nft_commit(&n) < 0)
			rc = cni_nat_failed(&n, e, "failed to tear down ipMasq");
	}
	nft_close(&n);
	return rc;
}
