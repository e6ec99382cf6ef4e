/* -m length, iprange, limit and addrtype listed (see xt_match_print.h). */
#include "print/xt_match_print.h"
#include "xt/xt_matchparse.h"

#include <arpa/inet.h>
#include <sys/socket.h>

static void length_words(char *buf, size_t size, const struct xt_length_match *m)
{
	if (m->lo == m->hi)
		snprintf(buf, size, "%u", m->lo);
	else
		snprintf(buf, size, "%u:%u", m->lo, m->hi);
}

static void range_words(char *buf, size_t size, const struct xt_range *m)
{
	char lo[INET_ADDRSTRLEN], hi[INET_ADDRSTRLEN];

	inet_ntop(AF_INET, &m->lo, lo, sizeof(lo));
	inet_ntop(AF_INET, &m->hi, hi, sizeof(hi));
	snprintf(buf, size, "%s-%s", lo, hi);
}

static void rate_words(char *buf, size_t size, const struct xt_limit_match *m)
{
	uint64_t unit, n = xt_limit_rate(m->avg, &unit);

	snprintf(buf, size, "%llu/%s", (unsigned long long)n, xt_limit_unit_name(unit));
}

/* ---- -S --------------------------------------------------------------- */

static void save_range(FILE *f, const char *opt, const struct xt_range *m)
{
	char buf[40];

	if (!m->set)
		return;
	range_words(buf, sizeof(buf), m);
	fprintf(f, "%s --%s %s", m->neg ? " !" : "", opt, buf);
}

static void save_addrtype(FILE *f, const struct xt_addrtype_match *a)
{
	char buf[128];

	fputs(" -m addrtype", f);
	if (a->src) {
		xt_addrtypes_text(buf, sizeof(buf), a->src);
		fprintf(f, "%s --src-type %s", a->src_neg ? " !" : "", buf);
	}
	if (a->dst) {
		xt_addrtypes_text(buf, sizeof(buf), a->dst);
		fprintf(f, "%s --dst-type %s", a->dst_neg ? " !" : "", buf);
	}
	if (a->limit_in)
		fputs(" --limit-iface-in", f);
	if (a->limit_out)
		fputs(" --limit-iface-out", f);
}

void xt_save_more(FILE *f, const struct nat_rule *r, int kind)
{
	char buf[40];

	switch (kind) {
	case XT_M_LENGTH:
		length_words(buf, sizeof(buf), &r->length);
		fprintf(f, " -m length%s --length %s", r->length.neg ? " !" : "", buf);
		break;
	case XT_M_IPRANGE:
		fputs(" -m iprange", f);
		save_range(f, "src-range", &r->iprange.src);
		save_range(f, "dst-range", &r->iprange.dst);
		break;
	case XT_M_LIMIT:
		rate_words(buf, sizeof(buf), &r->limit);
		fprintf(f, " -m limit --limit %s", buf);
		if (r->limit.burst != XT_LIMIT_BURST)
			fprintf(f, " --limit-burst %u", r->limit.burst);
		break;
	case XT_M_ADDRTYPE:
		save_addrtype(f, &r->addrtype);
		break;
	}
}

/* ---- -L --------------------------------------------------------------- */

static void list_range(FILE *f, const char *what, const struct xt_range *m)
{
	char buf[40];

	if (!m->set)
		return;
	range_words(buf, sizeof(buf), m);
	fprintf(f, " %s IP range %s%s", what, m->neg ? "! " : "", buf);
}

static void list_addrtype(FILE *f, const struct xt_addrtype_match *a)
{
	char buf[128];

	fputs(" ADDRTYPE match", f);
	if (a->src) {
		xt_addrtypes_text(buf, sizeof(buf), a->src);
		fprintf(f, " src-type %s%s", a->src_neg ? "!" : "", buf);
	}
	if (a->dst) {
		xt_addrtypes_text(buf, sizeof(buf), a->dst);
		fprintf(f, " dst-type %s%s", a->dst_neg ? "!" : "", buf);
	}
	if (a->limit_in)
		fputs(" limit-in", f);
	if (a->limit_out)
		fputs(" limit-out", f);
}

void xt_list_more(FILE *f, const struct nat_rule *r, int kind)
{
	char buf[40];

	switch (kind) {
	case XT_M_LENGTH:
		length_words(buf, sizeof(buf), &r->length);
		fprintf(f, " length %s%s", r->length.neg ? "!" : "", buf);
		break;
	case XT_M_IPRANGE:
		list_range(f, "source", &r->iprange.src);
		list_range(f, "destination", &r->iprange.dst);
		break;
	case XT_M_LIMIT:
		rate_words(buf, sizeof(buf), &r->limit);
		fprintf(f, " limit: avg %s burst %u", buf, r->limit.burst);
		break;
	case XT_M_ADDRTYPE:
		list_addrtype(f, &r->addrtype);
		break;
	}
}

/* ---- JSON ------------------------------------------------------------- */

static void json_str(struct out *o, const char *key, const char *v, bool neg,
		     const char *inv)
{
	out_str(o, key, NULL, v);
	if (neg)
		out_bool(o, inv, NULL, true);
}

void xt_json_more(struct out *o, const struct nat_rule *r)
{
	const struct xt_addrtype_match *a = &r->addrtype;
	char buf[128];

	if (r->length.set) {
		length_words(buf, sizeof(buf), &r->length);
		json_str(o, "length", buf, r->length.neg, "length_invert");
	}
	if (r->iprange.src.set) {
		range_words(buf, sizeof(buf), &r->iprange.src);
		json_str(o, "src_range", buf, r->iprange.src.neg, "src_range_invert");
	}
	if (r->iprange.dst.set) {
		range_words(buf, sizeof(buf), &r->iprange.dst);
		json_str(o, "dst_range", buf, r->iprange.dst.neg, "dst_range_invert");
	}
	if (r->limit.set) {
		rate_words(buf, sizeof(buf), &r->limit);
		out_str(o, "limit", NULL, buf);
		out_uint(o, "limit_burst", NULL, r->limit.burst);
	}
	if (a->src) {
		xt_addrtypes_text(buf, sizeof(buf), a->src);
		json_str(o, "src_type", buf, a->src_neg, "src_type_invert");
	}
	if (a->dst) {
		xt_addrtypes_text(buf, sizeof(buf), a->dst);
		json_str(o, "dst_type", buf, a->dst_neg, "dst_type_invert");
	}
	if (a->limit_in || a->limit_out)
		out_str(o, "limit_iface", NULL, a->limit_in ? "in" : "out");
}
