/* A CNI plugin's error: the spec's codes, and the error JSON the reference
 * plugins (containernetworking-plugins 1.1.1) print on stdout before they
 * exit 1. */
#ifndef NSIP_CNI_ERR_H
#define NSIP_CNI_ERR_H

#include <stdio.h>

enum cni_code {
	CNI_E_VERSION = 1,     /* incompatible CNI version */
	CNI_E_FIELD = 2,       /* unsupported field in the config */
	CNI_E_CONTAINER = 3,   /* unknown container */
	CNI_E_ENV = 4,         /* invalid necessary environment variables */
	CNI_E_IO = 5,          /* I/O failure */
	CNI_E_DECODE = 6,      /* failed to decode content */
	CNI_E_CONFIG = 7,      /* invalid network config */
	CNI_E_AGAIN = 11,      /* try again later */
	CNI_E_GENERIC = 999,   /* what the reference plugins say of the rest */
};

struct cni_err {
	int code;
	char msg[512];
	char details[512];     /* "" = none (left out of the JSON) */
};

/* Fills e with code and the message; returns -1, for "return cni_fail(...)". */
int cni_fail(struct cni_err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The same with details. */
int cni_fail_details(struct cni_err *e, int code, const char *details,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Prints e as the reference does: indented JSON, no newline after it. */
void cni_err_print(const struct cni_err *e, FILE *f);
/* errno's text the way Go words it ("no such file or directory"): the
 * reference's messages end with it. */
const char *cni_strerror(int err, char *buf, size_t len);

#endif
