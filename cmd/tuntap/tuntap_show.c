/* tuntap show: the kernel's tun links, each with what sysfs says of it
 * (a device sysfs does not show -- /sys of another network namespace --
 * is left out after iproute2's complaint), and with -d its holders. */
#include <stdio.h>
#include <string.h>
#include <net/if_arp.h>
#include <linux/rtnetlink.h>

#include "tuntap.h"
#include "base/err.h"
#include "nl/link_msg.h"
#include "nl/tun_info.h"
#include "print/tuntap_print.h"

struct holders {
	struct out *o;
	bool open;
};

static void print_holder(int pid, const char *comm, void *data)
{
	struct holders *h = data;

	if (!h->open)
		tuntap_print_holders_open(h->o);
	h->open = true;
	tuntap_print_holder(h->o, pid, comm);
}

static void print_holders(struct out *o, const char *name)
{
	struct holders h = { o, false };

	tuntap_print_attached(o);
	if (tun_holders_each(name, print_holder, &h) < 0)
		return;
	if (!h.open)
		tuntap_print_holders_open(o);
	tuntap_print_holders_close(o);
}

/* A tun link: from the dump, then sysfs; other links are passed over. */
static int print_one(const struct nlmsghdr *nlh, void *data)
{
	struct ctx *c = data;
	struct link_msg m;
	const char *kind;

	if (nlh->nlmsg_type != RTM_NEWLINK)
		return 0;
	if (link_msg_parse(nlh, &m) < 0)
		return -1;
	if (m.ifi->ifi_type != ARPHRD_NONE && m.ifi->ifi_type != ARPHRD_ETHER)
		return 0;
	if (!m.tb[IFLA_IFNAME] || !(kind = link_msg_kind(&m, false)) || strcmp(kind, "tun"))
		return 0;
	struct tuntap_record r = { .name = mnl_attr_get_str(m.tb[IFLA_IFNAME]) };
	if (tun_prop_read(r.name, "tun_flags", &r.flags) < 0 ||
	    tun_prop_read(r.name, "owner", &r.owner) < 0 ||
	    tun_prop_read(r.name, "group", &r.group) < 0)
		return 0;
	tuntap_print_begin(&c->out, &r);
	if (c->opt.details)
		print_holders(&c->out, r.name);
	tuntap_print_end(&c->out);
	return 0;
}

int tuntap_show(struct ctx *c)
{
	struct nl_dump d = { 0 };
	struct nl_req req;
	struct nl *nl;
	int r;

	if (!(nl = ctx_nl(c)))
		return EXIT_CMD;
	if (nl_dump(nl, tun_dump_req(&req), &d) < 0)
		return fail(EXIT_CMD, "Dump terminated");
	out_list_begin(&c->out);
	r = nl_dump_each(&d, print_one, c);
	out_list_end(&c->out);
	nl_dump_free(&d);
	return r < 0 ? EXIT_CMD : 0;
}
