/* -m multiport's anonymous set: made in the batch of the rule that looks
 * its ports up, bound to that rule, and gone with it (the kernel frees an
 * anonymous set when its rule goes). An interval set of inet_service keys,
 * written as nft writes one: each interval's first port, and the port
 * after its last marked as an interval's end (--ports: see add_pairs). */
#include "xt/nft.h"
#include "xt/nft_private.h"

#include <arpa/inet.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <libnftnl/set.h>

#include "xt/multiport.h"
#include "xt/nat_rule.h"

#define SET_NAME "__set%d"     /* the kernel names an anonymous set */
#define TYPE_INET_SERVICE 13   /* nft's type for ports */
#define TYPE_FIB_ADDR 38      /* nft's type for route types */
#define TYPE_BITS 6            /* nft's concatenated types: 6 bits each */
#define FIRST_SET_ID 0x10000   /* above the ids of nsip's index sets */

uint32_t nft_next_set_id(struct nft *n)
{
	if (n->set_ids < FIRST_SET_ID)
		n->set_ids = FIRST_SET_ID;
	return ++n->set_ids;
}

static struct nftnl_set *port_set(const struct nft *n, uint32_t id)
{
	struct nftnl_set *s = nftnl_set_alloc();

	if (!s)
		return NULL;
	nftnl_set_set_str(s, NFTNL_SET_TABLE, n->tab->nft_name);
	nftnl_set_set_str(s, NFTNL_SET_NAME, SET_NAME);
	nftnl_set_set_u32(s, NFTNL_SET_FAMILY, NFPROTO_IPV4);
	nftnl_set_set_u32(s, NFTNL_SET_ID, id);
	return s;
}

static int add_elem(struct nftnl_set *s, uint16_t port, bool end)
{
	struct nftnl_set_elem *e = nftnl_set_elem_alloc();
	uint16_t key = htons(port);

	if (!e)
		return -1;
	nftnl_set_elem_set(e, NFTNL_SET_ELEM_KEY, &key, sizeof(key));
	if (end)
		nftnl_set_elem_set_u32(e, NFTNL_SET_ELEM_FLAGS, NFT_SET_ELEM_INTERVAL_END);
	nftnl_set_elem_add(s, e);
	return 0;
}

/* The elements: an end at 0 first unless the first interval starts
 * there, then each interval's bounds. */
static int add_elems(struct nftnl_set *s, const struct xt_multiport *m)
{
	uint16_t lo[XT_MULTI_PORTS], hi[XT_MULTI_PORTS];
	size_t n = xt_multiport_intervals(m, lo, hi);

	if (n && lo[0] != 0 && add_elem(s, 0, true) < 0)
		return -1;
	for (size_t k = 0; k < n; k++) {
		if (add_elem(s, lo[k], false) < 0)
			return -1;
		if (hi[k] != 65535 && add_elem(s, (uint16_t)(hi[k] + 1), true) < 0)
			return -1;
	}
	return 0;
}

static void put_set_msg(struct nft *n, struct nftnl_set *s, uint16_t type,
			bool elems)
{
	struct nlmsghdr *nlh = nft_msg(n, type, NLM_F_CREATE);

	if (!nlh)
		return;
	if (elems)
		nftnl_set_elems_nlmsg_build_payload(nlh, s);
	else
		nftnl_set_nlmsg_build_payload(nlh, s);
	nft_msg_done(n);
}

/* --ports: a key of source port . destination port (each in a 32-bit
 * register's place), matched as nft writes "th sport . th dport { 0-65535
 * . P, P . 0-65535 }": one element with the other port any for each
 * interval and side, its first key and last key. */
static int add_pair(struct nftnl_set *s, uint16_t slo, uint16_t shi,
		    uint16_t dlo, uint16_t dhi)
{
	struct nftnl_set_elem *e = nftnl_set_elem_alloc();
	uint32_t key[2] = { htons(slo), htons(dlo) };
	uint32_t end[2] = { htons(shi), htons(dhi) };

	if (!e)
		return -1;
	nftnl_set_elem_set(e, NFTNL_SET_ELEM_KEY, key, sizeof(key));
	nftnl_set_elem_set(e, NFTNL_SET_ELEM_KEY_END, end, sizeof(end));
	nftnl_set_elem_add(s, e);
	return 0;
}

static int add_pairs(struct nftnl_set *s, const struct xt_multiport *m)
{
	uint16_t lo[XT_MULTI_PORTS], hi[XT_MULTI_PORTS];
	size_t n = xt_multiport_intervals(m, lo, hi);

	for (size_t k = 0; k < n; k++)
		if (add_pair(s, 0, 65535, lo[k], hi[k]) < 0 ||
		    add_pair(s, lo[k], hi[k], 0, 65535) < 0)
			return -1;
	return 0;
}

static void set_key(struct nftnl_set *s, bool pair)
{
	static const uint8_t fields[2] = { sizeof(uint16_t), sizeof(uint16_t) };

	if (!pair) {
		nftnl_set_set_u32(s, NFTNL_SET_FLAGS, NFT_SET_ANONYMOUS |
				  NFT_SET_CONSTANT | NFT_SET_INTERVAL);
		nftnl_set_set_u32(s, NFTNL_SET_KEY_TYPE, TYPE_INET_SERVICE);
		nftnl_set_set_u32(s, NFTNL_SET_KEY_LEN, sizeof(uint16_t));
		return;
	}
	nftnl_set_set_u32(s, NFTNL_SET_FLAGS, NFT_SET_ANONYMOUS | NFT_SET_CONSTANT |
			  NFT_SET_INTERVAL | NFT_SET_CONCAT);
	nftnl_set_set_u32(s, NFTNL_SET_KEY_TYPE,
			  TYPE_INET_SERVICE << TYPE_BITS | TYPE_INET_SERVICE);
	nftnl_set_set_u32(s, NFTNL_SET_KEY_LEN, 2 * sizeof(uint32_t));
	nftnl_set_set_data(s, NFTNL_SET_DESC_CONCAT, fields, sizeof(fields));
}

void nft_add_port_set(struct nft *n, uint32_t id, const struct xt_multiport *m)
{
	struct nftnl_set *s = port_set(n, id);

	if (!s) {
		n->overflow = true;
		return;
	}
	set_key(s, m->any);
	put_set_msg(n, s, NFT_MSG_NEWSET, false);
	nftnl_set_free(s);
	s = port_set(n, id);
	if (!s || (m->any ? add_pairs(s, m) : add_elems(s, m)) < 0)
		n->overflow = true;
	else
		put_set_msg(n, s, NFT_MSG_NEWSETELEM, true);
	if (s)
		nftnl_set_free(s);
}

/* ---- -m addrtype's types ---------------------------------------------- */

static bool several(uint16_t mask)
{
	return mask & (mask - 1);
}

/* A set of route types (fib's result, host order), one element each. */
static void add_type_set(struct nft *n, uint32_t id, uint16_t mask)
{
	struct nftnl_set *s = port_set(n, id);

	if (!s) {
		n->overflow = true;
		return;
	}
	nftnl_set_set_u32(s, NFTNL_SET_FLAGS, NFT_SET_ANONYMOUS | NFT_SET_CONSTANT);
	nftnl_set_set_u32(s, NFTNL_SET_KEY_TYPE, TYPE_FIB_ADDR);
	nftnl_set_set_u32(s, NFTNL_SET_KEY_LEN, sizeof(uint32_t));
	put_set_msg(n, s, NFT_MSG_NEWSET, false);
	nftnl_set_free(s);
	if (!(s = port_set(n, id))) {
		n->overflow = true;
		return;
	}
	for (uint32_t t = 0; t < 16; t++) {
		struct nftnl_set_elem *e;

		if (!(mask & 1u << t))
			continue;
		if (!(e = nftnl_set_elem_alloc())) {
			n->overflow = true;
			break;
		}
		nftnl_set_elem_set(e, NFTNL_SET_ELEM_KEY, &t, sizeof(t));
		nftnl_set_elem_add(s, e);
	}
	put_set_msg(n, s, NFT_MSG_NEWSETELEM, true);
	nftnl_set_free(s);
}

void nft_rule_set_ids(struct nft *n, struct nat_rule *r)
{
	if (r->mport.set)
		r->mport.set_id = nft_next_set_id(n);
	if (several(r->addrtype.src))
		r->addrtype.src_set_id = nft_next_set_id(n);
	if (several(r->addrtype.dst))
		r->addrtype.dst_set_id = nft_next_set_id(n);
}

void nft_add_rule_sets(struct nft *n, const struct nat_rule *r)
{
	if (r->mport.set)
		nft_add_port_set(n, r->mport.set_id, &r->mport);
	if (several(r->addrtype.src))
		add_type_set(n, r->addrtype.src_set_id, r->addrtype.src);
	if (several(r->addrtype.dst))
		add_type_set(n, r->addrtype.dst_set_id, r->addrtype.dst);
}
