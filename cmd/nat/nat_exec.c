/* The nat applet's commands against nsip's table `ip nsip`: the request
 * goes to the file that owns its command (nat_run.h names them), on a
 * socket of its own or on the batch group's.
 *
 * Each change is one batch. Reads are as narrow as the command allows:
 * -A reads no rule (a jump target: only that chain), -I/-R and -D NUM read
 * the rules of their one chain; -C and -D RULE ask nsip's index
 * (common/xt/nat_index.h) and read the rule it names, and only when the
 * index is not to be trusted do they read the chain (-C) or the table (-D,
 * which then writes the index anew); listings and -X without a chain read
 * the whole table. */
#include "nat_run.h"

int nat_exec(const struct nat_env *e, struct nat_req *q)
{
	struct nft own;
	struct run x = { .e = e, .q = q, .nft = nat_group_nft(e, q) };
	int ret;

	if (!x.nft && e->c->group)
		return NAT_EXIT_RESOURCE;   /* the group could not take the line */
	x.held = x.nft != NULL;
	if (!x.nft) {
		if (nft_open(&own) < 0)
			return NAT_EXIT_RESOURCE;
		x.nft = &own;
	}
	nft_use_table(x.nft, q->table);   /* a group's lines may differ */
	switch (q->cmd) {
	case NAT_CMD_APPEND: ret = nat_cmd_append(&x); break;
	case NAT_CMD_INSERT: ret = nat_cmd_insert(&x); break;
	case NAT_CMD_REPLACE: ret = nat_cmd_replace(&x); break;
	case NAT_CMD_DELETE: ret = nat_cmd_delete(&x); break;
	case NAT_CMD_CHECK: ret = nat_cmd_check(&x); break;
	case NAT_CMD_FLUSH: ret = nat_cmd_flush(&x); break;
	case NAT_CMD_ZERO: ret = nat_cmd_zero(&x); break;
	case NAT_CMD_NEWCHAIN: ret = nat_cmd_newchain(&x); break;
	case NAT_CMD_DELCHAIN: ret = nat_cmd_delchain(&x); break;
	case NAT_CMD_RENAME: ret = nat_cmd_rename(&x); break;
	case NAT_CMD_POLICY: ret = nat_cmd_policy(&x); break;
	case NAT_CMD_LIST: case NAT_CMD_SAVE:
		ret = nat_cmd_listing(&x);
		if (!ret && q->zero) {   /* -L -Z: the counters, once listed */
			if (!q->zero_rule)
				q->num = 0;
			ret = nat_cmd_zero(&x);
		}
		break;
	default: ret = NAT_EXIT_PARAM; break;
	}
	if (x.nft == &own)
		nft_close(&own);
	return ret;
}

