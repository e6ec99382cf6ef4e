/* The network configuration a CNI plugin reads on stdin: the keys every
 * plugin has (cniVersion, name, type, ipam, prevResult) parsed with
 * jansson, the rest left in the tree for the plugin. */
#ifndef NSIP_CNI_CONF_H
#define NSIP_CNI_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <jansson.h>

#include "cni/cni_err.h"

/* The most a config may weigh: far beyond any real one. */
#define CNI_CONF_MAX ((size_t)1 << 20)

struct cni_conf {
	char *raw;              /* stdin as read: what an IPAM plugin is given */
	size_t raw_len;
	json_t *root;           /* an object */
	const char *version;    /* "0.1.0" when absent, as the spec says */
	const char *name;
	const char *type;       /* NULL when absent */
	json_t *ipam;           /* an object, or NULL */
	json_t *prev;           /* prevResult: an object, or NULL */
};

/* Reads and parses in: 0, or -1 with e (codes 5, 6, 7 or 1). */
int cni_conf_read(FILE *in, struct cni_conf *c, struct cni_err *e);
/* Parses buf (len bytes, kept by c from then on, freed with it). */
int cni_conf_parse(char *buf, size_t len, struct cni_conf *c, struct cni_err *e);
void cni_conf_free(struct cni_conf *c);

/* GC (spec 1.1): the attachments the runtime still has, the config's
 * "cni.dev/valid-attachments" ([{"containerID", "ifname"}, ...]); 0, or
 * -1 with e when it is missing or malformed (nothing is then collected:
 * a GC without the list would free every container's resources). */
int cni_conf_attachments(const struct cni_conf *c, const json_t **list,
			 struct cni_err *e);
/* Whether list holds id with ifname (any ifname when ifname is NULL). */
bool cni_attachment_listed(const json_t *list, const char *id, const char *ifname);

#endif
