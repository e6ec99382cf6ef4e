/* The one check of the request-builder tests (test_link_req,
 * test_addr_req): a built request is these bytes, to the last one, and
 * the first byte that differs is named. */
#ifndef NSIP_TEST_REQ_BYTES_H
#define NSIP_TEST_REQ_BYTES_H

#include <check.h>
#include <stddef.h>

#include "nl/nl.h"

static inline void assert_req_bytes(const struct nl_req *r, const unsigned char *want,
				    size_t len)
{
	ck_assert_uint_eq(r->nlh.nlmsg_len, len);
	for (size_t i = 0; i < len; i++)
		ck_assert_msg((unsigned char)r->buf[i] == want[i],
			      "byte %zu: got 0x%02x, want 0x%02x", i,
			      (unsigned char)r->buf[i], want[i]);
}

#endif
