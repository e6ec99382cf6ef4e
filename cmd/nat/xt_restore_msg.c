/* iptables-restore's messages for a line that failed and for a change the
 * kernel refused, and its -v lines, called by the reader (xt_restore.c) and
 * by the changes (xt_restore_apply.c); it calls neither. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>

#include "xt_restore.h"

int xr_line_failed(const struct xr *r, const char *why)
{
	fflush(stdout);
	if (why)
		fprintf(stderr, "%s: line %d failed: %s\n", r->name, r->e.line, why);
	else
		fprintf(stderr, "%s: line %d failed\n", r->name, r->e.line);
	return NAT_EXIT_OTHER;
}

/* iptables-nft's name for a change of the restore. */
static const char *op_name(uint16_t type, enum nat_cmd cmd)
{
	switch (type) {
	case NFT_MSG_NEWTABLE: return "TABLE_ADD";
	case NFT_MSG_DELTABLE: return "TABLE_FLUSH";
	case NFT_MSG_DELCHAIN: return "CHAIN_DEL";
	case NFT_MSG_NEWCHAIN:
		return cmd == NAT_CMD_NEWCHAIN ? "CHAIN_USER_ADD" : "CHAIN_UPDATE";
	case NFT_MSG_DELRULE:
		return cmd == NAT_CMD_DELETE ? "RULE_DELETE" : "RULE_FLUSH";
	case NFT_MSG_NEWRULE:
		if (cmd == NAT_CMD_INSERT)
			return "RULE_INSERT";
		return cmd == NAT_CMD_REPLACE ? "RULE_REPLACE" : "RULE_APPEND";
	case NFT_MSG_NEWSET: case NFT_MSG_NEWSETELEM:
		return "RULE_APPEND";
	}
	return "REQUEST";
}

int xr_refused(const struct xr *r, int line, enum nat_cmd cmd,
	       const char *chain, const struct nft *n)
{
	bool rule = n->err_type == NFT_MSG_NEWRULE || n->err_type == NFT_MSG_DELRULE;

	if (n->err == EPERM || n->err == EACCES)
		return nat_fail(&r->e, NAT_EXIT_RESOURCE, "%s (you must be root)",
				strerror(n->err));
	fflush(stdout);
	fprintf(stderr, "%s v%s (nsip): \nline %d: %s failed (%s): %s %s\n",
		r->name, XT_COMPAT_VERSION, line, op_name(n->err_type, cmd),
		strerror(n->err), rule ? "rule in chain" : "chain",
		chain ? chain : "");
	return NAT_EXIT_RESOURCE;
}

/* -v's lines go to a buffer of the block, written out at its COMMIT, as
 * iptables-nft-restore prints them when it commits the block: a block
 * with a bad line shows none, and neither do --noflush and --test. */
static FILE *echo_to(struct xr *r)
{
	if (!r->verbose || r->noflush || r->test)
		return NULL;
	if (!r->vout)
		r->vout = open_memstream(&r->vtext, &r->vlen);
	return r->vout;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

void xr_echo_flush(struct xr *r)
{
	FILE *f = echo_to(r);
	const char **user;
	size_t n = 0;

	if (!f)
		return;
	for (size_t k = 0; k < r->tab->t->n_chains; k++)
		fprintf(f, "Flushing chain `%s'\n", r->tab->t->chains[k].name);
	user = calloc(r->tab->n + 1, sizeof(*user));
	for (size_t k = 0; user && k < r->tab->n; k++)
		if (r->tab->v[k].exists && !r->tab->v[k].builtin)
			user[n++] = r->tab->v[k].name;
	if (n)
		qsort(user, n, sizeof(*user), by_name);
	for (size_t k = 0; k < n; k++)
		fprintf(f, "Flushing chain `%s'\n", user[k]);
	for (size_t k = 0; k < n; k++)
		fprintf(f, "Deleting chain `%s'\n", user[k]);
	free(user);
}

void xr_echo_rule(struct xr *r, const struct nat_req *q)
{
	FILE *f = echo_to(r);

	if (f)
		nat_print_echo(f, &q->rule);
}

void xr_echo_commit(struct xr *r)
{
	if (!r->vout)
		return;
	fclose(r->vout);
	r->vout = NULL;
	fwrite(r->vtext, 1, r->vlen, stdout);
	free(r->vtext);
	r->vtext = NULL;
}
