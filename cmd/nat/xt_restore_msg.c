/* iptables-restore's messages for a line that failed and for a change the
 * kernel refused, called by the reader (xt_restore.c) and by the changes
 * (xt_restore_apply.c); it calls neither. */
#include <errno.h>
#include <stdio.h>
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
