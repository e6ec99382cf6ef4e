/* Words that route's changes, listings and lookups read alike: a device
 * by name, "from PREFIX" and "via [FAMILY] ADDRESS". */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "base/iparg.h"
#include "base/inet.h"

int route_ifindex(const struct ifnames *names, const char *name)
{
	for (size_t i = 0; i < names->n; i++)
		if (!strcmp(names->v[i].name, name))
			return names->v[i].index;
	return 0;
}

int route_put_from(struct nlmsghdr *nlh, struct rtmsg *rtm, const char *w)
{
	struct inet_prefix p;
	int r = inet_get_prefix(w, rtm->rtm_family, &p);

	if (r)
		return r;
	if (rtm->rtm_family == AF_UNSPEC)
		rtm->rtm_family = (unsigned char)p.family;
	if (p.bytelen)
		nl_put(nlh, RTA_SRC, (size_t)p.bytelen, p.data);
	rtm->rtm_src_len = (unsigned char)p.bitlen;
	return 0;
}

int route_put_via(struct nlmsghdr *nlh, struct rtmsg *rtm, int argc,
		  char **argv, int *i)
{
	int family = rtm->rtm_family, r;
	struct inet_prefix a;

	if (!iparg_next(argc, i))
		return iparg_incomplete();
	if (!strcmp(argv[*i], "inet") || !strcmp(argv[*i], "inet6")) {
		family = argv[*i][4] ? AF_INET6 : AF_INET;
		if (!iparg_next(argc, i))
			return iparg_incomplete();
	}
	if ((r = inet_get_addr(argv[*i], family, &a)))
		return r;
	if (rtm->rtm_family == AF_UNSPEC)
		rtm->rtm_family = (unsigned char)a.family;
	if (a.family == rtm->rtm_family) {
		nl_put(nlh, RTA_GATEWAY, (size_t)a.bytelen, a.data);
	} else {
		/* struct rtvia: the family, then the address. */
		uint8_t via[2 + 16];
		uint16_t via_family = (uint16_t)a.family;

		memcpy(via, &via_family, 2);
		memcpy(via + 2, a.data, 16);
		nl_put(nlh, RTA_VIA, 2 + (size_t)a.bytelen, via);
	}
	return 0;
}
