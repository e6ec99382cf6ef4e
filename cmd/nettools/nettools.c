/* net-tools habits: a link named `arp`, or named `route` without ip's
 * words, prints the tables `arp -n` and `route -n` print.
 *
 * Usage: route [ -n ] [ -v ] [ -4 | -6 | -A inet | -A inet6 ]
 *        arp [ -n ] [ -v ] [ -a | -e ] [ -i IFACE ] [ ADDRESS ]
 *
 * The rows come from the kernel's own net-tools files, /proc/net/route,
 * /proc/net/ipv6_route and /proc/net/arp (of the caller's namespace), so
 * every column is the one net-tools would show. Names are not resolved:
 * addresses stay numeric, except route's "default" without -n.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <net/route.h>

#include "applet.h"
#include "base/err.h"

/* net-tools' own exit code for usage errors. */
#define EXIT_NETTOOLS_USAGE 3

#ifndef RTF_EXPIRES
#define RTF_EXPIRES 0x00400000
#endif

static const char *base_of(const char *argv0, char *buf, size_t len)
{
	snprintf(buf, len, "%s", argv0);
	return basename(buf);
}

struct route_opts {
	bool numeric, verbose;
	int family;
};

/* Options of the listing form; -1 when a word is something else. */
static int route_options(int argc, char **argv, struct route_opts *o)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "-A") && i + 1 < argc) {
			w = argv[++i];
			if (strcmp(w, "inet") && strcmp(w, "inet6"))
				return -1;
			o->family = w[4] ? AF_INET6 : AF_INET;
		} else if (!strcmp(w, "--inet") || !strcmp(w, "--inet6")) {
			o->family = w[6] ? AF_INET6 : AF_INET;
		} else if (!strcmp(w, "--numeric")) {
			o->numeric = true;
		} else if (!strcmp(w, "--verbose")) {
			o->verbose = true;
		} else if (w[0] == '-' && w[1] && w[1] != '-' &&
			   strspn(w + 1, "nNv46F") == strlen(w + 1)) {
			o->numeric |= strpbrk(w, "nN") != NULL;
			o->verbose |= strchr(w, 'v') != NULL;
			if (strchr(w, '4'))
				o->family = AF_INET;
			if (strchr(w, '6'))
				o->family = AF_INET6;
		} else {
			return -1;
		}
	}
	return 0;
}

bool nettools_wanted(const char *argv0, int argc, char **argv)
{
	char buf[256];
	const char *base = base_of(argv0, buf, sizeof(buf));
	struct route_opts o = { 0 };

	if (!strcmp(base, "arp"))
		return true;
	return !strcmp(base, "route") && route_options(argc, argv, &o) == 0;
}

/* The kernel prints each __be32 as a number: its bytes are the address. */
static const char *hex_addr(const char *hex, char *buf, size_t len)
{
	uint32_t v = (uint32_t)strtoul(hex, NULL, 16);

	return inet_ntop(AF_INET, &v, buf, (socklen_t)len);
}

/* Appends s to the flags in buf, a string of cap bytes. */
static void add_flag(char *buf, size_t cap, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, cap - n, "%s", s);
}

static void route4_row(const char *line, bool numeric)
{
	char dev[64], dst[16], gw[16], mask[16], flags[8] = "";
	char dst_hex[16], gw_hex[16], mask_hex[16];
	unsigned int fl, ref, use;
	int metric;

	/* sscanf: the kernel's own /proc lines, no overflow to report. */
	if (sscanf(line, "%63s %15s %15s %x %u %u %d %15s", dev, dst_hex, gw_hex, /* NOLINT(cert-err34-c) */
		   &fl, &ref, &use, &metric, mask_hex) != 8 || !(fl & RTF_UP))
		return;
	hex_addr(dst_hex, dst, sizeof(dst));
	hex_addr(gw_hex, gw, sizeof(gw));
	hex_addr(mask_hex, mask, sizeof(mask));
	if (!numeric && !strcmp(dst, "0.0.0.0") && !strcmp(mask, "0.0.0.0"))
		snprintf(dst, sizeof(dst), "default");
	add_flag(flags, sizeof(flags), "U");
	if (fl & RTF_GATEWAY)
		add_flag(flags, sizeof(flags), "G");
	if (fl & RTF_REJECT)
		snprintf(flags, sizeof(flags), "!");
	if (fl & RTF_HOST)
		add_flag(flags, sizeof(flags), "H");
	if (fl & RTF_REJECT)
		printf("%-15s -               %-15s %-5s %-6d -  %7u -\n",
		       dst, mask, flags, metric, use);
	else
		printf("%-15s %-15s %-15s %-5s %-6d %-2u %7u %s\n",
		       dst, gw, mask, flags, metric, ref, use, dev);
}

/* "fd000000...00" as "fd00::"; without -n, net-tools writes :: as [::]. */
static void hex6(const char *hex, bool numeric, char *buf, size_t len)
{
	unsigned char a[16], zero[16] = { 0 };

	for (size_t i = 0; i < 16; i++) {
		char byte[3] = { hex[2 * i], hex[2 * i + 1], 0 };
		a[i] = (unsigned char)strtoul(byte, NULL, 16);
	}
	if (!numeric && !memcmp(a, zero, sizeof(a)))
		snprintf(buf, len, "[::]");
	else
		inet_ntop(AF_INET6, a, buf, (socklen_t)len);
}

static void route6_row(const char *line, bool numeric)
{
	char dst_hex[40], src_hex[40], gw_hex[40], dev[64] = "";
	char dst[INET6_ADDRSTRLEN + 8], gw[INET6_ADDRSTRLEN], flags[16] = "";
	unsigned int dst_len, src_len, metric, ref, use, fl;
	static const struct { unsigned int bit; const char *c; } more[] = {
		{ RTF_GATEWAY, "G" }, { RTF_HOST, "H" }, { RTF_DEFAULT, "D" },
		{ RTF_ADDRCONF, "A" }, { RTF_CACHE, "C" }, { RTF_ALLONLINK, "a" },
		{ RTF_EXPIRES, "e" }, { RTF_MODIFIED, "m" }, { RTF_NONEXTHOP, "n" },
		{ RTF_FLOW, "f" },
	};

	if (sscanf(line, "%32s %x %32s %x %32s %x %x %x %x %63s", dst_hex, &dst_len, /* NOLINT(cert-err34-c): /proc */
		   src_hex, &src_len, gw_hex, &metric, &ref, &use, &fl, dev) < 9 ||
	    strlen(dst_hex) != 32 || strlen(gw_hex) != 32)
		return;
	hex6(dst_hex, numeric, gw, sizeof(gw));
	snprintf(dst, sizeof(dst), "%s/%u", gw, dst_len);
	hex6(gw_hex, numeric, gw, sizeof(gw));
	/* Reject routes are listed too, though they are not up. */
	if (fl & RTF_UP)
		add_flag(flags, sizeof(flags), "U");
	if (fl & RTF_REJECT)
		snprintf(flags, sizeof(flags), "!");
	for (size_t i = 0; i < sizeof(more) / sizeof(more[0]); i++)
		if (fl & more[i].bit)
			add_flag(flags, sizeof(flags), more[i].c);
	printf("%-30s %-26s %-4s %-3d %-1u %6u %s\n", dst, gw, flags, (int)metric,
	       ref, use, dev);
}

static int route_table(const struct route_opts *o)
{
	bool v6 = o->family == AF_INET6;
	const char *path = v6 ? "/proc/net/ipv6_route" : "/proc/net/route";
	FILE *f = fopen(path, "re");
	char line[512];

	if (!f)
		return fail(EXIT_CMD, "%s: %s", path, strerror(errno));
	if (v6)
		printf("Kernel IPv6 routing table\n"
		       "Destination                    Next Hop                   Flag Met Ref  Use If\n");
	else
		printf("Kernel IP routing table\n"
		       "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
	/* /proc/net/route opens with a header line; ipv6_route does not. */
	if (!v6 && !fgets(line, sizeof(line), f))
		line[0] = '\0';
	while (fgets(line, sizeof(line), f)) {
		if (v6)
			route6_row(line, o->numeric);
		else
			route4_row(line, o->numeric);
	}
	fclose(f);
	return 0;
}

struct arp_opts {
	bool bsd, verbose;
	const char *dev, *host;
};

static int arp_usage(const char *why)
{
	if (why)
		fprintf(stderr, "arp: %s\n", why);
	fputs("Usage: arp [ -n ] [ -v ] [ -a | -e ] [ -i IFACE ] [ ADDRESS ]\n", stderr);
	return EXIT_NETTOOLS_USAGE;
}

static int arp_options(int argc, char **argv, struct arp_opts *o)
{
	for (int i = 0; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "-i") || !strcmp(w, "--device")) {
			if (++i >= argc)
				return arp_usage("option requires an argument -- 'i'");
			o->dev = argv[i];
		} else if (!strcmp(w, "--numeric")) {
		} else if (!strcmp(w, "--verbose")) {
			o->verbose = true;
		} else if (w[0] == '-' && w[1] && strspn(w + 1, "nvae") == strlen(w + 1)) {
			o->verbose |= strchr(w, 'v') != NULL;
			if (strchr(w, 'a'))
				o->bsd = true;
			if (strchr(w, 'e'))
				o->bsd = false;
		} else if (w[0] == '-') {
			return arp_usage("only the table is shown: -a, -e, -n, -v, -i IFACE");
		} else if (o->host) {
			return arp_usage("one address at most");
		} else {
			o->host = w;
		}
	}
	return 0;
}

#define ATF_COM_ 0x02
#define ATF_PERM_ 0x04
#define ATF_PUBL_ 0x08
#define ATF_USETRAILERS_ 0x10
#define ATF_NETMASK_ 0x20
#define ATF_DONTPUB_ 0x40
#define ATF_MAGIC_ 0x80

struct arp_entry {
	char ip[64], hw[64], mask[64], dev[64];
	unsigned int type, flags;
};

static const char *hw_name(unsigned int type)
{
	switch (type) {
	case 772: return "loop";
	case 768: return "tunnel";
	case 776: return "sit";
	default: return "ether";
	}
}

static void arp_row_linux(const struct arp_entry *e, bool *title)
{
	char flags[10] = "";

	if (!*title)
		printf("Address                  HWtype  HWaddress           Flags Mask            Iface\n");
	*title = true;
	if (e->flags & ATF_COM_) add_flag(flags, sizeof(flags), "C");
	if (e->flags & ATF_PERM_) add_flag(flags, sizeof(flags), "M");
	if (e->flags & ATF_PUBL_) add_flag(flags, sizeof(flags), "P");
	if (e->flags & ATF_MAGIC_) add_flag(flags, sizeof(flags), "A");
	if (e->flags & ATF_DONTPUB_) add_flag(flags, sizeof(flags), "!");
	if (e->flags & ATF_USETRAILERS_) add_flag(flags, sizeof(flags), "T");
	printf("%-23.23s  ", e->ip);
	if (e->flags & ATF_COM_)
		printf("%-8.8s%-20.20s", hw_name(e->type), e->hw);
	else if (e->flags & ATF_PUBL_)
		printf("%-8.8s%-20.20s", "*", "<from_interface>");
	else
		printf("%-8.8s%-20.20s", "", "(incomplete)");
	printf("%-6.6s%-15.15s %s\n", flags,
	       e->flags & ATF_NETMASK_ ? e->mask : "", e->dev);
}

static void arp_row_bsd(const struct arp_entry *e)
{
	printf("? (%s) at ", e->ip);
	if (e->flags & ATF_COM_)
		printf("%s [%s] ", e->hw, hw_name(e->type));
	else
		printf(e->flags & ATF_PUBL_ ? "<from_interface> " : "<incomplete> ");
	if (e->flags & ATF_NETMASK_) printf("netmask %s ", e->mask);
	if (e->flags & ATF_PERM_) printf("PERM ");
	if (e->flags & ATF_PUBL_) printf("PUB ");
	if (e->flags & ATF_MAGIC_) printf("AUTO ");
	if (e->flags & ATF_DONTPUB_) printf("DONTPUB ");
	if (e->flags & ATF_USETRAILERS_) printf("TRAIL ");
	printf("on %s\n", e->dev);
}

static int arp_table(const struct arp_opts *o)
{
	FILE *f = fopen("/proc/net/arp", "re");
	char line[512];
	int entries = 0, shown = 0;
	bool title = false;

	if (!f)
		return fail(EXIT_CMD, "/proc/net/arp: %s", strerror(errno));
	if (!fgets(line, sizeof(line), f))
		line[0] = '\0';
	while (fgets(line, sizeof(line), f)) {
		struct arp_entry e;

		if (sscanf(line, "%63s %x %x %63s %63s %63s", e.ip, &e.type, &e.flags, /* NOLINT(cert-err34-c): /proc */
			   e.hw, e.mask, e.dev) != 6)
			continue;
		entries++;
		if ((o->dev && strcmp(o->dev, e.dev)) || (o->host && strcmp(o->host, e.ip)))
			continue;
		shown++;
		if (o->bsd)
			arp_row_bsd(&e);
		else
			arp_row_linux(&e, &title);
	}
	fclose(f);
	if (o->verbose)
		printf("Entries: %d\tSkipped: %d\tFound: %d\n", entries, entries - shown, shown);
	if (!shown && o->host && !o->bsd)
		printf("%s (%s) -- no entry\n", o->host, o->host);
	else if (!shown && (o->host || o->dev))
		printf("arp: in %d entries no match found.\n", entries);
	return 0;
}

int nettools_main(int argc, char **argv)
{
	char buf[256];
	const char *base = base_of(argc > 0 ? argv[0] : "arp", buf, sizeof(buf));

	if (!strcmp(base, "arp")) {
		struct arp_opts o = { 0 };
		int r = arp_options(argc - 1, argv + 1, &o);
		return r ? r : arp_table(&o);
	}
	struct route_opts o = { .family = AF_INET };
	route_options(argc - 1, argv + 1, &o);
	return route_table(&o);
}
