/* The nat applet's words as read (nat_words.c) and then checked and put
 * together into the request (nat_build.c). Private to cmd/nat. */
#ifndef NSIP_CMD_NAT_WORDS_H
#define NSIP_CMD_NAT_WORDS_H

#include <stdbool.h>

#include "nat.h"

enum opt_id {
	O_APPEND, O_CHECK, O_DELETE, O_INSERT, O_REPLACE, O_LIST, O_SAVE,
	O_FLUSH, O_ZERO, O_NEWCHAIN, O_DELCHAIN, O_RENAME, O_POLICY, O_HELP,
	O_VERSION, O_TABLE, O_SRC, O_DST, O_PROTO, O_IN, O_OUT, O_JUMP, O_MATCH,
	O_NUMERIC, O_VERBOSE, O_EXACT, O_LINENUM, O_WAIT, O_WAITINT, O_SPORT,
	O_DPORT, O_TODEST, O_TOSRC, O_TOPORTS, O_TOANY, O_RANDOM, O_JSON,
	/* the filter table's: -g, matches' and targets' options */
	O_GOTO, O_CTSTATE, O_STATE, O_COMMENT, O_SYN, O_TCPFLAGS, O_ICMPTYPE, O_MARK,
	O_REJECT_WITH,
	O_LOG_PREFIX, O_LOG_LEVEL, O_LOG_TCPSEQ, O_LOG_TCPOPT, O_LOG_IPOPT,
	O_LOG_UID, O_LOG_MACDECODE, O_MPORT_D, O_MPORT_S, O_MPORT_ANY,
	O_RANDOM_FULLY, O_PERSISTENT, O_IPV4, O_IPV6,
	/* -m length, iprange, limit, addrtype */
	O_LENGTH, O_SRCRANGE, O_DSTRANGE, O_LIMIT, O_LIMIT_BURST, O_SRCTYPE,
	O_DSTTYPE, O_LIFACE_IN, O_LIFACE_OUT, O_MAX
};

#define MAX_MATCHES 16   /* -m options kept, in order */

/* What the words said, before the rule is put together. */
struct parse {
	const struct nat_env *e;
	struct nat_req *q;
	const char *table;
	bool invert;               /* a "!" waits for its option */
	const char *word[O_MAX];   /* each option's value, NULL if absent */
	const char *typed[O_MAX];  /* how it was spelled, for messages */
	char letter_typed[O_MAX][3];   /* "-s": short spellings kept here */
	char short_typed[3];           /* the short option being read */
	bool neg[O_MAX];
	bool go;                   /* the target came with -g */
	const char *match[MAX_MATCHES];   /* each -m NAME, in order */
	int n_match;
	uint8_t order[XT_M_KINDS];  /* the kinds of match, as they came */
	int n_order;
	bool help, version;
	int n_verbose;             /* -v given so many times (-vv ...) */
	const char *tcpf_comp;     /* --tcp-flags' second word */
	char proto_lc[32];         /* -p's value in lower case, as iptables reads it */
	int argc, i;
	char **argv;
};

/* Reads every word into p: 0, or the exit code after iptables' message. */
int nat_read_words(struct parse *p);
/* Checks the words against the command and builds its rule into p->q:
 * 0, or the exit code after iptables' message. */
int nat_build_request(struct parse *p);

/* The filter table's parts of the rule (nat_build_xt.c), each 0 or the
 * exit code after iptables' message: whether -m NAME was given; each -m is
 * one nsip has; the matches' options; options of REJECT or LOG given with
 * another target t; REJECT's and LOG's options. */
bool nat_has_match(const struct parse *p, const char *name);
/* An option (its long name) nsip does not know that iptables would know
 * from a match or target given: that one named (0 when there is none). */
int nat_unsupported(struct parse *p, const char *option);

int nat_check_matches(struct parse *p);
int nat_build_matches(struct parse *p, struct nat_rule *r);
int nat_stray_xt_opts(struct parse *p, enum nat_target t);
int nat_build_xt_target(struct parse *p, struct nat_rule *r);
/* -m length, iprange, limit and addrtype (nat_build_more.c), built
 * before nat_build_matches, which keeps the order of all of them. */
int nat_build_more_matches(struct parse *p, struct nat_rule *r);
/* The option of one of those matches it names in messages ("limit"), or
 * NULL for another option. */
const char *nat_more_owner(enum opt_id id);

#endif
