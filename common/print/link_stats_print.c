/* Owns the layout of ip's counter tables: column widths grow with the
 * widest number of a column across all rows (unless -human, whose numbers
 * are short), a column that is zero on every link (compressed, nohandler,
 * otherhost) is left out, and JSON keys come in ip's order. */
#include "print/link_stats_print.h"
#include "base/fmt.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

/* The columns: the first holds bytes, its width counts the "    RX: "
 * text before the number; the others are named by their widest header. */
enum { NCOLS = 8 };
static const unsigned int min_width[NCOLS] = {
	10 /* "*X errors:" */, 7 /* packets */, 6 /* errors */, 7 /* dropped */,
	7 /* heartbt */, 7 /* overrun */, 10 /* compressed */, 9 /* otherhost */,
};

const char *link_stats_num(char *buf, size_t len, uint64_t v, bool human,
			   bool iec)
{
	static const char units[] = "kMGTPE";
	uint64_t base = iec ? 1024 : 1000, scale = base;
	size_t u = 0;

	if (!human || v < base)
		return fmt_u64(buf, len, v);
	/* The largest unit the value reaches (E at most). */
	while (v / base >= scale && u + 1 < sizeof(units) - 1) {
		scale *= base;
		u++;
	}
	/* Three significant digits: 2.42, 24.2, 242. */
	uint64_t whole = v / scale;
	int decimals = whole < 10 ? 2 : whole < 100 ? 1 : 0;
	snprintf(buf, len, "%.*f%c%s", decimals, (double)v / (double)scale,
		 units[u], iec ? "i" : "");
	return buf;
}

struct table {
	struct out *o;
	const struct link_stats_opts *opts;
	unsigned int w[NCOLS];
	bool at_line_start;   /* the next line break is not owed */
};

/* A line break, except the one owed before the first table of addr show. */
static void line(struct table *t)
{
	if (!t->at_line_start)
		out_nl(t->o);
	t->at_line_start = false;
}

static unsigned int digits(uint64_t v)
{
	unsigned int n = 1;

	for (; v > 9; v /= 10)
		n++;
	return n;
}

/* A row's numbers widen their columns (not with -human). */
static void widen(struct table *t, const uint64_t *v, size_t n)
{
	for (size_t i = 0; i < n && !t->opts->human; i++)
		if (digits(v[i]) > t->w[i])
			t->w[i] = digits(v[i]);
}

/* s right-aligned in width columns, between lead and trail. */
static void text(struct table *t, const char *lead, unsigned int width,
		 const char *s, const char *trail)
{
	static const char spaces[] = "                                ";
	size_t ns = strlen(s), pad = width > ns ? width - ns : 0;

	/* as "%s%*s%s" would, piece by piece, without snprintf's cost (see
	 * base/fmt.h); no column is wider than the spaces here */
	if (pad > sizeof(spaces) - 1)
		pad = sizeof(spaces) - 1;
	out_text(t->o, lead);
	out_text(t->o, spaces + sizeof(spaces) - 1 - pad);
	out_text(t->o, s);
	out_text(t->o, trail);
}

/* "    RX:  bytes packets ...": the header of a counter row; the last
 * column's word only when its counter is not zero, its room always. */
static void counter_header(struct table *t, const char *dir,
			   const char *const words[5], bool compressed)
{
	char lead[16];

	line(t);
	snprintf(lead, sizeof(lead), "    %s: ", dir);
	out_text(t->o, lead);
	text(t, "", t->w[0] - 4, "bytes", "");
	for (int i = 0; i < 5; i++)
		text(t, " ", t->w[i + 1], words[i], "");
	text(t, " ", t->w[6], compressed ? "compressed" : "", "");
}

/* The numbers under a header, each followed by a space; from column
 * `first`, after `indent` spaces; a zero in an optional column is left out. */
static void numbers(struct table *t, unsigned int indent, size_t first,
		    const uint64_t *v, size_t n, unsigned int optional)
{
	char num[32];

	line(t);
	text(t, "", indent, "", "");
	for (size_t i = 0; i < n; i++) {
		if ((optional & (1u << i)) && !v[i])
			continue;
		link_stats_num(num, sizeof(num), v[i], t->opts->human, t->opts->iec);
		text(t, "", t->w[first + i], num, " ");
	}
}

/* "    RX errors: length ...": the header of an error row; its optional
 * words only when their counters are not zero. */
static void error_header(struct table *t, const char *dir,
			 const char *const words[], const uint64_t *v, size_t n,
			 unsigned int optional)
{
	char lead[24];

	line(t);
	snprintf(lead, sizeof(lead), "    %s errors:", dir);
	out_text(t->o, lead);
	text(t, "", t->w[0] - 10, "", "");
	for (size_t i = 0; i < n; i++)
		if (!(optional & (1u << i)) || v[i])
			text(t, " ", t->w[i + 1], words[i], "");
}

struct rows {
	uint64_t rx[7], rx_err[8], tx[7], tx_err[6];
};

static void rows_of(const struct link_stats *st, struct rows *r)
{
	const struct rtnl_link_stats64 *s = &st->s;

	*r = (struct rows){
		.rx = { s->rx_bytes, s->rx_packets, s->rx_errors, s->rx_dropped,
			s->rx_missed_errors, s->multicast, s->rx_compressed },
		.rx_err = { 0, s->rx_length_errors, s->rx_crc_errors,
			    s->rx_frame_errors, s->rx_fifo_errors,
			    s->rx_over_errors, s->rx_nohandler,
			    st->rx_otherhost_dropped },
		.tx = { s->tx_bytes, s->tx_packets, s->tx_errors, s->tx_dropped,
			s->tx_carrier_errors, s->collisions, s->tx_compressed },
		.tx_err = { 0, s->tx_aborted_errors, s->tx_fifo_errors,
			    s->tx_window_errors, s->tx_heartbeat_errors,
			    st->carrier_changes },
	};
}

static void print_text(struct out *o, const struct link_stats *st,
		       const struct link_stats_opts *opts)
{
	static const char *const rx_words[5] = { "packets", "errors", "dropped",
						 "missed", "mcast" };
	static const char *const tx_words[5] = { "packets", "errors", "dropped",
						 "carrier", "collsns" };
	static const char *const rx_err_words[7] = { "length", "crc", "frame",
		"fifo", "overrun", "nohandler", "otherhost" };
	static const char *const tx_err_words[5] = { "aborted", "fifo", "window",
		"heartbt", "transns" };
	struct table t = { .o = o, .opts = opts, .at_line_start = opts->own_lines };
	bool errors = opts->level > 1;
	struct rows r;

	memcpy(t.w, min_width, sizeof(t.w));
	rows_of(st, &r);
	widen(&t, r.rx, 7);
	if (errors)
		widen(&t, r.rx_err, 8);
	widen(&t, r.tx, 7);
	if (errors)
		widen(&t, r.tx_err, 6);

	counter_header(&t, "RX", rx_words, r.rx[6] != 0);
	numbers(&t, 4, 0, r.rx, 7, 1u << 6);
	if (errors) {
		error_header(&t, "RX", rx_err_words, r.rx_err + 1, 7, 3u << 5);
		numbers(&t, t.w[0] + 5, 1, r.rx_err + 1, 7, 3u << 5);
	}
	counter_header(&t, "TX", tx_words, r.tx[6] != 0);
	numbers(&t, 4, 0, r.tx, 7, 1u << 6);
	if (errors) {
		/* transns: only when the kernel says it, even when 0 */
		uint64_t has[5] = { 1, 1, 1, 1, st->has_carrier_changes };
		error_header(&t, "TX", tx_err_words, has, 5, 1u << 4);
		numbers(&t, t.w[0] + 5, 1, r.tx_err + 1,
			st->has_carrier_changes ? 5 : 4, 0);
	}
	if (opts->own_lines)
		out_eol(o);
}

struct key {
	const char *name;
	size_t at;   /* offset in struct rtnl_link_stats64 */
	bool if_set; /* a key ip gives only when the counter is not zero */
};

#define K(name, field) { name, offsetof(struct rtnl_link_stats64, field), false }
#define K_SET(name, field) { name, offsetof(struct rtnl_link_stats64, field), true }

static void json_keys(struct out *o, const struct rtnl_link_stats64 *s,
		      const struct key *k, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		uint64_t v;

		memcpy(&v, (const char *)s + k[i].at, sizeof(v));
		if (!k[i].if_set || v)
			out_u64(o, k[i].name, NULL, v);
	}
}

static void print_json(struct out *o, const struct link_stats *st, int level)
{
	static const struct key rx[] = {
		K("bytes", rx_bytes), K("packets", rx_packets),
		K("errors", rx_errors), K("dropped", rx_dropped),
		K("over_errors", rx_over_errors), K("multicast", multicast),
		K_SET("compressed", rx_compressed),
	};
	static const struct key rx_err[] = {
		K("length_errors", rx_length_errors), K("crc_errors", rx_crc_errors),
		K("frame_errors", rx_frame_errors), K("fifo_errors", rx_fifo_errors),
		K("missed_errors", rx_missed_errors),
		K_SET("nohandler", rx_nohandler),
	};
	static const struct key tx[] = {
		K("bytes", tx_bytes), K("packets", tx_packets),
		K("errors", tx_errors), K("dropped", tx_dropped),
		K("carrier_errors", tx_carrier_errors), K("collisions", collisions),
		K_SET("compressed", tx_compressed),
	};
	static const struct key tx_err[] = {
		K("aborted_errors", tx_aborted_errors), K("fifo_errors", tx_fifo_errors),
		K("window_errors", tx_window_errors),
		K("heartbeat_errors", tx_heartbeat_errors),
	};

	out_obj_begin(o, st->is64 ? "stats64" : "stats");
	out_obj_begin(o, "rx");
	json_keys(o, &st->s, rx, sizeof(rx) / sizeof(rx[0]));
	if (level > 1) {
		json_keys(o, &st->s, rx_err, sizeof(rx_err) / sizeof(rx_err[0]));
		if (st->rx_otherhost_dropped)
			out_u64(o, "otherhost", NULL, st->rx_otherhost_dropped);
	}
	out_obj_end(o);
	out_obj_begin(o, "tx");
	json_keys(o, &st->s, tx, sizeof(tx) / sizeof(tx[0]));
	if (level > 1) {
		json_keys(o, &st->s, tx_err, sizeof(tx_err) / sizeof(tx_err[0]));
		if (st->has_carrier_changes)
			out_u64(o, "carrier_changes", NULL, st->carrier_changes);
	}
	out_obj_end(o);
	out_obj_end(o);
}

void link_stats_print_set(struct out *o, const struct link_stats *st,
			  const struct link_stats_opts *opts)
{
	if (opts->level < 1)
		return;
	if (o->json)
		print_json(o, st, opts->level);
	else
		print_text(o, st, opts);
}

void link_stats_print(struct out *o, const struct link_msg *m,
		      const struct link_stats_opts *opts)
{
	struct link_stats st;

	if (opts->level >= 1 && link_stats_get(m, &st) > 0)
		link_stats_print_set(o, &st, opts);
}
