/* Owns `netns monitor`: watching the run dir with inotify and printing
 * each name that appears in or leaves it. */
#include "ns/nswatch.h"
#include "base/err.h"
#include "ns/rundir.h"

#include <errno.h>
#include <stdbool.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

/* One event; false when out can no longer be written (a closed pipe). */
static bool report(FILE *out, const struct inotify_event *ev)
{
	if (ev->mask & IN_Q_OVERFLOW)
		errmsg("Warning: events were lost (inotify queue overflow)");
	if (!ev->len || !ev->name[0])
		return true;   /* about the directory itself */
	if (ev->mask & IN_CREATE)
		fprintf(out, "add %s\n", ev->name);
	if (ev->mask & IN_DELETE)
		fprintf(out, "delete %s\n", ev->name);
	return fflush(out) == 0;
}

/* Walks the events of one read, each checked to lie inside it. */
static bool report_all(FILE *out, const char *buf, size_t len)
{
	size_t off = 0;

	while (len - off >= sizeof(struct inotify_event)) {
		const struct inotify_event *ev = (const void *)(buf + off);
		size_t size = sizeof(*ev) + ev->len;

		if (size > len - off)
			break;
		if (!report(out, ev))
			return false;
		off += size;
	}
	return true;
}

static int watch_loop(int fd, FILE *out)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));

	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return fail(EXIT_CMD, "read failed: %s", strerror(errno));
		if (!report_all(out, buf, (size_t)n))
			return fail(EXIT_CMD, "write error: %s", strerror(errno));
	}
}

int ns_watch(FILE *out)
{
	int fd = inotify_init1(IN_CLOEXEC);

	if (fd < 0)
		return fail(EXIT_CMD, "inotify_init failed: %s", strerror(errno));
	if (mkdir(NETNS_RUN_DIR, 0755) < 0 && errno != EEXIST) {
		errmsg("mkdir %s failed: %s%s", NETNS_RUN_DIR, strerror(errno),
		       privilege_hint(errno));
		close(fd);
		return EXIT_CMD;
	}
	int r;
	if (inotify_add_watch(fd, NETNS_RUN_DIR, IN_CREATE | IN_DELETE) < 0)
		r = fail(EXIT_CMD, "inotify_add_watch failed: %s", strerror(errno));
	else
		r = watch_loop(fd, out);
	close(fd);
	return r;
}
