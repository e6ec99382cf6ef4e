#include "print/link_fields.h"
#include "print/link_names.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/if_bridge.h>

static uint64_t value_of(const struct nlattr *a, enum mnl_attr_data_type type)
{
	switch (type) {
	case MNL_TYPE_U8: return mnl_attr_get_u8(a);
	case MNL_TYPE_U16: return mnl_attr_get_u16(a);
	case MNL_TYPE_U32: return mnl_attr_get_u32(a);
	case MNL_TYPE_U64: return mnl_attr_get_u64(a);
	default: return 0;
	}
}

static const char *port_state(uint64_t v, char *buf, size_t len)
{
	static const char *const names[] = {
		"disabled", "listening", "learning", "forwarding", "blocking"
	};

	if (v < sizeof(names) / sizeof(names[0]))
		return names[v];
	snprintf(buf, len, "%" PRIu64, v);
	return buf;
}

/* The link-local groups a bridge port forwards, by name where they have
 * one, else by bit. */
static const char *mask_str(uint64_t mask, char *buf, size_t len)
{
	static const char *const names[16] = {
		[0] = "stp", [2] = "lacp", [14] = "lldp",
	};
	size_t used = 0;

	buf[0] = '\0';
	for (int bit = 0; bit < 16 && used < len; bit++) {
		if (!(mask & (1u << bit)))
			continue;
		if (names[bit])
			used += (size_t)snprintf(buf + used, len - used, "%s,", names[bit]);
		else
			used += (size_t)snprintf(buf + used, len - used, "0x%x,", 1u << bit);
	}
	if (used == 0 || used >= len)
		snprintf(buf, len, "0x%" PRIx64, mask);
	else
		buf[used - 1] = '\0';
	return buf;
}

static void print_boolopt(struct out *o, const struct nlattr *a)
{
	struct br_boolopt_multi bm;
	uint32_t no_ll = 1u << BR_BOOLOPT_NO_LL_LEARN;
	uint32_t mcvl = 1u << BR_BOOLOPT_MCAST_VLAN_SNOOPING;

	memcpy(&bm, mnl_attr_get_payload(a), sizeof(bm));
	if (bm.optmask & no_ll)
		out_uint(o, "no_linklocal_learn", "no_linklocal_learn %u ",
			 !!(bm.optval & no_ll));
	if (bm.optmask & mcvl)
		out_uint(o, "mcast_vlan_snooping", "mcast_vlan_snooping %u ",
			 !!(bm.optval & mcvl));
}

/* "NAME FORMAT " for the text side. */
static const char *text_fmt(char *buf, size_t len, const char *name,
			    const char *conv)
{
	snprintf(buf, len, "%s %s ", name, conv);
	return buf;
}

static void print_field(struct out *o, const struct field *f,
			const struct nlattr *a)
{
	char fmt[96], buf[64];
	const unsigned char *p = mnl_attr_get_payload(a);
	uint64_t v = value_of(a, f->type);

	switch (f->fmt) {
	case F_UINT:
		out_u64(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%" PRIu64), v);
		break;
	case F_ONOFF:
		out_bool(o, f->json, NULL, v != 0);
		out_str(o, NULL, text_fmt(fmt, sizeof(fmt), f->text, "%s"), v ? "on" : "off");
		break;
	case F_TIMER:
		out_float(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%7.2f"),
			  /* Whole seconds, then the rest, as ip adds them up. */
			  "%.2f", (double)(v / 100) + (double)((v % 100) * 10000) / 1000000.0); /* NOLINT(bugprone-integer-division) */
		break;
	case F_BRID:
		/* iproute2 pads the priority but not the address bytes. */
		snprintf(buf, sizeof(buf), "%02x%02x.%x:%x:%x:%x:%x:%x",
			 p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
		out_str(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%s"), buf);
		break;
	case F_HEX:
		snprintf(buf, sizeof(buf), "%#" PRIx64, v);
		out_str(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%s"), buf);
		break;
	case F_MAC:
		snprintf(buf, sizeof(buf), "%02x:%02x:%02x:%02x:%02x:%02x",
			 p[0], p[1], p[2], p[3], p[4], p[5]);
		out_str(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%s"), buf);
		break;
	case F_PORTSTATE:
		out_str(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%s"),
			port_state(v, buf, sizeof(buf)));
		break;
	case F_MASKSTR:
		out_str(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%s"),
			mask_str(v, buf, sizeof(buf)));
		break;
	case F_VLANPROTO:
		out_str(o, f->json, text_fmt(fmt, sizeof(fmt), f->text, "%s"),
			vlan_proto_name(mnl_attr_get_u16(a), buf, sizeof(buf)));
		break;
	case F_BOOLOPT:
		print_boolopt(o, a);
		break;
	}
}

int fields_print(struct out *o, const struct nlattr *nest,
		 const struct field *t, size_t n, uint16_t max)
{
	struct nl_policy *policy = calloc((size_t)max + 1, sizeof(*policy));
	const struct nlattr **tb = calloc((size_t)max + 1, sizeof(*tb)); /* NOLINT(bugprone-sizeof-expression): pointers */
	int r = -1;

	if (!policy || !tb)
		goto out;
	for (size_t i = 0; i < n; i++)
		policy[t[i].attr] = (struct nl_policy){ t[i].type, t[i].min_len };
	if (nl_parse_nested(nest, policy, max, tb) < 0)
		goto out;
	for (size_t i = 0; i < n; i++)
		if (tb[t[i].attr])
			print_field(o, &t[i], tb[t[i].attr]);
	r = 0;
out:
	free(policy);
	free(tb);
	return r;
}
