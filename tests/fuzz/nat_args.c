/* Fuzz target: the nat applet's iptables words (cmd/nat/nat_words.c and
 * nat_build.c: options, "!", the command checks and the rule built from
 * the words), never executed:
 * nat_exec is the stand-in below. It turns a rule into its nftables
 * expressions with nsip's own builder, reads them back, and stops the run
 * (abort) when what comes back is not the rule the words asked for: a rule
 * nsip would add but then not list or delete as the same rule.
 *
 * Host names: getaddrinfo is replaced here (the linker takes this one
 * instead of libc's), so no word ever becomes a DNS query: only
 * "localhost" resolves.
 *
 * Input: one byte choosing who speaks (bit 0: iptables, else nsip nat;
 * bit 1: nsip's -j), then the words, separated by NUL bytes or newlines. */
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <libnftnl/rule.h>

#include "fuzz_applet.h"
#include "nat/nat.h"

int getaddrinfo(const char *node, const char *service,
		const struct addrinfo *hints, struct addrinfo **res)
{
	struct {
		struct addrinfo ai;
		struct sockaddr_in sin;
	} *r;

	(void)service;
	(void)hints;
	if (!node || strcmp(node, "localhost"))
		return EAI_NONAME;
	r = calloc(1, sizeof(*r));
	if (!r)
		return EAI_MEMORY;
	r->sin.sin_family = AF_INET;
	r->sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	r->ai.ai_family = AF_INET;
	r->ai.ai_addr = (struct sockaddr *)&r->sin;
	r->ai.ai_addrlen = sizeof(r->sin);
	*res = &r->ai;
	return 0;
}

void freeaddrinfo(struct addrinfo *res)
{
	free(res);   /* the one block getaddrinfo above made */
}

/* iptables-nft writes "! -i +" as a compare with the name "INVAL/D", so a
 * device literally named that cannot read back as itself: the same
 * ambiguity iptables-nft has, known, not a bug of nsip's converter. */
static bool ambiguous(const struct nat_rule *r)
{
	return !strcmp(r->in.name, "INVAL/D") || !strcmp(r->out.name, "INVAL/D");
}

static void round_trip(const struct nat_req *q)
{
	struct nftnl_rule *nr = nftnl_rule_alloc();
	struct nat_rule back;

	if (!nr)
		return;
	if (nat_rule_to_nftnl(&q->rule, nr) == 0) {
		if (nat_rule_from_nftnl(nr, &back) < 0 ||
		    (!nat_rule_same(&q->rule, &back) && !ambiguous(&q->rule)))
			abort();
		nat_print_save(fuzz_sink(), q->chain ? q->chain : "X", &back, true);
	}
	nftnl_rule_free(nr);
}

int nat_exec(const struct nat_env *e, struct nat_req *q)
{
	if (!e->c || q->cmd == NAT_CMD_NONE)
		abort();
	switch (q->cmd) {
	case NAT_CMD_APPEND: case NAT_CMD_CHECK: case NAT_CMD_DELETE:
	case NAT_CMD_INSERT: case NAT_CMD_REPLACE:
		if (!q->chain)
			abort();
		/* -D NUM and -R/-I with a number carry the rule too. */
		if (q->cmd != NAT_CMD_DELETE || !q->num)
			round_trip(q);
		break;
	default:
		break;
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ctx c = { .prog = "nsip" };

	if (size < 1)
		return 0;
	c.who = data[0] & 1 ? AS_IPTABLES : AS_NSIP;
	c.opt.json = data[0] & 2;
	out_init(&c.out, fuzz_sink(), c.opt.json, false, false);
	fuzz_applet(nat_main, &c, data, size);
	return 0;
}
