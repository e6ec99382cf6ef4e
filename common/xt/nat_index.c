#include "xt/nat_index.h"
#include "xt/filter_read.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <endian.h>
#include <linux/netfilter.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

#define INDEX_SET "nsip-index"
#define GEN_SET "nsip-gen"
#define DATA_LEN 16        /* handle (8, big endian), count (4), zero (4) */
/* nft's types for the keys and data, so that `nft list ruleset` shows the
 * sets in words it reads back (nft -f): 16 bytes as an IPv6 address, the
 * generation as a mark. */
#define TYPE_IP6ADDR 8
#define TYPE_MARK 19
#define ELEMS_PER_MSG 256  /* some 14 KiB a message */

/* ---- the digest ------------------------------------------------------- */

/* The compared fields, written one after the other in a fixed order; a
 * field that nat_rule_same ignores (a port of a match that is not set) is
 * left out, so that it cannot make two same rules differ. */
struct canon {
	uint8_t b[1024];   /* a chain, a comment and a log prefix fit */
	size_t n;
};

static void put_bytes(struct canon *c, const void *p, size_t len)
{
	if (c->n + len > sizeof(c->b))
		len = sizeof(c->b) - c->n;
	memcpy(c->b + c->n, p, len);
	c->n += len;
}

static void put_u8(struct canon *c, unsigned int v)
{
	uint8_t b = (uint8_t)v;

	put_bytes(c, &b, 1);
}

static void put_u32(struct canon *c, uint32_t v)
{
	put_bytes(c, &v, sizeof(v));
}

static void put_str(struct canon *c, const char *s, size_t max)
{
	size_t len = strnlen(s, max);

	put_u8(c, (unsigned int)len);
	put_bytes(c, s, len);
}

static void put_addr(struct canon *c, const struct nat_addr_match *m)
{
	put_u8(c, m->set);
	if (m->set) {
		put_u8(c, m->neg);
		put_u32(c, m->addr);
		put_u32(c, m->mask);
	}
}

static void put_if(struct canon *c, const struct nat_if_match *m)
{
	put_u8(c, m->set);
	if (m->set) {
		put_u8(c, m->neg);
		put_u8(c, m->wildcard);
		put_str(c, m->name, sizeof(m->name));
	}
}

static void put_port(struct canon *c, const struct nat_port_match *m)
{
	put_u8(c, m->set);
	if (m->set) {
		put_u8(c, m->neg);
		put_u32(c, (uint32_t)m->lo << 16 | m->hi);
	}
}

static void put_target(struct canon *c, const struct nat_rule *r)
{
	put_u8(c, r->target);
	put_u8(c, r->has_addr);
	put_u8(c, r->has_ports);
	put_u8(c, r->random);
	/* Only when set, so that digests of rules without them stay as
	 * they were. */
	if (r->random_fully || r->persistent)
		put_u8(c, (uint8_t)(0x80 | r->random_fully | r->persistent << 1));
	if (r->target == NAT_T_JUMP)
		put_str(c, r->jump, sizeof(r->jump));
	if (r->has_addr) {
		put_u32(c, r->addr_lo);
		put_u32(c, r->addr_hi);
	}
	if (r->has_ports)
		put_u32(c, (uint32_t)r->port_lo << 16 | r->port_hi);
	put_u8(c, r->go);
	if (r->target == NAT_T_REJECT) {
		put_u8(c, r->reject.tcp_reset);
		put_u8(c, r->reject.icmp_code);
	}
	if (r->target == NAT_T_LOG) {
		put_str(c, r->log.prefix, sizeof(r->log.prefix));
		put_u8(c, r->log.level);
		put_u8(c, r->log.flags);
	}
}

static void put_range(struct canon *c, unsigned int tag, const struct xt_range *m)
{
	if (!m->set)
		return;
	put_u8(c, tag | m->neg);
	put_u32(c, m->lo);
	put_u32(c, m->hi);
}

/* length, iprange, limit and addrtype: only when set, so that the digests
 * of rules without them stay as they were. */
static void put_new_matches(struct canon *c, const struct nat_rule *r)
{
	const struct xt_addrtype_match *a = &r->addrtype;

	if (r->length.set) {
		put_u8(c, 0x10 | r->length.neg);
		put_u32(c, (uint32_t)r->length.lo << 16 | r->length.hi);
	}
	put_range(c, 0x20, &r->iprange.src);
	put_range(c, 0x30, &r->iprange.dst);
	if (r->limit.set) {
		put_u8(c, 0x40);
		put_u32(c, r->limit.avg);
		put_u32(c, r->limit.burst);
	}
	if (a->src || a->dst) {
		put_u8(c, (uint8_t)(0x50 | (a->src && a->src_neg) | (a->dst && a->dst_neg) << 1 |
				    a->limit_in << 2 | a->limit_out << 3));
		put_u32(c, (uint32_t)a->src << 16 | a->dst);
	}
}

/* The filter table's matches, as nat_rule_same compares them. */
static void put_extras(struct canon *c, const struct nat_rule *r)
{
	put_u8(c, (uint8_t)(r->tcpf_set | r->tcpf_neg << 1 | r->ct.set << 2 |
			    r->ct.neg << 3 | r->ct.as_state << 4));
	/* Only what rules before --tcp-flags and --icmp-type lacked, so that
	 * their digests stay as they were. */
	if (r->tcpf_set && (r->tcpf_mask != SYN_MASK || r->tcpf_comp != SYN_FLAGS)) {
		put_u8(c, r->tcpf_mask);
		put_u8(c, r->tcpf_comp);
	}
	if (r->mark.set) {
		put_u8(c, (uint8_t)(0x40 | r->mark.neg));
		put_u32(c, r->mark.value);
		put_u32(c, r->mark.mask);
	}
	if (r->icmp.set) {
		put_u8(c, (uint8_t)(0x80 | r->icmp.neg));
		put_u8(c, r->icmp.type);
		put_u8(c, r->icmp.code_min);
		put_u8(c, r->icmp.code_max);
	}
	if (r->ct.set)
		put_u32(c, r->ct.states);
	put_u8(c, (uint8_t)(r->mport.set | r->mport.neg << 1 | r->mport.src << 2 |
			    r->mport.any << 3));
	if (r->mport.set) {
		put_u8(c, r->mport.n);
		for (unsigned int k = 0; k < r->mport.n; k++)
			put_u32(c, (uint32_t)r->mport.lo[k] << 16 | r->mport.hi[k]);
	}
	put_str(c, r->comment, sizeof(r->comment));
	put_new_matches(c, r);
	uint8_t order[XT_M_KINDS];
	size_t n = xt_match_order(r, order);

	put_bytes(c, order, n);
}

static uint64_t rotl(uint64_t v, int k)
{
	return v << k | v >> (64 - k);
}

static uint64_t fmix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	return h ^ (h >> 33);
}

/* 128 bits from two lanes that feed each other: not for adversaries (a
 * collision only costs a read of the chain: hits are checked), but wide
 * enough that rules never meet by chance. */
static void hash128(const uint8_t *p, size_t len, uint8_t out[16])
{
	uint64_t h1 = 0x6e7369702d6e6174ULL, h2 = 0x9e3779b97f4a7c15ULL;

	for (size_t i = 0; i < len; i += 8) {
		uint64_t w = 0;

		memcpy(&w, p + i, len - i < 8 ? len - i : 8);
		h1 = rotl(h1 ^ (w * 0x87c37b91114253d5ULL), 31) * 5 + h2;
		h2 = rotl(h2 ^ (w * 0x4cf5ad432745937fULL), 27) * 7 + h1;
	}
	h1 = fmix(h1 ^ len);
	h2 = fmix(h2 ^ h1);
	h1 += h2;
	memcpy(out, &h1, 8);
	memcpy(out + 8, &h2, 8);
}

void nat_digest(const char *chain, const struct nat_rule *r, struct nat_digest *d)
{
	struct canon c = { .n = 0 };

	put_str(&c, chain, 255);
	put_u8(&c, r->proto_set);
	if (r->proto_set) {
		put_u8(&c, r->proto);
		put_u8(&c, r->proto_neg);
	}
	put_addr(&c, &r->src);
	put_addr(&c, &r->dst);
	put_if(&c, &r->in);
	put_if(&c, &r->out);
	put_port(&c, &r->sport);
	put_port(&c, &r->dport);
	put_extras(&c, r);
	put_target(&c, r);
	hash128(c.b, c.n, d->b);
}

/* ---- reads ------------------------------------------------------------ */

struct elem_answer {
	bool found;
	uint8_t data[DATA_LEN];
	bool has_data;
};

/* The data of the first element of a NEWSETELEM answer: every level is
 * checked to be nested before it is walked. */
static void read_elem(const struct nlattr *elem, struct elem_answer *ans)
{
	const struct nlattr *a, *v;

	mnl_attr_for_each_nested(a, elem) {
		if (mnl_attr_get_type(a) != NFTA_SET_ELEM_DATA ||
		    mnl_attr_validate(a, MNL_TYPE_NESTED) < 0)
			continue;
		mnl_attr_for_each_nested(v, a) {
			if (mnl_attr_get_type(v) == NFTA_DATA_VALUE &&
			    mnl_attr_get_payload_len(v) == DATA_LEN) {
				memcpy(ans->data, mnl_attr_get_payload(v), DATA_LEN);
				ans->has_data = true;
			}
		}
	}
}

static int elem_cb(const struct nlmsghdr *nlh, void *data)
{
	struct elem_answer *ans = data;
	bool bad = false;
	const struct nlattr *elem, *list = nft_msg_is(nlh, NFT_MSG_NEWSETELEM) ?
		nft_msg_attr(nlh, NFTA_SET_ELEM_LIST_ELEMENTS, MNL_TYPE_NESTED, &bad) :
		NULL;

	if (bad) {
		errno = EBADMSG;
		return MNL_CB_ERROR;
	}
	if (!list)
		return MNL_CB_OK;
	mnl_attr_for_each_nested(elem, list) {
		if (mnl_attr_get_type(elem) != NFTA_LIST_ELEM ||
		    mnl_attr_validate(elem, MNL_TYPE_NESTED) < 0)
			continue;
		ans->found = true;
		read_elem(elem, ans);
		break;
	}
	return MNL_CB_OK;
}

static void put_key(struct nlmsghdr *nlh, uint16_t type, const void *key, size_t len)
{
	struct nlattr *k = mnl_attr_nest_start(nlh, type);

	mnl_attr_put(nlh, NFTA_DATA_VALUE, len, key);
	mnl_attr_nest_end(nlh, k);
}

/* One element, its key and (for the map) its data. */
static void put_elem(struct nlmsghdr *nlh, const void *key, size_t len,
		     const void *data)
{
	struct nlattr *e = mnl_attr_nest_start(nlh, NFTA_LIST_ELEM);

	put_key(nlh, NFTA_SET_ELEM_KEY, key, len);
	if (data)
		put_key(nlh, NFTA_SET_ELEM_DATA, data, DATA_LEN);
	mnl_attr_nest_end(nlh, e);
}

/* 1 and ans filled, 0 no such element (or set, or table), -1 failure. */
static int get_elem(struct nft *n, const char *set, const void *key, size_t len,
		    struct elem_answer *ans)
{
	char req[512] = { 0 };   /* padding is sent */
	struct nlmsghdr *nlh = nft_req_init(n, req, NFT_MSG_GETSETELEM,
					    NFPROTO_IPV4, NLM_F_ACK);
	struct nlattr *list;

	memset(ans, 0, sizeof(*ans));
	mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_TABLE, n->tab->nft_name);
	mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_SET, set);
	list = mnl_attr_nest_start(nlh, NFTA_SET_ELEM_LIST_ELEMENTS);
	put_elem(nlh, key, len, NULL);
	mnl_attr_nest_end(nlh, list);
	if (nft_query(n, nlh, elem_cb, ans) < 0)
		return n->err == ENOENT ? 0 : -1;
	return ans->found;
}

int nat_index_trusted(struct nft *n, uint32_t *gen)
{
	struct elem_answer ans;
	uint32_t key;

	if (nft_get_gen(n, gen) < 0)
		return -1;
	key = htonl(*gen);
	return get_elem(n, GEN_SET, &key, sizeof(key), &ans);
}

int nat_index_get(struct nft *n, const struct nat_digest *d,
		  struct nat_index_entry *e)
{
	struct elem_answer ans;
	uint64_t handle;
	uint32_t count;
	int ret = get_elem(n, INDEX_SET, d->b, sizeof(d->b), &ans);

	if (ret <= 0)
		return ret;
	if (!ans.has_data) {
		n->err = EBADMSG;
		return -1;
	}
	memcpy(&handle, ans.data, 8);
	memcpy(&count, ans.data + 8, 4);
	e->handle = be64toh(handle);
	e->count = ntohl(count);
	return 1;
}

/* ---- changes ---------------------------------------------------------- */

static void put_set(struct nft *n, const char *name, uint32_t flags,
		    uint32_t key_type, uint32_t key_len, uint32_t data_len, uint32_t id)
{
	struct nlmsghdr *nlh = nft_msg(n, NFT_MSG_NEWSET, NLM_F_CREATE);

	if (!nlh)
		return;
	mnl_attr_put_strz(nlh, NFTA_SET_TABLE, n->tab->nft_name);
	mnl_attr_put_strz(nlh, NFTA_SET_NAME, name);
	mnl_attr_put_u32(nlh, NFTA_SET_FLAGS, htonl(flags));
	mnl_attr_put_u32(nlh, NFTA_SET_KEY_TYPE, htonl(key_type));
	mnl_attr_put_u32(nlh, NFTA_SET_KEY_LEN, htonl(key_len));
	if (data_len) {
		mnl_attr_put_u32(nlh, NFTA_SET_DATA_TYPE, htonl(TYPE_IP6ADDR));
		mnl_attr_put_u32(nlh, NFTA_SET_DATA_LEN, htonl(data_len));
	}
	mnl_attr_put_u32(nlh, NFTA_SET_ID, htonl(id));
	nft_msg_done(n);
}

void nat_index_create(struct nft *n)
{
	put_set(n, INDEX_SET, NFT_SET_MAP, TYPE_IP6ADDR, NAT_DIGEST_LEN, DATA_LEN, 1);
	put_set(n, GEN_SET, 0, TYPE_MARK, sizeof(uint32_t), 0, 2);
}

/* The head of an element message for set; its elements follow in the
 * nest returned. */
static struct nlattr *elems_begin(struct nft *n, uint16_t type, const char *set,
				  struct nlmsghdr **nlh)
{
	*nlh = nft_msg(n, type, type == NFT_MSG_NEWSETELEM ? NLM_F_CREATE : 0);
	if (!*nlh)
		return NULL;
	mnl_attr_put_strz(*nlh, NFTA_SET_ELEM_LIST_TABLE, n->tab->nft_name);
	mnl_attr_put_strz(*nlh, NFTA_SET_ELEM_LIST_SET, set);
	return mnl_attr_nest_start(*nlh, NFTA_SET_ELEM_LIST_ELEMENTS);
}

static void elems_end(struct nft *n, struct nlmsghdr *nlh, struct nlattr *list)
{
	mnl_attr_nest_end(nlh, list);
	nft_msg_done(n);
}

/* A message without elements flushes the set. */
static void flush_set(struct nft *n, const char *set)
{
	struct nlmsghdr *nlh = nft_msg(n, NFT_MSG_DELSETELEM, 0);

	if (!nlh)
		return;
	mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_TABLE, n->tab->nft_name);
	mnl_attr_put_strz(nlh, NFTA_SET_ELEM_LIST_SET, set);
	nft_msg_done(n);
}

void nat_index_clear(struct nft *n)
{
	flush_set(n, INDEX_SET);
	flush_set(n, GEN_SET);
}

void nat_index_forget_gens(struct nft *n)
{
	flush_set(n, GEN_SET);
}

static void entry_data(const struct nat_index_entry *e, uint8_t out[DATA_LEN])
{
	uint64_t handle = htobe64(e->handle);
	uint32_t count = htonl(e->count);

	memset(out, 0, DATA_LEN);
	memcpy(out, &handle, 8);
	memcpy(out + 8, &count, 4);
}

void nat_index_put(struct nft *n, const struct nat_digest *d,
		   const struct nat_index_entry *e)
{
	uint8_t data[DATA_LEN];
	struct nlmsghdr *nlh;
	struct nlattr *list = elems_begin(n, NFT_MSG_NEWSETELEM, INDEX_SET, &nlh);

	if (!list)
		return;
	entry_data(e, data);
	put_elem(nlh, d->b, sizeof(d->b), data);
	elems_end(n, nlh, list);
}

void nat_index_del(struct nft *n, const struct nat_digest *d)
{
	struct nlmsghdr *nlh;
	struct nlattr *list = elems_begin(n, NFT_MSG_DELSETELEM, INDEX_SET, &nlh);

	if (!list)
		return;
	put_elem(nlh, d->b, sizeof(d->b), NULL);
	elems_end(n, nlh, list);
}

void nat_index_stamp(struct nft *n, uint32_t gen)
{
	uint32_t key = htonl(gen);
	struct nlmsghdr *nlh;
	struct nlattr *list = elems_begin(n, NFT_MSG_NEWSETELEM, GEN_SET, &nlh);

	if (!list)
		return;
	put_elem(nlh, &key, sizeof(key), NULL);
	elems_end(n, nlh, list);
}

/* ---- a whole index ---------------------------------------------------- */

struct nat_index_item {
	struct nat_digest d;
	uint64_t handle;
	size_t seq;          /* table order */
};

void nat_index_build_add(struct nat_index_build *b, const char *chain,
			 const struct nat_rule *r, uint64_t handle)
{
	if (b->failed)
		return;
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 256;
		struct nat_index_item *v = realloc(b->v, cap * sizeof(*v));

		if (!v) {
			b->failed = true;
			return;
		}
		b->v = v;
		b->cap = cap;
	}
	nat_digest(chain, r, &b->v[b->n].d);
	b->v[b->n].handle = handle;
	b->v[b->n].seq = b->n;
	b->n++;
}

static int by_digest(const void *pa, const void *pb)
{
	const struct nat_index_item *a = pa, *b = pb;
	int c = memcmp(a->d.b, b->d.b, NAT_DIGEST_LEN);

	if (c)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void nat_index_build_put(struct nft *n, struct nat_index_build *b, uint64_t skip)
{
	struct nlmsghdr *nlh = NULL;
	struct nlattr *list = NULL;
	unsigned int in_msg = 0;

	if (b->n)
		qsort(b->v, b->n, sizeof(*b->v), by_digest);
	for (size_t i = 0, j; i < b->n; i = j) {
		struct nat_index_entry e = { 0, 0 };
		uint8_t data[DATA_LEN];

		for (j = i; j < b->n && !memcmp(b->v[j].d.b, b->v[i].d.b,
						NAT_DIGEST_LEN); j++) {
			if (b->v[j].handle == skip)
				continue;
			if (!e.count++)
				e.handle = b->v[j].handle;
		}
		if (!e.count)
			continue;
		if (!list && !(list = elems_begin(n, NFT_MSG_NEWSETELEM, INDEX_SET,
						  &nlh)))
			return;
		entry_data(&e, data);
		put_elem(nlh, b->v[i].d.b, NAT_DIGEST_LEN, data);
		if (++in_msg == ELEMS_PER_MSG) {
			elems_end(n, nlh, list);
			list = NULL;
			in_msg = 0;
		}
	}
	if (list)
		elems_end(n, nlh, list);
}

void nat_index_build_free(struct nat_index_build *b)
{
	free(b->v);
	memset(b, 0, sizeof(*b));
}
