/* Runs a Check suite with TAP on stdout, so that automake's TAP driver
 * counts every test case. */
#ifndef NSIP_TEST_TAP_H
#define NSIP_TEST_TAP_H

#include <check.h>
#include <stdlib.h>

static inline int run_suite(Suite *s)
{
	SRunner *sr = srunner_create(s);

	srunner_set_tap(sr, "-");
	srunner_run_all(sr, CK_SILENT);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

#endif
