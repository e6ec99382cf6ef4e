/* A CNI result: the interfaces a plugin made, their addresses, routes and
 * DNS, printed in the shape of the config's version exactly as the
 * reference plugins print it, and read back from an IPAM plugin's answer
 * (any version's shape). */
#ifndef NSIP_CNI_RESULT_H
#define NSIP_CNI_RESULT_H

#include <net/if.h>
#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

#include "cni/cni_addr.h"
#include "cni/cni_err.h"
#include "cni/cni_version.h"

#define CNI_RES_IFACES 4
#define CNI_RES_IPS 16
#define CNI_RES_ROUTES 64

struct cni_iface {
	char name[IFNAMSIZ];
	char mac[18];               /* "" = none */
	const char *sandbox;        /* NULL = none (a host interface) */
};

struct cni_ip {
	struct cni_ip_addr addr;    /* with its prefix */
	struct cni_ip_addr gw;      /* family 0 = none */
	int iface;                  /* index into ifaces, -1 = none */
};

struct cni_route {
	struct cni_ip_addr dst;     /* with its prefix */
	struct cni_ip_addr gw;      /* family 0 = none */
};

struct cni_result {
	struct cni_iface ifaces[CNI_RES_IFACES];
	size_t n_ifaces;
	struct cni_ip ips[CNI_RES_IPS];
	size_t n_ips;
	struct cni_route routes[CNI_RES_ROUTES];
	size_t n_routes;
	json_t *dns;                /* an object (a reference held), or NULL */
};

void cni_result_init(struct cni_result *r);
void cni_result_free(struct cni_result *r);
/* Prints r as version's result; 0 or -1. */
int cni_result_print(const struct cni_result *r, const char *version, FILE *f);
/* The same in the shape of form whatever the version says (the reference
 * loopback prints 1.0.0's shape for every version). */
int cni_result_print_form(const struct cni_result *r, const char *version,
			  enum cni_form form, FILE *f);
/* Reads a result (an IPAM plugin's, a prevResult) into r: interfaces, ips,
 * routes, dns; strings stay j's. 0, or -1 with e. */
int cni_result_parse(const json_t *j, struct cni_result *r, struct cni_err *e);
/* Reads a "routes" array of {"dst", "gw"} into r: 0 or -1 with e. */
int cni_result_routes(const json_t *routes, struct cni_result *r, struct cni_err *e);
/* Keeps a copy of the dns object d in Go's key order (nameservers, domain,
 * search, options; empty ones left out): 0, or -1 with e when malformed. */
int cni_result_dns(const json_t *d, struct cni_result *r, struct cni_err *e);

#endif
