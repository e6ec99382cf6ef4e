/* Inside the container. Each function enters the namespace, opens its
 * own rtnetlink socket there and comes back before it returns. */
#include "bridge_ctr.h"

#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cni/cni_link.h"
#include "cni/cni_make.h"
#include "cni/cni_netns.h"

/* The gateway of the first address of family, for routes without one. */
static const struct cni_ip_addr *family_gw(const struct cni_result *r, int family)
{
	for (size_t i = 0; i < r->n_ips; i++)
		if (r->ips[i].addr.family == family)
			return r->ips[i].gw.family ? &r->ips[i].gw : NULL;
	return NULL;
}

/* The reference turns duplicate address detection off on the container's
 * side unless enabledad: the address is usable at once. */
static void no_dad(const char *ifname)
{
	char path[128];
	int fd;

	snprintf(path, sizeof(path), "/proc/sys/net/ipv6/conf/%s/accept_dad", ifname);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	if (write(fd, "0", 1) < 0)
		(void)0;   /* IPv6 off in the container: nothing to turn off */
	close(fd);
}

static int configure(struct nl *nl, const char *ifname, bool enable_dad,
		     struct cni_result *r, struct cni_err *e)
{
	struct cni_link l;
	int found = cni_link_get(nl, ifname, &l, e);
	static const struct cni_ip_addr none;

	if (found <= 0)
		return found ? -1 : cni_fail(e, CNI_E_GENERIC, "failed to lookup \"%s\"", ifname);
	snprintf(r->ifaces[2].mac, sizeof(r->ifaces[2].mac), "%s", l.mac);
	if (!enable_dad)
		no_dad(ifname);
	if (cni_link_set_flags(nl, ifname, l.index, IFF_UP, IFF_UP, e) < 0)
		return -1;
	for (size_t i = 0; i < r->n_ips; i++)
		if (cni_make_addr(nl, ifname, l.index, &r->ips[i].addr, false, e) < 0)
			return -1;
	for (size_t i = 0; i < r->n_routes; i++) {
		const struct cni_route *rt = &r->routes[i];
		const struct cni_ip_addr *gw = rt->gw.family ? &rt->gw :
			family_gw(r, rt->dst.family);

		if (cni_make_route(nl, ifname, l.index, &rt->dst, gw ? gw : &none, e) < 0)
			return -1;
	}
	return 0;
}

enum ctr_op { CTR_SETUP, CTR_HAS, CTR_DELETE };

struct ctr_job {
	enum ctr_op op;
	const char *ifname;
	bool enable_dad;
	struct cni_result *r;
};

static int job(struct nl *nl, const struct ctr_job *j, struct cni_err *e)
{
	struct cni_link l;
	int found;

	if (j->op == CTR_SETUP)
		return configure(nl, j->ifname, j->enable_dad, j->r, e);
	found = cni_link_get(nl, j->ifname, &l, e);
	if (j->op == CTR_HAS || found <= 0)
		return found;
	return cni_link_delete(nl, j->ifname, l.index, e);
}

static int in_ns(int fd, const struct ctr_job *j, struct cni_err *e)
{
	struct cni_err ignored;
	struct nl nl;
	int home = cni_netns_enter(fd, e), rc;

	if (home < 0)
		return -1;
	if (nl_open(&nl) < 0) {
		cni_netns_leave(home, &ignored);
		return cni_fail(e, CNI_E_GENERIC, "failed to open rtnetlink in the container");
	}
	rc = job(&nl, j, e);
	nl_close(&nl);
	if (cni_netns_leave(home, rc < 0 ? &ignored : e) < 0)
		rc = -1;
	return rc;
}

int bridge_ctr_setup(int fd, const char *ifname, bool enable_dad,
		     struct cni_result *r, struct cni_err *e)
{
	struct ctr_job j = { CTR_SETUP, ifname, enable_dad, r };

	return in_ns(fd, &j, e);
}

int bridge_ctr_has(int fd, const char *ifname, struct cni_err *e)
{
	struct ctr_job j = { CTR_HAS, ifname, false, NULL };

	return in_ns(fd, &j, e);
}

int bridge_ctr_delete(int fd, const char *ifname, struct cni_err *e)
{
	struct ctr_job j = { CTR_DELETE, ifname, false, NULL };
	int rc = in_ns(fd, &j, e);

	return rc < 0 ? -1 : 0;
}
