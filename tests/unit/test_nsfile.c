/* nsfile_open: what an entry is when it is not a network namespace, and
 * that nothing is followed or blocked on; ns_open: how a namespace word is
 * read (path, run-dir name, PID) for each caller's forms. Needs no root: the entries are
 * made in a private temporary directory. (A real namespace mount needs
 * root: the integration tests cover it.) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tap.h"
#include "ns/nsfile.h"
#include "ns/nsopen.h"

static char dir[] = "/tmp/nsip-nsfile-XXXXXX";

static const char *entry(const char *name)
{
	static char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* What nsfile_open says about path: NULL when it opened it. */
static const char *what_of(const char *path)
{
	const char *what = "(unset)";
	int fd = nsfile_open(path, &what);

	if (fd >= 0) {
		close(fd);
		return NULL;
	}
	return what;
}

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	const char *names[] = { "empty", "text", "link", "fifo", "sub", "plink", NULL };

	for (int i = 0; names[i]; i++)
		if (remove(entry(names[i])) < 0 && errno != ENOENT)
			perror(entry(names[i]));
	rmdir(dir);
	strcpy(dir, "/tmp/nsip-nsfile-XXXXXX");
}

START_TEST(plain_files_are_named)
{
	int fd = open(entry("empty"), O_CREAT | O_WRONLY, 0600);
	ck_assert_int_ge(fd, 0);
	close(fd);
	ck_assert_str_eq(what_of(entry("empty")), "an empty regular file");

	fd = open(entry("text"), O_CREAT | O_WRONLY, 0600);
	ck_assert_int_eq(write(fd, "x", 1), 1);
	close(fd);
	ck_assert_str_eq(what_of(entry("text")), "a regular file");
}
END_TEST

/* As ip: a run-dir name that is a link to /proc/PID/ns/net is that
 * namespace; a link to anything else is named as a link to it. */
START_TEST(links_are_followed)
{
	ck_assert_int_eq(symlink("/proc/self/ns/net", entry("link")), 0);
	ck_assert_ptr_null(what_of(entry("link")));
}
END_TEST

/* symlink(target, entry): entry()'s buffer holds one path at a time. */
static int link_to(const char *target, const char *name)
{
	char to[PATH_MAX];

	snprintf(to, sizeof(to), "%s", target);
	return symlink(to, entry(name));
}

START_TEST(links_to_other_things_are_named)
{
	ck_assert_int_eq(mkdir(entry("sub"), 0700), 0);
	ck_assert_int_eq(link_to(entry("sub"), "link"), 0);
	ck_assert_str_eq(what_of(entry("link")), "a symbolic link to a directory");
	ck_assert_int_eq(remove(entry("link")), 0);
	ck_assert_int_eq(mkfifo(entry("fifo"), 0600), 0);
	ck_assert_int_eq(link_to(entry("fifo"), "link"), 0);
	ck_assert_str_eq(what_of(entry("link")), "a symbolic link to a FIFO");
	ck_assert_int_eq(remove(entry("link")), 0);
	ck_assert_int_eq(symlink("/proc/self/ns/uts", entry("link")), 0);
	ck_assert_str_eq(what_of(entry("link")),
			 "a symbolic link to a namespace of another type");
}
END_TEST

START_TEST(a_dangling_link_is_missing)
{
	const char *what = "(unset)";

	ck_assert_int_eq(link_to(entry("none"), "link"), 0);
	errno = 0;
	ck_assert_int_eq(nsfile_open(entry("link"), &what), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_ptr_null(what);
}
END_TEST

START_TEST(fifos_and_dirs_are_not_opened)
{
	ck_assert_int_eq(mkfifo(entry("fifo"), 0600), 0);
	/* An open for reading would block here until a writer came. */
	ck_assert_str_eq(what_of(entry("fifo")), "a FIFO");
	ck_assert_int_eq(mkdir(entry("sub"), 0700), 0);
	ck_assert_str_eq(what_of(entry("sub")), "a directory");
}
END_TEST

START_TEST(missing_entries_keep_errno)
{
	const char *what = "(unset)";

	errno = 0;
	ck_assert_int_eq(nsfile_open(entry("none"), &what), -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_ptr_null(what);
}
END_TEST

/* A run-dir name that no host has, and so also a PID for NS_PID. */
#define NO_ENTRY "2147483646"

START_TEST(a_path_is_the_users_to_name)
{
	struct ns_target t;

	/* /proc/self/ns/net is itself a link: a path given is followed. */
	ck_assert_int_eq(symlink("/proc/self/ns/net", entry("plink")), 0);
	ck_assert_int_eq(ns_open(entry("plink"), NS_PATH | NS_NAME | NS_PID, &t), 0);
	ck_assert_int_ge(t.fd, 0);
	ck_assert(!t.by_pid);
	close(t.fd);
}
END_TEST

START_TEST(a_fifo_path_does_not_block)
{
	struct ns_target t;

	ck_assert_int_eq(mkfifo(entry("fifo"), 0600), 0);
	ck_assert_int_eq(ns_open(entry("fifo"), NS_PATH, &t), 0);
	close(t.fd);   /* the kernel, handed it, says it is no namespace */
}
END_TEST

START_TEST(a_name_only_caller_takes_no_path_and_no_pid)
{
	struct ns_target t;

	/* As ip -n: the word is looked up under the run dir whatever it is. */
	ck_assert_int_eq(ns_open("/proc/self/ns/net", NS_NAME, &t), -1);
	ck_assert_ptr_null(t.what);
	ck_assert_int_eq(t.err, ENOENT);
	ck_assert_int_eq(ns_open(NO_ENTRY, NS_NAME, &t), -1);
	ck_assert_int_eq(t.fd, -1);
	ck_assert(!t.by_pid);
}
END_TEST

START_TEST(a_number_that_names_no_entry_is_a_pid)
{
	struct ns_target t;

	ck_assert_int_eq(ns_open(NO_ENTRY, NS_PATH | NS_NAME | NS_PID, &t), 0);
	ck_assert(t.by_pid);
	ck_assert_int_eq(t.pid, 2147483646);
	ck_assert_int_eq(t.fd, -1);
	ck_assert_int_eq(ns_open("nsip-no-such-ns", NS_PATH | NS_NAME | NS_PID, &t), -1);
	ck_assert(!t.by_pid);
	ck_assert_ptr_null(t.what);
	ck_assert_int_eq(ns_open("/nsip/no/such/path", NS_PATH | NS_NAME | NS_PID, &t), -1);
	ck_assert_int_eq(t.err, ENOENT);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("nsfile");
	TCase *tc = tcase_create("nsfile");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, plain_files_are_named);
	tcase_add_test(tc, links_are_followed);
	tcase_add_test(tc, links_to_other_things_are_named);
	tcase_add_test(tc, a_dangling_link_is_missing);
	tcase_add_test(tc, fifos_and_dirs_are_not_opened);
	tcase_add_test(tc, missing_entries_keep_errno);
	tcase_add_test(tc, a_path_is_the_users_to_name);
	tcase_add_test(tc, a_fifo_path_does_not_block);
	tcase_add_test(tc, a_name_only_caller_takes_no_path_and_no_pid);
	tcase_add_test(tc, a_number_that_names_no_entry_is_a_pid);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
