/* Fuzz target: one NFT_MSG_NEWRULE message of a rule dump, as the nat
 * applet reads it: nft_rule_msg_sane checks it, nft_rule_view_of reads its
 * table, chain and handle in place (as nft_each_rule does), nat_rule_from_view
 * maps its expressions onto the iptables grammar, and the result is printed
 * in every listing: -S (with and without -v's counters), -L with -n, -v,
 * -x, --line-numbers and the chain heading, and JSON; a rule with no
 * iptables form gets its "#" line and JSON.
 *
 * Input: the message. Its nlmsg_len is set to the input's size: the dump
 * walk (mnl_cb_run) hands on only messages whose length fits what was
 * received. The seeds are real messages read back from the kernel after
 * nsip's own rule builder wrote them (make-seeds.py --record-nat).
 * Expressions nsip never maps (ct, log, ...) are read too: libnftnl no
 * longer takes rules apart, so nothing is left unchecked. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <libmnl/libmnl.h>

#include "fuzz.h"
#include "print/nat_print.h"
#include "xt/nft.h"
#include "xt/nft_check.h"
#include "xt/nat_rule.h"

static const struct nat_fmt fmts[] = {
	{ .numeric = false },
	{ .numeric = true },
	{ .numeric = true, .verbose = true },
	{ .numeric = true, .verbose = true, .exact = true, .line_numbers = true },
};

static void print_all(FILE *f, const struct nft_rule_view *v)
{
	struct nat_rule r;
	bool shown = nat_rule_from_view(v, &r) == 0;
	struct out o;

	r.handle = v->handle;
	for (size_t i = 0; i < sizeof(fmts) / sizeof(fmts[0]); i++) {
		nat_print_list_head(f, v->chain, xt_is_builtin(&xt_table_nat, v->chain) ?
				    "ACCEPT" : NULL, 7, 123456789, 1,
				    &fmts[i]);
		if (shown)
			nat_print_list_rule(f, 1, &r, &fmts[i]);
	}
	if (shown) {
		nat_print_save(f, v->chain, &r, false);
		nat_print_save(f, v->chain, &r, true);
	} else {
		nat_print_unshown(f, "nsip", v->chain, v->handle);
	}
	for (int pretty = 0; pretty <= 1; pretty++) {
		out_init(&o, f, true, pretty, false);
		out_list_begin(&o);
		nat_print_json(&o, v->chain, 1, v->handle, shown ? &r : NULL);
		out_list_end(&o);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsghdr *nlh;
	struct nft_rule_view v;
	char *text = NULL;
	size_t text_len = 0;
	FILE *f;

	if (size < sizeof(*nlh) || size > UINT32_MAX)
		return 0;
	/* The input's size up to the next 4 bytes, zeroed: libmnl lets the
	 * last attribute run into the message's alignment padding (in nsip
	 * that is inside the receive buffer); a read past that is caught. */
	nlh = calloc(1, MNL_ALIGN(size));
	if (!nlh)
		return 0;
	memcpy(nlh, data, size);
	nlh->nlmsg_len = (uint32_t)size;
	if (nft_rule_msg_sane(nlh) && nft_rule_view_of(nlh, &v)) {
		f = open_memstream(&text, &text_len);
		if (f) {
			print_all(f, &v);
			fclose(f);
		}
		free(text);
	}
	free(nlh);
	return 0;
}
