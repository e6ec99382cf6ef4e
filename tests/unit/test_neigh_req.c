/* The requests of `ip neigh add|replace|del`, byte for byte. Each spec is
 * filled as the applet's words fill it (the word list is above each test);
 * the expected bytes are written out by hand from the netlink layout
 * (little-endian hosts), so that the builder is checked against the
 * format, not itself. */
#include <string.h>
#include <sys/socket.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "nl/neigh_req.h"

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

static void assert_bytes(const struct nl_req *r, const unsigned char *want,
			 size_t len)
{
	ck_assert_uint_eq(r->nlh.nlmsg_len, len);
	for (size_t i = 0; i < len; i++)
		ck_assert_msg((unsigned char)r->buf[i] == want[i],
			      "byte %zu: got 0x%02x, want 0x%02x", i,
			      (unsigned char)r->buf[i], want[i]);
}

/* ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0 (index 2) */
START_TEST(add_request)
{
	static const unsigned char want[] = {
		48, 0, 0, 0,  28, 0,  0x01, 0x06,  0, 0, 0, 0,  0, 0, 0, 0,
		/* ndmsg: family, pads, ifindex, state (PERMANENT), flags, type */
		AF_INET, 0, 0, 0,  2, 0, 0, 0,  0x80, 0,  0,  0,
		/* NDA_DST 10.0.0.5 */
		8, 0, 1, 0,  10, 0, 0, 5,
		/* NDA_LLADDR, padded to 4 */
		10, 0, 2, 0,  2, 0, 0, 0, 0, 5, 0, 0,
	};
	static const unsigned char ll[] = { 2, 0, 0, 0, 0, 5 };
	struct neigh_spec s;
	struct nl_req r;

	neigh_spec_init(&s);
	s.ndm.ndm_state = NUD_PERMANENT;
	s.ndm.ndm_family = AF_INET;
	s.ndm.ndm_ifindex = 2;
	memcpy(s.dst, "\x0a\x00\x00\x05", 4);
	s.dst_len = 4;
	memcpy(s.lladdr, ll, sizeof(ll));
	s.lladdr_len = sizeof(ll);
	ck_assert_int_eq(neigh_req_build(&r, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, &s), 0);
	assert_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip neigh replace proxy fd00::5 dev v0 protocol static: the protocol
 * comes first, where the word loop used to write it. */
START_TEST(proxy_request)
{
	static const unsigned char want[] = {
		56, 0, 0, 0,  28, 0,  0x01, 0x05,  0, 0, 0, 0,  0, 0, 0, 0,
		AF_INET6, 0, 0, 0,  2, 0, 0, 0,  0x80, 0,  NTF_PROXY,  0,
		/* NDA_PROTOCOL 4 (static), padded */
		5, 0, 12, 0,  4, 0, 0, 0,
		/* NDA_DST fd00::5 */
		20, 0, 1, 0,  0xfd, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 0,  0, 0, 0, 5,
	};
	struct neigh_spec s;
	struct nl_req r;

	neigh_spec_init(&s);
	s.ndm.ndm_state = NUD_PERMANENT;
	s.ndm.ndm_family = AF_INET6;
	s.ndm.ndm_ifindex = 2;
	s.ndm.ndm_flags = NTF_PROXY;
	s.has_protocol = true;
	s.protocol = RTPROT_STATIC;
	memset(s.dst, 0, sizeof(s.dst));
	s.dst[0] = 0xfd;
	s.dst[15] = 5;
	s.dst_len = 16;
	ck_assert_int_eq(neigh_req_build(&r, RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, &s), 0);
	assert_bytes(&r, want, sizeof(want));
}
END_TEST

/* ip neigh del 10.0.0.7 dev v0: no flags but the request's own. */
START_TEST(del_request)
{
	static const unsigned char want[] = {
		36, 0, 0, 0,  29, 0,  0x01, 0x00,  0, 0, 0, 0,  0, 0, 0, 0,
		AF_INET, 0, 0, 0,  2, 0, 0, 0,  0x80, 0,  0,  0,
		8, 0, 1, 0,  10, 0, 0, 7,
	};
	struct neigh_spec s;
	struct nl_req r;

	neigh_spec_init(&s);
	s.ndm.ndm_state = NUD_PERMANENT;
	s.ndm.ndm_family = AF_INET;
	s.ndm.ndm_ifindex = 2;
	memcpy(s.dst, "\x0a\x00\x00\x07", 4);
	s.dst_len = 4;
	ck_assert_int_eq(neigh_req_build(&r, RTM_DELNEIGH, 0, &s), 0);
	assert_bytes(&r, want, sizeof(want));
}
END_TEST

#endif

/* "protocol 7" repeated: the words weigh what their attributes would, and
 * the line is refused where a request written word by word would have
 * been (nl_req_full), though the description keeps one protocol. */
START_TEST(repeated_words_fill_up)
{
	struct neigh_spec s;
	int words = 0;

	neigh_spec_init(&s);
	ck_assert_uint_eq(s.size, 28);
	while (!neigh_spec_full(&s)) {
		neigh_spec_grow(&s, 1);
		words++;
	}
	ck_assert_int_eq(words, (NL_MSG_MAX - NL_WORD_ROOM - 28) / 8 + 1);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("neigh_req");
	TCase *t = tcase_create("build");

#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	tcase_add_test(t, add_request);
	tcase_add_test(t, proxy_request);
	tcase_add_test(t, del_request);
#endif
	tcase_add_test(t, repeated_words_fill_up);
	suite_add_tcase(s, t);
	return s;
}

int main(void)
{
	return run_suite(suite());
}
