/* The bridge plugin: the bridge (made when missing), a veth pair with one
 * end in the container named CNI_IFNAME and the other on the bridge, the
 * addresses of the IPAM plugin the config names (run from CNI_PATH), the
 * gateway on the bridge; the result as the reference bridge prints it.
 * A failed ADD takes back what it made; DEL is idempotent. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "bridge_conf.h"
#include "bridge_ctr.h"
#include "cni/cni_ipam.h"
#include "cni/cni_link.h"
#include "cni/cni_make.h"
#include "cni/cni_masq.h"
#include "cni/cni_netns.h"
#include "cni_plugins.h"

/* What this ADD made, for taking it back when a later step fails. */
struct made {
	bool bridge, veth, ipam, masq;
	char host[IFNAMSIZ];
};

struct add_state {
	struct cni_call *call;
	struct bridge_conf bc;
	struct nl nl;              /* the host's */
	int ns_fd;
	int br_index;
	struct made made;
	struct cni_result r;
};

static int open_netns(const char *path, struct cni_err *e)
{
	int fd = cni_netns_open(path, NULL, e);
	char msg[sizeof(e->msg)];

	if (fd >= 0)
		return fd;
	snprintf(msg, sizeof(msg), "%s", e->msg);
	return cni_fail(e, CNI_E_GENERIC, "failed to open netns \"%s\": %.400s", path, msg);
}

/* "veth" and eight random hex digits, as the reference names host ends. */
static void host_name(char *buf, size_t len)
{
	unsigned int v = 0;

	if (getrandom(&v, sizeof(v), 0) != (ssize_t)sizeof(v))
		v = (unsigned int)getpid() ^ (unsigned int)(size_t)buf;
	snprintf(buf, len, "veth%08x", v);
}

static int make_veth(struct add_state *s, struct cni_err *e)
{
	const char *ifname = s->call->env.ifname;
	int has = bridge_ctr_has(s->ns_fd, ifname, e);

	if (has != 0)
		return has < 0 ? -1 : cni_fail(e, CNI_E_GENERIC, "container veth name "
					      "provided (%s) already exists", ifname);
	for (int tries = 0; tries < 10; tries++) {
		int r;

		host_name(s->made.host, sizeof(s->made.host));
		r = cni_make_veth(&s->nl, s->made.host, ifname, s->ns_fd, s->bc.mtu,
				  s->br_index, e);
		s->made.veth = r == 0 || r == -2;
		if (r < 0)
			return -1;
		if (r == 0)
			return 0;
	}
	return cni_fail(e, CNI_E_GENERIC, "failed to find a free name for the host veth");
}

/* Each address refers to the container's interface; a gateway is the
 * subnet's first address when IPAM gave none; a default route per family
 * when asked. As the reference's calcGateways. */
static void gateways(struct add_state *s)
{
	bool have_default[2] = { false, false };
	struct cni_result *r = &s->r;

	for (size_t i = 0; i < r->n_ips; i++) {
		struct cni_ip *ip = &r->ips[i];
		int f = ip->addr.family == AF_INET6;

		ip->iface = 2;
		if (!ip->gw.family && s->bc.is_gw) {
			ip->gw = ip->addr;
			cni_addr_mask(&ip->gw);
			ip->gw.prefix = -1;
			cni_addr_next(&ip->gw);
		}
		for (size_t k = 0; k < r->n_routes && !have_default[f]; k++)
			if (r->routes[k].dst.family == ip->addr.family &&
			    r->routes[k].dst.prefix == 0 && r->routes[k].gw.family)
				have_default[f] = true;
		if (s->bc.is_default_gw && !have_default[f] && r->n_routes < CNI_RES_ROUTES) {
			struct cni_route *rt = &r->routes[r->n_routes++];

			memset(rt, 0, sizeof(*rt));
			rt->dst.family = ip->addr.family;
			rt->dst.prefix = 0;
			rt->gw = ip->gw;
			have_default[f] = true;
		}
	}
}

static void sysctl_on(const char *path)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC);

	if (fd < 0)
		return;
	if (write(fd, "1", 1) < 0)
		(void)0;   /* without forwarding the container still reaches the host */
	close(fd);
}

/* The most of one family's addresses on the bridge looked at. */
#define CNI_BRIDGE_ADDRS_MAX 64

/* The bridge's addresses that gw cannot sit beside, as the reference
 * judges them: any other IPv4 address, an IPv6 one of an overlapping
 * subnet. With forceAddress they go; without, the ADD fails. 1 when gw is
 * on the bridge already, 0, or -1 with e. */
static int clear_for_gateway(struct add_state *s, const struct cni_ip_addr *gw,
			     struct cni_err *e)
{
	struct cni_ip_addr have[CNI_BRIDGE_ADDRS_MAX];
	char t[CNI_ADDR_STRLEN];
	int n = cni_link_addrs(&s->nl, s->br_index, gw->family, have,
			       CNI_BRIDGE_ADDRS_MAX, e);

	for (int i = 0; i < n && i < CNI_BRIDGE_ADDRS_MAX; i++) {
		const struct cni_ip_addr *a = &have[i];

		if (a->prefix == gw->prefix && !cni_addr_cmp(a, gw))
			return 1;
		if (gw->family == AF_INET6 && !cni_addr_in(a, gw) && !cni_addr_in(gw, a))
			continue;
		if (!s->bc.force_addr)
			return cni_fail(e, CNI_E_GENERIC, "failed to set bridge addr: \"%s\" "
					"already has an IP address different from %s",
					s->bc.bridge, cni_addr_format(gw, t, sizeof(t)));
		if (cni_unmake_addr(&s->nl, s->bc.bridge, s->br_index, a, e) < 0)
			return -1;
	}
	return n < 0 ? -1 : 0;
}

/* isGateway: the gateway addresses on the bridge, forwarding on. */
static int gateway_on_bridge(struct add_state *s, struct cni_err *e)
{
	for (size_t i = 0; s->bc.is_gw && i < s->r.n_ips; i++) {
		struct cni_ip_addr gw = s->r.ips[i].gw;

		if (!gw.family)
			continue;
		gw.prefix = s->r.ips[i].addr.prefix;
		int there = clear_for_gateway(s, &gw, e);

		if (there < 0 || (!there &&
				  cni_make_addr(&s->nl, s->bc.bridge, s->br_index, &gw, true, e) < 0))
			return -1;
		sysctl_on(gw.family == AF_INET ? "/proc/sys/net/ipv4/ip_forward" :
			  "/proc/sys/net/ipv6/conf/all/forwarding");
	}
	return 0;
}

/* ipMasq: the container's addresses masqueraded behind the host's. */
static int masquerade(struct add_state *s, struct cni_err *e)
{
	struct cni_ip_addr addrs[CNI_RES_IPS];

	if (!s->bc.ip_masq || !s->r.n_ips)
		return 0;
	for (size_t i = 0; i < s->r.n_ips; i++)
		addrs[i] = s->r.ips[i].addr;
	if (cni_masq_add(s->call->conf.name, s->call->env.containerid, addrs,
			 s->r.n_ips, e) < 0)
		return -1;
	s->made.masq = true;
	return 0;
}

/* The interfaces of the result: bridge, host end, container end. */
static int interfaces(struct add_state *s, struct cni_err *e)
{
	struct cni_link br, host;

	if (cni_link_get(&s->nl, s->bc.bridge, &br, e) <= 0 ||
	    cni_link_get(&s->nl, s->made.host, &host, e) <= 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to look up %s or %s",
				s->bc.bridge, s->made.host);
	snprintf(s->r.ifaces[0].name, IFNAMSIZ, "%s", s->bc.bridge);
	snprintf(s->r.ifaces[0].mac, sizeof(s->r.ifaces[0].mac), "%s", br.mac);
	snprintf(s->r.ifaces[1].name, IFNAMSIZ, "%s", s->made.host);
	snprintf(s->r.ifaces[1].mac, sizeof(s->r.ifaces[1].mac), "%s", host.mac);
	snprintf(s->r.ifaces[2].name, IFNAMSIZ, "%s", s->call->env.ifname);
	s->r.ifaces[2].sandbox = s->call->env.netns;
	s->r.n_ifaces = 3;
	return 0;
}

static int steps(struct add_state *s, struct cni_err *e)
{
	struct cni_link host;

	s->br_index = cni_make_bridge(&s->nl, s->bc.bridge, s->bc.mtu, s->bc.promisc,
				      &s->made.bridge, e);
	if (s->br_index < 0 || make_veth(s, e) < 0)
		return -1;
	if (s->bc.hairpin && (cni_link_get(&s->nl, s->made.host, &host, e) <= 0 ||
			      cni_make_hairpin(&s->nl, s->made.host, host.index, e) < 0))
		return -1;
	if (s->bc.ipam_type) {
		if (cni_ipam_exec(s->call, s->bc.ipam_type, "ADD", &s->r, e) < 0)
			return -1;
		s->made.ipam = true;
		if (!s->r.n_ips)
			return cni_fail(e, CNI_E_GENERIC, "IPAM plugin returned missing IP config");
		gateways(s);
	}
	if (interfaces(s, e) < 0 ||
	    bridge_ctr_setup(s->ns_fd, s->call->env.ifname, s->bc.enable_dad, &s->r, e) < 0 ||
	    gateway_on_bridge(s, e) < 0 || masquerade(s, e) < 0 || interfaces(s, e) < 0)
		return -1;
	/* the result's DNS is the config's, whatever IPAM said */
	return cni_result_dns(s->bc.dns, &s->r, e);
}

static void take_back(struct add_state *s)
{
	struct cni_err ignored;
	struct cni_link l;

	if (s->made.masq)
		cni_masq_del(s->call->conf.name, s->call->env.containerid, &ignored);
	if (s->made.ipam)
		cni_ipam_exec(s->call, s->bc.ipam_type, "DEL", NULL, &ignored);
	if (s->made.veth && cni_link_get(&s->nl, s->made.host, &l, &ignored) > 0)
		cni_link_delete(&s->nl, s->made.host, l.index, &ignored);
	/* a bridge made here goes, unless a parallel ADD has a port on it */
	if (s->made.bridge && cni_link_get(&s->nl, s->bc.bridge, &l, &ignored) > 0 &&
	    cni_link_ports(&s->nl, l.index) == 0)
		cni_link_delete(&s->nl, s->bc.bridge, l.index, &ignored);
}

static int add(struct cni_call *call, struct cni_err *e)
{
	struct add_state s = { .call = call, .ns_fd = -1 };
	int rc;

	cni_result_init(&s.r);
	if (bridge_conf_parse(&call->conf, &s.bc, e) < 0)
		return -1;
	s.ns_fd = open_netns(call->env.netns, e);
	if (s.ns_fd < 0)
		return -1;
	if (nl_open(&s.nl) < 0) {
		close(s.ns_fd);
		return cni_fail(e, CNI_E_GENERIC, "failed to open rtnetlink");
	}
	rc = steps(&s, e);
	if (rc == 0 && cni_result_print(&s.r, call->conf.version, stdout) < 0)
		rc = cni_fail(e, CNI_E_IO, "failed to write the result");
	if (rc < 0)
		take_back(&s);
	nl_close(&s.nl);
	close(s.ns_fd);
	cni_result_free(&s.r);
	return rc;
}

/* The container's end goes (its peer with it), then the addresses; a
 * namespace already gone leaves only the addresses to free. */
static int del(struct cni_call *call, struct cni_err *e)
{
	struct bridge_conf bc;
	int fd, err;

	if (bridge_conf_parse(&call->conf, &bc, e) < 0)
		return -1;
	if (call->env.netns) {
		fd = cni_netns_open(call->env.netns, &err, e);
		if (fd < 0 && err != ENOENT)
			return -1;
		if (fd >= 0) {
			int rc = bridge_ctr_delete(fd, call->env.ifname, e);

			close(fd);
			if (rc < 0)
				return -1;
		}
	}
	if (bc.ipam_type && cni_ipam_exec(call, bc.ipam_type, "DEL", NULL, e) < 0)
		return -1;
	return bc.ip_masq ? cni_masq_del(call->conf.name, call->env.containerid, e) : 0;
}

/* The container's interface and the bridge are still there. */
static int check(struct cni_call *call, struct cni_err *e)
{
	struct bridge_conf bc;
	struct cni_link br;
	struct nl nl;
	int fd, has, found;

	if (bridge_conf_parse(&call->conf, &bc, e) < 0)
		return -1;
	if (!call->conf.prev)
		return cni_fail(e, CNI_E_GENERIC, "Required prevResult missing");
	fd = open_netns(call->env.netns, e);
	if (fd < 0)
		return -1;
	has = bridge_ctr_has(fd, call->env.ifname, e);
	close(fd);
	if (has <= 0)
		return has < 0 ? -1 : cni_fail(e, CNI_E_GENERIC, "Error: Container interface "
					      "%s not found", call->env.ifname);
	if (nl_open(&nl) < 0)
		return cni_fail(e, CNI_E_GENERIC, "failed to open rtnetlink");
	found = cni_link_get(&nl, bc.bridge, &br, e);
	nl_close(&nl);
	if (found <= 0)
		return found < 0 ? -1 : cni_fail(e, CNI_E_GENERIC, "Error: bridge %s not found",
						 bc.bridge);
	return bc.ipam_type ? cni_ipam_exec(call, bc.ipam_type, "CHECK", NULL, e) : 0;
}

/* GC and STATUS (spec 1.1) are the IPAM plugin's: the bridge holds no
 * state of its own beyond the container's rules, which its DEL removes. */
static int pass_to_ipam(struct cni_call *call, struct cni_err *e)
{
	struct bridge_conf bc;

	if (bridge_conf_parse(&call->conf, &bc, e) < 0)
		return -1;
	return bc.ipam_type ? cni_ipam_exec(call, bc.ipam_type, call->env.command, NULL, e)
			    : 0;
}

const struct cni_plugin cni_bridge_plugin = {
	"bridge", add, del, check, pass_to_ipam, pass_to_ipam,
};
