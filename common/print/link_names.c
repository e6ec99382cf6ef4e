/* Names the link printers share: a VLAN protocol, a bond's settings. */
#include "print/link_names.h"

#include <arpa/inet.h>
#include <stdio.h>

const char *vlan_proto_name(uint16_t proto_be, char *buf, size_t len)
{
	uint16_t proto = ntohs(proto_be);

	if (proto == 0x8100)
		return "802.1Q";
	if (proto == 0x88a8)
		return "802.1ad";
	snprintf(buf, len, "[%u]", proto);   /* decimal, as ip writes it */
	return buf;
}

const char *const bond_mode_names[] = {
	"balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
	"balance-tlb", "balance-alb", NULL
};
const char *const bond_arp_validate_names[] = {
	"none", "active", "backup", "all", "filter", "filter_active", "filter_backup", NULL
};
const char *const bond_arp_all_targets_names[] = { "any", "all", NULL };
const char *const bond_primary_reselect_names[] = { "always", "better", "failure", NULL };
const char *const bond_fail_over_mac_names[] = { "none", "active", "follow", NULL };
const char *const bond_xmit_hash_policy_names[] = {
	"layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac", NULL
};
const char *const bond_lacp_active_names[] = { "off", "on", NULL };
const char *const bond_lacp_rate_names[] = { "slow", "fast", NULL };
const char *const bond_ad_select_names[] = { "stable", "bandwidth", "count", NULL };
