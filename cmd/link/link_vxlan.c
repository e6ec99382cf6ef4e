/* The words of `ip link add NAME type vxlan ...`. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "link.h"
#include "base/err.h"
#include "base/inet.h"
#include "nl/link_lookup.h"
#include "base/parse.h"

static int vxlan_usage(void)
{
	fputs("Usage: ... vxlan id VNI [ remote ADDR ] [ local ADDR ] [ dev PHYS_DEV ]\n"
	      "                  [ dstport PORT ]\n"
	      "VNI := 0-16777215\n", stderr);
	return EXIT_CMD;
}

/* Words iproute2 reads for a vxlan that nsip does not. */
static const char *const foreign[] = {
	"group", "ttl", "hoplimit", "tos", "dsfield", "df", "flowlabel",
	"label", "srcport", "port", "ageing", "maxaddress", "learning",
	"nolearning", "proxy", "noproxy", "rsc", "norsc", "l2miss", "nol2miss",
	"l3miss", "nol3miss", "udpcsum", "noudpcsum", "udp6zerocsumtx",
	"noudp6zerocsumtx", "udp6zerocsumrx", "noudp6zerocsumrx", "remcsumtx",
	"noremcsumtx", "remcsumrx", "noremcsumrx", "external", "noexternal",
	"gbp", "gpe", "vnifilter", "novnifilter", NULL
};

static bool listed_foreign(const char *w)
{
	for (int i = 0; foreign[i]; i++)
		if (!strcmp(w, foreign[i]))
			return true;
	return false;
}

/* "remote"/"local": an address of want's family (or of either when want
 * is AF_UNSPEC), neither a wildcard nor multicast; returns 0, or an exit
 * code after iproute2's message. (ip takes "local any" once the family is
 * known and sends an empty address the kernel refuses: refused here
 * before anything is sent.) */
static int read_addr(const char *key, const char *w, int want, int *family,
		     unsigned char *out)
{
	struct inet_prefix a;
	int r = inet_get_addr(w, want, &a);

	if (r)
		return r;
	if (a.wildcard ||
	    (a.family == AF_INET ? (a.data[0] & 0xf0) == 0xe0 : a.data[0] == 0xff)) {
		char what[40];

		snprintf(what, sizeof(what), "invalid %s address", key);
		return iparg_invalid(what, w);
	}
	*family = a.family;
	memcpy(out, a.data, inet_addr_len(a.family));
	return 0;
}

static int read_id(struct vxlan_settings *v, const char *w)
{
	if (v->has_id)
		return iparg_duplicate("id", w);
	if (!parse_u32(w, &v->id) || v->id >= 1u << 24)
		return iparg_invalid("invalid id", w);
	v->has_id = true;
	return 0;
}

static int read_port(struct vxlan_settings *v, const char *w)
{
	uint32_t port;

	if (!parse_u32(w, &port) || port > 0xffff)
		return iparg_invalid("dst port", w);
	v->has_port = true;
	v->port = (uint16_t)port;
	return 0;
}

static int read_dev(struct nl *nl, struct vxlan_settings *v, const char *w)
{
	int index = link_index(nl, w);

	if (index < 0)
		return EXIT_KERNEL;     /* the lookup failed, and said why */
	if (!index)
		return fail(EXIT_USAGE, "Cannot find device \"%s\"", w);
	v->dev = (uint32_t)index;
	return 0;
}

static int read_word(struct nl *nl, struct vxlan_settings *v, const char *key,
		     const char *w)
{
	if (matches(key, "id") || matches(key, "vni"))
		return read_id(v, w);
	if (matches(key, "remote"))
		return read_addr("remote", w, v->local_family, &v->remote_family,
				 v->remote);
	if (matches(key, "local"))
		return read_addr("local", w, v->remote_family, &v->local_family,
				 v->local);
	if (matches(key, "dev"))
		return read_dev(nl, v, w);
	return read_port(v, w);
}

static bool takes_value(const char *w)
{
	return matches(w, "id") || matches(w, "vni") || matches(w, "remote") ||
	       matches(w, "local") || matches(w, "dev") || matches(w, "dstport");
}

int link_parse_vxlan(struct nl *nl, struct vxlan_settings *v, int argc,
		     char **argv)
{
	for (int i = 0; i < argc; i++) {
		if (listed_foreign(argv[i]))
			return fail(EXIT_USAGE, "Option \"%s\" of vxlan is not "
				    "supported by nsip.", argv[i]);
		if (takes_value(argv[i])) {
			if (i + 1 >= argc)
				return iparg_incomplete();
			int r = read_word(nl, v, argv[i], argv[i + 1]);
			if (r)
				return r;
			i++;
		} else if (matches(argv[i], "help")) {
			return vxlan_usage();
		} else {
			errmsg("vxlan: unknown command \"%s\"?", argv[i]);
			return vxlan_usage();
		}
	}
	if (!v->has_id)
		return fail(EXIT_CMD, "vxlan: missing virtual network identifier");
	if (!v->has_port)
		fputs("vxlan: destination port not specified\n"
		      "Will use Linux kernel default (non-standard value)\n"
		      "Use 'dstport 4789' to get the IANA assigned value\n"
		      "Use 'dstport 0' to get default and quiet this message\n", stderr);
	return 0;
}
