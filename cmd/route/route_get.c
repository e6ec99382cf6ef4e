/* route get: which route the kernel would take for an address. */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/rtnetlink.h>

#include "route.h"
#include "base/err.h"
#include "nl/ifnames.h"
#include "nl/link_lookup.h"
#include "base/iparg.h"
#include "base/parse.h"
#include "base/inet.h"
#include "print/route_print.h"

struct get_req {
	const struct ctx *c;
	struct nlmsghdr *nlh;
	struct rtmsg *rtm;
	const char *idev, *odev;
	bool address_found;
};

static void take_family(struct get_req *q, int family)
{
	if (q->rtm->rtm_family == AF_UNSPEC)
		q->rtm->rtm_family = (unsigned char)family;
}

static int parse_from(struct get_req *q, const char *w)
{
	if (matches(w, "help"))
		return route_usage(q->c, false);
	struct inet_prefix p;
	int r = route_read_from(q->rtm, w, &p);

	if (!r && p.bytelen)
		nl_put(q->nlh, RTA_SRC, p.bytelen, p.data);
	return r;
}

/* The address asked about; a prefix length other than the host's is
 * warned about and replaced, as iproute2 does. */
static int parse_to(struct get_req *q, int argc, char **argv, int *i)
{
	struct inet_prefix p;
	int r;

	if (!strcmp(argv[*i], "to") && !iparg_next(argc, i))
		return iparg_incomplete();
	if (matches(argv[*i], "help"))
		return route_usage(q->c, false);
	if ((r = inet_get_prefix(argv[*i], q->rtm->rtm_family, &p)))
		return r;
	take_family(q, p.family);
	if (p.bytelen)
		nl_put(q->nlh, RTA_DST, (size_t)p.bytelen, p.data);
	int host = inet_family_bits(q->rtm->rtm_family);
	if (host && p.bitlen != host) {
		fprintf(stderr, "Warning: /%u as prefix is invalid, only /%d (or none) is supported.\n",
			(unsigned int)p.bitlen, host);
		q->rtm->rtm_dst_len = (unsigned char)host;
	} else {
		q->rtm->rtm_dst_len = (unsigned char)p.bitlen;
	}
	q->address_found = true;
	return 0;
}

static int parse_valued(struct get_req *q, const char *w, const char *v)
{
	uint32_t n;

	if (matches(w, "from"))
		return parse_from(q, v);
	if (matches(w, "iif")) {
		q->idev = v;
	} else if (matches(w, "mark")) {
		if (!parse_u32(v, &n))
			return iparg_invalid("invalid mark value", v);
		if (n)
			mnl_attr_put_u32(q->nlh, RTA_MARK, n);
	} else if (matches(w, "oif") || !strcmp(w, "dev")) {
		q->odev = v;
	} else {
		if (!parse_u32(v, &n))
			return iparg_invalid("invalid UID\n", v);
		mnl_attr_put_u32(q->nlh, RTA_UID, n);
	}
	return 0;
}

static int parse_get(struct get_req *q, int argc, char **argv)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];
		int r;

		if (nl_req_full(q->nlh))
			return iparg_too_long(w);
		if (matches(w, "from") || matches(w, "iif") || matches(w, "mark") ||
		    matches(w, "oif") || !strcmp(w, "dev") || matches(w, "uid")) {
			if (!iparg_next(argc, &i))
				return iparg_incomplete();
			r = parse_valued(q, w, argv[i]);
		} else if (matches(w, "notify")) {
			q->rtm->rtm_flags |= RTM_F_NOTIFY;
			r = 0;
		} else if (matches(w, "fibmatch")) {
			q->rtm->rtm_flags |= RTM_F_FIB_MATCH;
			r = 0;
		} else {
			r = parse_to(q, argc, argv, &i);
		}
		if (r)
			return r;
	}
	return 0;
}

static int put_dev(struct get_req *q, struct nl *nl, const char *name,
		   uint16_t attr)
{
	int idx, r;

	if (!name)
		return 0;
	if ((r = link_index_or_nodev(nl, name, &idx)))
		return r;
	mnl_attr_put_u32(q->nlh, attr, (uint32_t)idx);
	return 0;
}

struct answer {
	struct ctx *c;
	const struct ifnames *names;
	bool begun;            /* the JSON list is open: only after an answer */
};

static int print_answer(const struct nlmsghdr *nlh, void *data)
{
	struct answer *a = data;
	struct route_msg m;
	struct route_print_opts opts = {
		.names = a->names, .details = a->c->opt.details,
		.numeric = a->c->opt.numeric, .stats = a->c->opt.stats,
	};

	if (nlh->nlmsg_type != RTM_NEWROUTE)
		return 0;
	if (route_msg_parse(nlh, &m) < 0)
		return -1;
	if (!a->begun)
		out_list_begin(&a->c->out);
	a->begun = true;
	out_obj_begin(&a->c->out, NULL);
	route_print(&a->c->out, &m, &opts);
	out_eol(&a->c->out);
	out_obj_end(&a->c->out);
	return 0;
}

int route_get(struct ctx *c, int argc, char **argv)
{
	struct nl_req msg;
	struct get_req q = { .c = c };
	struct ifnames names = { 0 };
	struct nl *nl;
	int r;

	q.nlh = nl_req_init(&msg, RTM_GETROUTE, 0);
	q.rtm = nl_put_header(q.nlh, sizeof(*q.rtm));
	q.rtm->rtm_family = c->opt.family == AF_INET || c->opt.family == AF_INET6 ?
			    (unsigned char)c->opt.family : AF_UNSPEC;
	if ((r = parse_get(&q, argc, argv)))
		return r;
	if (!q.address_found)
		return fail(EXIT_CMD, "need at least a destination address");
	if (!(nl = ctx_nl(c)) || ifnames_load(nl, &names) < 0)
		return EXIT_CMD;
	if ((r = put_dev(&q, nl, q.idev, RTA_IIF)) ||
	    (r = put_dev(&q, nl, q.odev, RTA_OIF)))
		goto out;
	take_family(&q, AF_INET);
	/* Only IPv4 answers with the table the lookup ended in. */
	if (q.rtm->rtm_family == AF_INET)
		q.rtm->rtm_flags |= RTM_F_LOOKUP_TABLE;
	struct answer a = { c, &names, false };
	r = nl_talk(nl, q.nlh, print_answer, &a) < 0 ? EXIT_KERNEL : 0;
	if (a.begun)
		out_list_end(&c->out);
out:
	ifnames_free(&names);
	return r;
}
