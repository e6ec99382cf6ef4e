/* neigh show | flush | get. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "neigh.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "nl/link_lookup.h"
#include "base/iparg.h"
#include "nl/nl_flush.h"
#include "print/neigh_print.h"
#include "base/parse.h"
#include "base/inet.h"
#include "nl/route_names.h"

#define FLUSH_ROUNDS 10
/* The filter's bit for entries without any state ("nud none"). */
#define STATE_NONE 0x100

struct neigh_filter {
	int family;
	int index;
	unsigned int state;
	uint32_t protocol;
	bool proxy, unused;
	struct inet_prefix pfx;
	bool has_pfx;
};

static int parse_state(struct neigh_filter *f, const char *v, bool *given,
		       bool flush)
{
	unsigned int state;

	if (!*given) {
		*given = true;
		f->state = 0;
	}
	if (neigh_state_parse(v, &state) < 0) {
		if (strcmp(v, "all"))
			return iparg_invalid("nud state is bad", v);
		state = ~0u;
		if (flush)
			state &= ~(unsigned int)NUD_NOARP;
	}
	f->state |= state ? state : STATE_NONE;
	return 0;
}

static int parse_filter(const struct ctx *c, struct neigh_filter *f,
			const char **dev, int argc, char **argv, bool flush)
{
	bool given = false;
	uint32_t n;

	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "unused")) {
			f->unused = true;
			continue;
		}
		if (!strcmp(w, "proxy")) {
			f->proxy = true;
			continue;
		}
		if ((!strcmp(w, "dev") || !strcmp(w, "nud") || matches(w, "protocol") ||
		     !strcmp(w, "to")) && !iparg_next(argc, &i))
			return iparg_incomplete();
		const char *v = argv[i];
		int r = 0;
		if (!strcmp(w, "dev")) {
			if (*dev)
				return iparg_twice("dev", v);
			*dev = v;
		} else if (!strcmp(w, "nud")) {
			r = parse_state(f, v, &given, flush);
		} else if (matches(w, "protocol")) {
			if (rt_name_parse(RT_NAME_PROTO, v, &n) < 0) {
				if (strcmp(v, "all"))
					return iparg_invalid("invalid \"protocol\"\n", v);
				n = 0;
			}
			f->protocol = n;
		} else {
			if (matches(v, "help"))
				return neigh_usage(c, false);
			f->has_pfx = true;
			if (!(r = inet_get_prefix(v, f->family, &f->pfx)) && !f->family)
				f->family = f->pfx.family;
		}
		if (r)
			return r;
	}
	return 0;
}

static bool prefix_ok(const struct neigh_filter *f, const struct neigh_msg *m)
{
	uint8_t bytes[16] = { 0 };

	if (!f->has_pfx || !f->pfx.family)
		return true;
	if (!m->tb[NDA_DST] || m->ndm->ndm_family != f->pfx.family)
		return false;
	memcpy(bytes, mnl_attr_get_payload(m->tb[NDA_DST]),
	       mnl_attr_get_payload_len(m->tb[NDA_DST]));
	return inet_same_bits(bytes, f->pfx.data, f->pfx.bitlen);
}

static bool selected(const struct neigh_filter *f, const struct neigh_msg *m)
{
	const struct ndmsg *r = m->ndm;
	uint8_t proto = m->tb[NDA_PROTOCOL] ? mnl_attr_get_u8(m->tb[NDA_PROTOCOL]) : 0;

	if ((f->family && f->family != r->ndm_family) ||
	    (f->index && f->index != r->ndm_ifindex))
		return false;
	/* Proxy and externally learned entries pass any state filter. */
	if (!(f->state & r->ndm_state) && !(r->ndm_flags & NTF_PROXY) &&
	    !(r->ndm_flags & NTF_EXT_LEARNED) &&
	    (r->ndm_state || !(f->state & STATE_NONE)))
		return false;
	if (!prefix_ok(f, m) || (f->protocol && f->protocol != proto))
		return false;
	if (f->unused && m->tb[NDA_CACHEINFO]) {
		struct nda_cacheinfo ci;
		memcpy(&ci, mnl_attr_get_payload(m->tb[NDA_CACHEINFO]), sizeof(ci));
		if (ci.ndm_refcnt)
			return false;
	}
	return true;
}

struct listing {
	struct ctx *c;
	struct nl *nl;
	struct neigh_filter f;
	struct ifnames names;
};

/* 1 when the filter selects the message (parsed into m), 0 when not, -1
 * on a malformed one. */
static int pick(const struct listing *l, const struct nlmsghdr *nlh,
		struct neigh_msg *m)
{
	if (nlh->nlmsg_type != RTM_NEWNEIGH)
		return 0;
	if (neigh_msg_parse(nlh, m) < 0)
		return -1;
	return selected(&l->f, m);
}

/* Flush: each selected entry is deleted. */
static int choose(const struct nlmsghdr *nlh, void *data)
{
	struct neigh_msg m;

	return pick(data, nlh, &m);
}

/* Show: each selected entry is printed. */
static int on_message(const struct nlmsghdr *nlh, void *data)
{
	struct listing *l = data;
	struct neigh_msg m;
	int r = pick(l, nlh, &m);

	if (r <= 0)
		return r;
	struct neigh_print_opts opts = {
		.names = &l->names, .hide_dev = l->f.index != 0,
		.numeric = l->c->opt.numeric, .stats = l->c->opt.stats,
	};
	out_obj_begin(&l->c->out, NULL);
	neigh_print(&l->c->out, &m, &opts);
	out_eol(&l->c->out);
	out_obj_end(&l->c->out);
	return 0;
}

static int dump_neigh(const struct listing *l, struct nl_dump *d)
{
	struct nl_req req;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETNEIGH, 0);
	struct ndmsg *ndm = nl_put_header(nlh, sizeof(*ndm));

	ndm->ndm_family = (uint8_t)l->f.family;
	if (l->f.proxy)
		ndm->ndm_flags = NTF_PROXY;
	return nl_dump(l->nl, nlh, d);
}

static int dump_for_flush(struct nl *nl, struct nl_dump *d, void *data)
{
	(void)nl;
	return dump_neigh(data, d);
}

/* Entries that failed while in use go on failing: not again. */
static void next_round(void *data)
{
	struct listing *l = data;

	l->f.state &= ~(unsigned int)NUD_FAILED;
}

static int flush(struct listing *l)
{
	struct nl_flush f = {
		.nl = l->nl, .data = l, .dump = dump_for_flush, .choose = choose,
		.del_type = RTM_DELNEIGH, .next_round = next_round,
		.max_rounds = FLUSH_ROUNDS, .what = "entries",
		.stats = l->c->opt.stats,
	};

	switch (nl_flush_run(&f)) {
	case NL_FLUSH_DONE:
		return 0;
	case NL_FLUSH_FAILED:
		return EXIT_CMD;
	default:
		printf("*** Flush not complete bailing out after %d rounds\n", FLUSH_ROUNDS);
		return EXIT_CMD;
	}
}

static int find_dev(struct listing *l, const char *dev)
{
	return link_index_or_nodev(l->nl, dev, &l->f.index);
}

int neigh_show(struct ctx *c, int argc, char **argv, bool do_flush)
{
	struct listing l = { .c = c };
	struct nl_dump d = { 0 };
	const char *dev = NULL;
	int r;

	l.f.family = c->opt.family == AF_PACKET ? AF_UNSPEC : c->opt.family;
	if (do_flush && argc <= 0)
		return fail(EXIT_CMD, "Flush requires arguments.");
	l.f.state = do_flush ? ~(unsigned int)(NUD_PERMANENT | NUD_NOARP)
			     : 0xFF & ~(unsigned int)NUD_NOARP;
	if ((r = parse_filter(c, &l.f, &dev, argc, argv, do_flush)))
		return r;
	if (!(l.nl = ctx_nl(c)) || ifnames_load(l.nl, &l.names) < 0)
		return EXIT_CMD;
	if (dev && (r = find_dev(&l, dev)))
		goto out;
	if (do_flush) {
		r = flush(&l);
		goto out;
	}
	if (dump_neigh(&l, &d) < 0) {
		r = EXIT_CMD;
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

struct get_words {
	const char *dev;
	struct inet_prefix dst;
	bool dst_ok, proxy;
};

static int parse_get(const struct ctx *c, struct get_words *g, int family,
		     int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		bool proxy = matches(w, "proxy");
		int r;

		if ((!strcmp(w, "dev") || proxy || !strcmp(w, "to")) &&
		    !iparg_next(argc, &i))
			return iparg_incomplete();
		if (!strcmp(w, "dev")) {
			g->dev = argv[i];
			continue;
		}
		if (matches(argv[i], "help"))
			return neigh_usage(c, false);
		if (g->dst_ok)
			return proxy ? iparg_twice("address", argv[i])
				     : iparg_duplicate("to", argv[i]);
		if ((r = inet_get_addr(argv[i], family, &g->dst)))
			return r;
		g->dst_ok = true;
		g->proxy |= proxy;
	}
	return 0;
}

struct get_answer {
	struct out out;
	const struct ifnames *names;
	int stats;
	bool numeric;
};

static int print_answer(const struct nlmsghdr *nlh, void *data)
{
	struct get_answer *a = data;
	struct neigh_msg m;
	struct neigh_print_opts opts = { .names = a->names, .stats = a->stats,
					 .numeric = a->numeric };

	if (nlh->nlmsg_type != RTM_NEWNEIGH)
		return 0;
	if (neigh_msg_parse(nlh, &m) < 0)
		return -1;
	neigh_print(&a->out, &m, &opts);
	out_eol(&a->out);
	return 0;
}

int neigh_get(struct ctx *c, int argc, char **argv)
{
	struct get_words g = { 0 };
	struct listing l = { .c = c };
	struct nl_req req;
	int r;

	if ((r = parse_get(c, &g, c->opt.family == AF_PACKET ? AF_UNSPEC : c->opt.family,
			   argc, argv)))
		return r;
	if ((!g.dev && !g.proxy) || !g.dst_ok || g.dst.family == AF_UNSPEC)
		return fail(EXIT_CMD, "Device and address are required arguments.");
	if (!(l.nl = ctx_nl(c)) || ifnames_load(l.nl, &l.names) < 0)
		return EXIT_CMD;
	if (g.dev && find_dev(&l, g.dev)) {
		ifnames_free(&l.names);
		return EXIT_CMD;
	}
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETNEIGH, 0);
	struct ndmsg *ndm = nl_put_header(nlh, sizeof(*ndm));
	ndm->ndm_family = (uint8_t)g.dst.family;
	ndm->ndm_ifindex = l.f.index;
	if (g.proxy)
		ndm->ndm_flags = NTF_PROXY;
	nl_put(nlh, NDA_DST, (size_t)g.dst.bytelen, g.dst.data);
	/* ip prints this one record as text even under -json. */
	struct get_answer a = { .names = &l.names, .stats = c->opt.stats,
				.numeric = c->opt.numeric };
	out_init(&a.out, stdout, false, false, c->opt.oneline);
	r = nl_talk(l.nl, nlh, print_answer, &a) < 0 ? EXIT_KERNEL : 0;
	ifnames_free(&l.names);
	return r;
}
