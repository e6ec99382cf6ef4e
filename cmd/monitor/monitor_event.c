/* One event as ip's monitor prints it: the headers (time, label), then
 * the record exactly as the object's show prints it, "Deleted " before
 * what was removed. ip prints the headers before its printer's own
 * filters (dev DEVICE) look at the record, so a filtered-out event still
 * gets them; nsip does the same, for the same bytes. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <linux/rtnetlink.h>

#include "monitor.h"
#include "base/err.h"
#include "nl/link_msg.h"
#include "nl/addr_msg.h"
#include "nl/route_msg.h"
#include "nl/neigh_msg.h"
#include "nl/netconf_msg.h"
#include "nl/rule_msg.h"
#include "nl/link_lookup.h"
#include "print/link_print.h"
#include "print/addr_print.h"
#include "print/route_print.h"
#include "print/neigh_print.h"
#include "print/netconf_print.h"
#include "print/rule_print.h"

/* RTM_GETLINK for one index: what ip's name cache asks on a miss. */
static int learn_reply(const struct nlmsghdr *nlh, void *data)
{
	struct monitor *m = data;
	struct link_msg lm;

	if (nlh->nlmsg_type != RTM_NEWLINK || link_msg_parse(nlh, &lm) < 0 ||
	    !lm.tb[IFLA_IFNAME])
		return 0;
	ifnames_put(&m->names, lm.ifi->ifi_index, lm.ifi->ifi_flags,
		    mnl_attr_get_str(lm.tb[IFLA_IFNAME]));
	return 0;
}

void monitor_learn(struct monitor *m, int index)
{
	struct nl_req req;

	if (index <= 0 || ifnames_find(&m->names, index) || !m->ask)
		return;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETLINK, 0);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	ifi->ifi_index = index;
	mnl_attr_put_u32(nlh, IFLA_EXT_MASK, RTEXT_FILTER_SKIP_STATS);
	/* Gone already: the printers then say "ifN", as ip does. */
	nl_talk_quiet(m->ask, nlh, learn_reply, m);
}

static void learn_attr(struct monitor *m, const struct nlattr *a)
{
	if (a)
		monitor_learn(m, (int)mnl_attr_get_u32(a));
}

void monitor_headers(struct monitor *m, const char *label)
{
	FILE *f = m->out.f;

	if (m->c->opt.timestamp) {
		struct timeval tv;
		gettimeofday(&tv, NULL);
		struct tm tm;
		localtime_r(&tv.tv_sec, &tm);
		char when[64];
		if (m->c->opt.tshort) {
			strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S", &tm);
			fprintf(f, "[%s.%06ld] ", when, (long)tv.tv_usec);
		} else {
			strftime(when, sizeof(when), "%a %b %e %H:%M:%S %Y", &tm);
			fprintf(f, "Timestamp: %s %ld usec\n", when, (long)tv.tv_usec);
		}
	}
	if (m->label)
		fputs(label, f);
}

static void deleted(struct monitor *m, const struct nlmsghdr *nlh, int del_type)
{
	if (nlh->nlmsg_type == del_type)
		out_text(&m->out, "Deleted ");
}

static int link_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	struct link_msg lm;

	if (link_msg_parse(nlh, &lm) < 0)
		return 0;
	/* ip's cache follows the events before the record is printed. */
	if (nlh->nlmsg_type == RTM_DELLINK)
		ifnames_drop(&m->names, lm.ifi->ifi_index);
	else if (lm.tb[IFLA_IFNAME])
		ifnames_put(&m->names, lm.ifi->ifi_index, lm.ifi->ifi_flags,
			    mnl_attr_get_str(lm.tb[IFLA_IFNAME]));
	monitor_headers(m, "[LINK]");
	if ((m->ifindex && lm.ifi->ifi_index != m->ifindex) || !lm.tb[IFLA_IFNAME])
		return 0;
	if (!lm.tb[IFLA_LINK_NETNSID])
		learn_attr(m, lm.tb[IFLA_LINK]);
	learn_attr(m, lm.tb[IFLA_MASTER]);
	struct link_print_opts opts = {
		.show_link_line = true, .hide_qlen = true,
		.details = m->c->opt.details, .nl = m->ask, .names = &m->names,
		.nsid_name = monitor_nsid_name, .nsid_data = m,
	};
	deleted(m, nlh, RTM_DELLINK);
	link_print(&m->out, &lm, &opts);
	link_print_altnames(&m->out, &lm);
	out_eol(&m->out);
	return 1;
}

static int addr_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	struct addr_msg am;
	char buf[LINK_IFN_SIZE];

	monitor_headers(m, "[ADDR]");
	if (addr_msg_parse(nlh, &am) != 0)
		return 0;
	if (m->ifindex && (int)am.ifa->ifa_index != m->ifindex)
		return 0;
	monitor_learn(m, (int)am.ifa->ifa_index);
	struct addr_print_opts opts = {
		.dev = link_name_or_ifn(&m->names, (int)am.ifa->ifa_index, buf,
					sizeof(buf)),
	};
	deleted(m, nlh, RTM_DELADDR);
	addr_print(&m->out, &am, &opts);
	return 1;
}

/* The devices of a multipath route's next hops. */
static void learn_hops(struct monitor *m, const struct nlattr *mp)
{
	const char *p = mnl_attr_get_payload(mp);
	size_t left = mnl_attr_get_payload_len(mp);

	while (left >= sizeof(struct rtnexthop)) {
		const struct rtnexthop *nh = (const void *)p;
		if (nh->rtnh_len < sizeof(*nh) || nh->rtnh_len > left)
			return;
		monitor_learn(m, nh->rtnh_ifindex);
		size_t step = RTNH_ALIGN((size_t)nh->rtnh_len);
		if (step > left)
			step = left;
		left -= step;
		p += step;
	}
}

static int route_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	struct route_msg rm;
	int family = m->c->opt.family;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg)))
		return fail(-1, "BUG: wrong nlmsg len %d",
			    (int)nlh->nlmsg_len - (int)NLMSG_LENGTH(sizeof(struct rtmsg)));
	const struct rtmsg *rtm = mnl_nlmsg_get_payload(nlh);
	if (rtm->rtm_flags & RTM_F_CLONED)
		return 0;
	if (rtm->rtm_family == RTNL_FAMILY_IPMR || rtm->rtm_family == RTNL_FAMILY_IP6MR) {
		errmsg("%s monitor: multicast route events are not supported by nsip",
		       m->c->prog);
		return 0;
	}
	monitor_headers(m, "[ROUTE]");
	if (route_msg_parse(nlh, &rm) < 0)
		return 0;
	if (family != AF_UNSPEC && rtm->rtm_family != family)
		return 0;
	if (m->ifindex && (!rm.tb[RTA_OIF] ||
			   (int)mnl_attr_get_u32(rm.tb[RTA_OIF]) != m->ifindex))
		return 0;
	learn_attr(m, rm.tb[RTA_OIF]);
	learn_attr(m, rm.tb[RTA_IIF]);
	if (rm.tb[RTA_MULTIPATH])
		learn_hops(m, rm.tb[RTA_MULTIPATH]);
	struct route_print_opts opts = {
		.names = &m->names, .details = m->c->opt.details,
		.stats = m->c->opt.stats, .hide_dev = m->ifindex != 0,
	};
	deleted(m, nlh, RTM_DELROUTE);
	route_print(&m->out, &rm, &opts);
	out_eol(&m->out);
	return 1;
}

static int neigh_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	struct neigh_msg nm;
	int family = m->c->opt.family;

	if (nlh->nlmsg_len < NLMSG_LENGTH(sizeof(struct ndmsg)))
		return 0;
	const struct ndmsg *ndm = mnl_nlmsg_get_payload(nlh);
	if (family != AF_UNSPEC && ndm->ndm_family != family)
		return 0;
	monitor_headers(m, "[NEIGH]");
	if (neigh_msg_parse(nlh, &nm) < 0)
		return 0;
	if (m->ifindex && ndm->ndm_ifindex != m->ifindex)
		return 0;
	monitor_learn(m, ndm->ndm_ifindex);
	struct neigh_print_opts opts = {
		.names = &m->names, .hide_dev = m->ifindex != 0,
		.stats = m->c->opt.stats,
	};
	deleted(m, nlh, RTM_DELNEIGH);
	if (nlh->nlmsg_type == RTM_GETNEIGH)
		out_text(&m->out, "miss ");
	neigh_print(&m->out, &nm, &opts);
	out_eol(&m->out);
	return 1;
}

static int netconf_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	struct netconf_msg cm;

	monitor_headers(m, "[NETCONF]");
	if (netconf_msg_parse(nlh, &cm) < 0)
		return 0;
	int index = cm.tb[NETCONFA_IFINDEX] ?
		    (int)mnl_attr_get_u32(cm.tb[NETCONFA_IFINDEX]) : 0;
	if (m->ifindex && index != m->ifindex)
		return 0;
	monitor_learn(m, index);
	deleted(m, nlh, RTM_DELNETCONF);
	netconf_print(&m->out, &cm, &m->names);
	out_eol(&m->out);
	return 1;
}

static int rule_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	struct rule_msg rm;
	int family = m->c->opt.family;

	monitor_headers(m, "[RULE]");
	if (rule_msg_parse(nlh, &rm) < 0)
		return 0;
	if (family != AF_UNSPEC && rm.frh->family != family)
		return 0;
	struct rule_print_opts opts = { .details = m->c->opt.details };
	deleted(m, nlh, RTM_DELRULE);
	rule_print(&m->out, &rm, &opts);
	out_eol(&m->out);
	return 1;
}

/* What ip prints and nsip cannot yet: said on stderr, once a message. */
static int not_supported(struct monitor *m, const char *what)
{
	errmsg("%s monitor: %s events are not supported by nsip", m->c->prog, what);
	return 0;
}

static int other_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	switch (nlh->nlmsg_type) {
	case RTM_NEWPREFIX:
		return not_supported(m, "prefix");
	case RTM_NEWNEXTHOP: case RTM_DELNEXTHOP:
	case RTM_NEWNEXTHOPBUCKET: case RTM_DELNEXTHOPBUCKET:
		return not_supported(m, "nexthop");
	case RTM_NEWADDRLABEL: case RTM_DELADDRLABEL:
		return not_supported(m, "addrlabel");
	case RTM_NEWSTATS:
		return not_supported(m, "stats");
	case NLMSG_ERROR: case NLMSG_NOOP: case NLMSG_DONE:
		return 0;
	}
	errmsg("Unknown message: type=0x%08x(%d) flags=0x%08x(%d) len=0x%08x(%d)",
	       nlh->nlmsg_type, nlh->nlmsg_type, nlh->nlmsg_flags,
	       nlh->nlmsg_flags, nlh->nlmsg_len, nlh->nlmsg_len);
	return 0;
}

static int dispatch(struct monitor *m, const struct nlmsghdr *nlh)
{
	switch (nlh->nlmsg_type) {
	case RTM_NEWROUTE: case RTM_DELROUTE:
		return route_event(m, nlh);
	case RTM_NEWLINK: case RTM_DELLINK:
		return link_event(m, nlh);
	case RTM_NEWADDR: case RTM_DELADDR:
		return addr_event(m, nlh);
	case RTM_NEWNEIGH: case RTM_DELNEIGH: case RTM_GETNEIGH:
		return neigh_event(m, nlh);
	case RTM_NEWNETCONF: case RTM_DELNETCONF:
		return netconf_event(m, nlh);
	case RTM_NEWRULE: case RTM_DELRULE:
		return rule_event(m, nlh);
	case RTM_NEWNSID: case RTM_DELNSID:
		monitor_headers(m, "[NSID]");
		return monitor_nsid_event(m, nlh);
	default:
		return other_event(m, nlh);
	}
}

int monitor_event(struct monitor *m, const struct nlmsghdr *nlh)
{
	int r = dispatch(m, nlh);

	/* Each event printed reaches a reader at once, a pipe's too. Headers
	 * whose record a filter dropped wait for the next event, as ip's. */
	if (r > 0)
		fflush(m->out.f);
	return r < 0 ? -1 : 0;
}
