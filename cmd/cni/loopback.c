/* The loopback plugin: lo up in the container (ADD), down (DEL), and
 * CHECK that it is up; the result names lo with its addresses, as the
 * reference loopback prints it. */
#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

#include "cni_plugins.h"
#include "cni/cni_link.h"
#include "cni/cni_netns.h"
#include "cni/cni_result.h"

/* The address of family on lo, when it has one, into r. */
static int add_addr(struct nl *nl, int index, int family, struct cni_result *r,
		    struct cni_err *e)
{
	struct cni_ip_addr a = { 0 };
	int n = cni_link_addrs(nl, index, family, &a, 1, e);

	if (n <= 0)
		return n;
	r->ips[r->n_ips].addr = a;
	r->ips[r->n_ips].iface = 0;
	r->n_ips++;
	return 0;
}

/* In the container: lo set as up says, its state for the result. */
static int set_lo(const struct cni_call *call, bool up, struct cni_result *r,
		  struct cni_err *e)
{
	struct nl nl;
	struct cni_link lo;
	int found;

	if (nl_open(&nl) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open rtnetlink");
	found = cni_link_get(&nl, call->env.ifname, &lo, e);
	if (found == 0)
		cni_fail(e, CNI_E_GENERIC, "failed to find \"%s\": Link not found",
			 call->env.ifname);
	if (found > 0 && r && !up && !(lo.flags & IFF_UP))
		found = cni_fail(e, CNI_E_GENERIC, "loopback interface is down");
	else if (found > 0 && (up || !r))
		found = cni_link_set_flags(&nl, call->env.ifname, lo.index,
					   up ? IFF_UP : 0, IFF_UP, e) < 0 ? -1 : 1;
	if (found > 0 && r && up &&
	    (add_addr(&nl, lo.index, AF_INET, r, e) < 0 ||
	     add_addr(&nl, lo.index, AF_INET6, r, e) < 0))
		found = -1;
	nl_close(&nl);
	return found > 0 ? 0 : -1;
}

/* ADD, DEL and CHECK: what they do in the container (r: the result wanted;
 * up false with r: only look). */
static int in_netns(const struct cni_call *call, bool up, struct cni_result *r,
		    struct cni_err *e)
{
	struct cni_err later;   /* a failure to come back after one inside */
	int fd = cni_netns_open(call->env.netns, NULL, e), home, rc;

	if (fd < 0)
		return -1;
	home = cni_netns_enter(fd, e);
	close(fd);
	if (home < 0)
		return -1;
	rc = set_lo(call, up, r, e);
	if (cni_netns_leave(home, rc < 0 ? &later : e) < 0)
		rc = -1;
	return rc;
}

static int add(struct cni_call *call, struct cni_err *e)
{
	struct cni_result r;
	int rc;

	cni_result_init(&r);
	rc = in_netns(call, true, &r, e);
	if (rc == 0 && call->conf.prev) {
		/* A chained loopback passes the result before it on. */
		cni_result_free(&r);
		cni_result_init(&r);
		rc = cni_result_parse(call->conf.prev, &r, e);
	} else if (rc == 0) {
		snprintf(r.ifaces[0].name, sizeof(r.ifaces[0].name), "%s", call->env.ifname);
		snprintf(r.ifaces[0].mac, sizeof(r.ifaces[0].mac), "00:00:00:00:00:00");
		r.ifaces[0].sandbox = call->env.netns;
		r.n_ifaces = 1;
	}
	if (rc == 0 && cni_result_print_form(&r, call->conf.version, CNI_FORM_100,
					     stdout) < 0)
		rc = cni_fail(e, CNI_E_IO, "failed to write the result");
	cni_result_free(&r);
	return rc;
}

/* A namespace already gone has no lo to set down: done, as the spec wants. */
static int del(struct cni_call *call, struct cni_err *e)
{
	int err;
	int fd;

	if (!call->env.netns)
		return 0;
	fd = cni_netns_open(call->env.netns, &err, e);
	if (fd < 0)
		return err == ENOENT ? 0 : -1;
	close(fd);
	return in_netns(call, false, NULL, e);
}

static int check(struct cni_call *call, struct cni_err *e)
{
	struct cni_result r;
	int rc;

	cni_result_init(&r);
	rc = in_netns(call, false, &r, e);
	cni_result_free(&r);
	return rc;
}

/* Nothing to collect, and always ready: GC and STATUS succeed. */
const struct cni_plugin cni_loopback_plugin = { "loopback", add, del, check, NULL, NULL };
