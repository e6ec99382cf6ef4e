#include "nft_check.h"

#include <stddef.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

/* What an attribute must be. ANY is what libnftnl does not check: binary
 * data, padding, and types newer than its own. */
enum shape { ANY, U32, U64, STR, DATA, VERDICT, COMPAT, EXPRS };

/* One nesting level: the shape of each attribute type up to max; types
 * above it are ignored, as libnftnl ignores them. */
struct level {
	unsigned int max;
	const unsigned char *shape;
};

#define LEVEL(max, ...) { max, (const unsigned char[(max) + 1]){ __VA_ARGS__ } }

static const struct level rule_level = LEVEL(NFTA_RULE_MAX,
	[NFTA_RULE_TABLE] = STR, [NFTA_RULE_CHAIN] = STR,
	[NFTA_RULE_HANDLE] = U64, [NFTA_RULE_EXPRESSIONS] = EXPRS,
	[NFTA_RULE_COMPAT] = COMPAT, [NFTA_RULE_POSITION] = U64,
	[NFTA_RULE_ID] = U32, [NFTA_RULE_POSITION_ID] = U32,
	[NFTA_RULE_CHAIN_ID] = U32);
static const struct level compat_level = LEVEL(NFTA_RULE_COMPAT_MAX,
	[NFTA_RULE_COMPAT_PROTO] = U32, [NFTA_RULE_COMPAT_FLAGS] = U32);
static const struct level data_level = LEVEL(NFTA_DATA_MAX,
	[NFTA_DATA_VERDICT] = VERDICT);
static const struct level verdict_level = LEVEL(NFTA_VERDICT_MAX,
	[NFTA_VERDICT_CODE] = U32, [NFTA_VERDICT_CHAIN] = STR,
	[NFTA_VERDICT_CHAIN_ID] = U32);

static const struct {
	const char *name;
	struct level level;
} exprs[] = {
	{ "meta", LEVEL(NFTA_META_MAX, [NFTA_META_KEY] = U32,
			[NFTA_META_DREG] = U32, [NFTA_META_SREG] = U32) },
	{ "cmp", LEVEL(NFTA_CMP_MAX, [NFTA_CMP_SREG] = U32,
		       [NFTA_CMP_OP] = U32, [NFTA_CMP_DATA] = DATA) },
	{ "payload", LEVEL(NFTA_PAYLOAD_MAX, [NFTA_PAYLOAD_DREG] = U32,
			   [NFTA_PAYLOAD_BASE] = U32, [NFTA_PAYLOAD_OFFSET] = U32,
			   [NFTA_PAYLOAD_LEN] = U32, [NFTA_PAYLOAD_SREG] = U32,
			   [NFTA_PAYLOAD_CSUM_TYPE] = U32,
			   [NFTA_PAYLOAD_CSUM_OFFSET] = U32,
			   [NFTA_PAYLOAD_CSUM_FLAGS] = U32) },
	{ "bitwise", LEVEL(NFTA_BITWISE_MAX, [NFTA_BITWISE_SREG] = U32,
			   [NFTA_BITWISE_DREG] = U32, [NFTA_BITWISE_LEN] = U32,
			   [NFTA_BITWISE_MASK] = DATA, [NFTA_BITWISE_XOR] = DATA,
			   [NFTA_BITWISE_OP] = U32, [NFTA_BITWISE_DATA] = DATA) },
	{ "counter", LEVEL(NFTA_COUNTER_MAX, [NFTA_COUNTER_BYTES] = U64,
			   [NFTA_COUNTER_PACKETS] = U64) },
	{ "immediate", LEVEL(NFTA_IMMEDIATE_MAX, [NFTA_IMMEDIATE_DREG] = U32,
			     [NFTA_IMMEDIATE_DATA] = DATA) },
	{ "nat", LEVEL(NFTA_NAT_MAX, [NFTA_NAT_TYPE] = U32,
		       [NFTA_NAT_FAMILY] = U32, [NFTA_NAT_REG_ADDR_MIN] = U32,
		       [NFTA_NAT_REG_ADDR_MAX] = U32,
		       [NFTA_NAT_REG_PROTO_MIN] = U32,
		       [NFTA_NAT_REG_PROTO_MAX] = U32, [NFTA_NAT_FLAGS] = U32) },
	{ "masq", LEVEL(NFTA_MASQ_MAX, [NFTA_MASQ_FLAGS] = U32,
			[NFTA_MASQ_REG_PROTO_MIN] = U32,
			[NFTA_MASQ_REG_PROTO_MAX] = U32) },
	{ "redir", LEVEL(NFTA_REDIR_MAX, [NFTA_REDIR_REG_PROTO_MIN] = U32,
			 [NFTA_REDIR_REG_PROTO_MAX] = U32,
			 [NFTA_REDIR_FLAGS] = U32) },
	{ "range", LEVEL(NFTA_RANGE_MAX, [NFTA_RANGE_SREG] = U32,
			 [NFTA_RANGE_OP] = U32, [NFTA_RANGE_FROM_DATA] = DATA,
			 [NFTA_RANGE_TO_DATA] = DATA) },
};

/* libmnl's attribute walk and accessors, inline: a listing walks some
 * fifty attributes a rule, and the calls into libmnl cost more than the
 * checks. Like mnl_attr_for_each_nested(), a walk stops before the first
 * attribute that does not fit in what is left. */
static inline bool fits(const struct nlattr *a, const char *end)
{
	ptrdiff_t left = end - (const char *)a;

	return left >= NLA_HDRLEN && a->nla_len >= NLA_HDRLEN && a->nla_len <= left;
}

static inline const struct nlattr *next(const struct nlattr *a)
{
	return (const struct nlattr *)(const void *)((const char *)a + NLA_ALIGN(a->nla_len));
}

static inline const struct nlattr *first(const struct nlattr *nest)
{
	return (const struct nlattr *)(const void *)((const char *)nest + NLA_HDRLEN);
}

static inline const char *end_of(const struct nlattr *nest)
{
	return (const char *)nest + nest->nla_len;
}

static inline uint16_t type_of(const struct nlattr *a)
{
	return a->nla_type & NLA_TYPE_MASK;
}

static inline uint16_t len_of(const struct nlattr *a)
{
	return (uint16_t)(a->nla_len - NLA_HDRLEN);
}

static inline const char *data_of(const struct nlattr *a)
{
	return (const char *)a + NLA_HDRLEN;
}

#define EACH_NESTED(a, nest) \
	for ((a) = first(nest); fits((a), end_of(nest)); (a) = next(a))

static bool nested_ok(const struct nlattr *a)
{
	uint16_t len = len_of(a);

	return len == 0 || len >= NLA_HDRLEN;
}

static bool check_nested(const struct nlattr *nest, const struct level *l,
			 bool *unchecked);
static bool check_exprs(const struct nlattr *list, bool *unchecked);

/* A jump or goto names its chain: libnftnl copies the name unchecked. */
static bool check_verdict(const struct nlattr *v, bool *unchecked)
{
	const struct nlattr *a;
	bool chain = false;
	int32_t code = 0;

	if (!check_nested(v, &verdict_level, unchecked))
		return false;
	EACH_NESTED(a, v) {
		if (type_of(a) == NFTA_VERDICT_CODE)
			code = (int32_t)ntohl(mnl_attr_get_u32(a));
		else if (type_of(a) == NFTA_VERDICT_CHAIN)
			chain = true;
	}
	return chain || (code != NFT_JUMP && code != NFT_GOTO);
}

static bool check_attr(const struct nlattr *a, const struct level *l,
		       bool *unchecked)
{
	uint16_t type = type_of(a), len = len_of(a);
	const char *s = data_of(a);

	if (type > l->max)
		return true;
	switch (l->shape[type]) {
	case U32: return len == sizeof(uint32_t);
	case U64: return len == sizeof(uint64_t);
	case STR: return len > 0 && s[len - 1] == '\0';
	case DATA: return check_nested(a, &data_level, unchecked);
	case VERDICT: return check_verdict(a, unchecked);
	case COMPAT: return check_nested(a, &compat_level, unchecked);
	case EXPRS: return check_exprs(a, unchecked);
	default: return true;
	}
}

static bool check_nested(const struct nlattr *nest, const struct level *l,
			 bool *unchecked)
{
	const struct nlattr *a;

	if (!nested_ok(nest))
		return false;
	EACH_NESTED(a, nest)
		if (!check_attr(a, l, unchecked))
			return false;
	return true;
}

/* An expression: its name (libnftnl takes the last one) decides how its
 * data is checked. */
static bool check_expr(const struct nlattr *expr, bool *unchecked)
{
	const struct nlattr *a;
	const struct level *data = NULL;
	const char *name = NULL;

	if (!nested_ok(expr))
		return false;
	EACH_NESTED(a, expr) {
		uint16_t len = len_of(a);

		if (type_of(a) != NFTA_EXPR_NAME)
			continue;
		name = data_of(a);
		if (len == 0 || name[len - 1] != '\0')
			return false;
	}
	if (!name)
		return false;
	for (size_t i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++)
		if (!strcmp(name, exprs[i].name)) {
			data = &exprs[i].level;
			break;
		}
	EACH_NESTED(a, expr) {
		if (type_of(a) != NFTA_EXPR_DATA)
			continue;
		if (!data)
			*unchecked = true;
		else if (!check_nested(a, data, unchecked))
			return false;
	}
	return true;
}

static bool check_exprs(const struct nlattr *list, bool *unchecked)
{
	const struct nlattr *expr;

	if (!nested_ok(list))
		return false;
	EACH_NESTED(expr, list)
		if (!check_expr(expr, unchecked))
			return false;
	return true;
}

bool nft_rule_msg_sane(const struct nlmsghdr *nlh, bool *unchecked)
{
	const struct nlattr *a;
	bool ignored = false;

	if (!unchecked)
		unchecked = &ignored;
	*unchecked = false;
	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(struct nfgenmsg))
		return false;
	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (!check_attr(a, &rule_level, unchecked))
			return false;
	return true;
}
