/* Messages and exit codes in iproute2's convention. */
#ifndef NSIP_ERR_H
#define NSIP_ERR_H

/* The command's own failure (missing device, file exists, ...). */
#define EXIT_CMD 1
/* The kernel refused a request. */
#define EXIT_KERNEL 2
/* Usage and argument errors, and failures to enter a namespace. */
#define EXIT_USAGE 255

/* Prints one line (a newline is added) on stderr. */
void errmsg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints one line, and returns code: "return fail(EXIT_CMD, ...)". */
int fail(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A hint for EPERM/EACCES so that a non-root user knows why. */
const char *privilege_hint(int err);

#endif
