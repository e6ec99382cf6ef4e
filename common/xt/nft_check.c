#include "xt/nft_check.h"
#include "nl/attr.h"

#include <endian.h>
#include <string.h>
#include <arpa/inet.h>
#include <linux/netfilter/nf_tables.h>
#include <linux/netfilter/nfnetlink.h>

/* What an attribute must be. ANY is what nsip does not read: binary
 * data, padding, and types newer than its own. */
enum shape { ANY, U32, U64, STR, DATA, VERDICT, COMPAT, EXPRS };

/* One nesting level: the shape of each attribute type up to max; types
 * above it are ignored, as the readers ignore them. */
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
	[NFTA_RULE_CHAIN_ID] = U32, [NFTA_RULE_USERDATA] = ANY);
static const struct level compat_level = LEVEL(NFTA_RULE_COMPAT_MAX,
	[NFTA_RULE_COMPAT_PROTO] = U32, [NFTA_RULE_COMPAT_FLAGS] = U32);
static const struct level data_level = LEVEL(NFTA_DATA_MAX,
	[NFTA_DATA_VERDICT] = VERDICT);
static const struct level verdict_level = LEVEL(NFTA_VERDICT_MAX,
	[NFTA_VERDICT_CODE] = U32, [NFTA_VERDICT_CHAIN] = STR,
	[NFTA_VERDICT_CHAIN_ID] = U32);

/* By kind: the attributes of each expression's data. */
static const struct level exprs[EXPR_KINDS] = {
	[EXPR_META] = LEVEL(NFTA_META_MAX, [NFTA_META_KEY] = U32,
			[NFTA_META_DREG] = U32, [NFTA_META_SREG] = U32),
	[EXPR_CMP] = LEVEL(NFTA_CMP_MAX, [NFTA_CMP_SREG] = U32,
		       [NFTA_CMP_OP] = U32, [NFTA_CMP_DATA] = DATA),
	[EXPR_PAYLOAD] = LEVEL(NFTA_PAYLOAD_MAX, [NFTA_PAYLOAD_DREG] = U32,
			   [NFTA_PAYLOAD_BASE] = U32, [NFTA_PAYLOAD_OFFSET] = U32,
			   [NFTA_PAYLOAD_LEN] = U32, [NFTA_PAYLOAD_SREG] = U32,
			   [NFTA_PAYLOAD_CSUM_TYPE] = U32,
			   [NFTA_PAYLOAD_CSUM_OFFSET] = U32,
			   [NFTA_PAYLOAD_CSUM_FLAGS] = U32),
	[EXPR_BITWISE] = LEVEL(NFTA_BITWISE_MAX, [NFTA_BITWISE_SREG] = U32,
			   [NFTA_BITWISE_DREG] = U32, [NFTA_BITWISE_LEN] = U32,
			   [NFTA_BITWISE_MASK] = DATA, [NFTA_BITWISE_XOR] = DATA,
			   [NFTA_BITWISE_OP] = U32, [NFTA_BITWISE_DATA] = DATA),
	[EXPR_COUNTER] = LEVEL(NFTA_COUNTER_MAX, [NFTA_COUNTER_BYTES] = U64,
			   [NFTA_COUNTER_PACKETS] = U64),
	[EXPR_IMMEDIATE] = LEVEL(NFTA_IMMEDIATE_MAX, [NFTA_IMMEDIATE_DREG] = U32,
			     [NFTA_IMMEDIATE_DATA] = DATA),
	[EXPR_NAT] = LEVEL(NFTA_NAT_MAX, [NFTA_NAT_TYPE] = U32,
		       [NFTA_NAT_FAMILY] = U32, [NFTA_NAT_REG_ADDR_MIN] = U32,
		       [NFTA_NAT_REG_ADDR_MAX] = U32,
		       [NFTA_NAT_REG_PROTO_MIN] = U32,
		       [NFTA_NAT_REG_PROTO_MAX] = U32, [NFTA_NAT_FLAGS] = U32),
	[EXPR_MASQ] = LEVEL(NFTA_MASQ_MAX, [NFTA_MASQ_FLAGS] = U32,
			[NFTA_MASQ_REG_PROTO_MIN] = U32,
			[NFTA_MASQ_REG_PROTO_MAX] = U32),
	[EXPR_REDIR] = LEVEL(NFTA_REDIR_MAX, [NFTA_REDIR_REG_PROTO_MIN] = U32,
			 [NFTA_REDIR_REG_PROTO_MAX] = U32,
			 [NFTA_REDIR_FLAGS] = U32),
	[EXPR_CT] = LEVEL(NFTA_CT_MAX, [NFTA_CT_DREG] = U32, [NFTA_CT_KEY] = U32,
		      [NFTA_CT_SREG] = U32),
	[EXPR_REJECT] = LEVEL(NFTA_REJECT_MAX, [NFTA_REJECT_TYPE] = U32),
	[EXPR_LOOKUP] = LEVEL(NFTA_LOOKUP_MAX, [NFTA_LOOKUP_SET] = STR,
			  [NFTA_LOOKUP_SREG] = U32, [NFTA_LOOKUP_DREG] = U32,
			  [NFTA_LOOKUP_SET_ID] = U32, [NFTA_LOOKUP_FLAGS] = U32),
	[EXPR_LOG] = LEVEL(NFTA_LOG_MAX, [NFTA_LOG_GROUP] = ANY,
		       [NFTA_LOG_PREFIX] = STR, [NFTA_LOG_SNAPLEN] = U32,
		       [NFTA_LOG_QTHRESHOLD] = ANY, [NFTA_LOG_LEVEL] = U32,
		       [NFTA_LOG_FLAGS] = U32),
	[EXPR_RANGE] = LEVEL(NFTA_RANGE_MAX, [NFTA_RANGE_SREG] = U32,
			 [NFTA_RANGE_OP] = U32, [NFTA_RANGE_FROM_DATA] = DATA,
			 [NFTA_RANGE_TO_DATA] = DATA),
	[EXPR_FIB] = LEVEL(NFTA_FIB_MAX, [NFTA_FIB_DREG] = U32,
		       [NFTA_FIB_RESULT] = U32, [NFTA_FIB_FLAGS] = U32),
	[EXPR_BYTEORDER] = LEVEL(NFTA_BYTEORDER_MAX, [NFTA_BYTEORDER_SREG] = U32,
			     [NFTA_BYTEORDER_DREG] = U32, [NFTA_BYTEORDER_OP] = U32,
			     [NFTA_BYTEORDER_LEN] = U32, [NFTA_BYTEORDER_SIZE] = U32),
	[EXPR_LIMIT] = LEVEL(NFTA_LIMIT_MAX, [NFTA_LIMIT_RATE] = U64,
			 [NFTA_LIMIT_UNIT] = U64, [NFTA_LIMIT_BURST] = U32,
			 [NFTA_LIMIT_TYPE] = U32, [NFTA_LIMIT_FLAGS] = U32),
};

enum nft_expr_kind nft_expr_kind(const char *name)
{
	/* By first letter, then the whole name: a listing names some ten
	 * expressions a rule. */
	switch (name[0]) {
	case 'b': return !strcmp(name, "bitwise") ? EXPR_BITWISE :
			 !strcmp(name, "byteorder") ? EXPR_BYTEORDER : EXPR_OTHER;
	case 'f': return strcmp(name, "fib") ? EXPR_OTHER : EXPR_FIB;
	case 'c': return !strcmp(name, "cmp") ? EXPR_CMP :
			 !strcmp(name, "counter") ? EXPR_COUNTER :
			 !strcmp(name, "ct") ? EXPR_CT : EXPR_OTHER;
	case 'l': return !strcmp(name, "log") ? EXPR_LOG :
			 !strcmp(name, "lookup") ? EXPR_LOOKUP :
			 !strcmp(name, "limit") ? EXPR_LIMIT : EXPR_OTHER;
	case 'i': return strcmp(name, "immediate") ? EXPR_OTHER : EXPR_IMMEDIATE;
	case 'm': return !strcmp(name, "meta") ? EXPR_META :
			 !strcmp(name, "masq") ? EXPR_MASQ : EXPR_OTHER;
	case 'n': return strcmp(name, "nat") ? EXPR_OTHER : EXPR_NAT;
	case 'p': return strcmp(name, "payload") ? EXPR_OTHER : EXPR_PAYLOAD;
	case 'r': return !strcmp(name, "range") ? EXPR_RANGE :
			 !strcmp(name, "redir") ? EXPR_REDIR :
			 !strcmp(name, "reject") ? EXPR_REJECT : EXPR_OTHER;
	}
	return EXPR_OTHER;
}

static bool nested_ok(const struct nlattr *a)
{
	uint16_t len = attr_len(a);

	return len == 0 || len >= NLA_HDRLEN;
}

static bool check_nested(const struct nlattr *nest, const struct level *l);
static bool check_exprs(const struct nlattr *list);

/* A jump or goto names its chain. */
static bool check_verdict(const struct nlattr *v)
{
	const struct nlattr *a;
	bool chain = false;
	int32_t code = 0;

	if (!check_nested(v, &verdict_level))
		return false;
	ATTR_EACH_NESTED(a, v) {
		if (attr_type(a) == NFTA_VERDICT_CODE)
			code = (int32_t)ntohl(mnl_attr_get_u32(a));
		else if (attr_type(a) == NFTA_VERDICT_CHAIN)
			chain = true;
	}
	return chain || (code != NFT_JUMP && code != NFT_GOTO);
}

static bool check_attr(const struct nlattr *a, const struct level *l)
{
	uint16_t type = attr_type(a), len = attr_len(a);
	const char *s = attr_data(a);

	if (type > l->max)
		return true;
	switch (l->shape[type]) {
	case U32: return len == sizeof(uint32_t);
	case U64: return len == sizeof(uint64_t);
	case STR: return len > 0 && s[len - 1] == '\0';
	case DATA: return check_nested(a, &data_level);
	case VERDICT: return check_verdict(a);
	case COMPAT: return check_nested(a, &compat_level);
	case EXPRS: return check_exprs(a);
	default: return true;
	}
}

static bool check_nested(const struct nlattr *nest, const struct level *l)
{
	const struct nlattr *a;

	if (!nested_ok(nest))
		return false;
	ATTR_EACH_NESTED(a, nest)
		if (!check_attr(a, l))
			return false;
	return true;
}

/* An expression: its name (libnftnl takes the last one) decides how its
 * data is checked. */
static bool check_expr(const struct nlattr *expr)
{
	const struct nlattr *a;
	const struct level *data = NULL;
	const char *name = NULL;

	if (!nested_ok(expr))
		return false;
	ATTR_EACH_NESTED(a, expr) {
		uint16_t len = attr_len(a);

		if (attr_type(a) != NFTA_EXPR_NAME)
			continue;
		name = attr_data(a);
		if (len == 0 || name[len - 1] != '\0')
			return false;
	}
	if (!name)
		return false;
	enum nft_expr_kind kind = nft_expr_kind(name);

	if (kind != EXPR_OTHER)
		data = &exprs[kind];
	ATTR_EACH_NESTED(a, expr) {
		if (attr_type(a) != NFTA_EXPR_DATA)
			continue;
		if (data && !check_nested(a, data))
			return false;
	}
	return true;
}

static bool check_exprs(const struct nlattr *list)
{
	const struct nlattr *expr;

	if (!nested_ok(list))
		return false;
	ATTR_EACH_NESTED(expr, list)
		if (!check_expr(expr))
			return false;
	return true;
}

bool nft_rule_msg_sane(const struct nlmsghdr *nlh)
{
	const struct nlattr *a;

	if (nlh->nlmsg_len < MNL_NLMSG_HDRLEN + sizeof(struct nfgenmsg))
		return false;
	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg))
		if (!check_attr(a, &rule_level))
			return false;
	return true;
}

bool nft_rule_view_of(const struct nlmsghdr *nlh, struct nft_rule_view *v)
{
	const struct nlattr *a;
	bool have_handle = false;

	*v = (struct nft_rule_view){ 0 };
	mnl_attr_for_each(a, nlh, sizeof(struct nfgenmsg)) {
		switch (attr_type(a)) {
		case NFTA_RULE_TABLE: v->table = attr_data(a); break;
		case NFTA_RULE_CHAIN: v->chain = attr_data(a); break;
		case NFTA_RULE_EXPRESSIONS: v->exprs = a; break;
		case NFTA_RULE_USERDATA:
			v->udata = (const uint8_t *)attr_data(a);
			v->udata_len = attr_len(a);
			break;
		case NFTA_RULE_HANDLE:
			v->handle = be64toh(mnl_attr_get_u64(a));
			have_handle = true;
			break;
		}
	}
	return v->table && v->chain && have_handle;
}
