/* rule save | restore: ip's binary form of the rules, a magic number then
 * the kernel's RTM_NEWRULE messages as they came, so that a saved table
 * can be put back. */
#include <errno.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <linux/rtnetlink.h>

#include "rule.h"
#include "base/err.h"

/* ip's magic, written in the host's byte order as ip writes it. */
#define RULE_DUMP_MAGIC 0x71706986u
/* The largest message ip reads back. */
#define RESTORE_MSG_MAX 16384

static int write_message(const struct nlmsghdr *nlh, void *data)
{
	FILE *f = data;

	if (fwrite(nlh, 1, nlh->nlmsg_len, f) != nlh->nlmsg_len)
		return fail(-1, "Short write while saving nlmsg");
	return 0;
}

int rule_save(struct ctx *c, int argc)
{
	uint32_t magic = RULE_DUMP_MAGIC;
	struct nl_dump d = { 0 };
	struct nl_req req;
	struct nl *nl;
	int r;

	if (argc > 0)
		return fail(EXIT_CMD, "\"%s rule save\" does not take any arguments.", c->prog);
	/* The output writer's file: stdout, or a fuzz target's sink. */
	FILE *f = c->out.f;

	if (isatty(fileno(f)))
		return fail(EXIT_CMD, "Not sending a binary stream to stdout");
	if (fwrite(&magic, sizeof(magic), 1, f) != 1)
		return fail(EXIT_CMD, "Can't write magic to dump file");
	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETRULE, 0);
	struct fib_rule_hdr *frh = nl_put_header(nlh, sizeof(*frh));
	frh->family = (uint8_t)(c->opt.family == AF_UNSPEC ? AF_INET : c->opt.family);
	if (nl_dump(nl, nlh, &d) < 0)
		return fail(EXIT_USAGE, "Dump terminated");
	r = nl_dump_each(&d, write_message, f) < 0 ? EXIT_USAGE : 0;
	nl_dump_free(&d);
	if (fflush(f) != 0 && !r)
		r = fail(EXIT_CMD, "Short write while saving nlmsg");
	return r;
}

/* fread's failures, in ip's words. */
static int read_failed(FILE *f)
{
	if (ferror(f))
		errmsg("rtnl_from_file: fread: %s", strerror(errno));
	if (feof(f))
		errmsg("rtnl-from_file: truncated message");
	return -1;
}

/* The next message of f into m (room bytes): 1, 0 at the end, -1 said. */
static int read_message(FILE *f, struct nlmsghdr *m, size_t room)
{
	size_t got = fread(m, 1, sizeof(*m), f);

	if (got == 0 && feof(f))
		return 0;
	if (got != sizeof(*m))
		return read_failed(f);
	if (m->nlmsg_len < sizeof(*m) || m->nlmsg_len > room) {
		errmsg("!!!malformed message: len=%d @%lu", (int)m->nlmsg_len,
		       (unsigned long)ftell(f));
		return -1;
	}
	size_t body = NLMSG_ALIGN(m->nlmsg_len - sizeof(*m));
	if (fread(m + 1, 1, body, f) != body)
		return read_failed(f);
	return 1;
}

/* Each saved rule sent back as a new one; one that exists already is
 * said and passed over, as ip does. */
static int restore_messages(struct nl *nl, FILE *f)
{
	static union {
		struct nlmsghdr nlh;
		char buf[RESTORE_MSG_MAX];
	} m;
	int r;

	while ((r = read_message(f, &m.nlh, sizeof(m.buf))) > 0) {
		/* Only rules: the file is the user's, the kernel's the table. */
		if (m.nlh.nlmsg_type != RTM_NEWRULE)
			return fail(-1, "rule restore: message of type %u is not a rule",
				    m.nlh.nlmsg_type);
		m.nlh.nlmsg_flags |= NLM_F_REQUEST | NLM_F_CREATE | NLM_F_ACK;
		if (nl_talk(nl, &m.nlh, NULL, NULL) < 0 && nl->last.err != EEXIST)
			return -1;
	}
	return r;
}

/* ip exits with -1 (255) for every failure here. */
int rule_restore(struct ctx *c)
{
	uint32_t magic = 0;
	struct nl *nl;

	if (isatty(STDIN_FILENO))
		return fail(EXIT_USAGE, "Can't restore rule dump from a terminal");
	size_t n = fread(&magic, sizeof(magic), 1, stdin);
	if (magic != RULE_DUMP_MAGIC)
		return fail(EXIT_USAGE, "Magic mismatch (%d elems, %x magic)", (int)n, magic);
	if (!(nl = ctx_nl(c)))
		return EXIT_USAGE;
	return restore_messages(nl, stdin) < 0 ? EXIT_USAGE : 0;
}
