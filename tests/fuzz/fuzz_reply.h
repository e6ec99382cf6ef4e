/* What the reply targets (link_reply, addr_reply, route_reply,
 * neigh_reply) share: the input as a collected dump, and one record
 * printed in one output mode. */
#ifndef NSIP_FUZZ_REPLY_H
#define NSIP_FUZZ_REPLY_H

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "nl/ifnames.h"
#include "nl/nl.h"
#include "print/out.h"

/* The output modes of ip: text, -o, -br, -j, -j -p. */
enum fuzz_mode { FUZZ_TEXT, FUZZ_ONELINE, FUZZ_BRIEF, FUZZ_JSON, FUZZ_PRETTY };

/* A few devices to name the indexes of a record: known ones and unknown
 * ones ("ifN") both come up. */
static inline const struct ifnames *fuzz_names(void)
{
	static struct ifname_entry links[] = {
		{ .index = 1, .flags = IFF_UP | IFF_LOOPBACK, .name = "lo" },
		{ .index = 2, .flags = IFF_UP, .name = "eth0" },
		{ .index = 3, .flags = 0, .name = "br0" },
	};
	static const struct ifnames names = {
		.v = links, .n = sizeof(links) / sizeof(links[0]),
	};

	return &names;
}

/* The input as a dump, in a buffer of exactly its size, so that a read
 * past it is caught; malloc aligns it as the receive buffer is. Freed
 * with nl_dump_free. */
static inline int fuzz_dump_copy(struct nl_dump *d, const uint8_t *data,
				 size_t size)
{
	*d = (struct nl_dump){ .buf = malloc(size ? size : 1), .len = size, .cap = size };
	if (!d->buf)
		return -1;
	memcpy(d->buf, data, size);
	return 0;
}

/* Each message of the input, taken as a dump, to fn. */
static inline void fuzz_dump_run(const uint8_t *data, size_t size,
				 nl_msg_fn fn, void *arg)
{
	struct nl_dump d;

	if (fuzz_dump_copy(&d, data, size) < 0)
		return;
	nl_dump_each(&d, fn, arg);
	nl_dump_free(&d);
}

/* A listing of one record on the sink, in mode: begun... */
static inline void fuzz_record_begin(struct out *o, enum fuzz_mode mode)
{
	out_init(o, fuzz_sink(), mode >= FUZZ_JSON, mode == FUZZ_PRETTY,
		 mode == FUZZ_ONELINE);
	out_list_begin(o);
	out_obj_begin(o, NULL);
}

/* ... and ended, after the record's fields. */
static inline void fuzz_record_end(struct out *o)
{
	out_eol(o);
	out_obj_end(o);
	out_list_end(o);
}

#endif
