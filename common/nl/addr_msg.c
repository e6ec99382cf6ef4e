/* An address message (RTM_NEWADDR) taken apart and checked (addr_msg.h). */
#include "nl/addr_msg.h"
#include "base/inet.h"

#include <sys/socket.h>

static const struct nl_policy addr_policy[IFA_MAX + 1] = {
	[IFA_ADDRESS] = { MNL_TYPE_BINARY, 0 },
	[IFA_LOCAL] = { MNL_TYPE_BINARY, 0 },
	[IFA_LABEL] = { MNL_TYPE_NUL_STRING, 0 },
	[IFA_BROADCAST] = { MNL_TYPE_BINARY, 0 },
	[IFA_ANYCAST] = { MNL_TYPE_BINARY, 0 },
	[IFA_CACHEINFO] = { MNL_TYPE_BINARY, sizeof(struct ifa_cacheinfo) },
	[IFA_FLAGS] = { MNL_TYPE_U32, 0 },
	[IFA_RT_PRIORITY] = { MNL_TYPE_U32, 0 },
};

/* Every address attribute must hold exactly one address of the family. */
static bool addr_lengths_ok(const struct addr_msg *m)
{
	static const int addr_attrs[] = { IFA_ADDRESS, IFA_LOCAL, IFA_BROADCAST,
					  IFA_ANYCAST };
	size_t want = inet_addr_len(m->ifa->ifa_family);

	for (size_t i = 0; i < sizeof(addr_attrs) / sizeof(addr_attrs[0]); i++) {
		const struct nlattr *a = m->tb[addr_attrs[i]];
		if (a && mnl_attr_get_payload_len(a) != want)
			return false;
	}
	return true;
}

int addr_msg_parse(const struct nlmsghdr *nlh, struct addr_msg *m)
{
	if (nl_parse(nlh, sizeof(struct ifaddrmsg), addr_policy, IFA_MAX, m->tb) < 0)
		return nl_malformed(nlh);
	m->ifa = mnl_nlmsg_get_payload(nlh);
	if (!inet_addr_len(m->ifa->ifa_family))
		return 1;
	if (!addr_lengths_ok(m))
		return nl_malformed(nlh);
	m->local = m->tb[IFA_LOCAL] ? m->tb[IFA_LOCAL] : m->tb[IFA_ADDRESS];
	m->address = m->tb[IFA_ADDRESS] ? m->tb[IFA_ADDRESS] : m->tb[IFA_LOCAL];
	m->flags = m->tb[IFA_FLAGS] ? mnl_attr_get_u32(m->tb[IFA_FLAGS])
				    : m->ifa->ifa_flags;
	return 0;
}

const char *addr_label(const struct addr_msg *m, const char *ifname)
{
	return m->tb[IFA_LABEL] ? mnl_attr_get_str(m->tb[IFA_LABEL]) : ifname;
}
