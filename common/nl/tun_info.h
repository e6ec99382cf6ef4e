/* What the kernel tells of a tun device outside rtnetlink: its sysfs
 * properties (tun_flags, owner, group) and the processes that hold it
 * (their /proc/PID/fdinfo names it as "iff:"). */
#ifndef NSIP_TUN_INFO_H
#define NSIP_TUN_INFO_H

/* /sys/class/net/DEV/PROP as a number in any C base. 0, or -1 after
 * iproute2's message (the device is then left out of its listing). */
int tun_prop_read(const char *dev, const char *prop, long *value);

/* Called for each descriptor of /dev/net/tun attached to dev, in /proc's
 * order (pids, then descriptors, ascending); comm is NULL when the
 * process's name could not be read. */
typedef void tun_holder_fn(int pid, const char *comm, void *data);

/* Walks every process's descriptors but our own, saying as iproute2 does
 * what could not be read ("readlink: Permission denied"). -1 when /proc
 * shows no descriptor at all (fn not called), else 0. */
int tun_holders_each(const char *dev, tun_holder_fn *fn, void *data);

#endif
