/* The kind data a kind's words leave, one attribute after another in
 * the order of the words (link_req.c sends them as they are here). */
#include <string.h>

#include "link.h"
#include "base/err.h"

static int add(struct link_spec *s, struct kind_number n)
{
	if (s->n_numbers >= KIND_NUMBERS_MAX)
		return fail(EXIT_USAGE, "Too many options of %s for nsip", s->kind);
	s->numbers[s->n_numbers++] = n;
	return 0;
}

int kind_number(struct link_spec *s, uint16_t attr, uint8_t size, uint32_t value)
{
	return add(s, (struct kind_number){ .attr = attr, .size = size, .value = value });
}

int kind_bytes(struct link_spec *s, uint16_t attr, const void *data, uint8_t len)
{
	struct kind_number n = { .attr = attr, .size = len };

	if (len > sizeof(n.bytes))
		return fail(EXIT_USAGE, "Too long an attribute of %s", s->kind);
	memcpy(n.bytes, data, len);
	/* 1, 2 or 4 bytes are sent as a number is: its bytes as they lie */
	if (len == 1)
		n.value = n.bytes[0];
	else if (len == 2 || len == 4) {
		uint16_t u16;
		uint32_t u32;
		if (len == 2) {
			memcpy(&u16, data, 2);
			n.value = u16;
		} else {
			memcpy(&u32, data, 4);
			n.value = u32;
		}
	}
	return add(s, n);
}

/* A nest's end is a number too; the builder closes any left open. */
int kind_nest(struct link_spec *s, uint16_t attr)
{
	return add(s, (struct kind_number){ .attr = attr, .size = KIND_NEST });
}

int kind_nest_end(struct link_spec *s)
{
	return add(s, (struct kind_number){ .size = KIND_NEST_END });
}
