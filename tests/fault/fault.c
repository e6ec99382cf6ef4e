/* A test-only LD_PRELOAD shim that makes chosen calls fail, so that tests
 * can check nsip's messages and clean-up after a failure at each step.
 * Never installed.
 *
 * NSIP_FAULT="SPEC[,SPEC...]", SPEC = KIND:N (the Nth call of KIND) or
 * KIND:N+ (the Nth call and every later one). KIND is one of:
 *   mount, umount2, unshare, setns, open, mkdir
 *             that libc call fails with EPERM;
 *   nlsend    a send on a netlink socket (sendto, send, sendmsg: libmnl's
 *             mnl_socket_sendto is sendto) fails with ENOBUFS;
 *   nlrecv    a receive on a netlink socket (recvmsg, recv, recvfrom:
 *             mnl_socket_recvfrom is recvmsg) fails with ENOBUFS, as the
 *             kernel's does when the socket's receive buffer overran;
 *   nltrunc   the receive returns the datagram cut in the middle of its last
 *             message, with MSG_TRUNC in msg_flags (recvmsg), as when the
 *             buffer was too small;
 *   nlcut     the same cut without MSG_TRUNC: a short read that does not say
 *             so, for the parsers behind libmnl;
 *   nlintr    every message of the receive carries NLM_F_DUMP_INTR, as when
 *             the kernel's table changed during a dump.
 * Only sockets of family AF_NETLINK count. nlrecv, nltrunc, nlcut and
 * nlintr count the same calls: "nlcut:2" cuts the second receive.
 *
 * NSIP_FAULT_COUNT=FILE: at exit, the process appends one line
 * "nlsend=S nlrecv=R mount=M ..." with the number of calls it made of each,
 * so that a test knows how many indexes to try. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/netlink.h>

/* The counters: one per libc call, one per netlink direction. */
enum counter { C_MOUNT, C_UMOUNT2, C_UNSHARE, C_SETNS, C_OPEN, C_MKDIR,
	       C_NLSEND, C_NLRECV, C_COUNT };
static const char *const counter_names[C_COUNT] = {
	"mount", "umount2", "unshare", "setns", "open", "mkdir",
	"nlsend", "nlrecv",
};
static int counts[C_COUNT];

/* Whether NSIP_FAULT holds kind:call or kind:N+ with N <= call. */
static bool wanted(const char *kind, int call)
{
	const char *spec = getenv("NSIP_FAULT");
	size_t len = strlen(kind);

	for (const char *p = spec; p && (p = strstr(p, kind)); p += len) {
		if ((p != spec && p[-1] != ',') || p[len] != ':')
			continue;
		char *end;
		long n = strtol(p + len + 1, &end, 10);

		if (n == call || (*end == '+' && n <= call))
			return true;
	}
	return false;
}

/* Counts a call of a libc function and says whether it must fail. */
static int should_fail(enum counter c)
{
	if (!wanted(counter_names[c], ++counts[c]))
		return 0;
	errno = EPERM;
	return 1;
}

static void __attribute__((destructor)) write_counts(void)
{
	const char *path = getenv("NSIP_FAULT_COUNT");
	FILE *f = path ? fopen(path, "a") : NULL;

	if (!f)
		return;
	for (int i = C_NLSEND; i < C_COUNT; i++)
		fprintf(f, "%s=%d ", counter_names[i], counts[i]);
	for (int i = 0; i < C_NLSEND; i++)
		fprintf(f, "%s=%d%s", counter_names[i], counts[i],
			i + 1 < C_NLSEND ? " " : "\n");
	fclose(f);
}

#define REAL(name, type) ((type)dlsym(RTLD_NEXT, name))

int mount(const char *src, const char *dst, const char *fs, unsigned long fl,
	  const void *data)
{
	typedef int (*fn)(const char *, const char *, const char *,
			  unsigned long, const void *);
	return should_fail(C_MOUNT) ? -1 : REAL("mount", fn)(src, dst, fs, fl, data);
}

int umount2(const char *target, int flags)
{
	typedef int (*fn)(const char *, int);
	return should_fail(C_UMOUNT2) ? -1 : REAL("umount2", fn)(target, flags);
}

int unshare(int flags)
{
	typedef int (*fn)(int);
	return should_fail(C_UNSHARE) ? -1 : REAL("unshare", fn)(flags);
}

int setns(int fd, int type)
{
	typedef int (*fn)(int, int);
	return should_fail(C_SETNS) ? -1 : REAL("setns", fn)(fd, type);
}

int mkdir(const char *path, mode_t mode)
{
	typedef int (*fn)(const char *, mode_t);
	return should_fail(C_MKDIR) ? -1 : REAL("mkdir", fn)(path, mode);
}

int open(const char *path, int flags, ...)
{
	typedef int (*fn)(const char *, int, ...);
	mode_t mode = 0;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;
		va_start(ap, flags);
		mode = (mode_t)va_arg(ap, int);
		va_end(ap);
	}
	return should_fail(C_OPEN) ? -1 : REAL("open", fn)(path, flags, mode);
}

/* ---- netlink ---------------------------------------------------------- */

static bool is_netlink(int fd)
{
	struct sockaddr_storage ss = { 0 };
	socklen_t len = sizeof(ss);

	return getsockname(fd, (struct sockaddr *)&ss, &len) == 0 &&
	       ss.ss_family == AF_NETLINK;
}

/* Counts a send; -1 when it must fail, 0 to let it through. */
static int send_fault(int fd)
{
	if (!is_netlink(fd) || !wanted("nlsend", ++counts[C_NLSEND]))
		return 0;
	errno = ENOBUFS;
	return -1;
}

ssize_t sendto(int fd, const void *buf, size_t len, int flags,
	       const struct sockaddr *to, socklen_t tolen)
{
	typedef ssize_t (*fn)(int, const void *, size_t, int,
			      const struct sockaddr *, socklen_t);
	return send_fault(fd) ? -1 : REAL("sendto", fn)(fd, buf, len, flags, to, tolen);
}

ssize_t send(int fd, const void *buf, size_t len, int flags)
{
	typedef ssize_t (*fn)(int, const void *, size_t, int);
	return send_fault(fd) ? -1 : REAL("send", fn)(fd, buf, len, flags);
}

ssize_t sendmsg(int fd, const struct msghdr *msg, int flags)
{
	typedef ssize_t (*fn)(int, const struct msghdr *, int);
	return send_fault(fd) ? -1 : REAL("sendmsg", fn)(fd, msg, flags);
}

/* What happens to a receive. */
enum recv_fault { R_NONE, R_FAIL, R_TRUNC, R_CUT, R_INTR };

/* Counts a receive before it is made (the failure replaces it). */
static enum recv_fault recv_fault(int fd)
{
	if (!is_netlink(fd))
		return R_NONE;
	int call = ++counts[C_NLRECV];

	if (wanted("nlrecv", call))
		return R_FAIL;
	if (wanted("nltrunc", call))
		return R_TRUNC;
	if (wanted("nlcut", call))
		return R_CUT;
	return wanted("nlintr", call) ? R_INTR : R_NONE;
}

/* Where the last whole-looking message of buf[0..len) starts. */
static size_t last_msg(const char *buf, size_t len)
{
	size_t at = 0;

	for (;;) {
		struct nlmsghdr h;

		if (len - at < sizeof(h))
			return at;
		memcpy(&h, buf + at, sizeof(h));
		size_t next = at + NLMSG_ALIGN(h.nlmsg_len);
		if (h.nlmsg_len < sizeof(h) || next >= len)
			return at;
		at = next;
	}
}

static void mark_intr(char *buf, size_t len)
{
	size_t at = 0;
	struct nlmsghdr h;

	while (len - at >= sizeof(h)) {
		memcpy(&h, buf + at, sizeof(h));
		h.nlmsg_flags |= NLM_F_DUMP_INTR;
		memcpy(buf + at, &h, sizeof(h));
		if (h.nlmsg_len < sizeof(h) || h.nlmsg_len > len - at)
			break;
		at += NLMSG_ALIGN(h.nlmsg_len);
		if (at > len)
			break;
	}
}

/* Applies a fault to a datagram of got bytes received into buf (of room
 * bytes); returns the length the caller sees. */
static ssize_t damage(enum recv_fault f, char *buf, size_t room, ssize_t got)
{
	if (got <= 0 || (size_t)got > room)
		return got;
	if (f == R_INTR) {
		mark_intr(buf, (size_t)got);
		return got;
	}
	if (f == R_TRUNC || f == R_CUT) {
		size_t at = last_msg(buf, (size_t)got);
		size_t rest = (size_t)got - at;

		return (ssize_t)(at + (rest > 1 ? rest / 2 : 0));
	}
	return got;
}

ssize_t recvmsg(int fd, struct msghdr *msg, int flags)
{
	typedef ssize_t (*fn)(int, struct msghdr *, int);
	enum recv_fault f = recv_fault(fd);

	if (f == R_FAIL) {
		errno = ENOBUFS;
		return -1;
	}
	ssize_t got = REAL("recvmsg", fn)(fd, msg, flags);

	if (f == R_NONE || got <= 0 || msg->msg_iovlen < 1)
		return got;
	got = damage(f, msg->msg_iov[0].iov_base, msg->msg_iov[0].iov_len, got);
	if (f == R_TRUNC)
		msg->msg_flags |= MSG_TRUNC;
	return got;
}

ssize_t recvfrom(int fd, void *buf, size_t len, int flags,
		 struct sockaddr *from, socklen_t *fromlen)
{
	typedef ssize_t (*fn)(int, void *, size_t, int, struct sockaddr *,
			      socklen_t *);
	enum recv_fault f = recv_fault(fd);

	if (f == R_FAIL) {
		errno = ENOBUFS;
		return -1;
	}
	return damage(f, buf, len, REAL("recvfrom", fn)(fd, buf, len, flags, from, fromlen));
}

ssize_t recv(int fd, void *buf, size_t len, int flags)
{
	typedef ssize_t (*fn)(int, void *, size_t, int);
	enum recv_fault f = recv_fault(fd);

	if (f == R_FAIL) {
		errno = ENOBUFS;
		return -1;
	}
	return damage(f, buf, len, REAL("recv", fn)(fd, buf, len, flags));
}
