/* What every applet gets from the dispatcher -- the global options, the
 * output writer and the (lazily opened) rtnetlink socket -- and what the
 * dispatcher knows of an applet: its entry in the table of cmd/applets.c.
 * The dispatcher (cmd/dispatch.c) calls applets through that table only;
 * applets call back into nothing of it (the services they share are
 * cmd/ctx.c and cmd/usage.c). */
#ifndef NSIP_APPLET_H
#define NSIP_APPLET_H

#include <stdbool.h>
#include <stdio.h>

#include "nl/nl.h"
#include "print/out.h"

struct opts {
	int family;            /* AF_UNSPEC, AF_INET, AF_INET6, AF_PACKET */
	bool json, pretty, brief, oneline, details, force, all;
	int stats;             /* how many -s */
	bool human, iec;       /* -h/-human, -iec: how -s prints numbers */
	bool numeric;          /* -N: numbers for protocols, scopes, tables... */
	bool timestamp;        /* -timestamp: monitor's "Timestamp: ..." lines */
	bool tshort;           /* -tshort: its "[ISO time] " prefixes instead */
	int loops;             /* -loops N: addr flush rounds (0: no limit) */
	unsigned int rcvbuf;   /* -rcvbuf N: the sockets' receive buffer, or 0 */
	int color;             /* -c[olor][=WHEN] (dispatch.c's enum color) */
	const char *color_word;
	const char *batch;     /* -batch FILE */
};

/* Who we were called as: this decides the grammar and the messages. */
/* AS_UNKNOWN: called by a name nsip does not answer to (a link named
 * ip6tables, say): refused, never run as something else. */
enum personality { AS_NSIP, AS_IP, AS_IPTABLES, AS_APPLET, AS_UNKNOWN };

struct ctx {
	struct opts opt;
	enum personality who;
	const char *prog;      /* "ip" or "nsip", for messages */
	const char *argv0;     /* as called (getopt's messages name it) */
	bool in_batch;
	int batch_line;        /* the batch line being run */
	void *group;           /* the open batch group's state (struct applet_group) */
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

/* An applet whose consecutive lines in a -batch form one group (nat: one
 * nftables transaction). The dispatcher begins a group before the first of
 * them, ends it when a line of another applet comes or the file ends, and
 * drops it when one of its lines fails. */
struct applet_group {
	int (*begin)(struct ctx *c);  /* 0, or -1 after a message */
	int (*end)(struct ctx *c);    /* 0, or the batch line whose change failed */
	void (*drop)(struct ctx *c);  /* forgets the group, sending nothing */
};

/* One object of the grammar: iproute2's objects in iproute2's order (which
 * decides what an abbreviation means) and nsip's own. */
struct applet {
	const char *name;
	applet_fn *fn;        /* NULL: an ip object nsip does not implement */
	bool nsip_only;       /* not an object of ip's grammar */
	bool own_grammar;     /* iptables' words: no global options before them */
	const struct applet_group *group;   /* NULL: each line on its own */
};
extern const struct applet applets[];
extern const size_t n_applets;

/* The names nsip answers to (argv[0]'s last part): who it then is, and the
 * applet it runs directly (NULL: ip's or nsip's grammar decides). */
struct personality_name {
	const char *name;
	enum personality who;
	const char *applet;
};
/* NULL-terminated. */
extern const struct personality_name personality_names[];

/* The dispatcher: nsip's main, less the check of how it was started. */
int nsip_dispatch(int argc, char **argv);

/* A link named arp, or named route with only net-tools' listing options:
 * the net-tools tables (cmd/nettools.c). */
bool nettools_wanted(const char *argv0, int argc, char **argv);
int nettools_main(int argc, char **argv);

#endif
