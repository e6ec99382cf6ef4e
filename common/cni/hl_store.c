/* host-local's store on disk. */
#include "cni/hl_store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p with mode 0755. */
static int make_dirs(const char *path)
{
	char buf[PATH_MAX];

	snprintf(buf, sizeof(buf), "%s", path);
	for (char *p = buf + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			if (mkdir(buf, 0755) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	return mkdir(buf, 0755) < 0 && errno != EEXIST ? -1 : 0;
}

int hl_store_open(struct hl_store *s, const char *data_dir, const char *network,
		  struct cni_err *e)
{
	char lock[PATH_MAX + 8], t[64];

	s->lock_fd = -1;
	if ((size_t)snprintf(s->dir, sizeof(s->dir), "%s/%s",
			     data_dir ? data_dir : HL_DATA_DIR, network) >= sizeof(s->dir))
		return cni_fail(e, CNI_E_GENERIC, "dataDir too long");
	if (make_dirs(s->dir) < 0)
		return cni_fail(e, CNI_E_GENERIC, "mkdir %s: %s", s->dir,
				cni_strerror(errno, t, sizeof(t)));
	snprintf(lock, sizeof(lock), "%s/lock", s->dir);
	s->lock_fd = open(lock, O_RDONLY | O_CREAT | O_CLOEXEC, 0750);
	if (s->lock_fd < 0)
		return cni_fail(e, CNI_E_GENERIC, "open %s: %s", lock,
				cni_strerror(errno, t, sizeof(t)));
	while (flock(s->lock_fd, LOCK_EX) < 0)
		if (errno != EINTR) {
			int err = errno;

			close(s->lock_fd);
			s->lock_fd = -1;
			return cni_fail(e, CNI_E_GENERIC, "lock %s: %s", lock,
					cni_strerror(err, t, sizeof(t)));
		}
	return 0;
}

void hl_store_close(struct hl_store *s)
{
	if (s->lock_fd >= 0)
		close(s->lock_fd);   /* closing drops the flock */
	s->lock_fd = -1;
}

/* Writes all of text into a new file; -1 with errno. */
static int write_file(const char *path, const char *text, int flags)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC | flags, 0644);
	size_t len = strlen(text);
	ssize_t w;

	if (fd < 0)
		return -1;
	w = write(fd, text, len);
	if (close(fd) < 0 || w != (ssize_t)len) {
		unlink(path);
		return -1;
	}
	return 0;
}

int hl_store_reserve(struct hl_store *s, const char *id, const char *ifname,
		     const struct cni_ip_addr *a, size_t set, struct cni_err *e)
{
	char path[PATH_MAX + 64], ip[CNI_ADDR_STRLEN], text[512], t[64];
	struct cni_ip_addr plain = *a;

	plain.prefix = -1;
	cni_addr_format(&plain, ip, sizeof(ip));
	snprintf(path, sizeof(path), "%s/%s", s->dir, ip);
	snprintf(text, sizeof(text), "%s\r\n%s", id, ifname);
	if (write_file(path, text, O_EXCL) < 0) {
		if (errno == EEXIST)
			return 0;
		return cni_fail(e, CNI_E_GENERIC, "open %s: %s", path,
				cni_strerror(errno, t, sizeof(t)));
	}
	snprintf(path, sizeof(path), "%s/last_reserved_ip.%zu", s->dir, set);
	if (write_file(path, ip, O_TRUNC) < 0) {
		int err = errno;

		snprintf(path, sizeof(path), "%s/%s", s->dir, ip);
		unlink(path);
		return cni_fail(e, CNI_E_GENERIC, "write last_reserved_ip.%zu: %s", set,
				cni_strerror(err, t, sizeof(t)));
	}
	return 1;
}

/* The content of a file (at most len - 1 bytes) with spaces trimmed. */
static bool read_trimmed(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	ssize_t n;
	char *p = buf;

	if (fd < 0)
		return false;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return false;
	buf[n] = '\0';
	while (n > 0 && strchr(" \t\r\n", buf[n - 1]))
		buf[--n] = '\0';
	while (*p && strchr(" \t\r\n", *p))
		p++;
	memmove(buf, p, strlen(p) + 1);
	return true;
}

int hl_store_last(const struct hl_store *s, size_t set, struct cni_ip_addr *a)
{
	char path[PATH_MAX + 64], buf[CNI_ADDR_STRLEN + 8];

	snprintf(path, sizeof(path), "%s/last_reserved_ip.%zu", s->dir, set);
	return read_trimmed(path, buf, sizeof(buf)) && cni_addr_parse(buf, false, a);
}

typedef int held_fn(const char *path, const struct cni_ip_addr *a,
		    const char *content, void *data);

/* Calls fn for each address file whose content is want (every one when
 * want is NULL). */
static int each_held(const struct hl_store *s, const char *want, held_fn *fn,
		     void *data)
{
	DIR *d = opendir(s->dir);
	const struct dirent *de;
	int found = 0;

	if (!d)
		return -1;
	while ((de = readdir(d))) {
		char path[PATH_MAX + 300], buf[512];
		struct cni_ip_addr a;

		if (!cni_addr_parse(de->d_name, false, &a))
			continue;
		snprintf(path, sizeof(path), "%s/%s", s->dir, de->d_name);
		if (!read_trimmed(path, buf, sizeof(buf)) || (want && strcmp(buf, want)))
			continue;
		if (fn(path, &a, buf, data) < 0) {
			closedir(d);
			return -1;
		}
		found++;
	}
	closedir(d);
	return found;
}

struct held {
	struct cni_ip_addr *out;
	size_t max, n;
};

static int collect(const char *path, const struct cni_ip_addr *a,
		   const char *content, void *data)
{
	struct held *h = data;

	(void)path, (void)content;
	if (h->n < h->max)
		h->out[h->n++] = *a;
	return 0;
}

size_t hl_store_held(const struct hl_store *s, const char *id, const char *ifname,
		     struct cni_ip_addr *out, size_t max)
{
	char want[512];
	struct held h = { out, max, 0 };

	snprintf(want, sizeof(want), "%s\r\n%s", id, ifname);
	each_held(s, want, collect, &h);
	return h.n;
}

static int remove_file(const char *path, const struct cni_ip_addr *a,
		       const char *content, void *data)
{
	(void)a, (void)content, (void)data;
	return unlink(path) < 0 && errno != ENOENT ? -1 : 0;
}

int hl_store_release(struct hl_store *s, const char *id, const char *ifname,
		     struct cni_err *e)
{
	char want[512], t[64];
	int n;

	snprintf(want, sizeof(want), "%s\r\n%s", id, ifname);
	n = each_held(s, want, remove_file, NULL);
	if (n == 0)
		n = each_held(s, id, remove_file, NULL);
	if (n < 0 && errno != ENOENT)
		return cni_fail(e, CNI_E_GENERIC, "release %s: %s", s->dir,
				cni_strerror(errno, t, sizeof(t)));
	return 0;
}

struct gc {
	hl_keep_fn *keep;
	void *data;
};

/* An address file of an attachment the runtime no longer has goes. Its
 * content is "ID\r\nIFNAME", or the ID alone in the older layout (then
 * any interface of that container keeps it). */
static int collect_stale(const char *path, const struct cni_ip_addr *a,
			 const char *content, void *data)
{
	const struct gc *g = data;
	char id[512];
	const char *sep = strstr(content, "\r\n");
	size_t n = sep ? (size_t)(sep - content) : strlen(content);

	snprintf(id, sizeof(id), "%.*s", (int)n, content);
	if (g->keep(id, sep ? sep + 2 : NULL, g->data))
		return 0;
	return remove_file(path, a, content, NULL);
}

int hl_store_gc(struct hl_store *s, hl_keep_fn *keep, void *data, struct cni_err *e)
{
	struct gc g = { keep, data };
	char t[64];

	if (each_held(s, NULL, collect_stale, &g) < 0 && errno != ENOENT)
		return cni_fail(e, CNI_E_GENERIC, "gc %s: %s", s->dir,
				cni_strerror(errno, t, sizeof(t)));
	return 0;
}
