/* The netconf decoder and printer (what `ip monitor netconf` prints), fed
 * with messages built here byte by byte, and the name cache's drop that
 * the monitor keeps in step with RTM_DELLINK. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/netconf.h>
#include <linux/rtnetlink.h>

#include "tap.h"
#include "nl/ifnames.h"
#include "nl/netconf_msg.h"
#include "print/netconf_print.h"

struct attr { int type; uint32_t value; };

/* A RTM_NEWNETCONF of family with the u32 attributes given (n of them). */
static struct nlmsghdr *netconf_msg(char *buf, int family, const struct attr *a,
				    size_t n)
{
	struct nlmsghdr *nlh = mnl_nlmsg_put_header(buf);
	nlh->nlmsg_type = RTM_NEWNETCONF;
	struct netconfmsg *ncm = mnl_nlmsg_put_extra_header(nlh, sizeof(*ncm));
	ncm->ncm_family = (unsigned char)family;
	for (size_t i = 0; i < n; i++)
		mnl_attr_put_u32(nlh, (uint16_t)a[i].type, a[i].value);
	return nlh;
}

/* What the printer writes for the message, as a string to free. */
static char *printed(const struct nlmsghdr *nlh, const struct ifnames *names)
{
	struct netconf_msg m;
	struct out o;
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(netconf_msg_parse(nlh, &m), 0);
	out_init(&o, f, false, false, false);
	netconf_print(&o, &m, names);
	fclose(f);
	return text;
}

static void check_printed(const struct nlmsghdr *nlh, const struct ifnames *names,
			  const char *want)
{
	char *got = printed(nlh, names);
	ck_assert_str_eq(got, want);
	free(got);
}

START_TEST(test_device_settings)
{
	char buf[512];
	struct ifnames names = { 0 };
	const struct attr a[] = {
		{ NETCONFA_IFINDEX, 3 }, { NETCONFA_FORWARDING, 1 },
		{ NETCONFA_RP_FILTER, 2 }, { NETCONFA_MC_FORWARDING, 0 },
		{ NETCONFA_PROXY_NEIGH, 0 }, { NETCONFA_IGNORE_ROUTES_WITH_LINKDOWN, 1 },
	};

	ck_assert_ptr_nonnull(ifnames_put(&names, 3, 0, "va"));
	check_printed(netconf_msg(buf, AF_INET, a, 6), &names,
		      "inet va forwarding on rp_filter loose mc_forwarding off "
		      "proxy_neigh off ignore_routes_with_linkdown on ");
	ifnames_free(&names);
}
END_TEST

START_TEST(test_special_devices)
{
	char buf[512];
	const struct attr all[] = { { NETCONFA_IFINDEX, (uint32_t)NETCONFA_IFINDEX_ALL },
				    { NETCONFA_FORWARDING, 0 } };
	const struct attr def[] = { { NETCONFA_IFINDEX, (uint32_t)NETCONFA_IFINDEX_DEFAULT },
				    { NETCONFA_RP_FILTER, 7 } };
	const struct attr gone[] = { { NETCONFA_IFINDEX, 9 }, { NETCONFA_INPUT, 1 } };

	check_printed(netconf_msg(buf, AF_INET6, all, 2), NULL, "inet6 all forwarding off ");
	check_printed(netconf_msg(buf, AF_INET, def, 2), NULL, "inet default rp_filter 7 ");
	check_printed(netconf_msg(buf, AF_MPLS, gone, 2), NULL, "mpls if9 input on ");
	check_printed(netconf_msg(buf, AF_INET, NULL, 0), NULL, "inet ");
}
END_TEST

START_TEST(test_malformed)
{
	char buf[512];
	struct netconf_msg m;
	struct nlmsghdr *nlh = netconf_msg(buf, AF_INET, NULL, 0);

	/* A u32 attribute of two bytes. */
	uint16_t two = 2;
	mnl_attr_put(nlh, NETCONFA_FORWARDING, sizeof(two), &two);
	ck_assert_int_eq(netconf_msg_parse(nlh, &m), -1);
	/* An attribute that runs past the message. */
	nlh = netconf_msg(buf, AF_INET, (const struct attr[]){ { NETCONFA_IFINDEX, 1 } }, 1);
	nlh->nlmsg_len -= 2;
	ck_assert_int_eq(netconf_msg_parse(nlh, &m), -1);
}
END_TEST

START_TEST(test_ifnames_drop)
{
	struct ifnames t = { 0 };

	for (int i = 1; i <= 4; i++)
		ck_assert_ptr_nonnull(ifnames_put(&t, i * 10, 0, "x"));
	ifnames_drop(&t, 20);
	ifnames_drop(&t, 25);     /* not there: nothing happens */
	ck_assert_uint_eq(t.n, 3);
	ck_assert_ptr_null(ifnames_find(&t, 20));
	ck_assert_ptr_nonnull(ifnames_find(&t, 10));
	ck_assert_ptr_nonnull(ifnames_find(&t, 30));
	ck_assert_ptr_nonnull(ifnames_find(&t, 40));
	ifnames_drop(&t, 40);
	ifnames_drop(&t, 10);
	ifnames_drop(&t, 30);
	ck_assert_uint_eq(t.n, 0);
	ifnames_free(&t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("netconf");
	TCase *tc = tcase_create("netconf");

	tcase_add_test(tc, test_device_settings);
	tcase_add_test(tc, test_special_devices);
	tcase_add_test(tc, test_malformed);
	tcase_add_test(tc, test_ifnames_drop);
	suite_add_tcase(s, tc);
	return run_suite(s);
}
