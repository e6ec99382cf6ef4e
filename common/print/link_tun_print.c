/* The data of a tun/tap link for `ip -d link`: "tun type tap pi on
 * vnet_hdr off multi_queue numqueues 1 ... persist on user root group
 * root", in iproute2's order, under its text and JSON names. */
#include "print/link_kinds.h"

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <linux/if_link.h>
#include <linux/if_tun.h>

static const struct nl_policy tun_policy[IFLA_TUN_MAX + 1] = {
	[IFLA_TUN_OWNER] = { MNL_TYPE_U32, 0 },
	[IFLA_TUN_GROUP] = { MNL_TYPE_U32, 0 },
	[IFLA_TUN_TYPE] = { MNL_TYPE_U8, 0 },
	[IFLA_TUN_PI] = { MNL_TYPE_U8, 0 },
	[IFLA_TUN_VNET_HDR] = { MNL_TYPE_U8, 0 },
	[IFLA_TUN_PERSIST] = { MNL_TYPE_U8, 0 },
	[IFLA_TUN_MULTI_QUEUE] = { MNL_TYPE_U8, 0 },
	[IFLA_TUN_NUM_QUEUES] = { MNL_TYPE_U32, 0 },
	[IFLA_TUN_NUM_DISABLED_QUEUES] = { MNL_TYPE_U32, 0 },
};

static void print_type(struct out *o, uint8_t type)
{
	char buf[24];
	const char *name = buf;

	if (type == IFF_TUN)
		name = "tun";
	else if (type == IFF_TAP)
		name = "tap";
	else
		snprintf(buf, sizeof(buf), "UNKNOWN:%u", type);
	out_str(o, "type", "type %s ", name);
}

/* "KEY on|off " in text, true/false in JSON. */
static void print_on_off(struct out *o, const struct nlattr *a, const char *key,
			 const char *on, const char *off)
{
	if (!a)
		return;
	bool v = mnl_attr_get_u8(a);
	if (o->json)
		out_bool(o, key, NULL, v);
	else
		out_text(o, v ? on : off);
}

static void print_queues(struct out *o, const struct nlattr *const *tb)
{
	if (!tb[IFLA_TUN_MULTI_QUEUE] || !mnl_attr_get_u8(tb[IFLA_TUN_MULTI_QUEUE])) {
		if (o->json)
			out_bool(o, "multi_queue", NULL, false);
		return;
	}
	out_bool(o, "multi_queue", "multi_queue ", true);
	if (tb[IFLA_TUN_NUM_QUEUES])
		out_uint(o, "numqueues", "numqueues %u ",
			 mnl_attr_get_u32(tb[IFLA_TUN_NUM_QUEUES]));
	if (tb[IFLA_TUN_NUM_DISABLED_QUEUES])
		out_uint(o, "numdisabled", "numdisabled %u ",
			 mnl_attr_get_u32(tb[IFLA_TUN_NUM_DISABLED_QUEUES]));
}

/* The owner and group by name where the system knows them. */
static void print_ids(struct out *o, const struct nlattr *const *tb)
{
	if (tb[IFLA_TUN_OWNER]) {
		uint32_t uid = mnl_attr_get_u32(tb[IFLA_TUN_OWNER]);
		const struct passwd *pw = getpwuid(uid);
		if (pw)
			out_str(o, "user", "user %s ", pw->pw_name);
		else
			out_uint(o, "user", "user %u ", uid);
	}
	if (tb[IFLA_TUN_GROUP]) {
		uint32_t gid = mnl_attr_get_u32(tb[IFLA_TUN_GROUP]);
		const struct group *gr = getgrgid(gid);
		if (gr)
			out_str(o, "group", "group %s ", gr->gr_name);
		else
			out_uint(o, "group", "group %u ", gid);
	}
}

int tun_print(struct out *o, const struct nlattr *data,
	      const struct link_print_opts *opts)
{
	const struct nlattr *tb[IFLA_TUN_MAX + 1];

	(void)opts;
	if (nl_parse_nested(data, tun_policy, IFLA_TUN_MAX, tb) < 0)
		return -1;
	if (tb[IFLA_TUN_TYPE])
		print_type(o, mnl_attr_get_u8(tb[IFLA_TUN_TYPE]));
	print_on_off(o, tb[IFLA_TUN_PI], "pi", "pi on ", "pi off ");
	print_on_off(o, tb[IFLA_TUN_VNET_HDR], "vnet_hdr", "vnet_hdr on ", "vnet_hdr off ");
	print_queues(o, tb);
	print_on_off(o, tb[IFLA_TUN_PERSIST], "persist", "persist on ", "persist off ");
	print_ids(o, tb);
	return 0;
}
