/* The flush loop and the plain delete of one dumped object. */
#include "nl/nl_flush.h"
#include "base/err.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int nl_flush_one(struct nl *nl, const struct nlmsghdr *nlh, uint16_t del_type)
{
	struct nl_req req;

	if (nlh->nlmsg_len > sizeof(req.buf))
		return 0;
	memcpy(req.buf, nlh, nlh->nlmsg_len);
	req.nlh.nlmsg_type = del_type;
	req.nlh.nlmsg_flags = NLM_F_REQUEST;
	if (nl_talk_quiet(nl, &req.nlh, NULL, NULL) == 0 ||
	    nl->last.err == ENOENT || nl->last.err == ESRCH)
		return 1;
	return fail(-1, "Failed to send flush request: %s", strerror(nl->last.err));
}

static int flush_message(const struct nlmsghdr *nlh, void *data)
{
	struct nl_flush *f = data;
	int r = f->choose(nlh, f->data);

	if (r <= 0)
		return r;
	r = f->remove ? f->remove(f->nl, nlh, f->data)
		      : nl_flush_one(f->nl, nlh, f->del_type);
	if (r < 0)
		return -1;
	f->deleted += r;
	return 0;
}

/* One dump, and a delete for each message chosen from it. The dump is
 * read whole first: deleting while the kernel is still sending it would
 * change what it sends. */
static int flush_round(struct nl_flush *f)
{
	struct nl_dump d = { 0 };
	int r;

	f->deleted = 0;
	if (f->dump(f->nl, &d, f->data) < 0)
		return -1;
	r = nl_dump_each(&d, flush_message, f);
	nl_dump_free(&d);
	return r;
}

static enum nl_flush_end done(const struct nl_flush *f)
{
	if (!f->stats)
		return NL_FLUSH_DONE;
	if (f->rounds == 0 && !f->said_before)
		printf("Nothing to flush.\n");
	else
		printf("*** Flush is complete after %d round%s ***\n", f->rounds,
		       f->rounds > 1 ? "s" : "");
	return NL_FLUSH_DONE;
}

enum nl_flush_end nl_flush_run(struct nl_flush *f)
{
	time_t start = time(NULL);

	for (f->rounds = 0;;) {
		if (f->max_rounds && f->rounds >= f->max_rounds)
			return NL_FLUSH_GAVE_UP;
		if (flush_round(f) < 0)
			return NL_FLUSH_FAILED;
		if (f->deleted == 0)
			return done(f);
		f->seconds = (long)(time(NULL) - start);
		if (f->max_seconds && f->seconds > f->max_seconds)
			return NL_FLUSH_GAVE_UP;
		f->rounds++;
		if (f->stats)
			printf("\n*** Round %d, deleting %d %s ***\n", f->rounds,
			       f->deleted, f->what);
		if (f->next_round)
			f->next_round(f->data);
		if (f->one_round)
			return done(f);
	}
}
