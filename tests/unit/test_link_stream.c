/* The stream `link show` prints from (common/link_stream.c), fed with the
 * recorded link dump of data/links.bin: lo (1); a veth pair vb (2) and va
 * (3), each naming the other; a bridge br0 (4); vc (6), a port of br0
 * whose peer is in another namespace. Whatever waits, restarts or ends,
 * the output is ip's (the golden files), each link once; and ifnames_put
 * keeps its table in index order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/if.h>

#include "tap.h"
#include "nl/ifnames.h"
#include "print/link_print.h"
#include "nl/link_stream.h"

#include "link_recording.h"

enum mode { TEXT, ONELINE, BRIEF, JSON, PRETTY };
static const char *const golden[] = {
	"links.txt", "links.oneline", "links.brief", "links.json", "links.pretty",
};

/* One `link show` printing into memory. */
struct run {
	FILE *f;
	char *text;
	size_t len;
	struct out o;
	struct link_print_opts opts;
	struct link_stream ls;
	struct nl_dump d;      /* the recording */
	size_t at[8];          /* where each of its messages starts */
	int n;
};

static bool every(const struct link_msg *m, void *data)
{
	(void)m;
	(void)data;
	return true;
}

static int print(const struct link_msg *m, void *data)
{
	struct run *r = data;

	out_obj_begin(&r->o, NULL);
	link_print(&r->o, m, &r->opts);
	out_eol(&r->o);
	out_obj_end(&r->o);
	return 0;
}

static void run_init(struct run *r, enum mode mode, bool hold_all)
{
	memset(r, 0, sizeof(*r));
	r->f = open_memstream(&r->text, &r->len);
	ck_assert_ptr_nonnull(r->f);
	out_init(&r->o, r->f, mode >= JSON, mode == PRETTY, mode == ONELINE);
	r->ls = (struct link_stream){
		.wanted = every, .show = print, .data = r, .hold_all = hold_all,
	};
	r->opts = (struct link_print_opts){
		.brief = mode == BRIEF, .show_mode = true, .show_link_line = true,
		.names = &r->ls.names,
	};
	r->d = recording();
	for (size_t at = 0; at < r->d.len; r->n++) {
		const struct nlmsghdr *h = (const void *)(r->d.buf + at);

		ck_assert_int_lt(r->n, 8);
		r->at[r->n] = at;
		at += NLMSG_ALIGN(h->nlmsg_len);
	}
	ck_assert_int_eq(r->n, 5);
	out_list_begin(&r->o);
}

/* Feeds message i (0-based, in the recording's order). */
static void feed(struct run *r, int i)
{
	const struct nlmsghdr *h = (const void *)(r->d.buf + r->at[i]);

	ck_assert_int_eq(link_stream_take(h, &r->ls), 0);
}

/* What has been printed so far. */
static const char *so_far(struct run *r)
{
	fflush(r->f);
	return r->text;
}

/* Ends the dump and the listing; the whole output, to be freed. */
static char *run_end(struct run *r)
{
	ck_assert_int_eq(link_stream_end(&r->ls), 0);
	out_list_end(&r->o);
	fclose(r->f);
	link_stream_free(&r->ls);
	nl_dump_free(&r->d);
	return r->text;
}

static void is_golden(char *got, enum mode mode)
{
	size_t len;
	char *want = slurp(golden[mode], &len);

	ck_assert_str_eq(got, want);
	free(want);
	free(got);
}

START_TEST(prints_what_ip_prints)
{
	for (enum mode mode = TEXT; mode <= PRETTY; mode++) {
		struct run r;

		run_init(&r, mode, false);
		for (int i = 0; i < r.n; i++)
			feed(&r, i);
		is_golden(run_end(&r), mode);
	}
}
END_TEST

/* vb names va, which comes after it: vb waits, and is then printed with
 * va's flags known (no M-DOWN: va is up). */
START_TEST(a_record_waits_for_its_peer)
{
	struct run r;

	run_init(&r, TEXT, false);
	feed(&r, 0);
	ck_assert_ptr_nonnull(strstr(so_far(&r), "1: lo:"));
	size_t after_lo = strlen(so_far(&r));
	feed(&r, 1);
	ck_assert_uint_eq(strlen(so_far(&r)), after_lo);
	feed(&r, 2);
	ck_assert_ptr_nonnull(strstr(so_far(&r), "2: vb@va: <BROADCAST,MULTICAST,NOARP>"));
	ck_assert_ptr_nonnull(strstr(so_far(&r), "3: va@vb:"));
	for (int i = 3; i < r.n; i++)
		feed(&r, i);
	is_golden(run_end(&r), TEXT);
}
END_TEST

/* Fed vc before its master br0: vc waits, and the records after it wait
 * behind it, so that the order of arrival is kept. */
START_TEST(a_port_waits_for_its_master)
{
	static const int order[] = { 0, 4, 1, 2, 3 };
	struct run r;

	run_init(&r, TEXT, false);
	for (int i = 0; i < 4; i++)
		feed(&r, order[i]);
	ck_assert_ptr_null(strstr(so_far(&r), "6: vc"));
	ck_assert_ptr_null(strstr(so_far(&r), "2: vb"));
	feed(&r, order[4]);
	const char *out = so_far(&r);
	const char *lo = strstr(out, "1: lo"), *vc = strstr(out, "6: vc@if5"),
		   *vb = strstr(out, "2: vb@va"), *va = strstr(out, "3: va@vb"),
		   *br = strstr(out, "4: br0");

	ck_assert(lo && vc && vb && va && br);
	ck_assert(lo < vc && vc < vb && vb < va && va < br);
	ck_assert_ptr_nonnull(strstr(out, "master br0"));
	free(run_end(&r));
}
END_TEST

/* The dump asked again after k records: those printed are not printed
 * again, those waiting are dropped and come again. */
START_TEST(a_restart_prints_each_link_once)
{
	for (int k = 0; k <= 5; k++) {
		for (enum mode mode = TEXT; mode <= JSON; mode += JSON - TEXT) {
			struct run r;

			run_init(&r, mode, false);
			for (int i = 0; i < k; i++)
				feed(&r, i);
			link_stream_restart(&r.ls);
			for (int i = 0; i < r.n; i++)
				feed(&r, i);
			is_golden(run_end(&r), mode);
		}
	}
}
END_TEST

START_TEST(hold_all_prints_at_the_end)
{
	struct run r;

	run_init(&r, TEXT, true);
	for (int i = 0; i < r.n; i++)
		feed(&r, i);
	ck_assert_uint_eq(strlen(so_far(&r)), 0);
	is_golden(run_end(&r), TEXT);
}
END_TEST

START_TEST(names_put_in_any_order)
{
	struct ifnames t = { 0 };
	static const int order[] = { 5, 2, 9, 7, 1, 100, 3 };

	for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++) {
		char name[IF_NAMESIZE];

		snprintf(name, sizeof(name), "d%d", order[i]);
		ck_assert_ptr_nonnull(ifnames_put(&t, order[i], 0, name));
	}
	ck_assert_ptr_nonnull(ifnames_put(&t, 2, IFF_UP, "renamed-and-too-long"));
	ck_assert_uint_eq(t.n, 7);
	for (size_t i = 1; i < t.n; i++)
		ck_assert_int_lt(t.v[i - 1].index, t.v[i].index);
	ck_assert_str_eq(ifnames_find(&t, 9)->name, "d9");
	ck_assert_str_eq(ifnames_find(&t, 2)->name, "renamed-and-too");
	ck_assert(ifnames_find(&t, 2)->flags & IFF_UP);
	ck_assert_ptr_null(ifnames_find(&t, 4));
	ck_assert_ptr_null(ifnames_find(&t, 101));
	ifnames_free(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("link_stream");
	TCase *tc = tcase_create("stream");

	tcase_add_test(tc, prints_what_ip_prints);
	tcase_add_test(tc, a_record_waits_for_its_peer);
	tcase_add_test(tc, a_port_waits_for_its_master);
	tcase_add_test(tc, a_restart_prints_each_link_once);
	tcase_add_test(tc, hold_all_prints_at_the_end);
	tcase_add_test(tc, names_put_in_any_order);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
