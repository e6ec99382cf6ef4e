/* The entry of each applet, named once here for the table of applets.c.
 * An applet's entry file includes this header so that its main keeps the
 * type the table calls it with. */
#ifndef NSIP_APPLETS_H
#define NSIP_APPLETS_H

#include "applet.h"

applet_fn netns_main;
applet_fn link_main;
applet_fn addr_main;
applet_fn route_main;
applet_fn neigh_main;
applet_fn rule_main;
applet_fn nat_main;
/* iptables-save and iptables-restore (cmd/nat/xt_save.c, xt_restore.c). */
applet_fn xt_save_main;
applet_fn xt_restore_main;
applet_fn tuntap_main;
applet_fn sysctl_main;
/* The CNI plugins (cmd/cni/). */
applet_fn cni_bridge_main;
applet_fn cni_host_local_main;
applet_fn cni_loopback_main;
applet_fn monitor_main;
applet_fn cni_portmap_main;

/* nat's batch group (cmd/nat/nat_group.c). */
int nat_group_begin(struct ctx *c);
int nat_group_end(struct ctx *c);
void nat_group_drop(struct ctx *c);

#endif
