/* route_localnet toward the container (portmap_localnet.h). */
#include "portmap_localnet.h"

#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <linux/rtnetlink.h>

#include "nl/addr_msg.h"
#include "nl/nl.h"

struct walk {
	const struct cni_ip_addr *ctr;
	int toward;           /* the interface whose subnet holds the container */
};

static int take(const struct nlmsghdr *nlh, void *data)
{
	struct walk *w = data;
	struct addr_msg m;
	int r = addr_msg_parse(nlh, &m);
	const struct nlattr *a;
	struct cni_ip_addr net = { .family = AF_INET };

	if (r < 0)
		return -1;
	a = m.local ? m.local : m.address;
	if (r > 0 || w->toward || m.ifa->ifa_family != AF_INET || !a ||
	    mnl_attr_get_payload_len(a) != 4)
		return 0;
	memcpy(net.bytes, mnl_attr_get_payload(a), 4);
	net.prefix = m.ifa->ifa_prefixlen;
	cni_addr_mask(&net);
	if (cni_addr_in(&net, w->ctr))
		w->toward = (int)m.ifa->ifa_index;
	return 0;
}

static void restart(void *data)
{
	struct walk *w = data;

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

int portmap_localnet(const struct pm_spec *s, struct cni_err *e)
{
	struct nl nl;
	struct nl_req req;
	struct nlmsghdr *nlh;
	struct ifaddrmsg *ifa;
	struct walk w = { &s->ctr, 0 };
	int rc;

	if (!s->snat)
		return 0;
	nlh = nl_req_init(&req, RTM_GETADDR, NLM_F_DUMP);
	ifa = nl_put_header(nlh, sizeof(*ifa));
	ifa->ifa_family = AF_INET;
	if (nl_open(&nl) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open rtnetlink");
	rc = nl_dump_stream(&nl, nlh, take, restart, &w);
	nl_close(&nl);
	if (rc < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to list the host's addresses");
	return w.toward ? localnet_on(w.toward, e) : 0;
}
