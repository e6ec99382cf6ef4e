#!/bin/bash
# ip neigh add/del/change/replace/flush by hand: iproute2 in one namespace,
# nsip in its twin; same messages, exit codes and neighbour tables.
. "${TESTS_DIR:-$(dirname "$0")/..}/lib.sh"
. "$TESTS_DIR/integration/route_lib.sh"

twin want && twin got || { echo "Bail out! cannot make the twin namespaces"; exit 1; }
TABLES="neigh show nud all"

same_effect "add permanent" neigh add 10.0.0.7 lladdr 02:11:22:33:44:55 dev v0
same_effect "add noarp" neigh add 10.0.0.8 lladdr 02:11:22:33:44:56 dev v0 nud noarp
same_effect "add stale router IPv6" neigh add fd00::9 lladdr 02:11:22:33:44:66 dev v0 router nud stale
same_effect "add reachable with protocol" neigh add 10.0.0.11 lladdr 2:0:0:0:0:b dev v0 nud reachable protocol static
same_effect "add incomplete" neigh add 10.0.0.9 dev v0 nud incomplete
same_effect "add with to and abbreviation" n a to 10.0.0.12 ll 02:11:22:33:44:12 dev v0
same_effect "add externally learned" neigh add 10.0.0.13 lladdr 02:11:22:33:44:13 dev v0 extern_learn
same_effect "add proxy" neigh add proxy 10.0.0.14 dev v0
same_effect "replace" neigh replace 10.0.0.7 lladdr 02:11:22:33:44:57 dev v0 nud reachable
same_effect "replace creates" neigh replace 10.0.0.15 lladdr 02:11:22:33:44:15 dev v0
same_effect "change" neigh change 10.0.0.8 lladdr 02:11:22:33:44:58 dev v0 nud permanent
same_effect "delete" neigh del 10.0.0.11 dev v0
same_effect "delete IPv6" neigh delete fd00::9 dev v0

# Bad input: the message, the exit code, and nothing changed.
same_effect "existing entry" neigh add 10.0.0.7 lladdr 02:11:22:33:44:55 dev v0
same_effect "delete of a missing entry" neigh del 10.0.0.77 dev v0
same_effect "no device" neigh del 10.0.0.7
same_effect "bad lladdr" neigh add 10.0.0.70 lladdr zz dev v0
same_effect "bad lladdr byte" neigh add 10.0.0.70 lladdr 02:zz:00:00:00:00 dev v0
same_effect "short lladdr" neigh add 10.0.0.70 lladdr 02:11 dev v0
same_effect "lladdr twice" neigh add 10.0.0.70 dev v0 lladdr 1 lladdr 2
same_effect "bad nud" neigh add 10.0.0.70 dev v0 nud frob
same_effect "two addresses" neigh add 10.0.0.70 10.0.0.71 dev v0
same_effect "unknown dev" neigh add 10.0.0.70 lladdr 02:00:00:00:00:70 dev nosuch
same_effect "bad address" neigh add 10.0.0.300 dev v0
same_effect "IPv4 under -6" -6 neigh add 10.0.0.70 dev v0
same_effect "missing value" neigh add 10.0.0.70 lladdr
same_effect "flush without words" neigh flush
same_effect "unknown command" neigh frob

# Flush: what the filter selects goes, the rest stays.
same_effect "flush one state" neigh flush dev v0 nud reachable
same_effect "flush by prefix" neigh flush 10.0.0.12/32
same_effect "flush a device" neigh flush dev v0
same_effect "flush permanent ones too" neigh flush nud all
same_effect "flush IPv6 with -s" -s -6 neigh flush all

done_testing
