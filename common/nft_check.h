/* A check of an nftables rule message before libnftnl reads it. libnftnl
 * trusts the kernel: it reads a string attribute up to its NUL wherever
 * that is, an expression without a name through a NULL pointer, and ends
 * the whole process (exit) on an attribute of the wrong size ("kernel ABI
 * is broken"). The kernel never sends such messages; nsip checks anyway,
 * so that a bad message is one error and not a crash. */
#ifndef NSIP_NFT_CHECK_H
#define NSIP_NFT_CHECK_H

#include <stdbool.h>
#include <libmnl/libmnl.h>

/* Whether the rule message (NFT_MSG_NEWRULE) has the attribute sizes and
 * strings libnftnl needs. The expressions nsip maps onto iptables (meta,
 * cmp, payload, bitwise, counter, immediate, nat, masq, redir, range) are
 * checked attribute by attribute; other ones are left to libnftnl, and
 * *unchecked (when not NULL) says whether there was one. */
bool nft_rule_msg_sane(const struct nlmsghdr *nlh, bool *unchecked);

#endif
