/* Fuzz target: one NFT_MSG_NEWRULE message of a rule dump, as the nat
 * applet reads it: libnftnl takes it apart (nftnl_rule_nlmsg_parse), the
 * rule is kept only when nft_rule_msg_sane passes it and with a table,
 * chain and handle (as nft_each_rule keeps it), nat_rule_from_nftnl maps its expressions onto the iptables grammar,
 * and the result is printed in every listing: -S (with and without -v's
 * counters), -L with -n, -v, -x, --line-numbers and the chain heading,
 * and JSON; a rule with no iptables form gets its "#" line and JSON.
 *
 * Input: the message. Its nlmsg_len is set to the input's size: the dump
 * walk (mnl_cb_run) hands on only messages whose length fits what was
 * received, and libnftnl trusts it. The seeds are real messages read back
 * from the kernel after nsip's own rule builder wrote them
 * (make-seeds.py --record-nat).
 *
 * A message with an expression nft_rule_msg_sane leaves to libnftnl (one
 * nsip never maps, e.g. ct or log) is skipped: libnftnl would end the
 * process on a bad attribute of it, by design. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>
#include <libnftnl/rule.h>

#include "fuzz.h"
#include "../../common/nat_print.h"
#include "../../common/nft.h"
#include "../../common/nft_check.h"
#include "../../common/nat_rule.h"

static const struct nat_fmt fmts[] = {
	{ .numeric = false },
	{ .numeric = true },
	{ .numeric = true, .verbose = true },
	{ .numeric = true, .verbose = true, .exact = true, .line_numbers = true },
};

static void print_all(FILE *f, struct nftnl_rule *nr)
{
	const char *chain = nftnl_rule_get_str(nr, NFTNL_RULE_CHAIN);
	uint64_t handle = nftnl_rule_get_u64(nr, NFTNL_RULE_HANDLE);
	struct nat_rule r;
	bool shown = nat_rule_from_nftnl(nr, &r) == 0;
	struct out o;

	r.handle = handle;
	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		nat_print_list_head(f, chain, nft_is_builtin(chain), 7, 123456789, 1,
				    &fmts[i]);
		if (shown)
			nat_print_list_rule(f, 1, &r, &fmts[i]);
	}
	if (shown) {
		nat_print_save(f, chain, &r, false);
		nat_print_save(f, chain, &r, true);
	} else {
		nat_print_unshown(f, chain, handle);
	}
	for (int pretty = 0; pretty <= 1; pretty++) {
		out_init(&o, f, true, pretty, false);
		out_list_begin(&o);
		nat_print_json(&o, chain, 1, handle, shown ? &r : NULL);
		out_list_end(&o);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	struct nftnl_rule *nr;
	char *text = NULL;
	size_t text_len = 0;
	FILE *f;
	bool unchecked;

	if (size < sizeof(*nlh) || size > UINT32_MAX)
		return 0;
	/* The input's size up to the next 4 bytes, zeroed: libmnl lets the
	 * last attribute run into the message's alignment padding (in nsip
	 * that is inside the receive buffer); a read past that is caught. */
	nlh = calloc(1, MNL_ALIGN(size));
	nr = nftnl_rule_alloc();
	if (!nlh || !nr)
		goto out;
	memcpy(nlh, data, size);
	nlh->nlmsg_len = (uint32_t)size;
	if (!nft_rule_msg_sane(nlh, &unchecked) || unchecked ||
	    nftnl_rule_nlmsg_parse(nlh, nr) < 0 ||
	    !nftnl_rule_is_set(nr, NFTNL_RULE_CHAIN) ||
	    !nftnl_rule_is_set(nr, NFTNL_RULE_HANDLE) ||
	    !nftnl_rule_is_set(nr, NFTNL_RULE_TABLE))
		goto out;
	f = open_memstream(&text, &text_len);
	if (f) {
		print_all(f, nr);
		fclose(f);
	}
	free(text);
out:
	if (nr)
		nftnl_rule_free(nr);
	free(nlh);
	return 0;
}
