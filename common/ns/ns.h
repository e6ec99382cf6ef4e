/* Named network namespaces: bind mounts under /run/netns, shared with
 * iproute2, made and removed. */
#ifndef NSIP_NS_H
#define NSIP_NS_H

/* Creates the namespace NAME: returns 0, or EXIT_CMD after one message,
 * with nothing left behind. */
int ns_add(const char *name);

/* Binds the network namespace of process pid as NAME: like ns_add. */
int ns_attach(const char *name, int pid);

/* Lazy unmount (never following a symlink) and unlink: returns 0 or
 * EXIT_CMD after one message. */
int ns_delete(const char *name);

#endif
