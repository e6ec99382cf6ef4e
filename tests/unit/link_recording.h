/* The recorded link dump of tests/unit/data/links.bin (see
 * test_link_print.c) and its golden files, for the unit tests. */
#ifndef NSIP_TEST_LINK_RECORDING_H
#define NSIP_TEST_LINK_RECORDING_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tap.h"
#include "nl/nl.h"

static char *slurp(const char *name, size_t *len)
{
	const char *dir = getenv("TESTS_DIR");
	char path[4096];
	FILE *f;
	char *buf;
	long size;

	ck_assert_msg(dir != NULL, "TESTS_DIR must name the tests/ source dir");
	snprintf(path, sizeof(path), "%s/unit/data/%s", dir, name);
	f = fopen(path, "rb");
	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	ck_assert_int_ge(size, 0);
	rewind(f);
	buf = malloc((size_t)size + 1);
	ck_assert_ptr_nonnull(buf);
	ck_assert_uint_eq(fread(buf, 1, (size_t)size, f), (size_t)size);
	buf[size] = '\0';
	fclose(f);
	*len = (size_t)size;
	return buf;
}

static struct nl_dump recording(void)
{
	struct nl_dump d = { 0 };

	d.buf = slurp("links.bin", &d.len);
	d.cap = d.len;
	return d;
}

#endif
