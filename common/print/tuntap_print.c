/* `ip tuntap show` records in iproute2 6.1's words, text and JSON. One
 * difference: 6.1's JSON puts each holder's "name" and "pid" straight
 * into the "processes" array, which no JSON parser reads, so no script can
 * depend on it; nsip gives each holder its object, as later iproute2
 * does ("tuntap: add missing brackets to json output"). */
#include "print/tuntap_print.h"

#include <inttypes.h>
#include <stdio.h>
#include <linux/if_tun.h>

#ifndef IFF_NOFILTER
#define IFF_NOFILTER 0x1000
#endif

static void print_flags(struct out *o, long flags)
{
	/* In iproute2's order; "pi" and "filter" are the absence of a bit. */
	static const struct { long bit; bool set; const char *name; } names[] = {
		{ IFF_TUN, true, "tun" }, { IFF_TAP, true, "tap" },
		{ IFF_NO_PI, false, "pi" }, { IFF_ONE_QUEUE, true, "one_queue" },
		{ IFF_MULTI_QUEUE, true, "multi_queue" },
		{ IFF_VNET_HDR, true, "vnet_hdr" }, { IFF_PERSIST, true, "persist" },
		{ IFF_NOFILTER, false, "filter" },
	};
	long rest = flags;

	out_arr_begin(o, "flags");
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(flags & names[i].bit) == !names[i].set)
			out_elem_str(o, " %s", names[i].name);
		rest &= ~names[i].bit;
	}
	if (rest) {
		char hex[24];
		snprintf(hex, sizeof(hex), "%#llx", (unsigned long long)rest);
		out_elem_str(o, " %s", hex);
	}
	out_arr_end(o);
}

void tuntap_print_begin(struct out *o, const struct tuntap_record *r)
{
	out_obj_begin(o, NULL);
	out_str(o, "ifname", "%s:", r->name);
	print_flags(o, r->flags);
	if (r->owner != -1)
		out_u64(o, "user", " user %" PRIu64, (uint64_t)r->owner);
	if (r->group != -1)
		out_u64(o, "group", " group %" PRIu64, (uint64_t)r->group);
}

void tuntap_print_attached(struct out *o)
{
	out_nl(o);
	out_text(o, "\tAttached to processes:");
}

void tuntap_print_holders_open(struct out *o)
{
	out_arr_begin(o, "processes");
}

void tuntap_print_holder(struct out *o, int pid, const char *comm)
{
	out_obj_begin(o, NULL);
	out_str(o, "name", "%s", comm ? comm : "<NULL>");
	out_int(o, "pid", "(%d)", pid);
	out_obj_end(o);
}

void tuntap_print_holders_close(struct out *o)
{
	out_arr_end(o);
}

void tuntap_print_end(struct out *o)
{
	out_obj_end(o);
	out_eol(o);
}
