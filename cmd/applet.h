/* What every applet gets from the dispatcher: the global options, the
 * output writer and the (lazily opened) rtnetlink socket. */
#ifndef NSIP_APPLET_H
#define NSIP_APPLET_H

#include <stdbool.h>
#include <stdio.h>

#include "../common/nl.h"
#include "../common/out.h"

struct nat_group;

struct opts {
	int family;            /* AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET */
	bool json, pretty, brief, oneline, details, force, all;
	int stats;
	const char *batch;     /* -batch FILE */
};

/* Who we were called as: this decides the grammar and the messages. */
enum personality { AS_NSIP, AS_IP, AS_IPTABLES, AS_APPLET };

struct ctx {
	struct opts opt;
	enum personality who;
	const char *prog;      /* "ip" or "nsip", for messages */
	bool in_batch;
	int batch_line;        /* the batch line being run */
	struct nat_group *nat_group;   /* open while nat lines follow each other */
	struct out out;
	struct nl nl;
	bool nl_ready;
	struct nl aside;
	bool aside_ready;
};

/* The rtnetlink socket, opened on first use; NULL after a message. */
struct nl *ctx_nl(struct ctx *c);
/* A second one, for what a printer asks while a dump is still coming on
 * the first (the name behind a link-netnsid), as iproute2 keeps one. */
struct nl *ctx_nl_aside(struct ctx *c);

/* Where a usage text goes and the exit code that goes with it. asker is
 * the ctx when the user asked for it (`help`), NULL when it follows a word
 * that could not be read. Asked, nsip (and its applet links) answers on
 * stdout with 0; ip, and every caller after a bad word, on stderr with
 * EXIT_USAGE as iproute2 does. */
struct usage_to {
	FILE *f;
	int code;
};
struct usage_to usage_to(const struct ctx *asker);

/* An applet gets the words after its name (argv[0] is the first one, or
 * argc is 0) and returns the exit code. */
typedef int applet_fn(struct ctx *c, int argc, char **argv);

applet_fn netns_main;
applet_fn link_main;
applet_fn addr_main;
applet_fn nat_main;
applet_fn route_main;
applet_fn neigh_main;

/* A link named arp, or named route with only net-tools' listing options:
 * the net-tools tables (cmd/nettools.c). */
bool nettools_wanted(const char *argv0, int argc, char **argv);
int nettools_main(int argc, char **argv);

#endif
