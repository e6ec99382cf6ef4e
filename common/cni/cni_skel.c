/* The frame of a CNI plugin. */
#include "cni/cni_skel.h"

#include <stdio.h>

#include "cni/cni_version.h"

/* What the reference says on stderr when called with no CNI_COMMAND. */
static int about(const struct cni_plugin *p)
{
	fprintf(stderr, "CNI %s plugin nsip %s\n"
		"CNI protocol versions supported: 0.1.0, 0.2.0, 0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0\n",
		p->name, PACKAGE_VERSION);
	return 0;
}

static int dispatch(const struct cni_plugin *p, struct cni_call *call,
		    struct cni_err *e)
{
	switch (call->env.cmd) {
	case CNI_ADD:
		return p->add(call, e);
	case CNI_DEL:
		return p->del(call, e);
	case CNI_CHECK:
		if (!cni_version_has_check(call->conf.version))
			return cni_fail(e, CNI_E_VERSION, "config version does not allow CHECK");
		return p->check(call, e);
	case CNI_GC:
		if (!cni_version_has_gc(call->conf.version))
			return cni_fail(e, CNI_E_VERSION, "config version does not allow GC");
		return p->gc ? p->gc(call, e) : 0;
	case CNI_STATUS:
		if (!cni_version_has_gc(call->conf.version))
			return cni_fail(e, CNI_E_VERSION, "config version does not allow STATUS");
		return p->status ? p->status(call, e) : 0;
	default:
		return cni_fail(e, CNI_E_ENV, "unknown CNI_COMMAND: %s", call->env.command);
	}
}

int cni_skel_run(const struct cni_plugin *p)
{
	struct cni_call call = { 0 };
	struct cni_err e = { 0 };
	int r = cni_env_read(&call.env, &e);

	if (r == 1)
		return about(p);
	if (r == 0 && call.env.cmd == CNI_VERSION)
		return cni_version_print(stdout) < 0 || fflush(stdout) ? 1 : 0;
	if (r == 0)
		r = cni_conf_read(stdin, &call.conf, &e);
	if (r == 0)
		r = cni_env_check(&call.env, &e);
	if (r == 0)
		r = dispatch(p, &call, &e);
	cni_conf_free(&call.conf);
	if (r < 0) {
		cni_err_print(&e, stdout);
		fflush(stdout);
		return 1;
	}
	return fflush(stdout) ? 1 : 0;
}
