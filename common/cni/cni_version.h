/* The CNI spec versions nsip speaks, VERSION's answer, and which shape a
 * result takes in each version. */
#ifndef NSIP_CNI_VERSION_H
#define NSIP_CNI_VERSION_H

#include <stdbool.h>
#include <stdio.h>

#include "cni/cni_err.h"

#define CNI_VERSION_LATEST "1.0.0"

/* The result's shape: 0.1.0/0.2.0 (ip4, ip6), 0.3.x/0.4.0 (interfaces,
 * ips with a "version"), 1.0.0 (ips without it). */
enum cni_form { CNI_FORM_020, CNI_FORM_040, CNI_FORM_100 };

bool cni_version_known(const char *v);
/* -1 with e (code 1, the reference's words) when v is not one of them. */
int cni_version_check(const char *v, struct cni_err *e);
enum cni_form cni_version_form(const char *v);
/* CHECK came with 0.4.0. */
bool cni_version_has_check(const char *v);
/* Whether the config's version has GC and STATUS (1.1.0). */
bool cni_version_has_gc(const char *v);
/* {"cniVersion":..., "supportedVersions":[...]} and a newline. */
int cni_version_print(FILE *f);

#endif
