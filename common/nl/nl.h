/* The rtnetlink core on libmnl: requests that wait for the kernel's ack,
 * dumps streamed or collected whole, validated attributes. */
#ifndef NSIP_NL_H
#define NSIP_NL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <libmnl/libmnl.h>

/* The largest request: iproute2's largest (route, 4096) and the room
 * word loops keep (NL_WORD_ROOM), so that nsip takes any line ip takes. */
#define NL_MSG_MAX (4096 + 512)
#define NL_RECV_SIZE 32768    /* the kernel's largest dump datagram */
/* How often a dump is started over before nsip gives up on a consistent
 * view (the kernel keeps changing the table under it): rtnetlink's dumps
 * and nftables' alike. */
#define NL_DUMP_TRIES 10

/* What the kernel said when it refused: errno and its extended-ack text. */
struct nl_error {
	int err;
	char msg[256];
	bool kernel;           /* err is the kernel's answer, not a failure to
				* send or read the exchange */
};

struct nl {
	struct mnl_socket *sock;
	uint32_t portid;
	uint32_t seq;
	struct nl_error last;
	char *rbuf;            /* NL_RECV_SIZE bytes */
};

/* Messages of a finished dump, kept back to back. */
struct nl_dump {
	char *buf;
	size_t len;
	size_t cap;
};

/* Called for each data message; return 0 to go on, 1 to end the exchange
 * there (what is left of the answer stays unread), -1 to stop with an
 * error (the callback has printed it, or left its errno for the caller). */
typedef int (*nl_msg_fn)(const struct nlmsghdr *nlh, void *data);

/* A fixed-size request buffer with a header at its start. */
struct nl_req {
	union {
		struct nlmsghdr nlh;
		char buf[NL_MSG_MAX];
	};
};

/* The most that the words of a command line may still add once a word
 * loop has checked nl_req_full: one word's attributes (an RTA_VIA with an
 * IPv6 address is 24 bytes) and the fixed ones put after the words (the
 * metrics nest, 140). A line may repeat words without end. */
#define NL_WORD_ROOM 256

static inline bool nl_req_full(const struct nlmsghdr *nlh)
{
	return nlh->nlmsg_len > NL_MSG_MAX - NL_WORD_ROOM;
}

int nl_open(struct nl *nl);
void nl_close(struct nl *nl);

/* Building a request (nl_req.c). Only the parts a request is made of are
 * written: the buffer is not zeroed as a whole (4.6 KiB for each line of a
 * batch), so every piece goes through these, which zero their padding. */

/* Starts a request: zeroed header of this type; NLM_F_REQUEST is added. */
struct nlmsghdr *nl_req_init(struct nl_req *r, uint16_t type, uint16_t flags);
/* The fixed header after the netlink one (ifinfomsg, rtmsg, ...): zeroed. */
void *nl_put_header(struct nlmsghdr *nlh, size_t size);
/* An attribute; nl_put_check refuses one that would run past NL_MSG_MAX. */
void nl_put(struct nlmsghdr *nlh, uint16_t type, size_t len, const void *data);
bool nl_put_check(struct nlmsghdr *nlh, uint16_t type, size_t len,
		  const void *data);
void nl_put_u8(struct nlmsghdr *nlh, uint16_t type, uint8_t v);
/* Attributes without padding (u32, nests) are put with libmnl's own. */

/* Sends req with NLM_F_ACK and waits for the ack; data messages before it
 * (the answer to a GET) go to fn. On a refusal prints the kernel's answer
 * in iproute2's words and returns -1. */
int nl_talk(struct nl *nl, struct nlmsghdr *req, nl_msg_fn fn, void *data);
/* The same, silent: the caller reads nl->last. */
int nl_talk_quiet(struct nl *nl, struct nlmsghdr *req, nl_msg_fn fn, void *data);

/* Sends a dump request and hands each reply to fn as it arrives, from the
 * receive buffer: nothing is kept. When the kernel marks the dump
 * interrupted (NLM_F_DUMP_INTR: its table changed meanwhile), restart is
 * called and the dump asked again, up to ten times; fn then sees the
 * records of the new dump from the start. On failure it has printed why
 * (fn prints its own failures). */
int nl_dump_stream(struct nl *nl, struct nlmsghdr *req, nl_msg_fn fn,
		   void (*restart)(void *data), void *data);
/* The same, collecting every reply into d. On failure d is left empty
 * (nothing to free). */
int nl_dump(struct nl *nl, struct nlmsghdr *req, struct nl_dump *d);
/* Appends a copy of the message to dump (a struct nl_dump), at the
 * aligned place where nl_dump_each looks for it: 0, or -1 said. An
 * nl_msg_fn. */
int nl_dump_append(const struct nlmsghdr *nlh, void *dump);
int nl_dump_each(const struct nl_dump *d, nl_msg_fn fn, void *data);
void nl_dump_free(struct nl_dump *d);

/* ---- the transport under every netlink exchange -----------------------
 * rtnetlink's (above) and nftables' (common/xt/nft_read.c) alike: one
 * receive, one loop, one answer to a datagram too large or cut short. */

/* One datagram into nl->rbuf (NL_RECV_SIZE bytes); flags are recvmsg's
 * (only MSG_DONTWAIT is looked at). Its length, or -1 with errno:
 * EMSGSIZE when it did not fit (MSG_TRUNC). Whether it holds whole messages only is the caller's
 * check (nl_whole_messages): some read on past a cut one. */
ssize_t nl_recv_datagram(struct nl *nl, int flags);
/* Receives the answer to the request already sent with sequence number
 * seq until its exchange ends (an ack, an error, the end of a dump, or fn
 * returning 1), handing each data message to fn: 0, or -1 with nl->last
 * (err -1: fn failed; EINTR: the kernel marked the dump interrupted, the
 * rest of it is still queued; kernel set: the kernel's refusal, with its
 * extended-ack text). Datagrams cut short are EBADMSG. */
int nl_receive(struct nl *nl, uint32_t seq, nl_msg_fn fn, void *data);

/* "Error: TEXT." when the kernel gave a text, else "RTNETLINK answers: ...". */
void nl_error_format(const struct nl_error *e, char *buf, size_t len);
void nl_error_print(const struct nl_error *e);

/* Attribute validation: policy[type] gives the expected libmnl type and
 * minimum length; attributes without a policy entry are left out of tb. */
struct nl_policy {
	enum mnl_attr_data_type type;
	uint16_t min_len;
};

/* Checks that nlh holds a fixed header of hdrlen bytes, then fills tb[0..max]
 * from the attributes after it. Returns -1 on any malformed attribute. */
int nl_parse(const struct nlmsghdr *nlh, size_t hdrlen,
	     const struct nl_policy *policy, uint16_t max,
	     const struct nlattr **tb);
/* nl_parse up to the first attribute of type stop: what follows it is not
 * looked at (the table of names reads one attribute of every link). */
#define NL_PARSE_ALL 0x10000u   /* above every attribute type */
int nl_parse_until(const struct nlmsghdr *nlh, size_t hdrlen,
		   const struct nl_policy *policy, uint16_t max,
		   const struct nlattr **tb, unsigned int stop);
int nl_parse_nested(const struct nlattr *nest, const struct nl_policy *policy,
		    uint16_t max, const struct nlattr **tb);

/* Whether buf[0..len) is made of whole netlink messages only: a datagram
 * cut short (a message whose length runs past the end) is not, and libmnl
 * would silently stop before it. */
bool nl_whole_messages(const void *buf, size_t len);

/* Prints the one line for a malformed kernel reply and returns -1. */
int nl_malformed(const struct nlmsghdr *nlh);

#endif
