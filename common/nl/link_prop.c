/* The request of one alternative-name change (link_prop.h). */
#include "nl/link_prop.h"

#include <string.h>
#include <sys/socket.h>
#include <libmnl/libmnl.h>
#include <linux/if_link.h>
#include <linux/rtnetlink.h>

struct nlmsghdr *link_prop_req(struct nl_req *r, uint16_t type, int index,
			       const char *name)
{
	/* ip's flags: an added name must be new, and goes after the others. */
	uint16_t flags = type == RTM_NEWLINKPROP
		? NLM_F_CREATE | NLM_F_EXCL | NLM_F_APPEND : 0;
	struct nlmsghdr *nlh = nl_req_init(r, type, flags);
	struct ifinfomsg *ifi = nl_put_header(nlh, sizeof(*ifi));
	struct nlattr *list;

	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = index;
	list = mnl_attr_nest_start(nlh, IFLA_PROP_LIST);
	if (name)
		nl_put(nlh, IFLA_ALT_IFNAME, strlen(name) + 1, name);
	mnl_attr_nest_end(nlh, list);
	return nlh;
}
