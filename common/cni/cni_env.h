/* What a runtime tells a CNI plugin through its environment (the spec's
 * CNI_COMMAND, CNI_CONTAINERID, CNI_NETNS, CNI_IFNAME, CNI_ARGS, CNI_PATH),
 * read and checked the way the reference plugins do. */
#ifndef NSIP_CNI_ENV_H
#define NSIP_CNI_ENV_H

#include "cni/cni_err.h"

enum cni_cmd { CNI_ADD, CNI_DEL, CNI_CHECK, CNI_VERSION, CNI_GC, CNI_STATUS, CNI_UNKNOWN };

struct cni_env {
	enum cni_cmd cmd;
	const char *command;       /* as given */
	const char *containerid;   /* NULL when not set (or empty) */
	const char *netns;
	const char *ifname;
	const char *args;
	const char *path;
};

/* Fills env from the environment. 1: no CNI_COMMAND at all (the plugin
 * then says what it is); 0; -1 with e (a variable its command needs is
 * missing). An unknown command is not refused here: the reference reads
 * the config first. */
int cni_env_read(struct cni_env *env, struct cni_err *e);
/* The checks of the values: container id and interface name; 0 or -1. */
int cni_env_check(const struct cni_env *env, struct cni_err *e);

#endif
