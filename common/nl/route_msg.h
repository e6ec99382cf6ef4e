/* A route message (RTM_NEWROUTE) taken apart, its attributes checked
 * before anyone reads them (addresses of the family's size, next hops
 * that stay inside their attribute). */
#ifndef NSIP_ROUTE_MSG_H
#define NSIP_ROUTE_MSG_H

#include <stdint.h>
#include <linux/rtnetlink.h>

#include "nl/nl.h"

/* A route message taken apart: header, validated attributes, and the
 * table (RTA_TABLE when there is one, else rtm_table). */
struct route_msg {
	const struct rtmsg *rtm;
	const struct nlattr *tb[RTA_MAX + 1];
	uint32_t table;
};

/* Validates attribute types and, for addresses, that their length is the
 * family's; a malformed message is reported and -1 returned. */
int route_msg_parse(const struct nlmsghdr *nlh, struct route_msg *m);

/* The attributes of one next hop: where they start, and in *len how many
 * bytes they take. */
const struct nlattr *route_nh_attrs(const struct rtnexthop *nh, int *len);

#endif
