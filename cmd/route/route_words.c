/* Words that route's changes, listings and lookups read alike: a device
 * by name, "from PREFIX" and "via [FAMILY] ADDRESS", and how an address
 * is kept in the request's description. */
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "base/iparg.h"
#include "base/inet.h"

void route_addr_take(struct route_addr *a, const struct inet_prefix *p)
{
	a->given = true;
	a->len = (uint8_t)p->bytelen;
	memcpy(a->bytes, p->data, sizeof(a->bytes));
}

int route_read_from(struct rtmsg *rtm, const char *w, struct inet_prefix *p)
{
	int r = inet_get_prefix(w, rtm->rtm_family, p);

	if (r)
		return r;
	if (rtm->rtm_family == AF_UNSPEC)
		rtm->rtm_family = (unsigned char)p->family;
	rtm->rtm_src_len = (unsigned char)p->bitlen;
	return 0;
}

int route_read_via(struct route_spec *s, struct route_addr *gateway,
		   struct route_addr *via, int argc, char **argv, int *i)
{
	struct rtmsg *rtm = &s->rtm;
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
		route_spec_grow(s, a.bytelen);
		if (!gateway->given)
			route_addr_take(gateway, &a);
	} else {
		route_spec_grow(s, 2 + a.bytelen);
		if (!via->given) {
			route_addr_take(via, &a);
			via->via_family = (uint16_t)a.family;
		}
	}
	return 0;
}
