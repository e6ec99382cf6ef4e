/* rule list | flush: the selector words, the dump, and each rule the
 * selector picks printed or deleted. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "rule.h"
#include "base/err.h"
#include "base/inet.h"
#include "base/iparg.h"
#include "base/ipproto.h"
#include "base/parse.h"
#include "nl/nl_flush.h"
#include "nl/route_names.h"
#include "nl/rule_msg.h"
#include "print/rule_print.h"

/* What a listing selects; a zero field selects everything, as in ip. */
struct rule_filter {
	int family;                /* of the dump: AF_INET unless -6 */
	bool has_pref, has_tos, inverted, l3mdev, has_uids, has_iif, has_oif;
	uint32_t pref, tos, fwmark, fwmask, table;
	uint64_t tun_id;
	uint32_t protocol, protocol_mask;   /* flush only, as in ip */
	uint8_t ipproto;
	struct fib_rule_uid_range uids;
	struct fib_rule_port_range sport, dport;
	char iif[16], oif[16];
	struct inet_prefix src, dst;
};

typedef int filter_fn(struct rule_filter *f, char *v);

static int f_pref(struct rule_filter *f, char *v)
{
	if (!parse_u32(v, &f->pref))
		return iparg_invalid("preference value is invalid\n", v);
	f->has_pref = true;
	return 0;
}

static int f_not(struct rule_filter *f, char *v)
{
	(void)v;
	f->inverted = true;
	return 0;
}

static int f_tos(struct rule_filter *f, char *v)
{
	if (rt_name_parse(RT_NAME_DSFIELD, v, &f->tos) < 0)
		return iparg_invalid("TOS value is invalid\n", v);
	f->has_tos = true;
	return 0;
}

static int f_fwmark(struct rule_filter *f, char *v)
{
	char *slash = strchr(v, '/');

	if (slash)
		*slash = '\0';
	if (!parse_u32(v, &f->fwmark))
		return iparg_invalid("fwmark value is invalid\n", v);
	if (slash && !parse_u32(slash + 1, &f->fwmask))
		return iparg_invalid("fwmask value is invalid\n", slash + 1);
	return 0;
}

static int f_iif(struct rule_filter *f, char *v)
{
	if (!iface_name_ok(v))
		return iparg_invalid("\"iif\"/\"dev\" not a valid ifname", v);
	snprintf(f->iif, sizeof(f->iif), "%s", v);
	f->has_iif = true;
	return 0;
}

static int f_oif(struct rule_filter *f, char *v)
{
	if (!iface_name_ok(v))
		return iparg_invalid("\"oif\" not a valid ifname", v);
	snprintf(f->oif, sizeof(f->oif), "%s", v);
	f->has_oif = true;
	return 0;
}

static int f_l3mdev(struct rule_filter *f, char *v)
{
	(void)v;
	f->l3mdev = true;
	return 0;
}

static int f_uids(struct rule_filter *f, char *v)
{
	unsigned long start, end;

	f->has_uids = true;
	if (scan_number_range(v, &start, &end) != 2)
		return iparg_invalid("invalid UID range\n", v);
	f->uids.start = (uint32_t)start;
	f->uids.end = (uint32_t)end;
	return 0;
}

static int f_tun_id(struct rule_filter *f, char *v)
{
	char *end;
	unsigned long long n = *v ? strtoull(v, &end, 0) : 0;

	if (!*v || end == v || *end)
		return iparg_invalid("\"tun_id\" value is invalid\n", v);
	f->tun_id = n;
	return 0;
}

static int f_table(struct rule_filter *f, char *v)
{
	if (rt_name_parse(RT_NAME_TABLE, v, &f->table) < 0)
		return iparg_invalid("table id value is invalid\n", v);
	return 0;
}

static int f_from(struct rule_filter *f, char *v)
{
	return inet_get_prefix(v, f->family, &f->src);
}

static int f_protocol(struct rule_filter *f, char *v)
{
	f->protocol_mask = ~0u;
	if (rt_name_parse(RT_NAME_PROTO, v, &f->protocol) < 0) {
		if (strcmp(v, "all"))
			return iparg_invalid("invalid \"protocol\"\n", v);
		f->protocol = f->protocol_mask = 0;
	}
	return 0;
}

static int f_ipproto(struct rule_filter *f, char *v)
{
	return rule_read_ipproto(v, &f->ipproto);
}

static int f_sport(struct rule_filter *f, char *v)
{
	return rule_read_ports(&f->sport, v, "invalid port range\n");
}

static int f_dport(struct rule_filter *f, char *v)
{
	return rule_read_ports(&f->dport, v, "invalid dport range\n");
}

/* The selector's keywords in ip's order (not the order of a change's). */
static const struct filter_word {
	struct keyword k;
	filter_fn *fn;
	bool flag;
} filter_words[] = {
	{ { "preference", true }, f_pref, false },
	{ { "order", true }, f_pref, false },
	{ { "priority", true }, f_pref, false },
	{ { "not", false }, f_not, true },
	{ { "tos", false }, f_tos, false },
	{ { "dsfield", false }, f_tos, false },
	{ { "fwmark", false }, f_fwmark, false },
	{ { "dev", false }, f_iif, false },
	{ { "iif", false }, f_iif, false },
	{ { "oif", false }, f_oif, false },
	{ { "l3mdev", false }, f_l3mdev, true },
	{ { "uidrange", false }, f_uids, false },
	{ { "tun_id", true }, f_tun_id, false },
	{ { "lookup", true }, f_table, false },
	{ { "table", true }, f_table, false },
	{ { "from", true }, f_from, false },
	{ { "src", true }, f_from, false },
	{ { "protocol", true }, f_protocol, false },
	{ { "ipproto", false }, f_ipproto, false },
	{ { "sport", false }, f_sport, false },
	{ { "dport", false }, f_dport, false },
};

#define N_FILTER_WORDS ((int)(sizeof(filter_words) / sizeof(filter_words[0])))

/* Any other word is the destination, perhaps after "dst" or "to". */
static int read_filter(struct rule_filter *f, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		int k, r;

		for (k = 0; k < N_FILTER_WORDS; k++)
			if (keyword_is(&filter_words[k].k, argv[i]))
				break;
		if (k < N_FILTER_WORDS && filter_words[k].flag) {
			r = filter_words[k].fn(f, NULL);
		} else if (k < N_FILTER_WORDS) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			r = filter_words[k].fn(f, argv[i]);
		} else {
			if ((matches(argv[i], "dst") || matches(argv[i], "to")) &&
			    !iparg_next(argc, &i))
				return iparg_incomplete();
			r = inet_get_prefix(argv[i], f->family, &f->dst);
		}
		if (r)
			return r;
	}
	return 0;
}

/* A prefix of the selector holds the rule's when it is of the same family
 * and no longer, and their first bits agree. */
static bool prefix_ok(const struct inet_prefix *p, const struct nlattr *a,
		      int family, unsigned int len)
{
	if (!p->family)
		return true;
	if (p->family != family || p->bitlen > (int)len)
		return false;
	return !a || p->bitlen <= 0 ||
	       inet_same_bits(mnl_attr_get_payload(a), p->data, p->bitlen);
}

static bool name_ok(bool given, const char *want, const struct nlattr *a)
{
	return !given || (a && !strcmp(want, mnl_attr_get_str(a)));
}

static bool ports_ok(const struct fib_rule_port_range *want, const struct nlattr *a)
{
	struct fib_rule_port_range got;

	if (!want->start)
		return true;
	if (!a)
		return false;
	memcpy(&got, mnl_attr_get_payload(a), sizeof(got));
	return got.start == want->start && got.end == want->end;
}

static bool uids_ok(const struct rule_filter *f, const struct nlattr *a)
{
	struct fib_rule_uid_range got;

	if (!f->has_uids)
		return true;
	if (!a)
		return false;
	memcpy(&got, mnl_attr_get_payload(a), sizeof(got));
	return got.start == f->uids.start && got.end == f->uids.end;
}

static bool extras_ok(const struct rule_filter *f, const struct rule_msg *m)
{
	const struct nlattr *const *tb = m->tb;
	uint8_t ipproto = tb[FRA_IP_PROTO] ? mnl_attr_get_u8(tb[FRA_IP_PROTO]) : 0;

	if (f->l3mdev && !(tb[FRA_L3MDEV] && mnl_attr_get_u8(tb[FRA_L3MDEV])))
		return false;
	if (!uids_ok(f, tb[FRA_UID_RANGE]) || (f->ipproto && f->ipproto != ipproto))
		return false;
	if (!ports_ok(&f->sport, tb[FRA_SPORT_RANGE]) ||
	    !ports_ok(&f->dport, tb[FRA_DPORT_RANGE]))
		return false;
	if (f->tun_id && (!tb[FRA_TUN_ID] ||
			  be64toh(mnl_attr_get_u64(tb[FRA_TUN_ID])) != f->tun_id))
		return false;
	return !f->table || f->table == rule_msg_table(m);
}

static bool selected(const struct rule_filter *f, int family, const struct rule_msg *m)
{
	const struct fib_rule_hdr *frh = m->frh;

	if (family != AF_UNSPEC && frh->family != family)
		return false;
	if ((f->has_pref && f->pref != rule_msg_u32(m, FRA_PRIORITY)) ||
	    (f->inverted && !(frh->flags & FIB_RULE_INVERT)))
		return false;
	if (!prefix_ok(&f->src, m->tb[FRA_SRC], frh->family, frh->src_len) ||
	    !prefix_ok(&f->dst, m->tb[FRA_DST], frh->family, frh->dst_len))
		return false;
	if ((f->has_tos && f->tos != frh->tos) ||
	    (f->fwmark && f->fwmark != rule_msg_u32(m, FRA_FWMARK)) ||
	    (f->fwmask && f->fwmask != rule_msg_u32(m, FRA_FWMASK)))
		return false;
	if (!name_ok(f->has_iif, f->iif, m->tb[FRA_IIFNAME]) ||
	    !name_ok(f->has_oif, f->oif, m->tb[FRA_OIFNAME]))
		return false;
	return extras_ok(f, m);
}

struct listing {
	struct ctx *c;
	struct nl *nl;
	struct rule_filter f;
};

/* 1 when the selector picks the message (parsed into m), 0 when not, -1
 * on a malformed one. */
static int pick(const struct listing *l, const struct nlmsghdr *nlh,
		struct rule_msg *m)
{
	if (nlh->nlmsg_type != RTM_NEWRULE)
		return 0;
	if (rule_msg_parse(nlh, m) < 0)
		return -1;
	return selected(&l->f, l->c->opt.family, m);
}

static int on_message(const struct nlmsghdr *nlh, void *data)
{
	struct listing *l = data;
	struct rule_print_opts opts = { .details = l->c->opt.details,
					.numeric = l->c->opt.numeric };
	struct rule_msg m;
	int r = pick(l, nlh, &m);

	if (r <= 0)
		return r;
	out_obj_begin(&l->c->out, NULL);
	rule_print(&l->c->out, &m, &opts);
	out_eol(&l->c->out);
	out_obj_end(&l->c->out);
	return 0;
}

/* Flush also selects by protocol, and leaves the rules without a
 * priority (the kernel's rule 0). */
static int choose(const struct nlmsghdr *nlh, void *data)
{
	const struct listing *l = data;
	struct rule_msg m;
	int r = pick(l, nlh, &m);

	if (r <= 0)
		return r;
	if (m.tb[FRA_PROTOCOL] &&
	    ((l->f.protocol ^ mnl_attr_get_u8(m.tb[FRA_PROTOCOL])) & l->f.protocol_mask))
		return 0;
	return m.tb[FRA_PRIORITY] != NULL;
}

/* A refusal ends the flush with the kernel's words, as ip's does. */
static int remove_rule(struct nl *nl, const struct nlmsghdr *nlh, void *data)
{
	struct nl_req req;

	(void)data;
	if (nlh->nlmsg_len > sizeof(req.buf))
		return 0;
	memcpy(req.buf, nlh, nlh->nlmsg_len);
	req.nlh.nlmsg_type = RTM_DELRULE;
	req.nlh.nlmsg_flags = NLM_F_REQUEST;
	return nl_talk(nl, &req.nlh, NULL, NULL) < 0 ? -1 : 1;
}

static int dump_rules(struct nl *nl, struct nl_dump *d, void *data)
{
	const struct listing *l = data;
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETRULE, 0);
	struct fib_rule_hdr *frh = nl_put_header(nlh, sizeof(*frh));

	frh->family = (uint8_t)l->f.family;
	return nl_dump(nl, nlh, d);
}

/* ip's listing returns 1 here, which its exit status negates: 255. */
static int dump_terminated(void)
{
	return fail(EXIT_USAGE, "Dump terminated");
}

static int flush(struct listing *l)
{
	struct nl_flush f = {
		.nl = l->nl, .data = l, .dump = dump_rules, .choose = choose,
		.remove = remove_rule, .del_type = RTM_DELRULE, .one_round = true,
		.what = "rules",
	};

	if (nl_flush_run(&f) == NL_FLUSH_DONE)
		return 0;
	return dump_terminated();
}

int rule_show(struct ctx *c, int argc, char **argv, bool do_flush)
{
	struct listing l = { .c = c };
	struct nl_dump d = { 0 };
	int r;

	l.f.family = c->opt.family == AF_UNSPEC ? AF_INET : c->opt.family;
	if ((r = read_filter(&l.f, argc, argv)))
		return r;
	if (!(l.nl = ctx_nl(c)))
		return EXIT_CMD;
	if (do_flush)
		return flush(&l);
	if (dump_rules(l.nl, &d, &l) < 0)
		return dump_terminated();
	out_list_begin(&c->out);
	r = nl_dump_each(&d, on_message, &l) < 0 ? dump_terminated() : 0;
	out_list_end(&c->out);
	nl_dump_free(&d);
	return r;
}
