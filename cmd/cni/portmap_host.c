/* The host's side of portmap. */
#include "portmap_host.h"

#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/rtnetlink.h>

#include "nl/addr_msg.h"
#include "nl/nl.h"

struct walk {
	struct pm_spec *s;
	int toward;           /* the interface whose subnet holds the container */
};

static int take(const struct nlmsghdr *nlh, void *data)
{
	struct walk *w = data;
	struct addr_msg m;
	int r = addr_msg_parse(nlh, &m);
	const struct nlattr *a;
	struct cni_ip_addr *l;

	if (r < 0)
		return -1;
	a = m.local ? m.local : m.address;
	if (r > 0 || m.ifa->ifa_family != AF_INET || !a ||
	    mnl_attr_get_payload_len(a) != 4 || w->s->n_local == PM_LOCAL_MAX)
		return 0;
	l = &w->s->local[w->s->n_local++];
	memset(l, 0, sizeof(*l));
	l->family = AF_INET;
	memcpy(l->bytes, mnl_attr_get_payload(a), 4);
	/* 127.0.0.1/8 on lo answers for all of 127/8, as a local route does */
	l->prefix = l->bytes[0] == 127 ? 8 : 32;
	if (!w->toward) {
		struct cni_ip_addr net = *l;

		net.prefix = m.ifa->ifa_prefixlen;
		cni_addr_mask(&net);
		if (cni_addr_in(&net, &w->s->ctr))
			w->toward = (int)m.ifa->ifa_index;
	}
	return 0;
}

static void restart(void *data)
{
	struct walk *w = data;

	w->s->n_local = 0;
	w->toward = 0;
}

static int localnet_on(int index, struct cni_err *e)
{
	char name[IF_NAMESIZE], path[80];
	int fd;

	if (!if_indextoname((unsigned int)index, name))
		return 0;   /* gone since: nothing to route there */
	snprintf(path, sizeof(path), "/proc/sys/net/ipv4/conf/%s/route_localnet", name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "1", 1) != 1) {
		if (fd >= 0)
			close(fd);
		return cni_fail(e, CNI_E_GENERIC, "unable to setup DNAT: failed to set "
				"route_localnet on %s", name);
	}
	close(fd);
	return 0;
}

int portmap_host(struct pm_spec *s, struct cni_err *e)
{
	struct nl nl;
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETADDR, NLM_F_DUMP);
	struct ifaddrmsg *ifa = nl_put_header(nlh, sizeof(*ifa));
	struct walk w = { s, 0 };
	int rc;

	ifa->ifa_family = AF_INET;
	s->n_local = 0;
	if (nl_open(&nl) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open rtnetlink");
	rc = nl_dump_stream(&nl, nlh, take, restart, &w);
	nl_close(&nl);
	if (rc < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to list the host's addresses");
	if (s->snat && w.toward)
		return localnet_on(w.toward, e);
	return 0;
}
