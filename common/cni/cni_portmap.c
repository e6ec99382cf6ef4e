/* portmap's DNAT and hairpin rules through nsip's nat rules. */
#include "cni/cni_portmap.h"

#include <arpa/inet.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>

#include "cni/cni_nat.h"
#include "cni/cni_masq.h"
#include "xt/nat_rule.h"
#include "xt/nft.h"

void cni_portmap_chain(char kind, const char *network, const char *id, char *buf,
		       size_t len)
{
	char h[NAT_CHAIN_MAX + 1];

	cni_masq_chain(network, id, h, sizeof(h));   /* "CNI-" and 24 digits */
	snprintf(buf, len, "CNI-%cN-%.22s", kind, h + 4);
}

/* A jump to the container's chain, found again by its comment (DEL, GC);
 * local: only for what is bound to one of the host's addresses, whenever
 * the host got it (the DNAT jumps). */
static int put_jump(struct nft *n, const char *from, const char *to,
		    const struct pm_spec *s, const struct nat_addr_match *dst,
		    bool local)
{
	struct nat_rule j = { 0 };

	if (dst)
		j.dst = *dst;
	if (local)
		j.addrtype.dst = 1u << RTN_LOCAL;
	snprintf(j.comment, sizeof(j.comment), "dnat name: \"%s\" id: \"%s\"",
		 s->network, s->id);
	j.target = NAT_T_JUMP;
	snprintf(j.jump, sizeof(j.jump), "%s", to);
	return cni_nat_put(n, from, &j);
}

/* DNAT of m's host port (on its hostIP only, when it has one) to the
 * container's port. */
static int put_dnat(struct nft *n, const char *chain, const struct pm_spec *s,
		    const struct pm_mapping *m)
{
	struct nat_rule r = { 0 };

	if (m->host_ip.family)
		r.dst = cni_nat_net(&m->host_ip, 32);
	r.proto_set = true;
	r.proto = m->proto;
	r.dport = (struct nat_port_match){ true, false, m->host_port, m->host_port };
	r.target = NAT_T_DNAT;
	r.has_addr = r.has_ports = true;
	memcpy(&r.addr_lo, s->ctr.bytes, 4);
	r.addr_hi = r.addr_lo;
	r.port_lo = r.port_hi = m->ctr_port;
	return cni_nat_put(n, chain, &r);
}

/* The masquerade of what was DNATed to m from src (hairpin, the host). */
static int put_masq(struct nft *n, const char *chain, const struct pm_spec *s,
		    const struct pm_mapping *m, const struct nat_addr_match *src)
{
	struct nat_rule r = { 0 };

	r.src = *src;
	r.dst = cni_nat_net(&s->ctr, 32);
	r.proto_set = true;
	r.proto = m->proto;
	r.dport = (struct nat_port_match){ true, false, m->ctr_port, m->ctr_port };
	r.target = NAT_T_MASQUERADE;
	return cni_nat_put(n, chain, &r);
}

static int put_mapping(struct nft *n, const char *dn, const char *sn,
		       const struct pm_spec *s, const struct pm_mapping *m)
{
	struct cni_ip_addr lo = { .family = AF_INET, .prefix = 8, .bytes = { 127, 0, 0, 1 } };
	struct nat_addr_match from_lo = cni_nat_net(&lo, 8), from_net = cni_nat_net(&s->ctr, s->ctr.prefix);

	if (put_dnat(n, dn, s, m) < 0)
		return -1;
	if (!s->snat)
		return 0;
	return put_masq(n, sn, s, m, &from_net) < 0 || put_masq(n, sn, s, m, &from_lo) < 0
	       ? -1 : 0;
}

int cni_portmap_add(const struct pm_spec *s, struct cni_err *e)
{
	char dn[NAT_CHAIN_MAX + 1], sn[NAT_CHAIN_MAX + 1];
	struct nat_addr_match to_ctr = cni_nat_net(&s->ctr, 32);
	struct nft n;
	int rc = 0;

	cni_portmap_chain('D', s->network, s->id, dn, sizeof(dn));
	cni_portmap_chain('S', s->network, s->id, sn, sizeof(sn));
	if (nft_open(&n) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open netfilter netlink");
	nft_begin(&n, &(struct nft_batch_opts){ 0 });
	nft_add_table(&n);
	nft_add_base_chain(&n, "PREROUTING");
	nft_add_base_chain(&n, "OUTPUT");
	nft_add_user_chain(&n, dn);
	if (s->snat) {
		nft_add_base_chain(&n, "POSTROUTING");
		nft_add_user_chain(&n, sn);
	}
	for (size_t i = 0; rc == 0 && i < s->n_map; i++)
		if (put_mapping(&n, dn, sn, s, &s->map[i]) < 0)
			rc = -1;
	if (rc == 0 && (put_jump(&n, "PREROUTING", dn, s, NULL, true) < 0 ||
			put_jump(&n, "OUTPUT", dn, s, NULL, true) < 0 ||
			(s->snat && put_jump(&n, "POSTROUTING", sn, s, &to_ctr, false) < 0)))
		rc = -1;
	if (rc < 0)
		cni_fail(e, CNI_E_GENERIC, "failed to build the portmap rules");
	else if (nft_commit(&n) < 0)
		rc = cni_nat_failed(&n, e, "unable to setup DNAT");
	nft_close(&n);
	return rc;
}

int cni_portmap_del(const char *network, const char *id, struct cni_err *e)
{
	char dn[NAT_CHAIN_MAX + 1], sn[NAT_CHAIN_MAX + 1];
	struct cni_jumps pre = { dn, { 0 }, 0 }, out = { dn, { 0 }, 0 }, post = { sn, { 0 }, 0 };
	struct nft n;
	int rc = 0, has_dn, has_sn;

	cni_portmap_chain('D', network, id, dn, sizeof(dn));
	cni_portmap_chain('S', network, id, sn, sizeof(sn));
	if (nft_open(&n) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open netfilter netlink");
	has_dn = cni_chain_there(&n, dn);
	has_sn = has_dn < 0 ? -1 : cni_chain_there(&n, sn);
	if (has_dn < 0 || has_sn < 0)
		rc = cni_nat_failed(&n, e, "failed to read the portmap chains");
	else if ((has_dn && (cni_jumps_find(&n, "PREROUTING", &pre) < 0 ||
			     cni_jumps_find(&n, "OUTPUT", &out) < 0)) ||
		 (has_sn && cni_jumps_find(&n, "POSTROUTING", &post) < 0))
		rc = cni_nat_failed(&n, e, "failed to read the nat chains");
	if (rc == 0 && (has_dn || has_sn)) {
		nft_begin(&n, &(struct nft_batch_opts){ 0 });
		for (size_t i = 0; i < pre.n; i++)
			nft_del_rule(&n, "PREROUTING", pre.handles[i]);
		for (size_t i = 0; i < out.n; i++)
			nft_del_rule(&n, "OUTPUT", out.handles[i]);
		for (size_t i = 0; i < post.n; i++)
			nft_del_rule(&n, "POSTROUTING", post.handles[i]);
		if (has_dn) {
			nft_flush(&n, dn);
			nft_del_chain(&n, dn);
		}
		if (has_sn) {
			nft_flush(&n, sn);
			nft_del_chain(&n, sn);
		}
		if (nft_commit(&n) < 0)
			rc = cni_nat_failed(&n, e, "failed to tear down the portmap rules");
	}
	nft_close(&n);
	return rc;
}

int cni_portmap_exists(const char *network, const char *id, struct cni_err *e)
{
	char dn[NAT_CHAIN_MAX + 1];
	struct nft n;
	int rc;

	cni_portmap_chain('D', network, id, dn, sizeof(dn));
	if (nft_open(&n) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open netfilter netlink");
	rc = cni_chain_there(&n, dn);
	if (rc < 0)
		cni_nat_failed(&n, e, "failed to read the portmap chain");
	nft_close(&n);
	return rc;
}
