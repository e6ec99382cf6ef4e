/* Names the link printers share (and the link applet's bond words). */
#ifndef NSIP_LINK_NAMES_H
#define NSIP_LINK_NAMES_H

#include <stddef.h>
#include <stdint.h>

#include "print/link_print.h"

/* 802.1Q, 802.1ad, or the number, of a protocol in network order. */
const char *vlan_proto_name(uint16_t proto_be, char *buf, size_t len);

/* The names of a bond's settings, by value, NULL-terminated (iproute2's
 * words, read by `link add type bond` and printed by -d). */
extern const char *const bond_mode_names[];
extern const char *const bond_arp_validate_names[];
extern const char *const bond_arp_all_targets_names[];
extern const char *const bond_primary_reselect_names[];
extern const char *const bond_fail_over_mac_names[];
extern const char *const bond_xmit_hash_policy_names[];
extern const char *const bond_lacp_active_names[];
extern const char *const bond_lacp_rate_names[];
extern const char *const bond_ad_select_names[];

#endif
