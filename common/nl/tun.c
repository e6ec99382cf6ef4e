/* The ioctls of /dev/net/tun behind `ip tuntap add|del`, in iproute2's
 * order, with its messages (perror's "CALL: strerror"). */
#include "nl/tun.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/rtnetlink.h>

#define TUN_PATH "/dev/net/tun"

static int tun_open(const struct tun_spec *s, unsigned short extra, int *fd)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	memcpy(ifr.ifr_name, s->name, sizeof(ifr.ifr_name));
	ifr.ifr_flags = (short)(s->flags | extra);
	if ((*fd = open(TUN_PATH, O_RDWR | O_CLOEXEC)) < 0) {
		perror("open");
		return -1;
	}
	if (ioctl(*fd, TUNSETIFF, &ifr) < 0) {
		perror("ioctl(TUNSETIFF)");
		close(*fd);
		return -1;
	}
	return 0;
}

/* One ioctl with a number argument; on failure its message. */
static int tun_set(int fd, unsigned long req, unsigned long arg, const char *name)
{
	if (ioctl(fd, req, arg) == 0)
		return 0;
	int e = errno;
	fprintf(stderr, "ioctl(%s): %s\n", name, strerror(e));
	return -1;
}

int tun_add(const struct tun_spec *s)
{
	int fd, r = -1;

	/* EXCL: an existing device is an error (EBUSY), never taken over. */
	if (tun_open(s, IFF_TUN_EXCL, &fd) < 0)
		return -1;
	if (s->uid != (uid_t)-1 &&
	    tun_set(fd, TUNSETOWNER, (unsigned long)s->uid, "TUNSETOWNER") < 0)
		goto out;
	if (s->gid != (gid_t)-1 &&
	    tun_set(fd, TUNSETGROUP, (unsigned long)s->gid, "TUNSETGROUP") < 0)
		goto out;
	if (tun_set(fd, TUNSETPERSIST, 1, "TUNSETPERSIST") < 0)
		goto out;
	r = 0;
out:
	/* Not yet persistent after a failure: closing removes the device. */
	close(fd);
	return r;
}

int tun_del(const struct tun_spec *s)
{
	int fd, r;

	if (tun_open(s, 0, &fd) < 0)
		return -1;
	r = tun_set(fd, TUNSETPERSIST, 0, "TUNSETPERSIST");
	close(fd);
	return r;
}

struct nlmsghdr *tun_dump_req(struct nl_req *r)
{
	struct nlmsghdr *nlh = nl_req_init(r, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	struct nlattr *info;

	ifi->ifi_family = AF_UNSPEC;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	info = mnl_attr_nest_start(nlh, IFLA_LINKINFO);
	mnl_attr_put(nlh, IFLA_INFO_KIND, 3, "tun");
	mnl_attr_nest_end(nlh, info);
	return nlh;
}
