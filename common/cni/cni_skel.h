/* The frame of every CNI plugin: the environment, the config, the
 * command's dispatch, and the error JSON when it fails. */
#ifndef NSIP_CNI_SKEL_H
#define NSIP_CNI_SKEL_H

#include "cni/cni_conf.h"
#include "cni/cni_env.h"
#include "cni/cni_err.h"

struct cni_call {
	struct cni_env env;
	struct cni_conf conf;
};

/* Each command prints its own result on stdout; 0, or -1 with e. */
typedef int cni_cmd_fn(struct cni_call *call, struct cni_err *e);

struct cni_plugin {
	const char *name;       /* "bridge", for "CNI bridge plugin" */
	cni_cmd_fn *add, *del, *check;
	/* Spec 1.1: NULL when the plugin has nothing to collect, or is
	 * always ready (loopback); then the command succeeds. */
	cni_cmd_fn *gc, *status;
};

/* Runs the plugin as the runtime asked; the process's exit code. */
int cni_skel_run(const struct cni_plugin *p);

#endif
