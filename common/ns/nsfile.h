/* Opening a namespace file of the run dir safely: an entry of /run/netns
 * (or what its symlink points to, as ip follows it) is used only when it is
 * a network namespace (nsfs), and a stale plain file is named in one clear
 * line instead of the kernel's "Peer netns reference is invalid". */
#ifndef NSIP_NSFILE_H
#define NSIP_NSFILE_H

/* Opens path (following a symlink, not blocking on a FIFO, not opening a
 * device) and checks that it is a network namespace. Returns the fd
 * (O_CLOEXEC), or -1: then *what names what the path is instead ("an empty
 * regular file", "a symbolic link to a directory", ...), or is NULL and
 * errno says why it did not open (ENOENT for a dangling link). */
int nsfile_open(const char *path, const char **what);

/* The one line for the run-dir entry NAME that is `what`, not a network
 * namespace: what it is, why it happens, how to remove it. */
void nsfile_explain(const char *name, const char *what);

#endif
