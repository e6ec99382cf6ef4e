/* `ip monitor file FILE`: the messages rtmon saved, back to back (each
 * padded to 4 bytes), printed as if they had just come. rtmon puts a
 * record of its own (type 15) before each batch: the time it got it. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <linux/netlink.h>

#include "monitor.h"
#include "base/err.h"

#define RTMON_TSTAMP 15        /* rtmon's time record */
#define FILE_MSG_MAX 16384     /* the largest record ip reads back */

static void print_tstamp(const struct nlmsghdr *nlh)
{
	const uint32_t *t = NLMSG_DATA(nlh);

	if (nlh->nlmsg_len < NLMSG_LENGTH(2 * sizeof(uint32_t))) {
		nl_malformed(nlh);
		return;
	}
	time_t secs = (time_t)t[0];
	struct tm tm;
	char when[64];
	if (!localtime_r(&secs, &tm) ||
	    !strftime(when, sizeof(when), "%a %b %e %H:%M:%S %Y", &tm))
		snprintf(when, sizeof(when), "%lld", (long long)secs);
	printf("Timestamp: %s %lu us\n", when, (unsigned long)t[1]);
}

/* Reads n bytes: 0, or -1 after ip's words for a short read. */
static int read_all(FILE *f, void *buf, size_t n)
{
	if (fread(buf, 1, n, f) == n)
		return 0;
	if (ferror(f))
		errmsg("rtnl_from_file: fread: %s", strerror(errno));
	if (feof(f))
		errmsg("rtnl-from_file: truncated message");
	return -1;
}

static int read_messages(struct monitor *m, FILE *f)
{
	static union {
		struct nlmsghdr nlh;
		char buf[FILE_MSG_MAX];
	} rec;

	for (;;) {
		int c = getc(f);
		if (c == EOF && !ferror(f))
			return 0;
		if (c == EOF || ungetc(c, f) == EOF ||
		    read_all(f, &rec.nlh, sizeof(rec.nlh)) < 0)
			return -1;
		uint32_t len = rec.nlh.nlmsg_len;
		if (len < sizeof(rec.nlh) || len > sizeof(rec.buf))
			return fail(-1, "!!!malformed message: len=%d @%ld", (int)len,
				    ftell(f));
		size_t body = NLMSG_ALIGN(len) - sizeof(rec.nlh);
		if (NLMSG_ALIGN(len) > sizeof(rec.buf) ||
		    read_all(f, rec.buf + sizeof(rec.nlh), body) < 0)
			return -1;
		if (rec.nlh.nlmsg_type == RTMON_TSTAMP) {
			print_tstamp(&rec.nlh);
			fflush(stdout);
		} else if (monitor_event(m, &rec.nlh) < 0) {
			return -1;
		}
	}
}

int monitor_file(struct monitor *m, const char *path)
{
	FILE *f = fopen(path, "r");

	if (!f)
		return fail(EXIT_USAGE, "Cannot fopen: %s", strerror(errno));
	int r = read_messages(m, f);
	fclose(f);
	/* ip turns its reader's -1 into exit status 1. */
	return r < 0 ? EXIT_CMD : 0;
}
