/* route show | flush | get: listings through a filter, and lookups. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "nl/link_lookup.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "base/iparg.h"
#include "nl/nl_flush.h"
#include "base/parse.h"
#include "base/inet.h"
#include "nl/route_names.h"
#include "print/route_print.h"

/* What `ip route show` selects. A mask of all ones on a field means the
 * field was given (and so it is not printed). */
struct route_filter {
	int family;
	uint32_t table;        /* 0: all tables */
	uint32_t protocol, protocol_mask;
	uint32_t scope, scope_mask;
	uint32_t type_mask;    /* bit per type; 0: any */
	uint32_t metric, metric_mask;
	uint32_t mark, mark_mask;
	int oif, iif;
	const char *oif_name, *iif_name;
	struct inet_prefix rdst, mdst, rsrc, msrc, via, prefsrc;
	bool has_rdst, has_mdst, has_rsrc, has_msrc, has_via, has_prefsrc;
	bool cloned;           /* the route cache (exceptions), not the tables */
	bool flush;
};

static int parse_selector(struct route_filter *f, const char *w, const char *v,
			  bool *done)
{
	uint32_t n;
	unsigned int type;

	*done = true;
	if (matches(w, "protocol")) {
		f->protocol_mask = ~0u;
		if (rt_name_parse(RT_NAME_PROTO, v, &n) < 0) {
			if (strcmp(v, "all"))
				return iparg_invalid("invalid \"protocol\"\n", v);
			n = 0;
			f->protocol_mask = 0;
		}
		f->protocol = n;
	} else if (matches(w, "scope")) {
		f->scope_mask = ~0u;
		if (rt_name_parse(RT_NAME_SCOPE, v, &n) < 0) {
			if (strcmp(v, "all"))
				return iparg_invalid("invalid \"scope\"\n", v);
			n = RT_SCOPE_NOWHERE;
			f->scope_mask = 0;
		}
		f->scope = n;
	} else if (matches(w, "type")) {
		if (rt_type_parse(v, &type) < 0 || type > 31)
			return iparg_invalid("node type value is invalid\n", v);
		f->type_mask = 1u << type;
	} else if (!strcmp(w, "dev") || !strcmp(w, "oif")) {
		f->oif_name = v;
	} else if (!strcmp(w, "iif")) {
		f->iif_name = v;
	} else if (!strcmp(w, "mark")) {
		if (!parse_u32(v, &f->mark))
			return iparg_invalid("invalid mark value", v);
		f->mark_mask = ~0u;
	} else if (matches(w, "metric") || matches(w, "priority") ||
		   !strcmp(w, "preference")) {
		if (!parse_u32(v, &f->metric))
			return iparg_invalid("\"metric\" value is invalid\n", v);
		f->metric_mask = ~0u;
	} else if (!strcmp(w, "src")) {
		f->has_prefsrc = true;
		return inet_get_prefix(v, f->family, &f->prefsrc);
	} else {
		*done = false;
	}
	return 0;
}

static int parse_table(const struct ctx *c, struct route_filter *f, const char *v)
{
	if (rt_name_parse(RT_NAME_TABLE, v, &f->table) == 0)
		return 0;
	if (!strcmp(v, "all")) {
		f->table = 0;
		return 0;
	}
	if (!strcmp(v, "cache")) {
		f->cloned = true;
		return 0;
	}
	if (!strcmp(v, "help"))
		return route_usage(c, false);
	return iparg_invalid("table id value is invalid\n", v);
}

/* "[to|from] [root|match|exact] PREFIX": root and match select one way,
 * exact (or nothing) both. */
static int parse_prefix_sel(struct route_filter *f, int argc, char **argv,
			    int *i, bool src)
{
	struct inet_prefix *root = src ? &f->rsrc : &f->rdst;
	struct inet_prefix *match = src ? &f->msrc : &f->mdst;
	bool *has_root = src ? &f->has_rsrc : &f->has_rdst;
	bool *has_match = src ? &f->has_msrc : &f->has_mdst;
	bool want_root = false, want_match = false;
	int r;

	if (matches(argv[*i], "root"))
		want_root = true;
	else if (matches(argv[*i], "match"))
		want_match = true;
	if ((want_root || want_match || matches(argv[*i], "exact")) &&
	    !iparg_next(argc, i))
		return iparg_incomplete();
	if (want_root) {
		*has_root = true;
		return inet_get_prefix(argv[*i], f->family, root);
	}
	*has_match = true;
	if ((r = inet_get_prefix(argv[*i], f->family, match)))
		return r;
	if (!want_match) {
		*root = *match;
		*has_root = true;
	}
	return 0;
}

static int parse_via_sel(struct route_filter *f, int argc, char **argv, int *i)
{
	int family = f->family;

	if (!strcmp(argv[*i], "inet") || !strcmp(argv[*i], "inet6")) {
		family = argv[*i][4] ? AF_INET6 : AF_INET;
		if (!iparg_next(argc, i))
			return iparg_incomplete();
	}
	f->has_via = true;
	return inet_get_prefix(argv[*i], family, &f->via);
}

static int parse_filter(const struct ctx *c, struct route_filter *f, int argc,
			char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		bool done;
		int r;

		if (!matches(w, "table") && (matches(w, "cached") || matches(w, "cloned"))) {
			f->cloned = true;
			continue;
		}
		if (matches(w, "table") || !strcmp(w, "via") || matches(w, "from") ||
		    matches(w, "protocol") || matches(w, "scope") ||
		    matches(w, "type") || !strcmp(w, "dev") || !strcmp(w, "oif") ||
		    !strcmp(w, "iif") || !strcmp(w, "mark") ||
		    matches(w, "metric") || matches(w, "priority") ||
		    !strcmp(w, "preference") || !strcmp(w, "src")) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
		} else if (matches(w, "to") && !iparg_next(argc, &i)) {
			return iparg_incomplete();
		}
		if (matches(w, "table"))
			r = parse_table(c, f, argv[i]);
		else if ((r = parse_selector(f, w, argv[i], &done)) || done)
			;
		else if (!strcmp(w, "via"))
			r = parse_via_sel(f, argc, argv, &i);
		else if (matches(w, "from"))
			r = parse_prefix_sel(f, argc, argv, &i, true);
		else
			r = parse_prefix_sel(f, argc, argv, &i, false);
		if (r)
			return r;
	}
	return 0;
}

/* The address of an attribute, zero-padded, for prefix comparisons. */
static void attr_bytes(const struct nlattr *a, uint8_t out[16])
{
	memset(out, 0, 16);
	if (a) {
		size_t n = mnl_attr_get_payload_len(a);
		memcpy(out, mnl_attr_get_payload(a), n < 16 ? n : 16);
	}
}

/* iproute2's rules for root (at least as long, inside the prefix) and
 * match (no longer, covering the prefix) selectors. */
static bool prefix_ok(const struct inet_prefix *root, bool has_root,
		      const struct inet_prefix *match, bool has_match,
		      const struct route_msg *m, const struct nlattr *a,
		      unsigned int len)
{
	uint8_t bytes[16];

	attr_bytes(a, bytes);
	if (has_root && (root->family || root->plen_given)) {
		if ((root->family && m->rtm->rtm_family != root->family) ||
		    root->bitlen > (int)len ||
		    !inet_same_bits(bytes, root->data, root->bitlen))
			return false;
	}
	if (has_match && (match->family || match->plen_given)) {
		if ((match->family && m->rtm->rtm_family != match->family) ||
		    match->bitlen < (int)len ||
		    !inet_same_bits(bytes, match->data, (int)len))
			return false;
	}
	return true;
}

static bool addr_ok(const struct inet_prefix *want, bool has, const struct route_msg *m,
		    const struct nlattr *a)
{
	uint8_t bytes[16];

	if (!has || !want->family)
		return true;
	if (m->rtm->rtm_family != want->family)
		return false;
	attr_bytes(a, bytes);
	return inet_same_bits(bytes, want->data, want->bitlen);
}

static uint32_t attr_u32(const struct nlattr *a)
{
	return a ? mnl_attr_get_u32(a) : 0;
}

static bool selected(const struct route_filter *f, const struct route_msg *m)
{
	const struct rtmsg *r = m->rtm;

	if (f->family != AF_UNSPEC && r->rtm_family != f->family)
		return false;
	if (f->cloned != !!(r->rtm_flags & RTM_F_CLONED) ||
	    (f->table && f->table != m->table))
		return false;
	if (((f->protocol ^ r->rtm_protocol) & f->protocol_mask) ||
	    ((f->scope ^ r->rtm_scope) & f->scope_mask) ||
	    (f->type_mask && !(f->type_mask & (1u << (r->rtm_type & 31)))))
		return false;
	if (!prefix_ok(&f->rdst, f->has_rdst, &f->mdst, f->has_mdst, m,
		       m->tb[RTA_DST], r->rtm_dst_len) ||
	    !prefix_ok(&f->rsrc, f->has_rsrc, &f->msrc, f->has_msrc, m,
		       m->tb[RTA_SRC], r->rtm_src_len))
		return false;
	if (!addr_ok(&f->via, f->has_via, m, m->tb[RTA_GATEWAY]) ||
	    !addr_ok(&f->prefsrc, f->has_prefsrc, m, m->tb[RTA_PREFSRC]))
		return false;
	if ((f->oif && (int)attr_u32(m->tb[RTA_OIF]) != f->oif) ||
	    (f->iif && (int)attr_u32(m->tb[RTA_IIF]) != f->iif) ||
	    ((attr_u32(m->tb[RTA_MARK]) ^ f->mark) & f->mark_mask) ||
	    ((attr_u32(m->tb[RTA_PRIORITY]) ^ f->metric) & f->metric_mask))
		return false;
	/* The kernel's own IPv6 "no route" entry cannot be deleted. */
	if (f->flush && r->rtm_family == AF_INET6 && r->rtm_dst_len == 0 &&
	    r->rtm_type == RTN_UNREACHABLE && attr_u32(m->tb[RTA_PRIORITY]) == UINT32_MAX)
		return false;
	return true;
}

struct listing {
	struct ctx *c;
	struct nl *nl;
	struct route_filter f;
	struct ifnames names;
	struct route_print_opts opts;
};

/* A dump of all families also brings multicast (ipmr) and MPLS routes,
 * which nsip does not show. */
static bool inet_family(const struct nlmsghdr *nlh)
{
	const struct rtmsg *r = mnl_nlmsg_get_payload(nlh);

	return mnl_nlmsg_get_payload_len(nlh) >= sizeof(*r) &&
	       inet_family_bits(r->rtm_family) != 0;
}

/* 1 when the filter selects the message (parsed into m), 0 when not, -1
 * on a malformed one. */
static int pick(const struct listing *l, const struct nlmsghdr *nlh,
		struct route_msg *m)
{
	if (nlh->nlmsg_type != RTM_NEWROUTE || !inet_family(nlh))
		return 0;
	if (route_msg_parse(nlh, m) < 0)
		return -1;
	return selected(&l->f, m);
}

/* Flush: each selected route is deleted. */
static int choose(const struct nlmsghdr *nlh, void *data)
{
	struct route_msg m;

	return pick(data, nlh, &m);
}

/* Show: each selected route is printed. */
static int on_message(const struct nlmsghdr *nlh, void *data)
{
	struct listing *l = data;
	struct route_msg m;
	int r = pick(l, nlh, &m);

	if (r <= 0)
		return r;
	out_obj_begin(&l->c->out, NULL);
	route_print(&l->c->out, &m, &l->opts);
	out_eol(&l->c->out);
	out_obj_end(&l->c->out);
	return 0;
}

static int dump_routes(struct nl *nl, const struct route_filter *f,
		       struct nl_dump *d)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETROUTE, 0);
	struct rtmsg *rtm = nl_put_header(nlh, sizeof(*rtm));

	rtm->rtm_family = (unsigned char)f->family;
	if (f->cloned)
		rtm->rtm_flags = RTM_F_CLONED;
	return nl_dump(nl, nlh, d);
}

/* The IPv4 route cache is flushed by a write to procfs, not by deletes. */
static int flush_ipv4_cache(int stats)
{
	static const char path[] = "/proc/sys/net/ipv4/route/flush";
	FILE *f = fopen(path, "we");

	if (!f)
		return fail(EXIT_CMD, "Cannot open \"%s\": %s", path, strerror(errno));
	bool ok = fputs("-1", f) >= 0;
	if (fclose(f) != 0 || !ok)
		return fail(EXIT_CMD, "Cannot flush routing cache");
	if (stats)
		printf("*** IPv4 routing cache is flushed.\n");
	return 0;
}

static int dump_for_flush(struct nl *nl, struct nl_dump *d, void *data)
{
	const struct listing *l = data;

	return dump_routes(nl, &l->f, d);
}

/* Rounds of dump-and-delete until nothing is left, as iproute2 does: no
 * limit on rounds, but on time. */
static int flush(struct listing *l)
{
	struct nl_flush f = {
		.nl = l->nl, .data = l, .dump = dump_for_flush, .choose = choose,
		.del_type = RTM_DELROUTE, .max_seconds = 30, .what = "entries",
		.stats = l->c->opt.stats,
		.said_before = l->f.cloned && l->f.family != AF_INET6,
	};
	int r;

	if (l->f.cloned) {
		if (l->f.family != AF_INET6 && (r = flush_ipv4_cache(l->c->opt.stats)))
			return r;
		if (l->f.family == AF_INET)
			return 0;
	}
	switch (nl_flush_run(&f)) {
	case NL_FLUSH_DONE:
		return 0;
	case NL_FLUSH_FAILED:
		return EXIT_KERNEL;
	default:
		printf("\n*** Flush not completed after %ld seconds, %d entries remain ***\n",
		       f.seconds, f.deleted);
		return EXIT_CMD;
	}
}

static int resolve_devs(struct listing *l)
{
	struct route_filter *f = &l->f;

	int r = 0;

	if (f->iif_name)
		r = link_index_or_nodev(l->nl, f->iif_name, &f->iif);
	if (!r && f->oif_name)
		r = link_index_or_nodev(l->nl, f->oif_name, &f->oif);
	return r;
}

static void hide_given(struct listing *l)
{
	const struct route_filter *f = &l->f;
	int bits = inet_family_bits(f->via.family);

	l->opts = (struct route_print_opts){
		.names = &l->names, .details = l->c->opt.details,
		.numeric = l->c->opt.numeric, .stats = l->c->opt.stats,
		.hide_table = f->table != 0,
		.hide_proto = f->protocol_mask != 0, .hide_scope = f->scope_mask != 0,
		.hide_dev = f->oif != 0, .hide_iif = f->iif != 0,
		.hide_metric = f->metric_mask != 0,
		.hide_gateway = f->has_via && bits && f->via.bitlen == bits,
		.hide_prefsrc = f->has_prefsrc && f->prefsrc.bitlen ==
				inet_family_bits(f->prefsrc.family) &&
				f->prefsrc.family,
	};
}

int route_show(struct ctx *c, int argc, char **argv, bool do_flush)
{
	struct listing l = { .c = c };
	struct nl_dump d = { 0 };
	int r;

	l.f.family = c->opt.family == AF_PACKET ? AF_UNSPEC : c->opt.family;
	l.f.table = RT_TABLE_MAIN;
	l.f.flush = do_flush;
	if (do_flush && argc <= 0)
		return fail(EXIT_CMD, "\"ip route flush\" requires arguments.");
	if ((r = parse_filter(c, &l.f, argc, argv)))
		return r;
	if (l.f.family == AF_UNSPEC && l.f.table)
		l.f.family = AF_INET;
	if (!(l.nl = ctx_nl(c)) || ifnames_load(l.nl, &l.names) < 0)
		return EXIT_CMD;
	if ((r = resolve_devs(&l)))
		goto out;
	if (do_flush) {
		r = flush(&l);
		goto out;
	}
	hide_given(&l);
	if (dump_routes(l.nl, &l.f, &d) < 0) {
		r = EXIT_KERNEL;
		goto out;
	}
	out_list_begin(&c->out);
	r = nl_dump_each(&d, on_message, &l) < 0 ? EXIT_CMD : 0;
	out_list_end(&c->out);
out:
	nl_dump_free(&d);
	ifnames_free(&l.names);
	return r;
}
