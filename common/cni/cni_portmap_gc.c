/* portmap's GC (spec 1.1): the DNAT rules of containers the runtime no
 * longer has. Each container's jump from PREROUTING carries the comment
 * `dnat name: "NETWORK" id: "ID"`, as the reference's does: the stale ids
 * of this network are read from those comments, and each one's rules go
 * as its DEL would take them. */
#include "cni/cni_portmap.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cni/cni_nat.h"

/* Stale containers taken away by one GC; a later GC takes the rest. */
#define GC_IDS_MAX 256

struct stale {
	const char *network;
	cni_keep_id_fn *keep;
	void *data;
	char *ids[GC_IDS_MAX];
	size_t n;
};

/* The container id in a jump's comment when it names network; NULL else. */
static char *comment_id(const char *comment, const char *network)
{
	char head[640];   /* a network name of any sane length */
	size_t h, len;

	h = (size_t)snprintf(head, sizeof(head), "dnat name: \"%s\" id: \"", network);
	len = strlen(comment);
	if (h >= sizeof(head) || strncmp(comment, head, h) || len <= h + 1 ||
	    comment[len - 1] != '"')
		return NULL;
	return strndup(comment + h, len - h - 1);
}

static bool seen(const struct stale *s, const char *id)
{
	for (size_t i = 0; i < s->n; i++)
		if (!strcmp(s->ids[i], id))
			return true;
	return false;
}

static int take_stale(const struct nft_rule_view *v, void *data)
{
	struct stale *s = data;
	struct nat_rule r;
	char *id;

	if (nat_rule_from_view(v, &r) < 0 || r.target != NAT_T_JUMP ||
	    !(id = comment_id(r.comment, s->network)))
		return 0;
	if (s->keep(id, s->data) || seen(s, id) || s->n == GC_IDS_MAX)
		free(id);
	else
		s->ids[s->n++] = id;
	return 0;
}

static void forget(struct stale *s)
{
	while (s->n)
		free(s->ids[--s->n]);
}

int cni_portmap_gc(const char *network, cni_keep_id_fn *keep, void *data,
		   struct cni_err *e)
{
	struct stale s = { network, keep, data, { 0 }, 0 };
	struct nft n;
	int got, rc = 0;

	if (nft_open(&n) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open netfilter netlink");
	do {
		forget(&s);
		got = nft_each_rule(&n, "PREROUTING", false, take_stale, &s);
	} while (got == NFT_RESTART);
	if (got < 0 && n.err != ENOENT)
		rc = cni_nat_failed(&n, e, "failed to read PREROUTING");
	nft_close(&n);
	for (size_t i = 0; rc == 0 && i < s.n; i++)
		rc = cni_portmap_del(network, s.ids[i], e);
	forget(&s);
	return rc;
}
