/* The nat applet's messages, in iptables' words and shapes: the speaker's
 * prefix, the "Try ..." line after bad words, and what the kernel's
 * refusal of a read or a change is called. Everything else in cmd/nat
 * calls down into this file; it calls nothing of the applet's. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <linux/netfilter/nf_tables.h>

#include "nat.h"
#include "xt/nft.h"

static void vmessage(const struct nat_env *e, bool versioned, const char *fmt,
		     va_list ap) __attribute__((format(printf, 3, 0)));

static void vmessage(const struct nat_env *e, bool versioned, const char *fmt,
		     va_list ap)
{
	fflush(stdout);
	if (versioned)
		fprintf(stderr, "%s v%s (nsip): ", e->name, XT_COMPAT_VERSION);
	else
		fprintf(stderr, "%s: ", e->name);
	vfprintf(stderr, fmt, ap);   /* NOLINT(clang-analyzer-valist.Uninitialized): callers va_start it */
	fputc('\n', stderr);
}

int nat_param_error(const struct nat_env *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(e, true, fmt, ap);
	va_end(ap);
	nat_try_help(e);
	return NAT_EXIT_PARAM;
}

void nat_try_help(const struct nat_env *e)
{
	if (e->line > 0)
		fprintf(stderr, "Error occurred at line: %d\n", e->line);
	fprintf(stderr, "Try `%s -h' or '%s --help' for more information.\n",
		e->name, e->name);
}

int nat_fail(const struct nat_env *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(e, code != NAT_EXIT_OTHER, fmt, ap);
	va_end(ap);
	return code;
}

int nat_no_chain(const struct nat_env *e)
{
	return nat_fail(e, NAT_EXIT_OTHER, "No chain/target/match by that name.");
}

int nat_bad_rule(const struct nat_env *e)
{
	return nat_fail(e, NAT_EXIT_OTHER,
			"Bad rule (does a matching rule exist in that chain?).");
}

/* iptables-nft's name for the change the kernel refused. */
static const char *op_name(const struct nft *n, enum nat_cmd cmd)
{
	switch (n->err_type) {
	case NFT_MSG_NEWTABLE: return "TABLE_ADD";
	case NFT_MSG_DELCHAIN: return "CHAIN_DEL";
	case NFT_MSG_NEWCHAIN:
		if (cmd == NAT_CMD_RENAME)
			return "CHAIN_RENAME";
		return cmd == NAT_CMD_NEWCHAIN ? "CHAIN_USER_ADD" : "CHAIN_ADD";
	case NFT_MSG_DELRULE:
		return cmd == NAT_CMD_FLUSH ? "RULE_FLUSH" : "RULE_DELETE";
	case NFT_MSG_NEWRULE:
		if (cmd == NAT_CMD_INSERT)
			return "RULE_INSERT";
		return cmd == NAT_CMD_REPLACE ? "RULE_REPLACE" : "RULE_APPEND";
	}
	return "REQUEST";
}

/* Whether a failure was one of a read (nft_get_chain, nft_each_rule...),
 * not of a change. */
static bool is_read(uint16_t type)
{
	return type == NFT_MSG_GETCHAIN || type == NFT_MSG_GETRULE ||
	       type == NFT_MSG_GETRULE_RESET;
}

int nat_refused(const struct nat_env *e, const struct nft *n, enum nat_cmd cmd,
		const char *chain)
{
	int err = n->err;

	if (err == ENOENT)
		return nat_no_chain(e);
	if (err == ENOBUFS && n->overflow)
		return nat_fail(e, NAT_EXIT_OTHER,
				"Too many changes for one nftables batch.");
	if (err == EPERM || err == EACCES)
		return nat_fail(e, NAT_EXIT_RESOURCE, "%s (you must be root)",
				strerror(err));
	if (is_read(n->err_type))
		return nat_fail(e, NAT_EXIT_RESOURCE, "Cannot read table %s: %s",
				n->tab->nft_name, err == EINTR ? "it kept changing" : strerror(err));
	if (n->err_type == NFT_MSG_NEWRULE || n->err_type == NFT_MSG_DELRULE)
		return nat_fail(e, NAT_EXIT_RESOURCE, " %s failed (%s): "
				"rule in chain %s", op_name(n, cmd), strerror(err),
				chain ? chain : "");
	if (n->err_type == NFT_MSG_NEWTABLE)
		return nat_fail(e, NAT_EXIT_RESOURCE, " %s failed (%s): "
				"table %s", op_name(n, cmd), strerror(err), n->tab->nft_name);
	return nat_fail(e, NAT_EXIT_RESOURCE, " %s failed (%s): chain %s",
			op_name(n, cmd), strerror(err), chain ? chain : "");
}
