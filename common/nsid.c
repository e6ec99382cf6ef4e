#include "nsid.h"
#include "ns.h"

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>
#include <linux/net_namespace.h>
#include <linux/rtnetlink.h>

static const struct nl_policy nsid_policy[NETNSA_MAX + 1] = {
	[NETNSA_NSID] = { MNL_TYPE_U32, 0 },
};

int nsid_read_reply(const struct nlmsghdr *nlh, void *data)
{
	const struct nlattr *tb[NETNSA_MAX + 1];
	int *nsid = data;

	if (nlh->nlmsg_type != RTM_NEWNSID)
		return 0;
	if (nl_parse(nlh, sizeof(struct rtgenmsg), nsid_policy, NETNSA_MAX, tb) < 0)
		return nl_malformed(nlh);
	if (tb[NETNSA_NSID])
		*nsid = (int)mnl_attr_get_u32(tb[NETNSA_NSID]);
	return 0;
}

int nsid_of_name(struct nl *nl, const char *name, int quiet)
{
	char path[PATH_MAX];
	struct nl_req req;
	int nsid = -1;

	if (ns_path(path, sizeof(path), name) < 0)
		return -1;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct nlmsghdr *nlh = nl_req_init(&req, RTM_GETNSID, 0);
	struct rtgenmsg *g = mnl_nlmsg_put_extra_header(nlh, sizeof(*g));
	g->rtgen_family = AF_UNSPEC;
	mnl_attr_put_u32(nlh, NETNSA_FD, (uint32_t)fd);
	int r = quiet ? nl_talk_quiet(nl, nlh, nsid_read_reply, &nsid)
		      : nl_talk(nl, nlh, nsid_read_reply, &nsid);
	close(fd);
	return r < 0 ? -1 : nsid;
}

int name_of_nsid(struct nl *nl, int nsid, char *buf, size_t len)
{
	DIR *d = opendir(NETNS_RUN_DIR);
	struct dirent *e;
	int r = -1;

	if (!d)
		return -1;
	while (r < 0 && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (nsid_of_name(nl, e->d_name, 1) == nsid &&
		    snprintf(buf, len, "%s", e->d_name) < (int)len)
			r = 0;
	}
	closedir(d);
	return r;
}
